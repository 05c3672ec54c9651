import type { JSONSchemaType } from 'ajv';
import { courseSchema, optionSchema, policiesFileSchema, initialFeesFileSchema } from '../../engine/schemas.js';
import type { TariffVersion } from '../../engine/tariff-types.js';
import type { Interpretation, RuleVersion } from '../../engine/rule-types.js';
import type { Output } from '../../engine/output-types.js';
import type { RegressionChange } from '../../engine/review/regression.js';
import type { RowChange, RuleVersionDiff } from '../../engine/review/version-diff.js';
import type { CellEdit } from '../../tariff-model/tariff-edits.js';
import type { Issue } from '../../tariff-model/issue.js';
import type { TariffChange } from '../../tariff-model/tariff-diff.js';
import { TABLE_IDS } from '../../tariff-model/table-id.js';
import type { RowOp } from '../../tariff-model/row-ops.js';
import type { Edit, Scenario } from '../../camera-sim/scenario-types.js';
import { lifecycleContract } from './lifecycle-contract.js';
import { authoringContract } from './authoring-contract.js';
import { team } from './team-contract.js';

/**
 * Every call the studio's renderer can make, grouped by domain: its argument and result types
 * and their JSON Schemas. Both transports (Electron IPC in main, the local HTTP server of the
 * browser mode) validate the arguments against these schemas before dispatching to the same
 * handlers, and the results before answering. A new domain (rules, audit, explorer, scenarios)
 * adds one section here and one handler file; the preload and the clients follow by themselves.
 *
 * This module is plain data and types (no ajv instance): the preload and the renderer import
 * it; only the dispatcher compiles the schemas.
 */
export type CallSpec<A, R> = {
  summary: string;
  args: JSONSchemaType<A>;
  result: object;
  /** Phantom fields carrying the types; never set. */
  readonly __args?: A;
  readonly __result?: R;
};

const call = <A, R>(summary: string, args: JSONSchemaType<A>, result: object): CallSpec<A, R> => ({ summary, args, result });

// ---------------------------------------------------------------------------------------------
// Shared shapes
// ---------------------------------------------------------------------------------------------
export type VersionStatus = 'draft' | 'in-review' | 'approved' | 'superseded';
export type VersionSummary = {
  id: number;
  effective: string;
  status: VersionStatus;
  basedOn: number | null;
  title: string;
  revision: number;
  createdBy: string;
  updatedAt: string;
};
export type VersionDetail = { summary: VersionSummary; base: VersionSummary | null; version: TariffVersion; changes: TariffChange[] };
export type NoArgs = Record<string, never>;

const id = { type: 'integer', minimum: 1 } as const;
const isoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const title = { type: 'string', maxLength: 200 } as const;
/** An .xlsx file travels as base64; 20 MB is far above any tariff workbook. */
const base64 = { type: 'string', maxLength: 28_000_000, pattern: '^[A-Za-z0-9+/]*={0,2}$' } as const;
const fileName = { type: 'string', minLength: 1, maxLength: 255 } as const;
const noArgs = { type: 'object', additionalProperties: false, properties: {}, required: [] } as unknown as JSONSchemaType<NoArgs>;

const statusSchema = { enum: ['draft', 'in-review', 'approved', 'superseded'] } as const;
const summarySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'effective', 'status', 'basedOn', 'title', 'revision', 'createdBy', 'updatedAt'],
  properties: {
    id,
    effective: isoDate,
    status: statusSchema,
    basedOn: { type: ['integer', 'null'] },
    title: { type: 'string' },
    revision: { type: 'integer' },
    createdBy: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;
const cellValueSchema = { type: ['string', 'number', 'null', 'array'], items: { type: 'string' } } as const;
const changeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['table', 'kind', 'key', 'index', 'baseIndex', 'field', 'before', 'after'],
  properties: {
    table: { enum: [...TABLE_IDS] },
    kind: { enum: ['changed', 'added', 'removed'] },
    key: { type: 'string' },
    index: { type: ['integer', 'null'] },
    baseIndex: { type: ['integer', 'null'] },
    field: { type: ['string', 'null'] },
    before: cellValueSchema,
    after: cellValueSchema,
  },
} as const;
const tariffVersionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['effective', 'status', 'courses', 'initialFeeGroups', 'options', 'policies', 'minimumPeriods'],
  properties: {
    effective: isoDate,
    status: { enum: ['draft', 'approved'] },
    courses: { type: 'array', items: courseSchema },
    initialFeeGroups: initialFeesFileSchema.properties.groups,
    options: { type: 'array', items: optionSchema },
    policies: policiesFileSchema.properties.policies,
    minimumPeriods: policiesFileSchema.properties.minimumPeriods,
  },
} as const;
const detailSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['summary', 'base', 'version', 'changes'],
  properties: { summary: summarySchema, base: { anyOf: [summarySchema, { type: 'null' }] }, version: tariffVersionSchema, changes: { type: 'array', items: changeSchema } },
} as const;
export const issueSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'severity', 'message'],
  properties: {
    code: { type: 'string' },
    severity: { enum: ['error', 'warning'] },
    message: { type: 'string' },
    table: { enum: [...TABLE_IDS] },
    index: { type: 'integer' },
    field: { type: 'string' },
    otherIndex: { type: 'integer' },
    sheet: { type: 'string' },
    row: { type: 'integer' },
    column: { type: 'string' },
    header: { type: 'string' },
    value: { type: 'string' },
    expected: { type: 'string' },
    expectedJa: { type: 'string' },
  },
} as const;

// ---------------------------------------------------------------------------------------------
// workspace
// ---------------------------------------------------------------------------------------------
/** `readOnly`: the workspace file or its folder cannot be written; the studio shows a banner and every write is refused (WORKSPACE_READ_ONLY). */
export type WorkspaceInfo = {
  file: string;
  createdNow: boolean;
  schemaVersion: number;
  tariffVersions: number;
  ruleVersions: number;
  actor: string;
  today: string;
  suggestedDraftDate: string;
  readOnly: boolean;
};

