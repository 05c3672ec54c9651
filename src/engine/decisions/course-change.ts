import { courseFact, courseRef, factsObject, interpretationFacts, type DecisionDef } from '../decision-kit.js';
import type { Course } from '../tariff-types.js';

/** 第15条: the course changes allowed; anything the rules do not allow is refused. */
type Facts = { from: string; to: string };
type State = { from: Course; to: Course };

const kindOf = (c: Course): string => c.legacyKind ?? 'm-series';

export const courseChange: DecisionDef<Facts, State> = {
  name: 'courseChange',
  factsSchema: factsObject({ from: courseRef, to: courseRef }, ['from', 'to']),
  checksFacts: true,
  prepare: (facts, ctx) => {
    const from = courseFact(ctx, facts.from, 'from');
    const to = courseFact(ctx, facts.to, 'to');
    if (!from || !to || ctx.wellTyped) return undefined;
    if ([from, to].some((c) => c.legacyKind?.startsWith('plus-'))) ctx.interps.markUsed('plusCourseChange');
    return {
      facts: { fromKind: kindOf(from), toKind: kindOf(to), sameCourse: from.code === to.code, ...interpretationFacts(ctx) },
      state: { from, to },
    };
  },
  finish: (fired, s) => ({
    outcome: s.from.code !== s.to.code && fired.some((f) => f.type === 'allow') ? 'allowed' : 'refused',
    clauses: ['第15条'],
    fields: { from: s.from.name, to: s.to.name },
  }),
};
