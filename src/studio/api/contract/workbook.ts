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
  issues: Issue[];
  canApply: boolean;
  suggestedEffective: string;
};
export type ApplyImportArgs = WorkbookFile & { effective: string; title: string };

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
  applyImport: call<ApplyImportArgs, VersionDetail>('import an edited workbook into a new draft; refused, with every issue, while any error stands', {
    type: 'object',
    additionalProperties: false,
    required: ['fileName', 'contentBase64', 'effective', 'title'],
    properties: { fileName, contentBase64: base64, effective: { type: 'string', pattern: isoDate.pattern }, title },
  }).returns(detailSchema),
};
