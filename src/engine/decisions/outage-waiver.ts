import { courseRef, bool, date, datetime, factsObject, ruleFacts, yen, type DecisionDef } from '../decision-kit.js';
import { contractFee } from './contract-fee.js';
import { MS_PER_HOUR, outageOf } from './outage.js';
import { asDailyRateBasis, dayRateText, feeOverUnits, tokyoMonthOfInstant } from '../daily-rate.js';
import type { Course } from '../tariff-types.js';

/**
 * 第25条第2項 and its (注): the fee not owed for time the service could not be used; 第25条第3項:
 * what was already paid of it is returned. Each 24-hour block (row 1) or hour (row 2) is rated at
 * the daily rate of its own month (`dailyRate`, daily-rate.ts).
 */
type Facts = { course: string; knownAt: string; restoredAt: string; cause: string; cameraUsable?: boolean; cloudUsable?: boolean; paidAmount?: number; startDate?: string };
type State = { course: Course; knownMs: number; elapsedMs: number; paidAmount: number; startDate: string | undefined; grossWithinRow2: boolean };

const MS_PER_MINUTE = 60_000;

export const outageWaiver: DecisionDef<Facts, State> = {
  name: 'outageWaiver',
  factsSchema: factsObject(
    {
      course: courseRef,
      knownAt: datetime,
      restoredAt: datetime,
      cause: { enum: ['contractor', 'other', 'company-gross-negligence'] },
      cameraUsable: bool,
      cloudUsable: bool,
      paidAmount: yen,
      startDate: date,
    },
    ['course', 'knownAt', 'restoredAt', 'cause', 'cameraUsable', 'cloudUsable'],
  ),
  checksFacts: true,
  prepare: (facts, ctx) => {
    const outage = outageOf(ctx, facts);
    if (!outage) return undefined;
    const { course, knownMs, elapsedMs } = outage;
    const cameraUsable = facts.cameraUsable ?? false;
    const cloudUsable = facts.cloudUsable ?? false;
    if (cameraUsable || cloudUsable) ctx.interps.use('partialOutage');
    const paidAmount = facts.paidAmount ?? 0;
    return {
      facts: {
        cause: facts.cause,
        totalOutage: !cameraUsable && !cloudUsable,
        mSeries: course.series !== 'legacy',
        // ms ÷ 3,600,000 as a double: the quotient correctly rounded, as decimal.js's exact
        // quotient (a non-dyadic fraction is never a tie) converted by toNumber gave it.
        outageHours: elapsedMs / MS_PER_HOUR,
        outageMinutes: Math.floor(elapsedMs / MS_PER_MINUTE),
        paidAmount,
        ...ruleFacts(ctx),
      },
      state: {
        course,
        knownMs,
        elapsedMs,
        paidAmount,
        startDate: facts.startDate,
        // Row 2 applies (the company's gross negligence, a total outage or one counted as total).
        grossWithinRow2:
          facts.cause === 'company-gross-negligence' && (!(cameraUsable || cloudUsable) || (course.series !== 'legacy' && ctx.interps.use('partialOutage') === 'm-series-waive')),
      },
    };
  },
  finish: (fired, s, ctx) => {
    const none = { outcome: 'none', clauses: ['第25条第2項'], fields: { waivedDays: 0, waivedHours: 0, amount: 0, refund: 0 } };
    const waiver = fired.find((f) => f.type === 'waive-days' || f.type === 'waive-hours');
    if (!waiver) {
      // Row 2 under an hour: nothing under whole-hours, something under minutes, so the answer
      // relied on grossNegligenceUnit (case-files.md: every output lists what it relied on).
      if (s.grossWithinRow2 && s.elapsedMs >= MS_PER_MINUTE) ctx.interps.use('grossNegligenceUnit');
      return none;
    }
    const basis = asDailyRateBasis(ctx.interps.use('dailyRate'));
    // The fee the contract pays (ExistingContracts: keep-price keeps the fee of its start date, when given).
    const { fee, kept } = contractFee(ctx, s.course, s.startDate);
    const wholeHours = Math.floor(s.elapsedMs / MS_PER_HOUR);
    let waivedDays: number;
    let waivedHours: number;
    let amount: number;
    if (waiver.type === 'waive-days') {
      // Row 1: only whole 24-hour blocks from knownAt, each at the rate of the month it starts in.
      waivedDays = Math.floor(wholeHours / 24);
      waivedHours = waivedDays * 24;
      if (waivedDays === 0) return none;
      amount = feeOverUnits(fee, s.knownMs, waivedDays, 'day', basis).floored();
    } else {
      // Row 2: every whole hour (or, under grossNegligenceUnit = minutes, every whole minute).
      const unit = ctx.interps.use('grossNegligenceUnit');
      waivedHours = wholeHours;
      waivedDays = Math.floor(wholeHours / 24);
      const minutes = Math.floor(s.elapsedMs / MS_PER_MINUTE);
      if (unit === 'minutes') {
        if (minutes === 0) return none;
        amount = feeOverUnits(fee, s.knownMs, minutes, 'minute', basis).floored();
      } else {
        if (wholeHours === 0) return none;
        amount = feeOverUnits(fee, s.knownMs, wholeHours, 'hour', basis).floored();
      }
    }
    // 第25条第3項: a fee not owed that was already paid is returned (never more than was waived).
    const refund = fired.some((f) => f.type === 'refund-paid') ? Math.min(amount, s.paidAmount) : 0;
    const { year, month } = tokyoMonthOfInstant(s.knownMs);
    return {
      outcome: 'waive',
      clauses: [...(refund > 0 ? ['第25条第2項', '第25条第3項'] : ['第25条第2項']), ...kept],
      fields: { waivedDays, waivedHours, amount, refund, dailyRate: dayRateText(fee, year, month, basis) },
    };
  },
};
