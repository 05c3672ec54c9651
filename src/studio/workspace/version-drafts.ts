import { isIsoDate } from '../../engine/dates.js';
import type { RuleVersionStatus } from '../../engine/rule-types.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import type { VersionSummary } from '../api/contract.js';
import { appendAudit } from './audit-log.js';
import { staleSave, type StaleRefused } from './stale-save.js';
import { nowIso, type Workspace } from './workspace.js';

/**
 * What a draft is in the database, the same for rule and tariff versions: a row of its table
 * (`rule_versions` or `tariff_versions`) with its data and meta as JSON. The stores call these
 * inside their own transaction, with their own checks, messages and audit entry.
 */
export type VersionTable = 'rule_versions' | 'tariff_versions';

/** The columns of a version's row that both kinds read, and whether it is a draft a reviewer sent back (`versionColumns`). */
export type VersionRow = {
  id: number;
  effective: string;
  status: RuleVersionStatus;
  based_on: number | null;
  title: string;
  data: string;
  meta: string;
  revision: number;
  created_by: string;
  updated_at: string;
  changes_requested: 0 | 1;
};

/** Where a kind's review steps are kept: the table and its column naming the version. */
export const REVIEWS: Record<VersionTable, { table: string; column: string }> = {
  rule_versions: { table: 'reviews', column: 'rule_version' },
  tariff_versions: { table: 'tariff_reviews', column: 'tariff_version' },
};

/**
 * The columns every read of a version selects: the row and whether it is a draft a reviewer sent
 * back (its last review step is changes-requested), for the version list's badge.
 */
export const versionColumns = (table: VersionTable): string =>
  `${table}.*, (status = 'draft' AND (SELECT step FROM ${REVIEWS[table].table} WHERE ${REVIEWS[table].column} = ${table}.id ORDER BY id DESC LIMIT 1) = 'changes-requested') AS changes_requested`;

/** What a row says of its version, the same for both kinds (the studio API's VersionSummary). */
export const versionRecord = (r: VersionRow): VersionSummary => ({
  id: r.id,
  effective: r.effective,
  status: r.status,
  basedOn: r.based_on,
  title: r.title,
  revision: r.revision,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  changesRequested: r.changes_requested === 1,
});

/** Refuses an effective date that is not a calendar date. */
export function checkDraftDate(effective: string): void {
  if (!isIsoDate(effective)) throw new StudioError('BAD_DATE', `"${effective}" is not a calendar date`, [], 'Give the effective date as YYYY-MM-DD.');
}

/** Inserts a new draft based on `basedOn`, created by the workspace's actor; returns its id. */
export function insertDraft(ws: Workspace, table: VersionTable, draft: { effective: string; basedOn: number; title: string; data: unknown; meta: unknown }): number {
  const now = nowIso();
  const info = ws.db
    .prepare(`INSERT INTO ${table} (effective, status, based_on, title, data, meta, created_at, created_by, updated_at) VALUES (?, 'draft', ?, ?, ?, ?, ?, ?, ?)`)
    .run(draft.effective, draft.basedOn, draft.title, JSON.stringify(draft.data), JSON.stringify(draft.meta), now, ws.actor, now);
  return Number(info.lastInsertRowid);
}

/** Writes a draft's new data and counts a revision. */
export function updateDraftData(ws: Workspace, table: VersionTable, id: number, data: unknown): void {
  ws.db.prepare(`UPDATE ${table} SET data = ?, revision = revision + 1, updated_at = ? WHERE id = ?`).run(JSON.stringify(data), nowIso(), id);
}

/**
 * Saves a draft's new data (the caller validated it) in one immediate transaction with its audit
 * entry: refused unless the version is a draft at the caller's revision (a save on top of a newer
 * one, from another window, a colleague or the CLI, is refused rather than lost).
 */
export function saveDraft<V extends CheckedVersion>(
  ws: Workspace,
  kind: VersionKind,
  get: (id: number) => V,
  args: { id: number; revision: number; action: string; before: unknown; after: unknown },
  data: unknown,
): V {
  return ws.db
    .transaction(() => {
      const cur = get(args.id);
      requireEditableDraft(ws, kind, cur, args.revision);
      updateDraftData(ws, TABLES[kind], args.id, data);
      appendAudit(ws, args.action, `${kind}:${args.id}`, { before: args.before, after: args.after });
      return get(args.id);
    })
    .immediate();
}

/**
 * Discards a draft in one immediate transaction with its audit entry (`before` says what it was):
 * its review steps go with it (the audit log keeps them); refused unless it is a draft, or when a
 * version that is no longer a draft is based on it (deleteDraft).
 */
