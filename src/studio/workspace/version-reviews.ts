import { StudioError } from '../../tariff-model/studio-error.js';
import { appendAudit } from './audit-log.js';
import { requireReviewedRevision } from './review-pin.js';
import type { VersionStatus } from './tariff-store.js';
import { REVIEWS, requireChangesComment, requireRevision, requireStatus, TABLES, type CheckedVersion, type VersionKind } from './version-drafts.js';
import { nowIso, type Workspace } from './workspace.js';

/**
 * The review steps that take a version into review and back, the same for rule and tariff
 * versions (rule-store.ts, tariff-review-store.ts): submit (draft → in-review), withdraw and
 * request changes (in-review → draft). Each is one immediate transaction with its review step
 * (`reviews` or `tariff_reviews`) and its audit entry (`rule.submitted`, `tariff.withdrawn`, …).
 * The stores pass their own `get`, so each returns its own record.
 */
export type ReviewStepName = 'submitted' | 'withdrawn' | 'changes-requested' | 'approved';

/** Writes a review step of a version, in its kind's table (`reviews` or `tariff_reviews`). */
export function addReviewStep(ws: Workspace, kind: VersionKind, id: number, step: ReviewStepName, reviewer: string, comment: string): void {
  const { table, column } = REVIEWS[TABLES[kind]];
  ws.db.prepare(`INSERT INTO ${table} (${column}, step, reviewer, comment, at) VALUES (?, ?, ?, ?, ?)`).run(id, step, reviewer, comment, nowIso());
}

/** A review step as its kind's table holds it; `version` is the rule or tariff version it belongs to. */
export type ReviewStepRow = { id: number; version: number; step: ReviewStepName; reviewer: string; comment: string; at: string };

/** The review steps of a version, oldest first. */
export function reviewStepRows(ws: Workspace, kind: VersionKind, version: number): ReviewStepRow[] {
  const { table, column } = REVIEWS[TABLES[kind]];
  return ws.db.prepare(`SELECT id, ${column} AS version, step, reviewer, comment, at FROM ${table} WHERE ${column} = ? ORDER BY id`).all(version) as ReviewStepRow[];
}

/** Sets a version's status; superseding an approved version changes its status only (the freeze triggers, migration 4, refuse any other column). */
export function setVersionStatus(ws: Workspace, kind: VersionKind, id: number, status: VersionStatus): void {
  const table = TABLES[kind];
  if (status === 'superseded') ws.db.prepare(`UPDATE ${table} SET status = ? WHERE id = ?`).run(status, id);
  else ws.db.prepare(`UPDATE ${table} SET status = ?, updated_at = ? WHERE id = ?`).run(status, nowIso(), id);
}

/**
 * The hint when a submitted version's date is taken (the words each kind's users already read). A
 * stale revision is refused alike for both kinds, naming who saved since (DRAFT_CONFLICT, as a
 * stale save, worded for a submission).
 */
const DATE_TAKEN_HINT: Record<VersionKind, string> = {
  rule: 'Give the draft another effective date (start a new draft with that date) and submit it.',
  tariff: 'Start a new draft from this one with another effective date and submit that.',
};

/** draft → in-review. From now on the version is frozen; refuses a stale revision and a date another reviewed or approved version of its kind already takes. */
function submitVersion<V extends CheckedVersion>(ws: Workspace, kind: VersionKind, get: (id: number) => V, args: { id: number; revision: number; comment: string }): V {
  const table = TABLES[kind];
  return ws.db
    .transaction(() => {
      const cur = get(args.id);
      requireStatus(kind, cur, 'draft', 'submitted for review', 'Only a draft is submitted; an approved version is final.');
      requireRevision(ws, kind, cur, args.revision, 'submission');
      const taken = ws.db.prepare(`SELECT id, status FROM ${table} WHERE effective = ? AND status <> 'draft' AND id <> ?`).get(cur.effective, cur.id) as
        { id: number; status: string } | undefined;
      if (taken) throw new StudioError('VERSION_DATE_TAKEN', `${kind} version #${taken.id} (${taken.status}) already takes effect on ${cur.effective}`, [], DATE_TAKEN_HINT[kind]);
      setVersionStatus(ws, kind, cur.id, 'in-review');
      addReviewStep(ws, kind, cur.id, 'submitted', ws.actor, args.comment);
      appendAudit(ws, `${kind}.submitted`, `${kind}:${cur.id}`, {
        before: { status: 'draft', revision: cur.revision },
        after: { status: 'in-review', revision: cur.revision },
        comment: args.comment,
      });
      return get(cur.id);
    })
    .immediate();
}

/**
 * in-review → draft, the one way back: its author withdrawing it (`withdrawn`) and a reviewer
 * asking for changes (`changes-requested`). Inside the caller's transaction; the revision stays,
 * so the draft is edited from where it was.
 */
