import type { DecisionName } from '../engine/rule-types.js';
import type { Course, OptionPrice, SettlementPolicy } from '../engine/tariff-types.js';

/**
 * A what-if scenario as finance writes it (docs/scenarios.md). scenario-schema.ts checks the
 * shape with ajv; scenario-loader.ts checks every reference (course, option, version) and turns it
 * into a ResolvedScenario the simulator runs.
 */
export type Range = { min: number; max: number };
export type WeightedRange = Range & { share: number };

/** Selects courses of a tariff: by name or code, or by the columns of 別紙3表1 (all given must match). */
export type CourseMatch = {
  courses?: string[];
  series?: 'legacy' | 'M5525' | 'M2035';
  model?: string;
  sim?: 'SN' | 'S18';
  cloudDays?: number;
  termMonths?: number;
  legacyKind?: string;
};

export type Edit =
  /**
   * A course's monthly fee: `set` to an amount, `change` by yen, or `changePercent` by percent of
   * each matched course's own fee (+10 = 10 % dearer), floored to the yen (第29条, floorYen).
   */
  | { edit: 'course-fee'; match: CourseMatch; set?: number; change?: number; changePercent?: number; note?: string }
  | { edit: 'add-course'; course: Course; uptake?: { from: string[]; share: number }; note?: string }
  | { edit: 'settlement-policy'; match: CourseMatch; policy: string; note?: string }
  | { edit: 'add-settlement-policy'; policy: SettlementPolicy; note?: string }
  | { edit: 'interpretation'; name: string; value: string; note?: string }
  | { edit: 'rule-parameter'; decision: DecisionName; parameter: string; value: number | string; note?: string }
  | { edit: 'option-price'; option: string; price: OptionPrice; note?: string }
  | { edit: 'initial-fee'; group: string; amount: number; note?: string }
  /** Grandfathering: how the proposal applies to contracts started before the horizon (ExistingContracts). */
  | { edit: 'existing-contracts'; policy: 'new-price' | 'keep-price'; clause: string; note?: string };

/** One side of the comparison: a rule version and a tariff version (by effective date), then edits. */
export type SideSpec = { rules?: string; tariffs?: string; edits?: Edit[] };

export type Scenario = {
  $schema?: string;
  name: string;
  description?: string;
  seed: number;
  horizon: { start: string; months: number };
  fleet: {
    size: number;
    courseMix: { course: string; share: number }[];
    optionUptake?: { option: string; probability: number }[];
    startDates: { from: string; to: string };
    freeMonths?: { months: number; share: number }[];
  };
  cancellation?: { monthlyHazard: number; noticeDays: Range };
  outages?: {
    monthlyRate: number;
    durationHours: WeightedRange[];
    causes: Record<string, number>;
    cameraUsable: number;
    cloudUsable: number;
  };
  payments?: {
    dueMonthsAfter: number;
    dueDay: number;
    lateProbability: number;
    delayDays: WeightedRange[];
    neverPaysProbability: number;
  };
  courseChanges?: { monthlyProbability: number; requests: { from?: string[]; to: string; share: number }[] };
  suspension?: {
    afterOverdueDays: number;
    otherGrounds?: { monthlyProbability: number; grounds: Record<string, number> };
    remedyMonthlyProbability: number;
  };
  termination?: {
    unremediedAfterMonths?: number;
    insolvency?: { monthlyProbability: number; events: Record<string, number> };
    settle?: boolean;
  };
  /** Returns of camera and SIM after a cancellation (第22条, 第47条第3項); contract-events.ts. */
  returns?: ReturnsSpec;
  /** Loss of and damage to the company's equipment (第46条). */
  equipment?: EquipmentSpec;
  /** Damages claimed for outages (第34条); needs `outages`. */
  damages?: DamagesSpec;
  /** Outage waivers on months already paid, refunded (第25条第3項); needs `outages`. */
  refunds?: RefundsSpec;
  baseline: SideSpec;
  proposal: SideSpec;
  /** Runs with derived seeds for the bands (replications.ts); 1 when absent. */
  replications?: number;
  /** Customers' response to the proposal's prices (price-response.ts); none when absent. */
  response?: { cancellation?: Elasticities; choice?: Elasticities };
  /**
   * The tornado's assumptions (sensitivity.ts): the default list when `assumptions` is absent; the
   * listed ones only, or with `defaults: true` the default list and the listed ones (the studio's
   * fleet-size row: every default assumption plus `/fleet/size` moved to given sizes).
   */
  sensitivity?: { relative?: number; defaults?: boolean; assumptions?: SensitivityAssumption[] };
};

/** An elasticity for every course: by course first, then by series, then the general one (0 when none). */
export type Elasticities = { elasticity?: number; bySeries?: Partial<Record<'legacy' | 'M5525' | 'M2035', number>>; byCourse?: { course: string; elasticity: number }[] };
/** An assumption moved down and up: a JSON pointer into the scenario (`*` for every array item), and the values (default: ± relative). */
export type SensitivityAssumption = { pointer: string; label?: string; down?: number; up?: number };
/** Of cancelled contracts: the share returned after the planned end date, of those the share announced beforehand, and how many days late. */
export type ReturnsSpec = { lateProbability: number; announcedShare: number; daysLate: WeightedRange[] };
/** Monthly rates of a loss (滅失) and of damage (毀損), their ex-tax costs, and the probabilities that the contractor is at fault and that the company's remedy would need excessive cost or time. */
export type EquipmentSpec = {
  lossMonthlyRate: number;
  damageMonthlyRate: number;
  replacementCost: Range;
  repairCost: Range;
  contractorAtFault: number;
  remedyExcessive?: number;
};
/** Of outages: the probability that damages are claimed, the share of outages of cause `other` attributable to the company, the kinds of loss claimed, and the ex-tax amount claimed. */
export type DamagesSpec = { claimProbability: number; companyShare: number; lossKinds?: Record<string, number>; claimedAmount: Range };
/** The probability that a month with an outage waiver was already paid when the waiver is decided. */
export type RefundsSpec = { paidShare: number };
