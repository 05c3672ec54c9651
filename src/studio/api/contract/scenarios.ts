import type { JSONSchemaType } from 'ajv';
import type { Edit, Scenario } from '../../../camera-sim/scenario-types.js';
import type { Course } from '../../../engine/tariff-types.js';
import { call } from './call.js';
import { editLineSchema, sideEditLinesSchema, type EditLine, type SideEditLines } from './scenario-edit-lines.js';
import {
  apiErrorSchema,
  fileResult,
  id,
  noArgs,
  refSchema,
  str,
  summarySchema,
  type ApiError,
  type NoArgs,
  type VersionRef,
  type VersionSummary,
  type WorkbookFile,
} from './shared.js';

export type { EditChange, EditChangeKind, EditLine, SideEditLines } from './scenario-edit-lines.js';

/** The `scenarios` domain: finance's what-if runs of the fleet simulator (docs/studio-scenarios.md). */
/** One side of a scenario: workspace versions (or drafts) by id (null: in force at the start of the horizon; the proposal's null: the baseline's), then edits in the simulator's format. */
export type ScenarioSideRef = { tariffVersionId: number | null; ruleVersionId: number | null; edits: Edit[] };
/** A scenario as the form holds it: the scenario file's sections (docs/scenarios.md), with the sides naming workspace versions. */
export type ScenarioForm = Omit<Scenario, '$schema' | 'baseline' | 'proposal'> & { baseline: ScenarioSideRef; proposal: ScenarioSideRef };
export type Pair = { baseline: number; proposal: number };
export type ScenarioSummary = {
  id: number;
  name: string;
  revision: number;
  updatedAt: string;
  lastRunAt: string | null;
  /** The last run's net revenue ex tax; `stale` when the form changed after that run. */
  last: {
    netExTax: Pair;
    difference: number;
    /** With replications: the median (p50, unrounded) of the paired net revenue differences, the central estimate from which `difference` (the seed's one run) may lie far. */
    medianDifference?: number;
    replications?: number;
    fleetSize: number;
    months: number;
    stale: boolean;
  } | null;
};
/** A side of a run: its versions, its edits as the simulator describes them (English, for the workbook) and as lines the page words (null: a run kept before lines were). */
export type RunSideInfo = { label: 'baseline' | 'proposal'; rules: string; rulesStatus: string; tariffs: string; tariffsStatus: string; edits: string[]; lines: EditLine[] | null };
/** A run's figures for the charts and the tables beneath them (all amounts integer yen ex tax unless the row says tax). */
export type RunView = {
  meta: {
    name: string;
    seed: number;
    fleetSize: number;
    start: string;
    months: number;
    finishedAt: string;
    elapsedMs: number;
    workers: number;
    formRevision: number;
    sides: RunSideInfo[];
    /** What ran but reads the scenario in a way the user should know (the simulator's SCENARIO_NOTE, also a row of the workbook's Assumptions): the field by JSON pointer, the note in English. */
    notes?: { pointer: string; message: string }[];
  };
  summary: { key: string; labelJa: string; labelEn: string; kind: 'yen' | 'count'; baseline: number; proposal: number; difference: number }[];
  byMonth: (Pair & { month: string; difference: number })[];
  byCourse: (Pair & { code: string; name: string; difference: number })[];
  byItem: (Pair & { item: string; name: string; clause: string; difference: number })[];
  overTime: { month: string; waivers: Pair; waiverYen: Pair; settlements: Pair; settlementYen: Pair; cancellations: Pair }[];
  /** With replications: p5 and p95 of each summary figure and of each month's net revenue, per side and for the paired difference. */
  bands?: {
    replications: number;
    summary: { key: string; baseline: BandRange; proposal: BandRange; difference: BandRange }[];
    byMonth: { month: string; baseline: BandRange; proposal: BandRange; difference: BandRange }[];
  };
  /**
   * With a sensitivity section: the tornado, largest swing first. `relative` is the default move
   * (0.2 = ±20 %); each row's `base`, `down` and `up` are the values the assumption was moved from
   * and to (one per place it appears, as option uptakes).
   */
  sensitivity?: {
    baseDifference: number;
    relative: number;
    rows: { pointer: string; label: string; base: number[]; down: number[]; up: number[]; effectDown: number; effectUp: number; swing: number }[];
  };
};
export type BandRange = { p5: number; p50: number; p95: number; mean: number };
export type RunState = 'running' | 'done' | 'cancelled' | 'failed';
export type RunProgress = {
  runId: string;
  scenarioId: number;
  state: RunState;
  contractsDone: number;
  contracts: number;
  contractMonths: number;
  elapsedMs: number;
  error: ApiError | null;
  /**
   * A run of several simulations (replications, the sensitivity's runs down and up): which is
   * running (`phase`, the `step`-th of `of`) and how many of all `runs` have finished. The
   * contracts above count the first replication only. Absent for a run of one simulation.
   */
  stage?: RunStage;
};
/** `workDone` of `work`: contract-months, each run counted at its own size (a moved fleet size can be far larger than the rest), for the bar. */
export type RunStage = { phase: 'replications' | 'sensitivity'; step: number; of: number; runsDone: number; runs: number; workDone: number; work: number };
/**
 * What the form offers, from the tariff and rule versions in force today (a side that picks
 * another version is checked against its own when the form is described, saved or run): the
 * courses and options with their prices, the initial-fee groups, the settlement policies, the
 * interpretations with their values and the rules' parameters with their values, so every edit
 * is made with controls.
 */