const workspace = {
  info: call<NoArgs, WorkspaceInfo>('the open workspace: its file, counts, who works in it, today (Asia/Tokyo)', noArgs, {
    type: 'object',
    additionalProperties: false,
    required: ['file', 'createdNow', 'schemaVersion', 'tariffVersions', 'ruleVersions', 'actor', 'today', 'suggestedDraftDate', 'readOnly'],
    properties: {
      file: { type: 'string' },
      createdNow: { type: 'boolean' },
      schemaVersion: { type: 'integer' },
      tariffVersions: { type: 'integer' },
      ruleVersions: { type: 'integer' },
      actor: { type: 'string' },
      today: isoDate,
      suggestedDraftDate: isoDate,
      readOnly: { type: 'boolean' },
    },
  }),
};

// ---------------------------------------------------------------------------------------------
// tariffs: versions, drafts and cell edits
// ---------------------------------------------------------------------------------------------
export type CreateDraftArgs = { from: number; effective: string; title: string };
export type EditArgs = { id: number; revision: number; edits: CellEdit[] };
export type RowOpsArgs = { id: number; revision: number; ops: RowOp[] };

const rowOpSchema = {
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'table', 'index', 'texts'],
      properties: {
        kind: { const: 'insert' },
        table: { enum: [...TABLE_IDS] },
        index: { type: 'integer', minimum: 0 },
        texts: { type: 'object', required: [], maxProperties: 64, additionalProperties: { type: 'string', maxLength: 10_000 } },
      },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'table', 'index'],
      properties: { kind: { const: 'delete' }, table: { enum: [...TABLE_IDS] }, index: { type: 'integer', minimum: 0 } },
    },
  ],
} as const;

const editSchema: JSONSchemaType<CellEdit> = {
  type: 'object',
  additionalProperties: false,
  required: ['table', 'index', 'field', 'text'],
  properties: {
    table: { type: 'string', enum: [...TABLE_IDS] },
    index: { type: 'integer', minimum: 0 },
    field: { type: 'string', minLength: 1, maxLength: 64 },
    text: { type: 'string', maxLength: 10_000 },
  },
};

const tariffs = {
  list: call<NoArgs, { versions: VersionSummary[] }>('every tariff version and draft, newest first', noArgs, {
    type: 'object',
    additionalProperties: false,
    required: ['versions'],
    properties: { versions: { type: 'array', items: summarySchema } },
  }),
  get: call<{ id: number }, VersionDetail>(
    'one version with its data and, for a draft, every change from the version it came from',
    { type: 'object', additionalProperties: false, required: ['id'], properties: { id } },
    detailSchema,
  ),
  createDraft: call<CreateDraftArgs, VersionDetail>(
    'start a draft from a version, with its own effective date',
    {
      type: 'object',
      additionalProperties: false,
      required: ['from', 'effective', 'title'],
      properties: { from: id, effective: { type: 'string', pattern: isoDate.pattern }, title },
    },
    detailSchema,
  ),
  edit: call<EditArgs, VersionDetail>(
    'apply cell edits (typed, pasted, filled, undone) to a draft in one transaction; all or nothing',
    {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'revision', 'edits'],
      properties: { id, revision: { type: 'integer', minimum: 1 }, edits: { type: 'array', minItems: 1, maxItems: 20_000, items: editSchema } },
    },
    detailSchema,
  ),
  rowOps: call<RowOpsArgs, VersionDetail>(
    'insert (add, duplicate, new course) and delete rows of a draft in one transaction; a row still referred to is not deleted (ROW_IN_USE names where)',
    {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'revision', 'ops'],
      properties: { id, revision: { type: 'integer', minimum: 1 }, ops: { type: 'array', minItems: 1, maxItems: 500, items: rowOpSchema } },
    } as unknown as JSONSchemaType<RowOpsArgs>,
    detailSchema,
  ),
  discardDraft: call<{ id: number }, { discarded: number }>(
    'delete a draft (never an approved version)',
    { type: 'object', additionalProperties: false, required: ['id'], properties: { id } },
    { type: 'object', additionalProperties: false, required: ['discarded'], properties: { discarded: id } },
  ),
};

// ---------------------------------------------------------------------------------------------
// engine: answers for a course under a version, before and after a draft's edits
// ---------------------------------------------------------------------------------------------
export type ChargeAnswer = {
  month: string;
  outcome: string;
  subtotal: number;
  tax: number;
  total: number;
  lines: { item: string; amount: number; clause: string }[];
  clauses: string[];
};
export type SettlementAnswer = {
  months: number;
  startDate: string;
  endDate: string;
  outcome: string;
  amount: number;
  tax: number;
  total: number;
  basisCourse: string | null;
  clauses: string[];
};
export type CourseAnswer =
  | {
      ok: true;
      versionId: number;
      effective: string;
      code: string;
      name: string;
      monthlyFee: number;
      firstMonth: ChargeAnswer;
      regularMonth: ChargeAnswer;
      settlement: SettlementAnswer;
    }
  | { ok: false; versionId: number; effective: string; code: string; message: string };
export type CoursePreviewArgs = { versionId: number; index: number; months: number };

const chargeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['month', 'outcome', 'subtotal', 'tax', 'total', 'lines', 'clauses'],
  properties: {
    month: { type: 'string' },
    outcome: { type: 'string' },
    subtotal: { type: 'integer' },
    tax: { type: 'integer' },
    total: { type: 'integer' },
    lines: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['item', 'amount', 'clause'],
        properties: { item: { type: 'string' }, amount: { type: 'integer' }, clause: { type: 'string' } },
      },
    },
    clauses: { type: 'array', items: { type: 'string' } },
  },
} as const;
const answerSchema = {
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['ok', 'versionId', 'effective', 'code', 'name', 'monthlyFee', 'firstMonth', 'regularMonth', 'settlement'],
      properties: {
        ok: { const: true },
        versionId: id,
        effective: isoDate,
        code: { type: 'string' },
        name: { type: 'string' },
        monthlyFee: { type: 'integer' },
        firstMonth: chargeSchema,
        regularMonth: chargeSchema,
        settlement: {
          type: 'object',
          additionalProperties: false,
          required: ['months', 'startDate', 'endDate', 'outcome', 'amount', 'tax', 'total', 'basisCourse', 'clauses'],
          properties: {
            months: { type: 'integer' },
            startDate: isoDate,
            endDate: isoDate,
            outcome: { type: 'string' },
            amount: { type: 'integer' },
            tax: { type: 'integer' },
            total: { type: 'integer' },
            basisCourse: { type: ['string', 'null'] },
            clauses: { type: 'array', items: { type: 'string' } },
          },
        },
      },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['ok', 'versionId', 'effective', 'code', 'message'],
      properties: { ok: { const: false }, versionId: id, effective: isoDate, code: { type: 'string' }, message: { type: 'string' } },
    },
  ],
} as const;

const engine = {
  coursePreview: call<CoursePreviewArgs, { before: CourseAnswer | null; after: CourseAnswer }>(
    "the engine's answer for one course (row `index` of the version): first and regular month charge, settlement on cancelling after `months`; for a draft also the answer under the version it came from",
    {
      type: 'object',
      additionalProperties: false,
      required: ['versionId', 'index', 'months'],
      properties: { versionId: id, index: { type: 'integer', minimum: 0 }, months: { type: 'integer', minimum: 1, maximum: 120 } },
    },
    { type: 'object', additionalProperties: false, required: ['before', 'after'], properties: { before: { anyOf: [answerSchema, { type: 'null' }] }, after: answerSchema } },
  ),
};

// ---------------------------------------------------------------------------------------------
// workbook: Excel export and import
// ---------------------------------------------------------------------------------------------
export type WorkbookFile = { fileName: string; contentBase64: string };
/** A release file published from the Rules page (docs/decision-service.md). */
export type PublishedRelease = WorkbookFile & { id: string; sha256: string; versions: number; auditHead: string };
export type ImportPreview = {
  fileName: string;
  base: VersionSummary | null;
  about: { effective: string | null; status: string | null; versionId: number | null; exportedAt: string | null };
  changes: TariffChange[];
  issues: Issue[];
  canApply: boolean;
  suggestedEffective: string;
};
export type ApplyImportArgs = WorkbookFile & { effective: string; title: string };

const fileArgs: JSONSchemaType<WorkbookFile> = {
  type: 'object',
  additionalProperties: false,
  required: ['fileName', 'contentBase64'],
  properties: { fileName, contentBase64: base64 },
};
const fileResult = { type: 'object', additionalProperties: false, required: ['fileName', 'contentBase64'], properties: { fileName, contentBase64: { type: 'string' } } } as const;

const workbook = {
  export: call<{ versionId: number }, WorkbookFile>(
    'the version as an .xlsx workbook (表1, 表3, 表2, 別紙6, about)',
    { type: 'object', additionalProperties: false, required: ['versionId'], properties: { versionId: id } },
    fileResult,
  ),
  previewImport: call<WorkbookFile, ImportPreview>('read an edited workbook: every change cell by cell and every problem, nothing applied', fileArgs, {
    type: 'object',
    additionalProperties: false,
    required: ['fileName', 'base', 'about', 'changes', 'issues', 'canApply', 'suggestedEffective'],
    properties: {
      fileName,
      base: { anyOf: [summarySchema, { type: 'null' }] },
      about: {
        type: 'object',
        additionalProperties: false,
        required: ['effective', 'status', 'versionId', 'exportedAt'],
        properties: {
          effective: { type: ['string', 'null'] },
          status: { type: ['string', 'null'] },
          versionId: { type: ['integer', 'null'] },
          exportedAt: { type: ['string', 'null'] },
        },
      },
      changes: { type: 'array', items: changeSchema },
      issues: { type: 'array', items: issueSchema },
      canApply: { type: 'boolean' },
      suggestedEffective: isoDate,
    },
  }),
  applyImport: call<ApplyImportArgs, VersionDetail>(
    'import an edited workbook into a new draft; refused, with every issue, while any error stands',
    {
      type: 'object',
      additionalProperties: false,
      required: ['fileName', 'contentBase64', 'effective', 'title'],
      properties: { fileName, contentBase64: base64, effective: { type: 'string', pattern: isoDate.pattern }, title },
    },
    detailSchema,
  ),
};

// ---------------------------------------------------------------------------------------------
// scenarios: finance's what-if runs of the fleet simulator (docs/studio-scenarios.md)
// ---------------------------------------------------------------------------------------------
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
  last: { netExTax: Pair; difference: number; fleetSize: number; months: number; stale: boolean } | null;
};
export type RunSideInfo = { label: 'baseline' | 'proposal'; rules: string; rulesStatus: string; tariffs: string; tariffsStatus: string; edits: string[] };
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
  /** With a sensitivity section: the tornado, largest swing first. */
  sensitivity?: { baseDifference: number; rows: { pointer: string; label: string; effectDown: number; effectUp: number; swing: number }[] };
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
};
export type ScenarioChoices = {
  tariffs: VersionSummary[];
  rules: { id: number; effective: string; status: VersionStatus; title: string }[];
  courses: { code: string; name: string; series: string; termMonths: number | null }[];
  options: { code: string; name: string }[];
  defaultForm: ScenarioForm;
};
/** `revision`: the revision the form was loaded at (team server: a save on a newer one is refused, naming who saved it). */
export type SaveScenarioArgs = { id: number | null; form: ScenarioForm; revision?: number };

