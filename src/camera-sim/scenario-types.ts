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
  | { edit: 'course-fee'; match: CourseMatch; set?: number; change?: number; note?: string }
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
  baseline: SideSpec;
  proposal: SideSpec;
  /** Runs with derived seeds for the bands (replications.ts); 1 when absent. */
  replications?: number;
  /** Customers' response to the proposal's prices (price-response.ts); none when absent. */
  response?: { cancellation?: Elasticities; choice?: Elasticities };
  /** The tornado's assumptions (sensitivity.ts); the default list when absent. */
  sensitivity?: { relative?: number; assumptions?: SensitivityAssumption[] };
};

/** An elasticity for every course: by course first, then by series, then the general one (0 when none). */
export type Elasticities = { elasticity?: number; bySeries?: Partial<Record<'legacy' | 'M5525' | 'M2035', number>>; byCourse?: { course: string; elasticity: number }[] };
/** An assumption moved down and up: a JSON pointer into the scenario (`*` for every array item), and the values (default: ± relative). */
export type SensitivityAssumption = { pointer: string; label?: string; down?: number; up?: number };
