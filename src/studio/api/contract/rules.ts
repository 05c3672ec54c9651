import type { JSONSchemaType } from 'ajv';
import type { RegressionChange } from '../../../engine/review/regression.js';
import type { RowChange, RuleVersionDiff } from '../../../engine/review/version-diff.js';
import type { RuleVersion } from '../../../engine/rule-types.js';
import type { Issue } from '../../../tariff-model/issue.js';
import { call } from './call.js';
import {
  approvalArgs,
  commentArgs,
  fileName,
  id,
  idArgs,
  isoDate,
  issueSchema,
  noArgs,
  regressionChangeSchema,
  reviewSchema,
  revision,
  revisionCommentArgs,
  stringMap,
  summarySchema,
  title,
  type ApprovalArgs,
  type CommentArgs,
  type NoArgs,
  type ReviewStepView,
  type RevisionCommentArgs,
  type VersionSummary,
  type WorkbookFile,
} from './shared.js';
import type { CreateDraftArgs } from './tariffs.js';

/** The `rules` domain: legal review of rule versions (versions, rule edits in drafts, diff, regression, approval, coverage, release, notice). */
export type RuleVersionSummary = VersionSummary & { author: string; approvedBy: string | null };
/** A release file published from the Rules page (docs/decision-service.md). */
/** A published release: the file to save, its id and hash, how many versions it packs and which (kind, effective date, status), and the audit head it names. */
export type PublishedRelease = WorkbookFile & {
  id: string;
  sha256: string;
  versions: number;
  packed: { kind: 'rules' | 'tariffs'; effective: string; status: 'approved' | 'superseded' }[];
  auditHead: string;
};
export type FactOffer = { name: string; ja: string; en: string };
export type RuleVersionDetail = {
  summary: RuleVersionSummary;
  base: RuleVersionSummary | null;
  version: Pick<RuleVersion, 'decisions' | 'interpretations'>;
  /** The terms' text of every clause the version's rules and parameters cite. */
  clauseTexts: Record<string, string>;
  /** Per decision: the facts a condition may read, and the event types it accepts (those it branches on first; src/engine/decision-events.ts). */
  facts: Record<string, FactOffer[]>;
  eventTypes: Record<string, string[]>;
  /** Rule ids changed from the base (decision/id). */
  changedRules: string[];
  /** Who made the version's latest change (the audit log's last entry for it): an editor whose draft moved on beneath it says whether it was a colleague or the user's own other window. */
  changedBy: string | null;
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
/** A case folder: whether it is there, its *.json files, and why it cannot be read (too large, a loop, unreadable), if so. */
export type CaseFolder = { path: string; exists: boolean; files: number; problem?: { code: string; message: string } };
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

export const ruleVersionSummarySchema = {
  type: 'object',
  additionalProperties: false,
  required: [...summarySchema.required, 'author', 'approvedBy'],
  properties: { ...summarySchema.properties, author: { type: 'string' }, approvedBy: { type: ['string', 'null'] } },
} as const;
export const ruleDetailSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['summary', 'base', 'version', 'clauseTexts', 'facts', 'eventTypes', 'changedRules', 'changedBy', 'reviews'],
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
    changedBy: { type: ['string', 'null'] },
    reviews: { type: 'array', items: reviewSchema },
  },
} as const;
export const ruleJson = { type: 'string', maxLength: 200_000 } as const;

const caseFoldersResult = {
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
        properties: {
          path: { type: 'string' },
          exists: { type: 'boolean' },
          files: { type: 'integer' },
          problem: { type: 'object', additionalProperties: false, required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  },
} as const;
const ruleEditArgs: JSONSchemaType<RuleEditArgs> = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'revision', 'decision', 'ruleId', 'ruleJson'],
  properties: { id, revision, decision: { type: 'string', maxLength: 64 }, ruleId: { type: 'string', maxLength: 200 }, ruleJson },
};

