import type { JSONSchemaType } from 'ajv';
import type { OpaqueSchema } from './call.js';
import { courseSchema, initialFeesFileSchema, optionSchema, policiesFileSchema, versionIndexSchema } from '../../../engine/schemas.js';
import { versionId as id, isoDate } from '../../../engine/schema-primitives.js';
import type { TariffVersion } from '../../../engine/tariff-types.js';
import type { Issue } from '../../../tariff-model/issue.js';
import { TABLE_IDS } from '../../../tariff-model/table-id.js';
import type { TariffChange } from '../../../tariff-model/tariff-diff.js';

export { versionId as id, isoDate } from '../../../engine/schema-primitives.js';

/**
 * The shapes more than one domain of the studio API uses (a version's summary, a tariff
 * version, a change, an issue, an error, a file), written once; each domain's calls are in
 * their own file beside this one (contract.ts builds the call map from them).
 */
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
  /** A draft a reviewer sent back (its last review step is changes-requested): the version lists mark it. */
  changesRequested: boolean;
};
/** `changedBy`: who made the version's latest change (the audit log's actor), as RuleVersionDetail says it; null when the log has none. */
export type VersionDetail = { summary: VersionSummary; base: VersionSummary | null; version: TariffVersion; changes: TariffChange[]; changedBy: string | null };
export type NoArgs = Record<string, never>;

export const title = { type: 'string', maxLength: 200 } as const;
/** An .xlsx file travels as base64; 20 MB is far above any tariff workbook. */
export const base64 = { type: 'string', maxLength: 28_000_000, pattern: '^[A-Za-z0-9+/]*={0,2}$' } as const;
export const fileName = { type: 'string', minLength: 1, maxLength: 255 } as const;
export const noArgs = { type: 'object', additionalProperties: false, properties: {}, required: [] } as unknown as JSONSchemaType<NoArgs>;

export const statusSchema = { enum: ['draft', 'in-review', 'approved', 'superseded'] } as const;
export const summarySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'effective', 'status', 'basedOn', 'title', 'revision', 'createdBy', 'updatedAt', 'changesRequested'],
  properties: {
    id,
    effective: isoDate,
    status: statusSchema,
    basedOn: { type: ['integer', 'null'] },
    title: { type: 'string' },
    revision: { type: 'integer' },
    createdBy: { type: 'string' },
    updatedAt: { type: 'string' },
    changesRequested: { type: 'boolean' },
  },
} as const;
export const cellValueSchema = { type: ['string', 'number', 'null', 'array'], items: { type: 'string' } } as const;
export const changeSchema = {
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
    row: { type: 'object', additionalProperties: cellValueSchema },
  },
} as const;
/**
 * A tariff version: the engine's data schemas of its tables. Opaque to the result type check
 * (its type is the engine's TariffVersion, held to these schemas where the engine loads data).
 */
export const tariffVersionShape = {
  type: 'object',
  additionalProperties: false,
  required: ['effective', 'status', 'courses', 'initialFeeGroups', 'options', 'policies', 'minimumPeriods'],
  properties: {
    effective: isoDate,
    status: { enum: ['draft', 'approved'] },
    // 附則: how the version applies to contracts started before it (absent: new prices).
    existingContracts: versionIndexSchema.properties.versions.items.properties.existingContracts,
    courses: { type: 'array', items: courseSchema },
    initialFeeGroups: initialFeesFileSchema.properties.groups,
    options: { type: 'array', items: optionSchema },
    policies: policiesFileSchema.properties.policies,
    minimumPeriods: policiesFileSchema.properties.minimumPeriods,
  },
} as const;
export const tariffVersionSchema: OpaqueSchema = tariffVersionShape;
export const detailSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['summary', 'base', 'version', 'changes', 'changedBy'],
  properties: {
    summary: summarySchema,
    base: { anyOf: [summarySchema, { type: 'null' }] },
    version: tariffVersionSchema,
    changes: { type: 'array', items: changeSchema },
    changedBy: { type: ['string', 'null'] },
  },
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
    otherRow: { type: 'integer' },
    sheet: { type: 'string' },
    row: { type: 'integer' },
    column: { type: 'string' },
    header: { type: 'string' },
    value: { type: 'string' },
    expected: { type: 'string' },
    expectedJa: { type: 'string' },
    adviceJa: { type: 'string' },
  },
} as const;