const sideRefSchema = {
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
const scenarioFormSchema = {
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
const pairSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['baseline', 'proposal'],
  properties: { baseline: { type: 'number' }, proposal: { type: 'number' } },
} as const;
const scenarioSummarySchema = {
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
          properties: { netExTax: pairSchema, difference: { type: 'number' }, fleetSize: { type: 'integer' }, months: { type: 'integer' }, stale: { type: 'boolean' } },
        },
      ],
    },
  },
} as const;
const pairRow = (keys: Record<string, object>) => ({
  type: 'object',
  additionalProperties: false,
  required: [...Object.keys(keys), 'baseline', 'proposal', 'difference'],
  properties: { ...keys, baseline: { type: 'number' }, proposal: { type: 'number' }, difference: { type: 'number' } },
});
const str = { type: 'string' } as const;
const runViewSchema = {
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
        sides: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['label', 'rules', 'rulesStatus', 'tariffs', 'tariffsStatus', 'edits'],
            properties: { label: { enum: ['baseline', 'proposal'] }, rules: str, rulesStatus: str, tariffs: str, tariffsStatus: str, edits: { type: 'array', items: str } },
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
const apiErrorSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'message', 'issues'],
  properties: { code: str, message: str, hint: str, issues: { type: 'array', items: issueSchema } },
} as const;
const runProgressSchema = {
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
  },
} as const;
const runIdArgs = { type: 'object', additionalProperties: false, required: ['runId'], properties: { runId: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' } } } as const;
const saveArgs = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'form'],
  properties: { id: { type: ['integer', 'null'], minimum: 1 }, form: scenarioFormSchema, revision: { type: 'integer', minimum: 1 } },
} as unknown as JSONSchemaType<SaveScenarioArgs>;
const scenarioIdArgs = { type: 'object', additionalProperties: false, required: ['id'], properties: { id } } as const;
/** Instant re-pricing (docs/studio-scenarios.md): `repriced` with the figures, or `run-needed` (the reason; the page runs in full). */
export type RepriceArgs = { id: number; form: ScenarioForm };
export type RepriceAnswer = { mode: 'repriced' | 'run-needed'; reason: string; result: RunView | null; elapsedMs: number };
const repriceArgs = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'form'],
  properties: { id, form: scenarioFormSchema },
} as unknown as JSONSchemaType<RepriceArgs>;
const repriceAnswerSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['mode', 'reason', 'result', 'elapsedMs'],
  properties: { mode: { enum: ['repriced', 'run-needed'] }, reason: str, result: { anyOf: [{ type: 'null' }, runViewSchema] }, elapsedMs: { type: 'number' } },
} as const;

const scenarios = {
  choices: call<NoArgs, ScenarioChoices>('what a scenario form can pick: tariff versions and drafts, rule versions, courses and options, and a default form', noArgs, {
    type: 'object',
    additionalProperties: false,
    required: ['tariffs', 'rules', 'courses', 'options', 'defaultForm'],
    properties: {
      tariffs: { type: 'array', items: summarySchema },
      rules: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'effective', 'status', 'title'],
          properties: { id, effective: isoDate, status: statusSchema, title: str },
        },
      },
      courses: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['code', 'name', 'series', 'termMonths'],
          properties: { code: str, name: str, series: str, termMonths: { type: ['integer', 'null'] } },
        },
      },
      options: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['code', 'name'], properties: { code: str, name: str } } },
      defaultForm: { type: 'object' },
    },
  }),
  list: call<NoArgs, { scenarios: ScenarioSummary[] }>('every saved scenario with its last run, newest first', noArgs, {
    type: 'object',
    additionalProperties: false,
    required: ['scenarios'],
    properties: { scenarios: { type: 'array', items: scenarioSummarySchema } },
  }),
  get: call<{ id: number }, { summary: ScenarioSummary; form: ScenarioForm; result: RunView | null }>(
    'a saved scenario: its form and the figures of its last run',
    scenarioIdArgs,
    {
      type: 'object',
      additionalProperties: false,
      required: ['summary', 'form', 'result'],
      properties: { summary: scenarioSummarySchema, form: { type: 'object' }, result: { anyOf: [{ type: 'null' }, runViewSchema] } },
    },
  ),
  save: call<SaveScenarioArgs, ScenarioSummary>(
    'check a scenario form (every problem with its field) and save it: a new scenario (id null) or a new revision',
    saveArgs,
    scenarioSummarySchema,
  ),
  delete: call<{ id: number }, { deleted: number }>('delete a saved scenario and its last result', scenarioIdArgs, {
    type: 'object',
    additionalProperties: false,
    required: ['deleted'],
    properties: { deleted: id },
  }),
  run: call<SaveScenarioArgs, { runId: string; scenario: ScenarioSummary }>(
    'save the form, then run it in worker threads; answers at once with the run id (poll progress)',
    saveArgs,
    { type: 'object', additionalProperties: false, required: ['runId', 'scenario'], properties: { runId: str, scenario: scenarioSummarySchema } },
  ),
  progress: call<{ runId: string }, RunProgress>('where a run is: contracts done, its state, and its error if it failed', runIdArgs, runProgressSchema),
  cancel: call<{ runId: string }, RunProgress>('stop a run: its workers are terminated and nothing is saved', runIdArgs, runProgressSchema),
  export: call<{ id: number }, WorkbookFile>("the last run as the workbook `tariff simulate` writes, plus a sheet with the charts' data", scenarioIdArgs, fileResult),
  reprice: call<RepriceArgs, RepriceAnswer>(
    'the form re-priced on the events of the scenario’s last run (proposal prices changed only, no response): nothing saved; else mode run-needed with the reason',
    repriceArgs,
    repriceAnswerSchema,
  ),
};

