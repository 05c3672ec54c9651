import { courseFact, courseRef, bool, datetime, factsObject, paramFacts, type DecisionDef } from '../decision-kit.js';
import { daysInMonth, monthOf, parseDateTime } from '../dates.js';
import { D, floorYen, type Dec } from '../money.js';
import type { Course } from '../tariff-types.js';

/** 第25条第2項 and its (注): the fee not owed for time the service could not be used. */
type Facts = { course: string; knownAt: string; restoredAt: string; cause: string; cameraUsable?: boolean; cloudUsable?: boolean };
type State = { course: Course; hours: Dec; knownDate: string };

const MS_PER_HOUR = 3_600_000;

export const outageWaiver: DecisionDef<Facts, State> = {
  name: 'outageWaiver',
  factsSchema: factsObject(
    { course: courseRef, knownAt: datetime, restoredAt: datetime, cause: { enum: ['contractor', 'other', 'company-gross-negligence'] }, cameraUsable: bool, cloudUsable: bool },
    ['course', 'knownAt', 'restoredAt', 'cause', 'cameraUsable', 'cloudUsable'],
  ),
  prepare: (facts, ctx) => {
    const course = courseFact(ctx, facts.course, 'course');
    const known = parseDateTime(facts.knownAt)!;
    const restored = parseDateTime(facts.restoredAt)!;
    if (restored.epochMs < known.epochMs) {
      ctx.errors.push({ path: '/facts/restoredAt', message: `restoredAt (${facts.restoredAt}) is before knownAt (${facts.knownAt}); swap them or correct the time`, code: 'RANGE' });
      return undefined;
    }
    if (!course) return undefined;
    const cameraUsable = facts.cameraUsable ?? false;
    const cloudUsable = facts.cloudUsable ?? false;
    if (cameraUsable || cloudUsable) ctx.interps.use('partialOutage');
    const hours = new D(restored.epochMs - known.epochMs).dividedBy(MS_PER_HOUR);
    return {
      facts: {
        cause: facts.cause,
        totalOutage: !cameraUsable && !cloudUsable,
        mSeries: course.series !== 'legacy',
        outageHours: hours.toNumber(),
        ...paramFacts(ctx),
        ...ctx.interps.asFacts(),
      },
      state: { course, hours, knownDate: known.tokyoDate },
    };
  },
  finish: (fired, s, ctx) => {
    const none = { outcome: 'none', clauses: ['第25条第2項'], fields: { waivedDays: 0, waivedHours: 0, amount: 0 } };
    const waiver = fired.find((f) => f.type === 'waive-days' || f.type === 'waive-hours');
    if (!waiver) return none;
    const basis = ctx.interps.use('dailyRate');
    const { year, month } = monthOf(s.knownDate);
    // Divide last: the daily rate stays exact until the amount is floored once (第29条).
    const daysBasis = basis === 'thirty-days' ? 30 : daysInMonth(year, month);
    const dailyRate = new D(s.course.monthlyFee).dividedBy(daysBasis);
    let waivedHours: number;
    let amount: number;
    let waivedDays: number;
    if (waiver.type === 'waive-days') {
      waivedDays = s.hours.dividedBy(24).floor().toNumber();
      waivedHours = waivedDays * 24;
      amount = floorYen(new D(s.course.monthlyFee).times(waivedDays).dividedBy(daysBasis));
    } else {
      waivedHours = s.hours.floor().toNumber();
      waivedDays = Math.floor(waivedHours / 24);
      amount = floorYen(new D(s.course.monthlyFee).times(waivedHours).dividedBy(daysBasis * 24));
    }
    if (waivedHours === 0) return none;
    return { outcome: 'waive', clauses: ['第25条第2項'], fields: { waivedDays, waivedHours, amount, dailyRate: dailyRate.toDecimalPlaces(6).toString() } };
  },
};
