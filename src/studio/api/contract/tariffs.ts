import type { JSONSchemaType } from 'ajv';
import type { RowOp } from '../../../tariff-model/row-ops.js';
import { MAX_CELL_TEXT } from '../../../tariff-model/cell-parse.js';
import { TABLE_IDS } from '../../../tariff-model/table-id.js';
import type { CellEdit } from '../../../tariff-model/tariff-edits.js';
import type { TariffVersion } from '../../../engine/tariff-types.js';
import { call } from './call.js';
import { detailSchema, id, isoDate, noArgs, revision, summarySchema, tariffVersionShape, title, type NoArgs, type VersionDetail, type VersionSummary } from './shared.js';

/** The `tariffs` domain: tariff versions, drafts, cell edits and row operations. */
export type CreateDraftArgs = { from: number; effective: string; title: string };
export type EditArgs = { id: number; revision: number; edits: CellEdit[] };
export type RowOpsArgs = { id: number; revision: number; ops: RowOp[] };
export type RestoreContentArgs = { id: number; revision: number; version: TariffVersion; reason: 'undo' | 'redo' };

export const rowOpSchema = {
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'table', 'index', 'texts'],
      properties: {
        kind: { const: 'insert' },
        table: { enum: [...TABLE_IDS] },
        index: { type: 'integer', minimum: 0 },
        texts: { type: 'object', required: [], maxProperties: 64, additionalProperties: { type: 'string', maxLength: MAX_CELL_TEXT } },
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

export const editSchema: JSONSchemaType<CellEdit> = {
  type: 'object',
  additionalProperties: false,
  required: ['table', 'index', 'field', 'text'],
  properties: {
    table: { type: 'string', enum: [...TABLE_IDS] },
    index: { type: 'integer', minimum: 0 },
    field: { type: 'string', minLength: 1, maxLength: 64 },
    text: { type: 'string', maxLength: MAX_CELL_TEXT },
  },
};

export const tariffs = {
  list: call<NoArgs, { versions: VersionSummary[] }>('every tariff version and draft, newest first', noArgs).returns({
    type: 'object',
    additionalProperties: false,
    required: ['versions'],
    properties: { versions: { type: 'array', items: summarySchema } },
  }),
  get: call<{ id: number }, VersionDetail>('one version with its data and, for a draft, every change from the version it came from', {
    type: 'object',
    additionalProperties: false,
    required: ['id'],
    properties: { id },
  }).returns(detailSchema),
  createDraft: call<CreateDraftArgs, VersionDetail>('start a draft from a version, with its own effective date', {
    type: 'object',
    additionalProperties: false,
    required: ['from', 'effective', 'title'],
    properties: { from: id, effective: { type: 'string', pattern: isoDate.pattern }, title },
  }).returns(detailSchema),
  edit: call<EditArgs, VersionDetail>('apply cell edits (typed, pasted, filled, undone) to a draft in one transaction; all or nothing', {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'revision', 'edits'],
    properties: { id, revision, edits: { type: 'array', minItems: 1, maxItems: 20_000, items: editSchema } },
  }).returns(detailSchema),
  rowOps: call<RowOpsArgs, VersionDetail>(
    'insert (add, duplicate, new course) and delete rows of a draft in one transaction; a row still referred to is not deleted (ROW_IN_USE names where)',
    {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'revision', 'ops'],
      properties: { id, revision, ops: { type: 'array', minItems: 1, maxItems: 500, items: rowOpSchema } },
    } as unknown as JSONSchemaType<RowOpsArgs>,
  ).returns(detailSchema),
  restoreContent: call<RestoreContentArgs, VersionDetail>(
    "undo or redo of a workbook import into a draft: the draft's tables set to the content the grid held right before (or after) it, in one save",
    {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'revision', 'version', 'reason'],
      properties: { id, revision, version: tariffVersionShape, reason: { enum: ['undo', 'redo'] } },
    } as unknown as JSONSchemaType<RestoreContentArgs>,
  ).returns(detailSchema),
  discardDraft: call<{ id: number }, { discarded: number }>('delete a draft (never an approved version)', {
    type: 'object',
    additionalProperties: false,
    required: ['id'],
    properties: { id },
  }).returns({ type: 'object', additionalProperties: false, required: ['discarded'], properties: { discarded: id } }),
};