// ---------------------------------------------------------------------------------------------
// rules: legal review of rule versions (versions, rule edits in drafts, diff, regression, approval, notice)
// ---------------------------------------------------------------------------------------------
export type RuleVersionSummary = VersionSummary & { author: string; approvedBy: string | null };
export type ReviewStepView = { step: 'submitted' | 'withdrawn' | 'approved'; reviewer: string; comment: string; at: string };
export type FactOffer = { name: string; ja: string; en: string };
export type RuleVersionDetail = {
  summary: RuleVersionSummary;
  base: RuleVersionSummary | null;
  version: Pick<RuleVersion, 'decisions' | 'interpretations'>;
  /** The terms' text of every clause the version's rules and parameters cite. */
  clauseTexts: Record<string, string>;
  /** Per decision: the facts a condition may read, and the event types its rules fire. */
  facts: Record<string, FactOffer[]>;
  eventTypes: Record<string, string[]>;
  /** Rule ids changed from the base (decision/id). */
  changedRules: string[];
  reviews: ReviewStepView[];
};
export type RuleCheck = { issues: Issue[]; sentence: { ja: string; en: string } | null };
export type RuleEditArgs = { id: number; revision: number; decision: string; ruleId: string; ruleJson: string };
export type RuleDiff = RuleVersionDiff & { tariffs: RowChange[]; clauseTexts: Record<string, string>; from: RuleVersionSummary; to: RuleVersionSummary };
export type RegressionView = {
  version: RuleVersionSummary;
  baseline: RuleVersionSummary;
  folders: string[];
  total: number;
  changed: RegressionChange[];
  /** Cases that answer `invalid` under the version and do not expect it: these block approval. */
  failing: RegressionChange[];
  unreadable: { file: string; message: string }[];
};
export type CaseFolder = { path: string; exists: boolean; files: number };
/** Clause coverage of a rule version (tariff coverage): every paragraph of the terms with its status. */
export type CoverageView = {
  version: RuleVersionSummary;
  rows: { ref: string; title: string; status: 'encoded' | 'non-deciding' | 'not-encoded' | 'unclassified'; rules: string[]; note: string | null; text: string }[];
  encoded: number;
  deciding: number;
  unclassified: string[];
  problems: { pointer: string; message: string }[];
  findings: { at: string; cited: string; citedTitle: string; actualTitle: string | null; titleBelongsTo: string[] }[];
};

const ruleVersionSummarySchema = {
  type: 'object',
  additionalProperties: false,
  required: [...summarySchema.required, 'author', 'approvedBy'],
  properties: { ...summarySchema.properties, author: { type: 'string' }, approvedBy: { type: ['string', 'null'] } },
} as const;
const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const;
const ruleDetailSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['summary', 'base', 'version', 'clauseTexts', 'facts', 'eventTypes', 'changedRules', 'reviews'],
  properties: {
    summary: ruleVersionSummarySchema,
    base: { anyOf: [ruleVersionSummarySchema, { type: 'null' }] },
    version: { type: 'object', required: ['decisions', 'interpretations'], properties: { decisions: { type: 'object' }, interpretations: { type: 'array' } } },
    clauseTexts: stringMap,
    facts: {
      type: 'object',
      additionalProperties: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'ja', 'en'],
          properties: { name: { type: 'string' }, ja: { type: 'string' }, en: { type: 'string' } },
        },
      },
    },
    eventTypes: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
    changedRules: { type: 'array', items: { type: 'string' } },
    reviews: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['step', 'reviewer', 'comment', 'at'],
        properties: { step: { enum: ['submitted', 'withdrawn', 'approved'] }, reviewer: { type: 'string' }, comment: { type: 'string' }, at: { type: 'string' } },
      },
    },
  },
} as const;
const idArgs = <K extends string>(key: K) =>
  ({ type: 'object', additionalProperties: false, required: [key], properties: { [key]: id } }) as unknown as JSONSchemaType<Record<K, number>>;
const comment = { type: 'string', maxLength: 4000 } as const;
const ruleJson = { type: 'string', maxLength: 200_000 } as const;
const regressionChangeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['file', 'index', 'name', 'before', 'after', 'changedFields'],
  properties: {
    file: { type: 'string' },
    index: { type: 'integer' },
    name: { type: 'string' },
    before: { type: 'object' },
    after: { type: 'object' },
    changedFields: { type: 'array', items: { type: 'string' } },
  },
} as const;