export function discardDraft<V extends CheckedVersion & { basedOn: number | null }>(
  ws: Workspace,
  kind: VersionKind,
  get: (id: number) => V,
  id: number,
  before: (v: V) => object,
): void {
  const table = TABLES[kind];
  ws.db
    .transaction(() => {
      const v = get(id);
      requireStatus(kind, v, 'draft', 'discarded', 'An approved version is kept for ever.');
      ws.db.prepare(`DELETE FROM ${REVIEWS[table].table} WHERE ${REVIEWS[table].column} = ?`).run(v.id);
      deleteDraft(ws, table, v);
      appendAudit(ws, `${kind}.draft.discarded`, `${kind}:${v.id}`, { before: before(v) });
    })
    .immediate();
}

/** Deletes a draft unless a version that is no longer a draft is based on it; drafts started from it then count from its own base. */
export function deleteDraft(ws: Workspace, table: VersionTable, draft: { id: number; effective: string; basedOn: number | null }): void {
  const kept = ws.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE based_on = ? AND status <> 'draft'`).get(draft.id) as { n: number };
  if (kept.n > 0) throw new StudioError('VERSION_IN_USE', `draft ${draft.effective} is the base of a version that is no longer a draft; it cannot be discarded`);
  ws.db.prepare(`UPDATE ${table} SET based_on = ? WHERE based_on = ?`).run(draft.basedOn, draft.id);
  ws.db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(draft.id);
}

/**
 * The draft checks, the same for rule and tariff versions, in the stores and the handlers alike:
 * the version is in the status the step needs (VERSION_NOT_DRAFT / VERSION_NOT_IN_REVIEW), and
 * a save is made on the revision the caller loaded (DRAFT_CONFLICT, naming who saved since).
 */
export type VersionKind = 'rule' | 'tariff';
export const TABLES: Record<VersionKind, VersionTable> = { rule: 'rule_versions', tariff: 'tariff_versions' };
export type CheckedVersion = { id: number; effective: string; status: RuleVersionStatus; revision: number };

/** The hint of a refused edit of a version that is not a draft. */
export const EDIT_ONLY_DRAFTS = 'An approved or submitted version is frozen: start a draft from it (or withdraw it from review) and edit the draft.';

/** Refuses unless `v` is in `status`; `doing` completes "only a version in draft can be …". */
export function requireStatus(kind: VersionKind, v: CheckedVersion, status: 'draft' | 'in-review', doing: string, hint: string): void {
  if (v.status !== status)
    throw new StudioError(
      status === 'draft' ? 'VERSION_NOT_DRAFT' : 'VERSION_NOT_IN_REVIEW',
      `${kind} version ${v.effective} (#${v.id}) is ${v.status}: only a version ${status === 'draft' ? 'in draft' : 'in review'} can be ${doing}`,
      [],
      hint,
    );
}

/** What a stale-save message calls the version (the words the team server's users already read). */
const STALE_SUBJECT: Record<VersionKind, string> = { rule: 'rule version', tariff: 'tariff draft' };

/** Refuses a save (or a submission: `refused`) made on another revision than the stored one (another window, a colleague, the CLI saved in between). */
export function requireRevision(ws: Workspace, kind: VersionKind, v: CheckedVersion, revision: number, refused: StaleRefused = 'save'): void {
  if (v.revision !== revision) throw staleSave(ws, `${kind}:${v.id}`, `${STALE_SUBJECT[kind]} ${v.effective} (#${v.id})`, v.revision, revision, refused);
}

/** A draft that may be edited at the caller's revision: both checks, in that order. */
export function requireEditableDraft(ws: Workspace, kind: VersionKind, v: CheckedVersion, revision: number): void {
  requireStatus(kind, v, 'draft', 'edited', EDIT_ONLY_DRAFTS);
  requireRevision(ws, kind, v, revision);
}

/** Refuses an approval without a reviewer or a comment (APPROVAL_INCOMPLETE, an issue for each). */
export function requireApprovalInput(reviewer: string, comment: string): void {
  const issues = [
    ...(reviewer.trim() ? [] : [{ code: 'REVIEWER_REQUIRED', severity: 'error' as const, message: 'reviewer: enter the name of the person approving', field: 'reviewer' }]),
    ...(comment.trim() ? [] : [{ code: 'COMMENT_REQUIRED', severity: 'error' as const, message: 'comment: say what was reviewed and why it is approved', field: 'comment' }]),
  ];
  if (issues.length)
    throw new StudioError(
      'APPROVAL_INCOMPLETE',
      `approval needs ${issues.map((i) => i.field).join(' and ')}`,
      issues,
      'Enter the reviewer name and a comment, then approve again.',
    );
}

/** Refuses a request for changes without a comment: the author must be told what to change (CHANGES_COMMENT_REQUIRED). */
export function requireChangesComment(comment: string): void {
  if (!comment.trim())
    throw new StudioError(
      'CHANGES_COMMENT_REQUIRED',
      'a request for changes needs a comment saying what must change',
      [{ code: 'CHANGES_COMMENT_REQUIRED', severity: 'error', message: 'comment: say what must change before the version can be approved', field: 'comment' }],
      'Write in the comment what the author should change, then send the version back again.',
    );
}
