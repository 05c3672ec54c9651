import { businessDaysFrom, nthBusinessDayBefore } from '../business-days.js';
import { date, factsObject, param, paramFacts, type DecisionDef } from '../decision-kit.js';

/** 第22条: a request is on time when made by the 5th business day before the desired end date. */
type Facts = { requestDate: string; desiredEndDate: string };
type State = { deadline: string };

export const cancellationNotice: DecisionDef<Facts, State> = {
  name: 'cancellationNotice',
  factsSchema: factsObject({ requestDate: date, desiredEndDate: date }, ['requestDate', 'desiredEndDate']),
  prepare: (facts, ctx) => {
    const n = Number(param(ctx, 'noticeBusinessDays'));
    ctx.interps.use('businessDays');
    ctx.interps.use('noticeDeadline');
    const deadline = nthBusinessDayBefore(facts.desiredEndDate, n);
    // Counting stops once the notice period is reached: a request years ahead is as on time as one at n.
    const counted = facts.requestDate <= deadline ? n : businessDaysFrom(facts.requestDate, facts.desiredEndDate);
    return { facts: { businessDaysBeforeEnd: counted, ...paramFacts(ctx) }, state: { deadline } };
  },
  finish: (fired, s) => ({
    outcome: fired.some((f) => f.type === 'accepted') ? 'accepted' : 'late',
    clauses: ['第22条'],
    fields: { deadline: s.deadline },
  }),
};