function backToDraft<V extends CheckedVersion>(ws: Workspace, kind: VersionKind, get: (id: number) => V, cur: V, step: 'withdrawn' | 'changes-requested', comment: string): V {
  setVersionStatus(ws, kind, cur.id, 'draft');
  addReviewStep(ws, kind, cur.id, step, ws.actor, comment);
  appendAudit(ws, `${kind}.${step}`, `${kind}:${cur.id}`, { before: { status: 'in-review', revision: cur.revision }, after: { status: 'draft', revision: cur.revision }, comment });
  return get(cur.id);
}

/** in-review → draft: taken back by its author for more edits. */
function withdrawVersion<V extends CheckedVersion>(ws: Workspace, kind: VersionKind, get: (id: number) => V, args: { id: number; comment: string }): V {
  return ws.db
    .transaction(() => {
      const cur = get(args.id);
      requireStatus(kind, cur, 'in-review', 'withdrawn', 'Only a version in review goes back to draft.');
      return backToDraft(ws, kind, get, cur, 'withdrawn', args.comment);
    })
    .immediate();
}

/**
 * in-review → draft by a reviewer: "request changes" (差し戻し). The comment says what must change
 * and is required; the revision is the one the reviewer opened, as for an approval, so a version
 * its author changed and submitted again meanwhile is not sent back unseen (REVIEW_STALE).
 */
function requestVersionChanges<V extends CheckedVersion>(ws: Workspace, kind: VersionKind, get: (id: number) => V, args: { id: number; revision: number; comment: string }): V {
  const comment = args.comment.trim();
  requireChangesComment(comment);
  return ws.db
    .transaction(() => {
      const cur = get(args.id);
      requireStatus(kind, cur, 'in-review', 'sent back with changes requested', 'It is no longer in review: reload it. A draft is edited and submitted again by its author.');
      requireReviewedRevision(kind, cur, args.revision, 'sent back');
      return backToDraft(ws, kind, get, cur, 'changes-requested', comment);
    })
    .immediate();
}

/**
 * in-review → approved, inside the caller's transaction (a version alone, or a rule version and a
 * tariff version of one date together: `together` names the other in the audit entry). The
 * approved version of its kind in force just before it becomes superseded (its status only: the
 * freeze triggers allow nothing else on an approved row); `recordApprover` writes the reviewer on
 * the version while it is still in review (rule versions keep it in their meta, and their audit
 * entry says it was unset before); then it is approved, with its review step and audit entry.
 */
export function approveVersionRow<V extends CheckedVersion>(
  ws: Workspace,
  kind: VersionKind,
  get: (id: number) => V,
  id: number,
  reviewer: string,
  comment: string,
  opts: { hint: string; together?: Partial<Record<VersionKind, number>>; recordApprover?: (cur: V) => void },
): { approved: V; superseded: V | null } {
  const cur = get(id);
  requireStatus(kind, cur, 'in-review', 'approved', opts.hint);
  const replaced = ws.db.prepare(`SELECT id, effective FROM ${TABLES[kind]} WHERE status = 'approved' AND effective < ? ORDER BY effective DESC LIMIT 1`).get(cur.effective) as
    { id: number; effective: string } | undefined;
  if (replaced) setVersionStatus(ws, kind, replaced.id, 'superseded');
  opts.recordApprover?.(cur);
  setVersionStatus(ws, kind, cur.id, 'approved');
  addReviewStep(ws, kind, cur.id, 'approved', reviewer, comment);
  appendAudit(ws, `${kind}.approved`, `${kind}:${cur.id}`, {
    before: {
      status: 'in-review',
      ...(opts.recordApprover ? { approvedBy: null } : {}),
      ...(replaced ? { replaces: { id: replaced.id, effective: replaced.effective, status: 'approved' } } : {}),
    },
    after: {
      status: 'approved',
      approvedBy: reviewer,
      ...(replaced ? { replaces: { id: replaced.id, effective: replaced.effective, status: 'superseded' } } : {}),
      ...(opts.together ? { together: opts.together } : {}),
    },
    comment,
  });
  return { approved: get(cur.id), superseded: replaced ? get(replaced.id) : null };
}

/** A store's review steps, each reading the version with the store's own `get` and returning it as the store records it. */
export function reviewSteps<V extends CheckedVersion>(
  kind: VersionKind,
  get: (ws: Workspace, id: number) => V,
): {
  submit: (ws: Workspace, args: { id: number; revision: number; comment: string }) => V;
  withdraw: (ws: Workspace, args: { id: number; comment: string }) => V;
  requestChanges: (ws: Workspace, args: { id: number; revision: number; comment: string }) => V;
} {
  return {
    submit: (ws, args) => submitVersion(ws, kind, (id) => get(ws, id), args),
    withdraw: (ws, args) => withdrawVersion(ws, kind, (id) => get(ws, id), args),
    requestChanges: (ws, args) => requestVersionChanges(ws, kind, (id) => get(ws, id), args),
  };
}
