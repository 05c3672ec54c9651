import { date, factsObject, paramFacts, type DecisionDef } from '../decision-kit.js';
import { noticeOf } from './notice.js';

/** 第22条: a request is on time when made by the 5th business day before the desired end date. */
type Facts = { requestDate: string; desiredEndDate: string };
type State = { deadline: string };

export const cancellationNotice: DecisionDef<Facts, State> = {
  name: 'cancellationNotice',
  factsSchema: factsObject({ requestDate: date, desiredEndDate: date }, ['requestDate', 'desiredEndDate']),
  prepare: (facts, ctx) => {
    const { deadline, counted } = noticeOf(ctx, facts.requestDate, facts.desiredEndDate);
    return { facts: { businessDaysBeforeEnd: counted, ...paramFacts(ctx) }, state: { deadline } };
  },
  finish: (fired, s) => ({
    outcome: fired.some((f) => f.type === 'accepted') ? 'accepted' : 'late',
    clauses: ['第22条'],
    fields: { deadline: s.deadline },
  }),
};
