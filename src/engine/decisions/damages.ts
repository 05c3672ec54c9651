import { bool, courseRef, date, datetime, factsObject, firedClauses, ruleFacts, yen, type DecisionDef } from '../decision-kit.js';
import { contractFee } from './contract-fee.js';
import { MS_PER_HOUR, outageOf } from './outage.js';
import { asDailyRateBasis, feeOverUnits } from '../daily-rate.js';
import type { Course } from '../tariff-types.js';

/**
 * 第34条（責任の制限）: the company's liability for not providing the service. Only a total outage
 * (the camera cloud unusable too) lasting 24 consecutive hours from when the company knew;
 * compensation = the monthly fee of the whole 24-hour blocks at the daily rate (第2項), each block
 * at the rate of the month it starts in (`dailyRate`); the 第1項第1号–第4号 losses and causes not
 * attributable to the company are excluded; 第3項 lifts every limit for wilful or grossly
 * negligent failure (`not-limited`, amount null). No tax: damages are no 別紙3 fee (`tax` 0 on every
 * outcome, `total` = `amount`, null with it under `not-limited`).
 */
type Facts = { course: string; knownAt: string; restoredAt: string; cause: string; cloudUsable: boolean; lossKind?: string; claimedAmount?: number; startDate?: string };
type State = { course: Course; knownMs: number; blocks: number; claimedAmount: number | undefined; startDate: string | undefined };

export const damages: DecisionDef<Facts, State> = {
  name: 'damages',
  factsSchema: factsObject(
    {
      course: courseRef,
      knownAt: datetime,
      restoredAt: datetime,
      cause: { enum: ['company', 'company-gross-negligence', 'other'] },
      cloudUsable: bool,
      lossKind: { enum: ['direct', 'third-party', 'special-circumstances', 'lost-profit'] },
      claimedAmount: yen,
      startDate: date,
    },
    ['course', 'knownAt', 'restoredAt', 'cause', 'cloudUsable'],
  ),
  checksFacts: true,
  prepare: (facts, ctx) => {
    const outage = outageOf(ctx, facts);
    if (!outage) return undefined;
    const { course, knownMs, elapsedMs } = outage;
    return {
      facts: {
        cause: facts.cause,
        cloudUsable: facts.cloudUsable,
        lossKind: facts.lossKind ?? 'direct',
        outageHours: elapsedMs / MS_PER_HOUR,
        ...ruleFacts(ctx),
      },
      state: { course, knownMs, blocks: Math.floor(elapsedMs / (24 * MS_PER_HOUR)), claimedAmount: facts.claimedAmount, startDate: facts.startDate },
    };
  },
  finish: (fired, s, ctx) => {
    if (fired.some((f) => f.type === 'not-limited')) return { outcome: 'not-limited', clauses: ['第34条第3項'], fields: { days: s.blocks, amount: null, tax: 0, total: null } };
    const exclusions = fired.filter((f) => f.type === 'excluded');
    const compensate = fired.find((f) => f.type === 'compensate');
    if (!compensate || exclusions.length)
      return { outcome: 'none', clauses: exclusions.length ? firedClauses(exclusions) : ['第34条第1項'], fields: { days: s.blocks, amount: 0, tax: 0, total: 0 } };
    const basis = asDailyRateBasis(ctx.interps.use('dailyRate'));
    // The fee the contract pays (ExistingContracts: keep-price keeps the fee of its start date, when given).
    const { fee: monthly, kept } = contractFee(ctx, s.course, s.startDate);
    const fee = feeOverUnits(monthly, s.knownMs, s.blocks, 'day', basis);
    let owed = fee;
    // damagesAndWaiver = offset: the fee waived under 第25条第2項 for the same hours (the same
    // whole 24-hour blocks at the same daily rate) is deducted, never below 0, before the cap.
    const offset = ctx.interps.use('damagesAndWaiver') === 'offset';
    if (offset) owed = fee.minus(feeOverUnits(monthly, s.knownMs, s.blocks, 'day', basis));
    let amount = Math.max(0, owed.floored());
    if (s.claimedAmount !== undefined) amount = Math.min(amount, s.claimedAmount);
    const clauses = [...firedClauses([compensate]), ...kept];
    return { outcome: 'compensate', clauses: offset ? [...clauses, '第25条第2項'] : clauses, fields: { days: s.blocks, amount, tax: 0, total: amount } };
  },
};
