import { isIsoDate } from '../../engine/dates.js';
import type { RuleVersionStatus } from '../../engine/rule-types.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import { staleSave } from './stale-save.js';
import { nowIso, type Workspace } from './workspace.js';

/**
 * What a draft is in the database, the same for rule and tariff versions: a row of its table
 * (`rule_versions` or `tariff_versions`) with its data and meta as JSON. The stores call these
 * inside their own transaction, with their own checks, messages and audit entry.
 */
export type VersionTable = 'rule_versions' | 'tariff_versions';

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

/** Refuses a save made on another revision than the stored one (another window, a colleague, the CLI saved in between). */
export function requireRevision(ws: Workspace, kind: VersionKind, v: CheckedVersion, revision: number): void {
  if (v.revision !== revision) throw staleSave(ws, `${kind}:${v.id}`, `${STALE_SUBJECT[kind]} ${v.effective} (#${v.id})`, v.revision, revision);
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
