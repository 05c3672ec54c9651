import type { JSONSchemaType } from 'ajv';
import type { Issue } from '../../../tariff-model/issue.js';
import type { TariffChange } from '../../../tariff-model/tariff-diff.js';
import { call } from './call.js';
import {
  base64,
  changeSchema,
  detailSchema,
  fileName,
  fileResult,
  id,
  isoDate,
  issueSchema,
  revision,
  summarySchema,
  title,
  type VersionDetail,
  type VersionSummary,
  type WorkbookFile,
} from './shared.js';

/** The `workbook` domain: a tariff version as an Excel workbook, and an edited workbook imported into a draft. */
export type ImportPreview = {
  fileName: string;
  base: VersionSummary | null;
  about: { effective: string | null; status: string | null; versionId: number | null; exportedAt: string | null };
  changes: TariffChange[];
  /** Indexes into `changes` of those that undo an edit saved in the base after the export (with WORKBOOK_BASE_CHANGED; as DraftImportPreview.overwrites). */
  overwrites: number[];
  issues: Issue[];
  canApply: boolean;
  suggestedEffective: string;
};
export type ApplyImportArgs = WorkbookFile & { effective: string; title: string };

/** Why a workbook is not the open draft as it is now (src/studio/workspace/draft-import.ts). */
export type StaleReason = 'other-version' | 'draft-changed' | 'unverified' | 'unknown-origin';
/** An import into the open draft: every change against the draft as it is now, and whether the workbook is stale. */
export type DraftImportPreview = {
  fileName: string;
  draft: VersionSummary;
  /** The version the about sheet names, when it is in this workspace. */
  origin: VersionSummary | null;
  about: { effective: string | null; versionId: number | null; revision: number | null; fingerprint: string | null; exportedAt: string | null };
  changes: TariffChange[];
  /** Indexes into `changes` of those that undo an edit the draft has and the exported content had not (known when that content is). */
  overwrites: number[];
  stale: { reason: StaleReason; message: string } | null;
  issues: Issue[];
  canApply: boolean;
};
export type DraftImportArgs = WorkbookFile & { id: number };
export type ApplyDraftImportArgs = WorkbookFile & { id: number; revision: number; confirmStale: boolean };

export const fileArgs: JSONSchemaType<WorkbookFile> = {
  type: 'object',
  additionalProperties: false,
  required: ['fileName', 'contentBase64'],
  properties: { fileName, contentBase64: base64 },
};

export const workbook = {
  export: call<{ versionId: number }, WorkbookFile>('the version as an .xlsx workbook (表1, 表3, 表2, 別紙6, about)', {
    type: 'object',
    additionalProperties: false,
    required: ['versionId'],
    properties: { versionId: id },
  }).returns(fileResult),
  previewImport: call<WorkbookFile, ImportPreview>('read an edited workbook: every change cell by cell and every problem, nothing applied', fileArgs).returns({
    type: 'object',
    additionalProperties: false,
    required: ['fileName', 'base', 'about', 'changes', 'overwrites', 'issues', 'canApply', 'suggestedEffective'],
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
      overwrites: { type: 'array', items: { type: 'integer' } },
      issues: { type: 'array', items: issueSchema },
      canApply: { type: 'boolean' },
      suggestedEffective: isoDate,
    },
  }),
  previewIntoDraft: call<DraftImportArgs, DraftImportPreview>(
    'read an edited workbook against the open draft: every change it would make, stale-export checks, every problem; nothing applied; a draft in review or an approved version is refused (VERSION_NOT_DRAFT)',
    {
      type: 'object',
      additionalProperties: false,
      required: ['fileName', 'contentBase64', 'id'],
      properties: { fileName, contentBase64: base64, id },
    },
  ).returns({
    type: 'object',
    additionalProperties: false,
    required: ['fileName', 'draft', 'origin', 'about', 'changes', 'overwrites', 'stale', 'issues', 'canApply'],
    properties: {
      fileName,
      draft: summarySchema,
      origin: { anyOf: [summarySchema, { type: 'null' }] },
      about: {
        type: 'object',
        additionalProperties: false,
        required: ['effective', 'versionId', 'revision', 'fingerprint', 'exportedAt'],
        properties: {
          effective: { type: ['string', 'null'] },
          versionId: { type: ['integer', 'null'] },
          revision: { type: ['integer', 'null'] },
          fingerprint: { type: ['string', 'null'] },
          exportedAt: { type: ['string', 'null'] },
        },
      },
      changes: { type: 'array', items: changeSchema },
      overwrites: { type: 'array', items: { type: 'integer' } },
      stale: {
        anyOf: [
          {
            type: 'object',
            additionalProperties: false,
            required: ['reason', 'message'],
            properties: { reason: { enum: ['other-version', 'draft-changed', 'unverified', 'unknown-origin'] }, message: { type: 'string' } },
          },
          { type: 'null' },
        ],
      },
      issues: { type: 'array', items: issueSchema },
      canApply: { type: 'boolean' },
    },
  }),
  applyIntoDraft: call<ApplyDraftImportArgs, VersionDetail>(
    'apply an edited workbook to the open draft in one save (one audit entry, the revision checked); refused while any error stands, and for a stale workbook unless confirmStale (IMPORT_STALE_UNCONFIRMED)',
    {
      type: 'object',
      additionalProperties: false,
      required: ['fileName', 'contentBase64', 'id', 'revision', 'confirmStale'],
      properties: { fileName, contentBase64: base64, id, revision, confirmStale: { type: 'boolean' } },
    },
  ).returns(detailSchema),
  applyImport: call<ApplyImportArgs, VersionDetail>('import an edited workbook into a new draft; refused, with every issue, while any error stands', {
    type: 'object',
    additionalProperties: false,
    required: ['fileName', 'contentBase64', 'effective', 'title'],
    properties: { fileName, contentBase64: base64, effective: { type: 'string', pattern: isoDate.pattern }, title },
  }).returns(detailSchema),
};
