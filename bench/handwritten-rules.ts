import type { DecisionName } from '../src/engine/rule-types.js';

/**
 * The rules of rules/2023-09-19 written by hand, as a programmer would without a rules engine,
 * with json-rules-engine's operator semantics (a numeric comparison needs a number-like fact).
 * The benchmark checks they fire the same rules as the compiled ones before timing them. Indexes
 * are rule positions in each file; the order is the files' priority order.
 */
type F = Record<string, unknown>;
const num = (x: unknown): boolean => (typeof x === 'number' ? x === x : Number.parseFloat(x as string).toString() !== 'NaN');
const gt = (a: unknown, b: unknown): boolean => num(a) && (a as number) > (b as number);
const ge = (a: unknown, b: unknown): boolean => num(a) && (a as number) >= (b as number);
const lt = (a: unknown, b: unknown): boolean => num(a) && (a as number) < (b as number);
const le = (a: unknown, b: unknown): boolean => num(a) && (a as number) <= (b as number);
const INSOLVENCY = ['payment-suspension', 'clearinghouse-suspension', 'seizure', 'insolvency-filing'];
const APPROVAL_GROUNDS = ['technically-infeasible', 'payment-delinquent', 'false-declaration', 'business-hindrance'];

export const HANDWRITTEN: Record<DecisionName, (f: F) => number[]> = {
  approval: (f) => {
    const out: number[] = [];
    if (f.inServiceArea === false) out.push(0);
    if (f.technicallyFeasible === false) out.push(1);
    if (f.paymentDelinquent === true) out.push(2);
    if (f.falseDeclaration === true) out.push(3);
    if (f.businessHindrance === true) out.push(4);
    if (f.antisocialForces === true) out.push(5);
    return out;
  },
  suspension: (f) => {
    const out: number[] = [];
    if (f.overdue === true) out.push(0);
    if (f.otherServiceOverdue === true) out.push(1);
    if (f.defamation === true) out.push(2);
    if (f.breachOfArticle17or37 === true) out.push(3);
    if (f.excessiveInquiries === true) out.push(4);
    if (f.interferenceWithFacilities === true) out.push(5);
    if (f.outOfSpecUseNotImproved === true) out.push(6);
    if (f.causedDamage === true) out.push(7);
    if (f.emergency === true) out.push(8);
    return out;
  },
  termination: (f) => {
    const out: number[] = [];
    if (f.suspendedAndUnremedied === true) out.push(0);
    if (f.serviceEnded === true) out.push(1);
    if (INSOLVENCY.indexOf(f.insolvencyEvent as string) > -1) out.push(2);
    if (f.antisocialForces === true) out.push(3);
    if (f.antisocialConduct === true) out.push(4);
    if (APPROVAL_GROUNDS.indexOf(f.approvalGroundFound as string) > -1) out.push(5);
    if (f.equipmentRemedyExcessive === true) out.push(6);
    return out;
  },
  courseChange: (f) => {
    const out: number[] = [];
    const from = f.fromKind;
    const to = f.toKind;
    if (from === 'short' && to === 'long') out.push(0);
    if (from === 'short' && to === 'short-mount') out.push(1);
    if (from === 'short' && to === 'long-mount') out.push(2);
    if (from === 'short-mount' && to === 'long-mount') out.push(3);
    if (from === 'long' && to === 'long-mount') out.push(4);
    if (from === 'plus-short' && to === 'plus-long' && f['interpretation.plusCourseChange'] === 'same-line') out.push(5);
    return out;
  },
  cancellationNotice: (f) => (ge(f.businessDaysBeforeEnd, f.noticeBusinessDays) ? [0] : []),
  outageWaiver: (f) => {
    const out: number[] = [];
    const mWaive = f['interpretation.partialOutage'] === 'm-series-waive' && f.mSeries === true;
    const total = f.totalOutage === true || mWaive;
    if (f.cause === 'other' && total && ge(f.outageHours, f.minimumConsecutiveHours)) out.push(0);
    const minutes = f['interpretation.grossNegligenceUnit'] === 'minutes' && ge(f.outageMinutes, 1);
    if (f.cause === 'company-gross-negligence' && total && (ge(f.outageHours, 1) || minutes)) out.push(1);
    if (f.totalOutage === false && !mWaive) out.push(2);
    if (gt(f.paidAmount, 0)) out.push(3);
    return out;
  },
  settlement: (f) => {
    const out: number[] = [];
    if (gt(f.freeMonths, 0) && f.hasMinimumPeriod === true) out.push(4);
    const remaining = f.policyKind === 'remaining-of-months';
    const family = f.policyKind === 'longest-satisfied-same-family';
    if (remaining && lt(f.monthsUsed, f.policyMonths)) out.push(0);
    if (family && lt(f.monthsUsed, f.termMonths)) out.push(1);
    if (f.policyKind === 'none') out.push(2);
    if ((remaining && ge(f.monthsUsed, f.policyMonths)) || (family && ge(f.monthsUsed, f.termMonths))) out.push(3);
    return out;
  },
  lateInterest: (f) => (gt(f.daysAfterDue, f.graceEndDaysAfterDue) ? [0] : []),
  surcharge: (f) => (gt(f.evadedAmount, 0) ? [0] : []),
  monthlyCharge: (f) => {
    const out: number[] = [];
    if (gt(f.contractMonth, f.freeMonths)) out.push(0);
    if (le(f.contractMonth, f.freeMonths)) out.push(1);
    if (f.contractMonth === 1 && (f.initialFeePrintedOnCourse === true || (f['interpretation.initialFeeScope'] === 'group' && f.inInitialFeeGroup === true))) out.push(2);
    if (gt(f.optionCount, 0)) out.push(3);
    return out;
  },
  damages: (f) => {
    const out: number[] = [];
    const notGross = f.cause !== 'company-gross-negligence';
    if (!notGross) out.push(0);
    if (f.cause === 'other') out.push(1);
    if (notGross && f.lossKind === 'third-party') out.push(2);
    if (notGross && f.lossKind === 'special-circumstances') out.push(3);
    if (notGross && f.lossKind === 'lost-profit') out.push(4);
    if (notGross && f.cloudUsable === true) out.push(5);
    if (notGross && lt(f.outageHours, f.minimumConsecutiveHours)) out.push(6);
    if (f.cause === 'company' && f.cloudUsable === false && f.lossKind === 'direct' && ge(f.outageHours, f.minimumConsecutiveHours)) out.push(7);
    return out;
  },
  cancellation: (f) => {
    const out: number[] = [];
    if (ge(f.businessDaysBeforeEnd, f.noticeBusinessDays)) out.push(0);
    if (f.returned === true) out.push(1);
    if (f.returned === false) out.push(2, 3);
    if (f.returned === true && f.returnedAfterPlannedEnd === true && f.returnDelayAnnounced === false && f['interpretation.feesAfterPlannedEnd'] === 'late-return-charge')
      out.push(4);
    return out;
  },
  equipmentLoss: (f) => {
    const out: number[] = [];
    if (f.contractorAtFault === true && f.event === 'loss') out.push(0);
    if (f.contractorAtFault === true && f.event === 'damage') out.push(1);
    if (f.contractorAtFault === false) out.push(2);
    if (f.contractorAtFault === false && f.remedyExcessive === true) out.push(3);
    return out;
  },
  paymentAllocation: (f) => (ge(f.billCount, 0) ? [0] : []),
  billingCorrection: (f) => {
    const out: number[] = [];
    if (gt(f.underBilledBy, 0) && f.collectionCostExcessive === false) out.push(0);
    if (gt(f.underBilledBy, 0) && f.collectionCostExcessive === true) out.push(1);
    return out;
  },
};