export type ScenarioChoices = {
  tariffs: VersionSummary[];
  rules: VersionRef[];
  /** `row`: the course's whole row, the start of a new course (an `add-course` edit). */
  courses: { code: string; name: string; series: string; termMonths: number | null; monthlyFee: number; row: Course }[];
  options: { code: string; name: string; price: OptionPriceChoice }[];
  initialFeeGroups: { group: string; amount: number }[];
  policies: { id: string; kind: string }[];
  interpretations: { name: string; default: string; values: string[] }[];
  parameters: { decision: string; parameter: string; value: number | string }[];
  defaultForm: ScenarioForm;
};
/** An option's price as options.json writes it: flat, or amounts by term (months) or by series. */
export type OptionPriceChoice = { kind: 'flat' | 'by-term' | 'by-series'; amounts: Record<string, number> };
/** `revision`: the revision the form was loaded at (team server: a save on a newer one is refused, naming who saved it). */
export type SaveScenarioArgs = { id: number | null; form: ScenarioForm; revision?: number };
/**
 * `maxContractMonths`: the run's own run-size limit, in contract-months (the page's "Run anyway"
 * sends the size the refusal named), as `tariff simulate --max-contract-months N`; honoured in the
 * desktop app and the browser mode, not on a team server (docs/studio-scenarios.md § How large a run may be).
 */
export type RunScenarioArgs = SaveScenarioArgs & { maxContractMonths?: number };

export const sideRefSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['tariffVersionId', 'ruleVersionId', 'edits'],
  properties: {
    tariffVersionId: { type: ['integer', 'null'], minimum: 1 },
    ruleVersionId: { type: ['integer', 'null'], minimum: 1 },
    // Each edit is checked by the simulator's own schema (with its JSON pointer) when the scenario is resolved.
    edits: { type: 'array', maxItems: 500, items: { type: 'object', required: ['edit'], properties: { edit: { type: 'string' } } } },
  },
} as const;
/**
 * The form's shape at the transport. The sections (fleet, hazards) are checked field by field by
 * the simulator's strict scenario schema in the handler, which reports each problem with its
 * JSON pointer (SCENARIO_INVALID), so a form is never refused here with a vaguer message.
 */