const rules = {
  list: call<NoArgs, { versions: RuleVersionSummary[] }>('every rule version and draft, newest first, with author and approver', noArgs, {
    type: 'object',
    additionalProperties: false,
    required: ['versions'],
    properties: { versions: { type: 'array', items: ruleVersionSummarySchema } },
  }),
  get: call<{ id: number }, RuleVersionDetail>(
    'one rule version: its rules, interpretations, the text of the clauses it cites, the facts offered per decision, its reviews',
    idArgs('id'),
    ruleDetailSchema,
  ),
  createDraft: call<CreateDraftArgs, RuleVersionDetail>(
    'start a rule draft from a version, with its own effective date',
    {
      type: 'object',
      additionalProperties: false,
      required: ['from', 'effective', 'title'],
      properties: { from: id, effective: { type: 'string', pattern: isoDate.pattern }, title },
    },
    ruleDetailSchema,
  ),
  checkRule: call<RuleEditArgs, RuleCheck>(
    "check an edited rule (its JSON) against the rule schema, the decision's facts and the whole version, and render it as sentences; nothing is saved",
    {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'revision', 'decision', 'ruleId', 'ruleJson'],
      properties: { id, revision: { type: 'integer', minimum: 1 }, decision: { type: 'string', maxLength: 64 }, ruleId: { type: 'string', maxLength: 200 }, ruleJson },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['issues', 'sentence'],
      properties: {
        issues: { type: 'array', items: issueSchema },
        sentence: {
          anyOf: [{ type: 'object', additionalProperties: false, required: ['ja', 'en'], properties: { ja: { type: 'string' }, en: { type: 'string' } } }, { type: 'null' }],
        },
      },
    },
  ),
  saveRule: call<RuleEditArgs, RuleVersionDetail>(
    'save an edited rule into a draft (refused with every issue while any error stands)',
    {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'revision', 'decision', 'ruleId', 'ruleJson'],
      properties: { id, revision: { type: 'integer', minimum: 1 }, decision: { type: 'string', maxLength: 64 }, ruleId: { type: 'string', maxLength: 200 }, ruleJson },
    },
    ruleDetailSchema,
  ),
  setInterpretation: call<{ id: number; revision: number; name: string; value: string }, RuleVersionDetail>(
    "switch a named interpretation of a draft to another of its values (it becomes the draft's default)",
    {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'revision', 'name', 'value'],
      properties: { id, revision: { type: 'integer', minimum: 1 }, name: { type: 'string', maxLength: 100 }, value: { type: 'string', maxLength: 200 } },
    },
    ruleDetailSchema,
  ),
  discardDraft: call<{ id: number }, { discarded: number }>('delete a rule draft (never a reviewed or approved version)', idArgs('id'), {
    type: 'object',
    additionalProperties: false,
    required: ['discarded'],
    properties: { discarded: id },
  }),
  submit: call<{ id: number; revision: number; comment: string }, RuleVersionDetail>(
    'submit a draft for review (draft → in review); it is frozen from then on',
    { type: 'object', additionalProperties: false, required: ['id', 'revision', 'comment'], properties: { id, revision: { type: 'integer', minimum: 1 }, comment } },
    ruleDetailSchema,
  ),
  withdraw: call<{ id: number; comment: string }, RuleVersionDetail>(
    'send a version in review back to draft',
    { type: 'object', additionalProperties: false, required: ['id', 'comment'], properties: { id, comment } },
    ruleDetailSchema,
  ),
  approve: call<{ id: number; reviewer: string; comment: string }, { approved: RuleVersionDetail; superseded: RuleVersionSummary | null }>(
    'approve a version in review: needs a reviewer and a comment, refused while any case answers invalid under it; the approved version it replaces becomes superseded',
    { type: 'object', additionalProperties: false, required: ['id', 'reviewer', 'comment'], properties: { id, reviewer: { type: 'string', maxLength: 200 }, comment } },
    {
      type: 'object',
      additionalProperties: false,
      required: ['approved', 'superseded'],
      properties: { approved: ruleDetailSchema, superseded: { anyOf: [ruleVersionSummarySchema, { type: 'null' }] } },
    },
  ),
  diff: call<{ from: number; to: number; tariffFrom: number | null; tariffTo: number | null }, RuleDiff>(
    'diff of two rule versions (rules, parameters, interpretations) and optionally two tariff versions, clause by clause with the clause texts',
    {
      type: 'object',
      additionalProperties: false,
      required: ['from', 'to', 'tariffFrom', 'tariffTo'],
      properties: { from: id, to: id, tariffFrom: { type: ['integer', 'null'], minimum: 1 }, tariffTo: { type: ['integer', 'null'], minimum: 1 } },
    } as unknown as JSONSchemaType<{ from: number; to: number; tariffFrom: number | null; tariffTo: number | null }>,
    {
      type: 'object',
      additionalProperties: false,
      required: ['rules', 'parameters', 'interpretations', 'tariffs', 'clauseTexts', 'from', 'to'],
      properties: {
        rules: { type: 'array', items: { type: 'object' } },
        parameters: { type: 'array', items: { type: 'object' } },
        interpretations: { type: 'array', items: { type: 'object' } },
        tariffs: { type: 'array', items: { type: 'object' } },
        clauseTexts: stringMap,
        from: ruleVersionSummarySchema,
        to: ruleVersionSummarySchema,
      },
    },
  ),
  regression: call<{ id: number }, RegressionView>(
    'run every case file (test/cases and the folders added) against the version and against the approved version in force; the cases whose answer changes, with both answers and traces',
    idArgs('id'),
    {
      type: 'object',
      additionalProperties: false,
      required: ['version', 'baseline', 'folders', 'total', 'changed', 'failing', 'unreadable'],
      properties: {
        version: ruleVersionSummarySchema,
        baseline: ruleVersionSummarySchema,
        folders: { type: 'array', items: { type: 'string' } },
        total: { type: 'integer' },
        changed: { type: 'array', items: regressionChangeSchema },
        failing: { type: 'array', items: regressionChangeSchema },
        unreadable: {
          type: 'array',
          items: { type: 'object', additionalProperties: false, required: ['file', 'message'], properties: { file: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  ),
  caseFolders: call<NoArgs, { folders: CaseFolder[] }>('the folders of case files that regression and approval run', noArgs, {
    type: 'object',
    additionalProperties: false,
    required: ['folders'],
    properties: {
      folders: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['path', 'exists', 'files'],
          properties: { path: { type: 'string' }, exists: { type: 'boolean' }, files: { type: 'integer' } },
        },
      },
    },
  }),
  setCaseFolders: call<{ folders: string[] }, { folders: CaseFolder[] }>(
    "set the user's own case folders (test/cases is always run)",
    {
      type: 'object',
      additionalProperties: false,
      required: ['folders'],
      properties: { folders: { type: 'array', maxItems: 50, items: { type: 'string', minLength: 1, maxLength: 1000 } } },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['folders'],
      properties: {
        folders: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['path', 'exists', 'files'],
            properties: { path: { type: 'string' }, exists: { type: 'boolean' }, files: { type: 'integer' } },
          },
        },
      },
    },
  ),
  coverage: call<{ id: number }, CoverageView>(
    "clause coverage of a rule version: every article and paragraph of the terms in force for it, encoded (the rules citing it), non-deciding (the reason in coverage.json) or not encoded, with its text; the terms' 第N条（title） citations checked",
    idArgs('id'),
    {
      type: 'object',
      additionalProperties: false,
      required: ['version', 'rows', 'encoded', 'deciding', 'unclassified', 'problems', 'findings'],
      properties: {
        version: ruleVersionSummarySchema,
        rows: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['ref', 'title', 'status', 'rules', 'note', 'text'],
            properties: {
              ref: { type: 'string' },
              title: { type: 'string' },
              status: { enum: ['encoded', 'non-deciding', 'not-encoded', 'unclassified'] },
              rules: { type: 'array', items: { type: 'string' } },
              note: { type: ['string', 'null'] },
              text: { type: 'string' },
            },
          },
        },
        encoded: { type: 'integer' },
        deciding: { type: 'integer' },
        unclassified: { type: 'array', items: { type: 'string' } },
        problems: {
          type: 'array',
          items: { type: 'object', additionalProperties: false, required: ['pointer', 'message'], properties: { pointer: { type: 'string' }, message: { type: 'string' } } },
        },
        findings: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['at', 'cited', 'citedTitle', 'actualTitle', 'titleBelongsTo'],
            properties: {
              at: { type: 'string' },
              cited: { type: 'string' },
              citedTitle: { type: 'string' },
              actualTitle: { type: ['string', 'null'] },
              titleBelongsTo: { type: 'array', items: { type: 'string' } },
            },
          },
        },
      },
    },
  ),
  publishRelease: call<{ publisher: string }, PublishedRelease>(
    'a release of every approved rule and tariff version (never a draft) for the decision service (tariff serve): the file to save, its id, hash and the audit head it names',
    { type: 'object', additionalProperties: false, required: ['publisher'], properties: { publisher: { type: 'string', maxLength: 200 } } },
    {
      type: 'object',
      additionalProperties: false,
      required: ['fileName', 'contentBase64', 'id', 'sha256', 'versions', 'auditHead'],
      properties: { fileName, contentBase64: { type: 'string' }, id: { type: 'string' }, sha256: { type: 'string' }, versions: { type: 'integer' }, auditHead: { type: 'string' } },
    },
  ),
  notice: call<{ id: number; format: 'md' | 'xlsx' }, WorkbookFile & { markdown: string }>(
    'the change notice (第2条) of a rule version: changed clauses with their text, changed prices, effective date, as Markdown or Excel',
    { type: 'object', additionalProperties: false, required: ['id', 'format'], properties: { id, format: { type: 'string', enum: ['md', 'xlsx'] } } },
    {
      type: 'object',
      additionalProperties: false,
      required: ['fileName', 'contentBase64', 'markdown'],
      properties: { fileName, contentBase64: { type: 'string' }, markdown: { type: 'string' } },
    },
  ),
};

