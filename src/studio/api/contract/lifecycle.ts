import type { RegressionChange } from '../../../engine/review/regression.js';
import type { TariffChange } from '../../../tariff-model/tariff-diff.js';
import { call } from './call.js';
import {
  approvalArgs,
  changeSchema,
  commentArgs,
  id,
  isoDate,
  nullable,
  refSchema,
  regressionChangeSchema,
  reviewSchema,
  revisionCommentArgs,
  str,
  summarySchema,
  type ApprovalArgs,
  type CommentArgs,
  type ReviewStepView,
  type RevisionCommentArgs,
  type VersionRef,
  type VersionSummary,
  type WorkbookFile,
} from './shared.js';

export type { VersionRef } from './shared.js';

/**
 * The `lifecycle` domain: the review lifecycle of tariff versions (submit, withdraw, approve,
 * together with the rule version of the same date), restoring an earlier version as a draft,
 * and which versions are in force on a date.
 */
export type TariffReviewView = {
  summary: VersionSummary;
  reviews: ReviewStepView[];
  /** The rule version of the same effective date: approved and noticed together with this one. */
  companion: VersionRef | null;
  /** What the version is compared with: the approved tariff in force the day before it takes effect. */
  baseline: VersionRef | null;
  total: number;
  changed: RegressionChange[];
  /** Cases that answer `invalid` under the version (and do not expect it): they block approval. */
  failing: RegressionChange[];
  unreadable: { file: string; message: string }[];
};
export type FleetImpact = {
  fleetSize: number;
  months: number;
  start: string;
  baseline: number;
  proposal: number;
  difference: number;
  /** Why there is no impact (the example scenario does not run under the version), else null. */
  problem: string | null;
};
export type InForceView = {
  today: string;
  date: string;
  tariffToday: VersionRef | null;
  tariffOnDate: VersionRef | null;
  rulesToday: VersionRef | null;
  rulesOnDate: VersionRef | null;
  /** Every row and cell that differs between the tariff in force today and on the date. */
  tariffChanges: TariffChange[];
  /** Rule ids (decision/id) added, removed or changed between the rules in force today and on the date. */
  ruleChanges: { key: string; kind: 'added' | 'removed' | 'changed' }[];
  /** Approved or in-review versions that take effect after today, earliest first. */
  scheduled: (VersionRef & { kind: 'tariff' | 'rules' })[];
};
export type ApprovalView = { approved: VersionSummary; superseded: VersionSummary | null; rules: VersionRef | null; rulesSuperseded: VersionRef | null };