export const scenarioFormSchema = {
  type: 'object',
  required: ['name', 'seed', 'horizon', 'fleet', 'baseline', 'proposal'],
  properties: {
    name: { type: 'string', maxLength: 200 },
    seed: { type: 'number' },
    horizon: { type: 'object' },
    fleet: { type: 'object' },
    baseline: sideRefSchema,
    proposal: sideRefSchema,
  },
} as const;
export const pairSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['baseline', 'proposal'],
  properties: { baseline: { type: 'number' }, proposal: { type: 'number' } },
} as const;
export const scenarioSummarySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'revision', 'updatedAt', 'lastRunAt', 'last'],
  properties: {
    id,
    name: { type: 'string' },
    revision: { type: 'integer' },
    updatedAt: { type: 'string' },
    lastRunAt: { type: ['string', 'null'] },
    last: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['netExTax', 'difference', 'fleetSize', 'months', 'stale'],
          properties: {
            netExTax: pairSchema,
            difference: { type: 'number' },
            medianDifference: { type: 'number' },
            replications: { type: 'integer' },
            fleetSize: { type: 'integer' },
            months: { type: 'integer' },
            stale: { type: 'boolean' },
          },
        },
      ],
    },
  },
} as const;
export const pairRow = <const P extends Record<string, object>>(keys: P) =>
  ({
    type: 'object',
    additionalProperties: false,
    required: [...(Object.keys(keys) as (keyof P & string)[]), 'baseline', 'proposal', 'difference'],
    properties: { ...keys, baseline: { type: 'number' }, proposal: { type: 'number' }, difference: { type: 'number' } },
  }) as const;
export const runViewSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['meta', 'summary', 'byMonth', 'byCourse', 'byItem', 'overTime'],
  properties: {
    bands: { type: 'object' },
    sensitivity: { type: 'object' },
    meta: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'seed', 'fleetSize', 'start', 'months', 'finishedAt', 'elapsedMs', 'workers', 'formRevision', 'sides'],
      properties: {
        name: str,
        seed: { type: 'integer' },
        fleetSize: { type: 'integer' },
        start: str,
        months: { type: 'integer' },
        finishedAt: str,
        elapsedMs: { type: 'number' },
        workers: { type: 'integer' },
        formRevision: { type: 'integer' },
        notes: {
          type: 'array',
          items: { type: 'object', additionalProperties: false, required: ['pointer', 'message'], properties: { pointer: str, message: str } },
        },
        sides: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['label', 'rules', 'rulesStatus', 'tariffs', 'tariffsStatus', 'edits', 'lines'],
            properties: {
              label: { enum: ['baseline', 'proposal'] },
              rules: str,
              rulesStatus: str,
              tariffs: str,
              tariffsStatus: str,
              edits: { type: 'array', items: str },
              lines: { anyOf: [{ type: 'null' }, { type: 'array', items: editLineSchema }] },
            },
          },
        },
      },
    },
    summary: { type: 'array', items: pairRow({ key: str, labelJa: str, labelEn: str, kind: { enum: ['yen', 'count'] } }) },
    byMonth: { type: 'array', items: pairRow({ month: str }) },
    byCourse: { type: 'array', items: pairRow({ code: str, name: str }) },
    byItem: { type: 'array', items: pairRow({ item: str, name: str, clause: str }) },
    overTime: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['month', 'waivers', 'waiverYen', 'settlements', 'settlementYen', 'cancellations'],
        properties: { month: str, waivers: pairSchema, waiverYen: pairSchema, settlements: pairSchema, settlementYen: pairSchema, cancellations: pairSchema },
      },
    },
  },
} as const;
export const runProgressSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['runId', 'scenarioId', 'state', 'contractsDone', 'contracts', 'contractMonths', 'elapsedMs', 'error'],
  properties: {
    runId: str,
    scenarioId: id,
    state: { enum: ['running', 'done', 'cancelled', 'failed'] },
    contractsDone: { type: 'integer' },
    contracts: { type: 'integer' },
    contractMonths: { type: 'integer' },
    elapsedMs: { type: 'number' },
    error: { anyOf: [{ type: 'null' }, apiErrorSchema] },
    stage: {
      type: 'object',
      additionalProperties: false,
      required: ['phase', 'step', 'of', 'runsDone', 'runs', 'workDone', 'work'],
      properties: {
        phase: { enum: ['replications', 'sensitivity'] },
        step: { type: 'integer' },
        of: { type: 'integer' },
        runsDone: { type: 'integer' },
        runs: { type: 'integer' },
        workDone: { type: 'integer' },
        work: { type: 'integer' },
      },
    },
  },
} as const;
export const runIdArgs = { type: 'object', additionalProperties: false, required: ['runId'], properties: { runId: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' } } } as const;
export const saveArgs = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'form'],
  properties: { id: { type: ['integer', 'null'], minimum: 1 }, form: scenarioFormSchema, revision: { type: 'integer', minimum: 1 } },
} as unknown as JSONSchemaType<SaveScenarioArgs>;
export const runArgs = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'form'],
  properties: {
    id: { type: ['integer', 'null'], minimum: 1 },
    form: scenarioFormSchema,
    revision: { type: 'integer', minimum: 1 },
    maxContractMonths: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
  },
} as unknown as JSONSchemaType<RunScenarioArgs>;
export const scenarioIdArgs = { type: 'object', additionalProperties: false, required: ['id'], properties: { id } } as const;
/** Instant re-pricing (docs/studio-scenarios.md): `repriced` with the figures, or `run-needed` (the reason; the page runs in full). */
export type RepriceArgs = { id: number; form: ScenarioForm };
export type RepriceAnswer = { mode: 'repriced' | 'run-needed'; reason: string; result: RunView | null; elapsedMs: number };
/**
 * The size of the run a form asks for, in contract-months (fleet.size × horizon.months × runs;
 * null while those are not whole numbers), and the limit it is held to (docs/studio-scenarios.md §
 * How large a run may be): the page shows both beside Run.
 */