export const rules = {
  list: call<NoArgs, { versions: RuleVersionSummary[] }>('every rule version and draft, newest first, with author and approver', noArgs).returns({
    type: 'object',
    additionalProperties: false,
    required: ['versions'],
    properties: { versions: { type: 'array', items: ruleVersionSummarySchema } },
  }),
  get: call<{ id: number }, RuleVersionDetail>(
    'one rule version: its rules, interpretations, the text of the clauses it cites, the facts offered per decision, its reviews',
    idArgs('id'),
  ).returns(ruleDetailSchema),
  createDraft: call<CreateDraftArgs, RuleVersionDetail>('start a rule draft from a version, with its own effective date', {
    type: 'object',
    additionalProperties: false,
    required: ['from', 'effective', 'title'],
    properties: { from: id, effective: { type: 'string', pattern: isoDate.pattern }, title },
  }).returns(ruleDetailSchema),
  checkRule: call<RuleEditArgs, RuleCheck>(
    "check an edited rule (its JSON) against the rule schema, the decision's facts and the whole version, and render it as sentences; nothing is saved",
    ruleEditArgs,
  ).returns({
    type: 'object',
    additionalProperties: false,
    required: ['issues', 'sentence'],
    properties: {
      issues: { type: 'array', items: issueSchema },
      sentence: {
        anyOf: [{ type: 'object', additionalProperties: false, required: ['ja', 'en'], properties: { ja: { type: 'string' }, en: { type: 'string' } } }, { type: 'null' }],
      },
    },
  }),
  saveRule: call<RuleEditArgs, RuleVersionDetail>('save an edited rule into a draft (refused with every issue while any error stands)', ruleEditArgs).returns(ruleDetailSchema),
  setInterpretation: call<{ id: number; revision: number; name: string; value: string }, RuleVersionDetail>(
    "switch a named interpretation of a draft to another of its values (it becomes the draft's default)",
    {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'revision', 'name', 'value'],
      properties: { id, revision, name: { type: 'string', maxLength: 100 }, value: { type: 'string', maxLength: 200 } },
    },
  ).returns(ruleDetailSchema),
  discardDraft: call<{ id: number }, { discarded: number }>('delete a rule draft (never a reviewed or approved version)', idArgs('id')).returns({
    type: 'object',
    additionalProperties: false,
    required: ['discarded'],
    properties: { discarded: id },
  }),
  submit: call<RevisionCommentArgs, RuleVersionDetail>('submit a draft for review (draft → in review); it is frozen from then on', revisionCommentArgs).returns(ruleDetailSchema),
  withdraw: call<CommentArgs, RuleVersionDetail>('its author takes a version in review back to draft', commentArgs).returns(ruleDetailSchema),
  requestChanges: call<RevisionCommentArgs, RuleVersionDetail>(
    'a reviewer sends a rule version in review back to draft, saying what must change (差し戻し): the comment is required; the revision is the one the reviewer opened (REVIEW_STALE when it changed since); the author edits the draft and submits it again',
    revisionCommentArgs,
  ).returns(ruleDetailSchema),
  approve: call<ApprovalArgs, { approved: RuleVersionDetail; superseded: RuleVersionSummary | null }>(
    'approve a version in review: needs the revision the reviewer saw (REVIEW_STALE when it changed since), a reviewer and a comment, refused while any case answers invalid under it; the approved version it replaces becomes superseded',
    approvalArgs,
  ).returns({
    type: 'object',
    additionalProperties: false,
    required: ['approved', 'superseded'],
    properties: { approved: ruleDetailSchema, superseded: { anyOf: [ruleVersionSummarySchema, { type: 'null' }] } },
  }),
  diff: call<{ from: number; to: number; tariffFrom: number | null; tariffTo: number | null }, RuleDiff>(
    'diff of two rule versions (rules, parameters, interpretations) and optionally two tariff versions, clause by clause with the clause texts',
    {
      type: 'object',
      additionalProperties: false,
      required: ['from', 'to', 'tariffFrom', 'tariffTo'],
      properties: { from: id, to: id, tariffFrom: { type: ['integer', 'null'], minimum: 1 }, tariffTo: { type: ['integer', 'null'], minimum: 1 } },
    } as unknown as JSONSchemaType<{ from: number; to: number; tariffFrom: number | null; tariffTo: number | null }>,
  ).returns({
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
  }),
  regression: call<{ id: number }, RegressionView>(
    'run every case file (test/cases and the folders added) against the version and against the approved version in force; the cases whose answer changes, with both answers and traces',
    idArgs('id'),
  ).returns({
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
  }),
  caseFolders: call<NoArgs, { folders: CaseFolder[] }>('the folders of case files that regression and approval run', noArgs).returns(caseFoldersResult),
  setCaseFolders: call<{ folders: string[] }, { folders: CaseFolder[] }>(
    "set the user's own case folders (test/cases is always run); a folder added that is not a folder, or that cannot be read whole within the walk's limits, is refused (CASE_FOLDER_TOO_LARGE, …) and nothing is saved",
    {
      type: 'object',
      additionalProperties: false,
      required: ['folders'],
      properties: { folders: { type: 'array', maxItems: 50, items: { type: 'string', minLength: 1, maxLength: 1000 } } },
    },
  ).returns(caseFoldersResult),
  coverage: call<{ id: number }, CoverageView>(
    "clause coverage of a rule version: every article and paragraph of the terms in force for it, encoded (the rules citing it), non-deciding (the reason in coverage.json) or not encoded, with its text; the terms' 第N条（title） citations checked",
    idArgs('id'),
  ).returns({
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
  }),
  publishRelease: call<{ publisher: string }, PublishedRelease>(
    'a release of every approved rule and tariff version (never a draft) for the decision service (tariff serve): the file to save, its id, hash and the audit head it names',
    { type: 'object', additionalProperties: false, required: ['publisher'], properties: { publisher: { type: 'string', maxLength: 200 } } },
  ).returns({
    type: 'object',
    additionalProperties: false,
    required: ['fileName', 'contentBase64', 'id', 'sha256', 'versions', 'packed', 'auditHead'],
    properties: {
      fileName,
      contentBase64: { type: 'string' },
      id: { type: 'string' },
      sha256: { type: 'string' },
      versions: { type: 'integer' },
      packed: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['kind', 'effective', 'status'],
          properties: { kind: { enum: ['rules', 'tariffs'] }, effective: { type: 'string' }, status: { enum: ['approved', 'superseded'] } },
        },
      },
      auditHead: { type: 'string' },
    },
  }),
  notice: call<{ id: number; format: 'md' | 'xlsx' }, WorkbookFile & { markdown: string }>(
    'the change notice (第2条) of a rule version: changed clauses with their text, changed prices, effective date, as Markdown or Excel',
    { type: 'object', additionalProperties: false, required: ['id', 'format'], properties: { id, format: { type: 'string', enum: ['md', 'xlsx'] } } },
  ).returns({
    type: 'object',
    additionalProperties: false,
    required: ['fileName', 'contentBase64', 'markdown'],
    properties: { fileName, contentBase64: { type: 'string' }, markdown: { type: 'string' } },
  }),
};