export const lifecycle = {
  tariffReview: call<{ id: number }, TariffReviewView>(
    'what a reviewer of a tariff version sees: its review steps, the rule version of the same date, and every case file answered under it and under the tariff in force before (changed and failing cases)',
    { type: 'object', additionalProperties: false, required: ['id'], properties: { id } },
  ).returns({
    type: 'object',
    additionalProperties: false,
    required: ['summary', 'reviews', 'companion', 'baseline', 'total', 'changed', 'failing', 'unreadable'],
    properties: {
      summary: summarySchema,
      reviews: { type: 'array', items: reviewSchema },
      companion: nullable(refSchema),
      baseline: nullable(refSchema),
      total: { type: 'integer' },
      changed: { type: 'array', items: regressionChangeSchema },
      failing: { type: 'array', items: regressionChangeSchema },
      unreadable: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['file', 'message'], properties: { file: str, message: str } } },
    },
  }),
  fleetImpact: call<{ id: number; fleetSize: number }, FleetImpact>(
    "the example scenario (the Scenarios page's default form) run under the tariff in force before and under this version: net billed ex tax over the horizon",
    { type: 'object', additionalProperties: false, required: ['id', 'fleetSize'], properties: { id, fleetSize: { type: 'integer', minimum: 10, maximum: 2000 } } },
  ).returns({
    type: 'object',
    additionalProperties: false,
    required: ['fleetSize', 'months', 'start', 'baseline', 'proposal', 'difference', 'problem'],
    properties: {
      fleetSize: { type: 'integer' },
      months: { type: 'integer' },
      start: str,
      baseline: { type: 'number' },
      proposal: { type: 'number' },
      difference: { type: 'number' },
      problem: { type: ['string', 'null'] },
    },
  }),
  submitTariff: call<RevisionCommentArgs, VersionSummary>('submit a tariff draft for review (draft → in review); it is frozen from then on', revisionCommentArgs).returns(
    summarySchema,
  ),
  withdrawTariff: call<CommentArgs, VersionSummary>('send a tariff version in review back to draft', commentArgs).returns(summarySchema),
  requestTariffChanges: call<RevisionCommentArgs, VersionSummary>(
    'a reviewer sends a tariff version in review back to draft, saying what must change (差し戻し): the comment is required; the revision is the one the reviewer opened (REVIEW_STALE when it changed since); the author edits the draft and submits it again',
    revisionCommentArgs,
  ).returns(summarySchema),
  reviewSteps: call<{ id: number }, { steps: ReviewStepView[] }>(
    "a tariff version's review steps only (submitted, withdrawn, changes requested, approved), newest last: what the Tariff page shows its author without running the regression",
    { type: 'object', additionalProperties: false, required: ['id'], properties: { id } },
  ).returns({ type: 'object', additionalProperties: false, required: ['steps'], properties: { steps: { type: 'array', items: reviewSchema } } }),
  approveTariff: call<ApprovalArgs, ApprovalView>(
    'approve a tariff version in review (with the rule version of the same date, which must be in review too): needs the revision the reviewer saw (REVIEW_STALE when it changed since), a reviewer and a comment, refused while any case answers invalid; the versions they replace become superseded',
    approvalArgs,
  ).returns({
    type: 'object',
    additionalProperties: false,
    required: ['approved', 'superseded', 'rules', 'rulesSuperseded'],
    properties: { approved: summarySchema, superseded: nullable(summarySchema), rules: nullable(refSchema), rulesSuperseded: nullable(refSchema) },
  }),
  restore: call<{ kind: 'tariff' | 'rules'; from: number; effective: string; title: string }, VersionRef>(
    'roll back: a new draft holding an earlier version (tariff or rules), to be reviewed and approved like any other',
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'from', 'effective', 'title'],
      properties: {
        kind: { type: 'string', enum: ['tariff', 'rules'] },
        from: id,
        effective: { type: 'string', pattern: isoDate.pattern },
        title: { type: 'string', maxLength: 200 },
      },
    },
  ).returns(refSchema),
  inForce: call<{ date: string }, InForceView>('which tariff and rule versions are in force today and on a date, the difference between them, and what is scheduled', {
    type: 'object',
    additionalProperties: false,
    required: ['date'],
    properties: { date: { type: 'string', pattern: isoDate.pattern } },
  }).returns({
    type: 'object',
    additionalProperties: false,
    required: ['today', 'date', 'tariffToday', 'tariffOnDate', 'rulesToday', 'rulesOnDate', 'tariffChanges', 'ruleChanges', 'scheduled'],
    properties: {
      today: isoDate,
      date: isoDate,
      tariffToday: nullable(refSchema),
      tariffOnDate: nullable(refSchema),
      rulesToday: nullable(refSchema),
      rulesOnDate: nullable(refSchema),
      tariffChanges: { type: 'array', items: changeSchema },
      ruleChanges: {
        type: 'array',
        items: { type: 'object', additionalProperties: false, required: ['key', 'kind'], properties: { key: str, kind: { enum: ['added', 'removed', 'changed'] } } },
      },
      scheduled: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'effective', 'status', 'title', 'kind'],
          properties: { ...refSchema.properties, kind: { enum: ['tariff', 'rules'] } },
        },
      },
    },
  }),
  tariffNotice: call<{ id: number; format: 'md' | 'xlsx' }, WorkbookFile & { markdown: string }>(
    'the change notice (第2条) of the change of terms a tariff version belongs to: its prices (rows added, removed and changed) and the clauses of the rule version of the same date, in one document',
    { type: 'object', additionalProperties: false, required: ['id', 'format'], properties: { id, format: { type: 'string', enum: ['md', 'xlsx'] } } },
  ).returns({ type: 'object', additionalProperties: false, required: ['fileName', 'contentBase64', 'markdown'], properties: { fileName: str, contentBase64: str, markdown: str } }),
};
