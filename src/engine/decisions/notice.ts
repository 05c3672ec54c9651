import { businessDaysFrom, nthBusinessDayBefore } from '../business-days.js';
import { param, type DecisionContext } from '../decision-kit.js';

/**
 * 第22条's notice, as cancellationNotice and cancellation both read it: the deadline (the
 * `noticeBusinessDays`-th business day before the desired end date, under the `businessDays` and
 * `noticeDeadline` interpretations), whether the request is made by it, and the business days
 * counted from the request to the desired end date (the rules' `businessDaysBeforeEnd`).
 * Counting stops once the notice period is reached: a request years ahead is as on time as one at n.
 */
export function noticeOf(ctx: DecisionContext, requestDate: string, desiredEndDate: string): { n: number; deadline: string; onTime: boolean; counted: number } {
  const n = Number(param(ctx, 'noticeBusinessDays'));
  ctx.interps.use('businessDays');
  ctx.interps.use('noticeDeadline');
  const deadline = nthBusinessDayBefore(desiredEndDate, n);
  const onTime = requestDate <= deadline;
  return { n, deadline, onTime, counted: onTime ? n : businessDaysFrom(requestDate, desiredEndDate) };
}