// ---------------------------------------------------------------------------------------------
// audit: the hash-chained log of every change
// ---------------------------------------------------------------------------------------------
export type AuditEntryView = { seq: number; at: string; actor: string; action: string; target: string; before: unknown; after: unknown; comment: string | null; hash: string };
export type AuditVerdict = { ok: boolean; entries: number; head: string | null; brokenAt: number | null; reason: string | null };

const audit = {
  list: call<{ limit: number }, { entries: AuditEntryView[] }>(
    'the newest audit entries (who, when, what, before/after)',
    { type: 'object', additionalProperties: false, required: ['limit'], properties: { limit: { type: 'integer', minimum: 1, maximum: 1000 } } },
    {
      type: 'object',
      additionalProperties: false,
      required: ['entries'],
      properties: {
        entries: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['seq', 'at', 'actor', 'action', 'target', 'before', 'after', 'comment', 'hash'],
            properties: {
              seq: { type: 'integer' },
              at: { type: 'string' },
              actor: { type: 'string' },
              action: { type: 'string' },
              target: { type: 'string' },
              before: {},
              after: {},
              comment: { type: ['string', 'null'] },
              hash: { type: 'string' },
            },
          },
        },
      },
    },
  ),
  verify: call<NoArgs, AuditVerdict>('walk the hash chain: does it hold, and if not, the first entry where it breaks', noArgs, {
    type: 'object',
    additionalProperties: false,
    required: ['ok', 'entries', 'head', 'brokenAt', 'reason'],
    properties: {
      ok: { type: 'boolean' },
      entries: { type: 'integer' },
      head: { type: ['string', 'null'] },
      brokenAt: { type: ['integer', 'null'] },
      reason: { type: ['string', 'null'] },
    },
  }),
};

// ---------------------------------------------------------------------------------------------
// explorer: any decision, facts from a form generated from its schema, any version or draft
// ---------------------------------------------------------------------------------------------
export type FactField = {
  name: string;
  kind: 'boolean' | 'integer' | 'date' | 'datetime' | 'month' | 'enum' | 'course' | 'list' | 'json' | 'string';
  required: boolean;
  options: (string | null)[];
  minimum: number | null;
  ja: string;
  en: string;
};
export type DecisionForm = { name: string; fields: FactField[]; schema: object };
export type ExploreArgs = {
  decision: string;
  asOf: string;
  facts: Record<string, unknown>;
  ruleVersionId: number;
  tariffVersionId: number;
  interpretations: Record<string, string>;
  name: string;
};
export type ExploreResult = {
  output: Output;
  clauseTexts: Record<string, string>;
  /** The case file that pins this answer (expect = the answer less its trace and versions). */
  caseJson: string;
  /** False when a chosen version is not the approved one in force on asOf: `tariff test` would then answer from another version. */
  pinnedToApproved: boolean;
};

const factFieldSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'kind', 'required', 'options', 'minimum', 'ja', 'en'],
  properties: {
    name: { type: 'string' },
    kind: { enum: ['boolean', 'integer', 'date', 'datetime', 'month', 'enum', 'course', 'list', 'json', 'string'] },
    required: { type: 'boolean' },
    options: { type: 'array', items: { type: ['string', 'null'] } },
    minimum: { type: ['integer', 'null'] },
    ja: { type: 'string' },
    en: { type: 'string' },
  },
} as const;
const anyObject = { type: 'object', required: [], additionalProperties: true } as const;

const explorer = {
  decisions: call<NoArgs, { decisions: DecisionForm[] }>("every decision with the form of its facts, generated from the decision's JSON Schema", noArgs, {
    type: 'object',
    additionalProperties: false,
    required: ['decisions'],
    properties: {
      decisions: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'fields', 'schema'],
          properties: { name: { type: 'string' }, fields: { type: 'array', items: factFieldSchema }, schema: { type: 'object' } },
        },
      },
    },
  }),
  context: call<
    { ruleVersionId: number; tariffVersionId: number },
    { courses: { code: string; name: string }[]; options: { code: string; name: string }[]; interpretations: Interpretation[] }
  >(
    'what the form offers under the chosen versions: courses, options and named interpretations',
    { type: 'object', additionalProperties: false, required: ['ruleVersionId', 'tariffVersionId'], properties: { ruleVersionId: id, tariffVersionId: id } },
    {
      type: 'object',
      additionalProperties: false,
      required: ['courses', 'options', 'interpretations'],
      properties: {
        courses: {
          type: 'array',
          items: { type: 'object', additionalProperties: false, required: ['code', 'name'], properties: { code: { type: 'string' }, name: { type: 'string' } } },
        },
        options: {
          type: 'array',
          items: { type: 'object', additionalProperties: false, required: ['code', 'name'], properties: { code: { type: 'string' }, name: { type: 'string' } } },
        },
        interpretations: { type: 'array', items: { type: 'object' } },
      },
    },
  ),
  decide: call<ExploreArgs, ExploreResult>(
    'answer a case under the chosen rule and tariff versions (drafts too): outcome, amounts, clauses with their text, trace, interpretations relied on',
    {
      type: 'object',
      additionalProperties: false,
      required: ['decision', 'asOf', 'facts', 'ruleVersionId', 'tariffVersionId', 'interpretations', 'name'],
      properties: {
        decision: { type: 'string', maxLength: 64 },
        asOf: { type: 'string', pattern: isoDate.pattern },
        facts: anyObject,
        ruleVersionId: id,
        tariffVersionId: id,
        interpretations: { type: 'object', required: [], additionalProperties: { type: 'string' } },
        name: title,
      },
    } as unknown as JSONSchemaType<ExploreArgs>,
    {
      type: 'object',
      additionalProperties: false,
      required: ['output', 'clauseTexts', 'caseJson', 'pinnedToApproved'],
      properties: {
        output: { type: 'object', required: ['outcome', 'clauses', 'trace', 'interpretations'] },
        clauseTexts: stringMap,
        caseJson: { type: 'string' },
        pinnedToApproved: { type: 'boolean' },
      },
    },
  ),
  saveCase: call<{ folder: string; fileName: string; caseJson: string }, { file: string }>(
    'write a case file into a folder of your choice (never over an existing file)',
    {
      type: 'object',
      additionalProperties: false,
      required: ['folder', 'fileName', 'caseJson'],
      properties: {
        folder: { type: 'string', minLength: 1, maxLength: 1000 },
        fileName: { type: 'string', minLength: 1, maxLength: 200 },
        caseJson: { type: 'string', maxLength: 1_000_000 },
      },
    },
    { type: 'object', additionalProperties: false, required: ['file'], properties: { file: { type: 'string' } } },
  ),
};

/** The whole API. Add a domain here (rules, audit, explorer, scenarios) and a handler file for it. */
export const CONTRACT = { workspace, tariffs, engine, workbook, rules, audit, explorer, scenarios, lifecycle: lifecycleContract, authoring: authoringContract, team } as const;

export type Contract = typeof CONTRACT;
export type Domain = keyof Contract;
export type MethodOf<D extends Domain> = keyof Contract[D] & string;
export type ArgsOf<S> = S extends CallSpec<infer A, infer _R> ? A : never;
export type ResultOf<S> = S extends CallSpec<infer _A, infer R> ? R : never;

/** The API as the renderer sees it, whichever transport carries it: api.tariffs.edit({...}). */
export type StudioApi = { [D in Domain]: { [M in MethodOf<D>]: (args: ArgsOf<Contract[D][M]>) => Promise<ResultOf<Contract[D][M]>> } };

/** What crosses a transport: a result, or an error with a stable code and every issue. */
export type ApiError = { code: string; message: string; hint?: string; issues: Issue[] };
export type Envelope<R> = { ok: true; value: R } | { ok: false; error: ApiError };

/** Every call as "domain.method": IPC channels are `studio:<name>`, HTTP paths `api/<name>`. */
export const CALL_NAMES: readonly string[] = Object.entries(CONTRACT).flatMap(([d, calls]) => Object.keys(calls).map((m) => `${d}.${m}`));

export const specOf = (name: string): CallSpec<unknown, unknown> | undefined => {
  const [d, m] = name.split('.');
  if (!d || !m || !Object.hasOwn(CONTRACT, d)) return undefined;
  const calls = CONTRACT[d as Domain] as Record<string, CallSpec<unknown, unknown>>;
  return Object.hasOwn(calls, m) ? calls[m] : undefined;
};