/** A sensitivity run at its own size (camera-sim/run-size.ts's OtherSizeRun): the fleet size moved down or up, where it is given, in words, and its size. */
export type RunSizeOther = { pointer: string; dir: 'down' | 'up'; field: string; en: string; ja: string; contracts: number; months: number; contractMonths: number };
export type RunSizeView = {
  /** `runs` at contracts × months, plus the sensitivity runs at their own sizes (`others`: the fleet size moved down and up); contractMonths is the sum. */
  size: { contracts: number; months: number; runs: number; contractMonths: number; parts: string[]; others: RunSizeOther[] } | null;
  limit: number;
  overrideAllowed: boolean;
};
/** The edits of a form's two sides as lines (what each changes, from what to what), for the page to word. */
export type DescribeEditsArgs = { form: ScenarioForm };
const describeArgs = {
  type: 'object',
  additionalProperties: false,
  required: ['form'],
  properties: { form: scenarioFormSchema },
} as unknown as JSONSchemaType<DescribeEditsArgs>;
const repriceArgs = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'form'],
  properties: { id, form: scenarioFormSchema },
} as unknown as JSONSchemaType<RepriceArgs>;

export const scenarios = {
  choices: call<NoArgs, ScenarioChoices>('what a scenario form can pick: tariff versions and drafts, rule versions, courses and options, and a default form', noArgs).returns({
    type: 'object',
    additionalProperties: false,
    required: ['tariffs', 'rules', 'courses', 'options', 'initialFeeGroups', 'policies', 'interpretations', 'parameters', 'defaultForm'],
    properties: {
      tariffs: { type: 'array', items: summarySchema },
      rules: { type: 'array', items: refSchema },
      courses: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['code', 'name', 'series', 'termMonths', 'monthlyFee', 'row'],
          properties: { code: str, name: str, series: str, termMonths: { type: ['integer', 'null'] }, monthlyFee: { type: 'number' }, row: { type: 'object' } },
        },
      },
      options: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['code', 'name', 'price'],
          properties: {
            code: str,
            name: str,
            price: {
              type: 'object',
              additionalProperties: false,
              required: ['kind', 'amounts'],
              properties: { kind: { enum: ['flat', 'by-term', 'by-series'] }, amounts: { type: 'object', additionalProperties: { type: 'number' } } },
            },
          },
        },
      },
      initialFeeGroups: {
        type: 'array',
        items: { type: 'object', additionalProperties: false, required: ['group', 'amount'], properties: { group: str, amount: { type: 'number' } } },
      },
      policies: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['id', 'kind'], properties: { id: str, kind: str } } },
      interpretations: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'default', 'values'],
          properties: { name: str, default: str, values: { type: 'array', items: str } },
        },
      },
      parameters: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['decision', 'parameter', 'value'],
          properties: { decision: str, parameter: str, value: { type: ['number', 'string'] } },
        },
      },
      defaultForm: { type: 'object' },
    },
  }),
  list: call<NoArgs, { scenarios: ScenarioSummary[] }>('every saved scenario with its last run, newest first', noArgs).returns({
    type: 'object',
    additionalProperties: false,
    required: ['scenarios'],
    properties: { scenarios: { type: 'array', items: scenarioSummarySchema } },
  }),
  get: call<{ id: number }, { summary: ScenarioSummary; form: ScenarioForm; result: RunView | null }>(
    'a saved scenario: its form and the figures of its last run',
    scenarioIdArgs,
  ).returns({
    type: 'object',
    additionalProperties: false,
    required: ['summary', 'form', 'result'],
    properties: { summary: scenarioSummarySchema, form: { type: 'object' }, result: { anyOf: [{ type: 'null' }, runViewSchema] } },
  }),
  save: call<SaveScenarioArgs, ScenarioSummary>('check a scenario form (every problem with its field) and save it: a new scenario (id null) or a new revision', saveArgs).returns(
    scenarioSummarySchema,
  ),
  delete: call<{ id: number }, { deleted: number }>('delete a saved scenario and its last result', scenarioIdArgs).returns({
    type: 'object',
    additionalProperties: false,
    required: ['deleted'],
    properties: { deleted: id },
  }),
  run: call<RunScenarioArgs, { runId: string; scenario: ScenarioSummary }>(
    'save the form, then run it in worker threads; answers at once with the run id (poll progress); a run larger than the run-size limit is refused first (RUN_TOO_LARGE)',
    runArgs,
  ).returns({ type: 'object', additionalProperties: false, required: ['runId', 'scenario'], properties: { runId: str, scenario: scenarioSummarySchema } }),
  describeEdits: call<DescribeEditsArgs, SideEditLines>(
    'the edits of both sides as lines: what each changes in its side’s version, from what to what, or why it cannot apply; nothing saved',
    describeArgs,
  ).returns(sideEditLinesSchema),
  runSize: call<DescribeEditsArgs, RunSizeView>(
    'the size of the run a form asks for (fleet.size × horizon.months × runs, in contract-months) and the run-size limit it is held to; nothing saved or run',
    describeArgs,
  ).returns({
    type: 'object',
    additionalProperties: false,
    required: ['size', 'limit', 'overrideAllowed'],
    properties: {
      size: {
        anyOf: [
          { type: 'null' },
          {
            type: 'object',
            additionalProperties: false,
            required: ['contracts', 'months', 'runs', 'contractMonths', 'parts', 'others'],
            properties: {
              contracts: { type: 'integer' },
              months: { type: 'integer' },
              runs: { type: 'integer' },
              contractMonths: { type: 'integer' },
              parts: { type: 'array', items: str },
              others: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['pointer', 'dir', 'field', 'en', 'ja', 'contracts', 'months', 'contractMonths'],
                  properties: {
                    pointer: str,
                    dir: { enum: ['down', 'up'] },
                    field: str,
                    en: str,
                    ja: str,
                    contracts: { type: 'integer' },
                    months: { type: 'integer' },
                    contractMonths: { type: 'integer' },
                  },
                },
              },
            },
          },
        ],
      },
      limit: { type: 'integer' },
      overrideAllowed: { type: 'boolean' },
    },
  }),
  progress: call<{ runId: string }, RunProgress>('where a run is: contracts done, its state, and its error if it failed', runIdArgs).returns(runProgressSchema),
  cancel: call<{ runId: string }, RunProgress>('stop a run: its workers are terminated and nothing is saved', runIdArgs).returns(runProgressSchema),
  export: call<{ id: number }, WorkbookFile>("the last run as the workbook `tariff simulate` writes, plus a sheet with the charts' data", scenarioIdArgs).returns(fileResult),
  reprice: call<RepriceArgs, RepriceAnswer>(
    'the form re-priced on the events of the scenario’s last run (proposal prices changed only, no response): nothing saved; else mode run-needed with the reason',
    repriceArgs,
  ).returns({
    type: 'object',
    additionalProperties: false,
    required: ['mode', 'reason', 'result', 'elapsedMs'],
    properties: { mode: { enum: ['repriced', 'run-needed'] }, reason: str, result: { anyOf: [{ type: 'null' }, runViewSchema] }, elapsedMs: { type: 'number' } },
  }),
};