/** What crosses a transport: a result, or an error with a stable code and every issue. */
export type ApiError = { code: string; message: string; hint?: string; issues: Issue[] };
export type Envelope<R> = { ok: true; value: R } | { ok: false; error: ApiError };

export const str = { type: 'string' } as const;
export const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const;
export const idArgs = <K extends string>(key: K) =>
  ({ type: 'object', additionalProperties: false, required: [key], properties: { [key]: id } }) as unknown as JSONSchemaType<Record<K, number>>;
export const comment = { type: 'string', maxLength: 4000 } as const;
/** The revision of a draft the caller loaded: a step taken on another (someone saved since) is refused. */
export const revision = { type: 'integer', minimum: 1 } as const;
/**
 * The arguments of the review steps, the same for rule and tariff versions: a step on the revision
 * the caller opened (submit, request changes), taking a version back (withdraw), an approval.
 */
export type RevisionCommentArgs = { id: number; revision: number; comment: string };
export const revisionCommentArgs: JSONSchemaType<RevisionCommentArgs> = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'revision', 'comment'],
  properties: { id, revision, comment },
};
export type CommentArgs = { id: number; comment: string };
export const commentArgs = { type: 'object', additionalProperties: false, required: ['id', 'comment'], properties: { id, comment } } as unknown as JSONSchemaType<CommentArgs>;
export type ApprovalArgs = { id: number; revision: number; reviewer: string; comment: string };
export const approvalArgs: JSONSchemaType<ApprovalArgs> = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'revision', 'reviewer', 'comment'],
  properties: { id, revision, reviewer: { type: 'string', maxLength: 200 }, comment },
};
export const regressionChangeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['file', 'index', 'name', 'before', 'after', 'changedFields'],
  properties: {
    file: { type: 'string' },
    index: { type: 'integer' },
    name: { type: 'string' },
    facts: { type: 'object' },
    interpretations: { type: 'object' },
    before: { type: 'object' },
    after: { type: 'object' },
    changedFields: { type: 'array', items: { type: 'string' } },
  },
} as const;
export const apiErrorSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'message', 'issues'],
  properties: { code: str, message: str, hint: str, issues: { type: 'array', items: issueSchema } },
} as const;
export type WorkbookFile = { fileName: string; contentBase64: string };
export const fileResult = {
  type: 'object',
  additionalProperties: false,
  required: ['fileName', 'contentBase64'],
  properties: { fileName, contentBase64: { type: 'string' } },
} as const;

/** A version named briefly (the other kind's version of the same date, the one in force). */
export type VersionRef = { id: number; effective: string; status: VersionStatus; title: string };
export const refSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'effective', 'status', 'title'],
  properties: { id, effective: isoDate, status: statusSchema, title: str },
} as const;
/**
 * `approval-counted`: one of several approvals required (team server), the version still in review after it.
 * `changes-requested`: a reviewer sent the version back to draft saying what must change (tariff versions).
 */
export type ReviewStepView = { step: 'submitted' | 'withdrawn' | 'changes-requested' | 'approved' | 'approval-counted'; reviewer: string; comment: string; at: string };
export const reviewSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['step', 'reviewer', 'comment', 'at'],
  properties: { step: { enum: ['submitted', 'withdrawn', 'changes-requested', 'approved', 'approval-counted'] }, reviewer: str, comment: str, at: str },
} as const;
export const nullable = <const S extends object>(s: S) => ({ anyOf: [s, { type: 'null' }] }) as const;
