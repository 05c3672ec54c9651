import type { JSONSchemaType } from 'ajv';
import { courseSchema, optionSchema, policiesFileSchema, initialFeesFileSchema } from '../../engine/schemas.js';
import type { TariffVersion } from '../../engine/tariff-types.js';
import type { CellEdit } from '../model/tariff-edits.js';
import type { Issue } from '../model/issue.js';
import type { TariffChange } from '../model/tariff-diff.js';
import { TABLE_IDS } from '../model/table-id.js';

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
export type VersionSummary = { id: number; effective: string; status: VersionStatus; basedOn: number | null; title: string; revision: number; createdBy: string; updatedAt: string };
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
  properties: { id, effective: isoDate, status: statusSchema, basedOn: { type: ['integer', 'null'] }, title: { type: 'string' }, revision: { type: 'integer' }, createdBy: { type: 'string' }, updatedAt: { type: 'string' } },
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
export type WorkspaceInfo = { file: string; createdNow: boolean; schemaVersion: number; tariffVersions: number; ruleVersions: number; actor: string; today: string; suggestedDraftDate: string };

const workspace = {
  info: call<NoArgs, WorkspaceInfo>('the open workspace: its file, counts, who works in it, today (Asia/Tokyo)', noArgs, {
    type: 'object',
    additionalProperties: false,
    required: ['file', 'createdNow', 'schemaVersion', 'tariffVersions', 'ruleVersions', 'actor', 'today', 'suggestedDraftDate'],
    properties: {
      file: { type: 'string' },
      createdNow: { type: 'boolean' },
      schemaVersion: { type: 'integer' },
      tariffVersions: { type: 'integer' },
      ruleVersions: { type: 'integer' },
      actor: { type: 'string' },
      today: isoDate,
      suggestedDraftDate: isoDate,
    },
  }),
};

// ---------------------------------------------------------------------------------------------
// tariffs: versions, drafts and cell edits
// ---------------------------------------------------------------------------------------------
export type CreateDraftArgs = { from: number; effective: string; title: string };
export type EditArgs = { id: number; revision: number; edits: CellEdit[] };

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
    { type: 'object', additionalProperties: false, required: ['from', 'effective', 'title'], properties: { from: id, effective: { type: 'string', pattern: isoDate.pattern }, title } },
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
  discardDraft: call<{ id: number }, { discarded: number }>(
    'delete a draft (never an approved version)',
    { type: 'object', additionalProperties: false, required: ['id'], properties: { id } },
    { type: 'object', additionalProperties: false, required: ['discarded'], properties: { discarded: id } },
  ),
};

// ---------------------------------------------------------------------------------------------
// engine: answers for a course under a version, before and after a draft's edits
// ---------------------------------------------------------------------------------------------
export type ChargeAnswer = { month: string; outcome: string; subtotal: number; tax: number; total: number; lines: { item: string; amount: number; clause: string }[]; clauses: string[] };
export type SettlementAnswer = { months: number; startDate: string; endDate: string; outcome: string; amount: number; tax: number; total: number; basisCourse: string | null; clauses: string[] };
export type CourseAnswer =
  | { ok: true; versionId: number; effective: string; code: string; name: string; monthlyFee: number; firstMonth: ChargeAnswer; regularMonth: ChargeAnswer; settlement: SettlementAnswer }
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
      items: { type: 'object', additionalProperties: false, required: ['item', 'amount', 'clause'], properties: { item: { type: 'string' }, amount: { type: 'integer' }, clause: { type: 'string' } } },
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

const fileArgs: JSONSchemaType<WorkbookFile> = { type: 'object', additionalProperties: false, required: ['fileName', 'contentBase64'], properties: { fileName, contentBase64: base64 } };
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
        properties: { effective: { type: ['string', 'null'] }, status: { type: ['string', 'null'] }, versionId: { type: ['integer', 'null'] }, exportedAt: { type: ['string', 'null'] } },
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

/** The whole API. Add a domain here (rules, audit, explorer, scenarios) and a handler file for it. */
export const CONTRACT = { workspace, tariffs, engine, workbook } as const;

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
