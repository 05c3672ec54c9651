import { StudioError } from '../../tariff-model/studio-error.js';
import { appendAudit } from './audit-log.js';
import { approveRuleRow, getRuleVersion, type StoredRuleVersion } from './rule-store.js';
import { getTariffVersion, type StoredTariffVersion, type VersionStatus } from './tariff-store.js';
import { requireReviewedRevision } from './review-pin.js';
import { requireApprovalInput, requireChangesComment, requireStatus } from './version-drafts.js';
import { nowIso, type Workspace } from './workspace.js';

/**
 * The review of tariff versions, the same lifecycle as rule versions: draft → in review (frozen
 * by the table's triggers) → approved (by a named reviewer with a comment; the approved version
 * it replaces becomes superseded). A change of terms is one effective date: when a rule version
 * and a tariff version share a date they are approved together, in one transaction, or not at
 * all. Every step is one immediate transaction with its audit entry and its row in
 * tariff_reviews (migration 6).
 */
export type TariffReviewStep = {
  id: number;
  tariffVersion: number;
  /** `withdrawn`: the author took it back; `changes-requested`: a reviewer sent it back saying what must change (migration 7). */
  step: 'submitted' | 'withdrawn' | 'changes-requested' | 'approved';
  reviewer: string;
  comment: string;
  at: string;
};

export function listTariffReviews(ws: Workspace, tariffVersion: number): TariffReviewStep[] {
  return (
    ws.db.prepare('SELECT id, tariff_version, step, reviewer, comment, at FROM tariff_reviews WHERE tariff_version = ? ORDER BY id').all(tariffVersion) as {
      id: number;
      tariff_version: number;
      step: TariffReviewStep['step'];
      reviewer: string;
      comment: string;
      at: string;
    }[]
  ).map((r) => ({ id: r.id, tariffVersion: r.tariff_version, step: r.step, reviewer: r.reviewer, comment: r.comment, at: r.at }));
}

const addReview = (ws: Workspace, id: number, step: TariffReviewStep['step'], reviewer: string, comment: string): void => {
  ws.db.prepare('INSERT INTO tariff_reviews (tariff_version, step, reviewer, comment, at) VALUES (?, ?, ?, ?, ?)').run(id, step, reviewer, comment, nowIso());
};

const setStatus = (ws: Workspace, table: 'tariff_versions' | 'rule_versions', id: number, status: VersionStatus): void => {
  // Superseding an approved version changes its status only: the freeze triggers (migration 4) refuse any other column.
  if (status === 'superseded') ws.db.prepare(`UPDATE ${table} SET status = ? WHERE id = ?`).run(status, id);
  else ws.db.prepare(`UPDATE ${table} SET status = ?, updated_at = ? WHERE id = ?`).run(status, nowIso(), id);
};

/** The rule version that shares a tariff version's date and is not a draft (in review or approved), else a draft of that date, else none. */
export function ruleCompanion(ws: Workspace, effective: string): StoredRuleVersion | undefined {
  const row = ws.db.prepare("SELECT id FROM rule_versions WHERE effective = ? AND status <> 'superseded' ORDER BY status = 'draft', id DESC LIMIT 1").get(effective) as
    { id: number } | undefined;
  return row ? getRuleVersion(ws, row.id) : undefined;
}

/** The tariff version of a rule version's date, as ruleCompanion. */
export function tariffCompanion(ws: Workspace, effective: string): StoredTariffVersion | undefined {
  const row = ws.db.prepare("SELECT id FROM tariff_versions WHERE effective = ? AND status <> 'superseded' ORDER BY status = 'draft', id DESC LIMIT 1").get(effective) as
    { id: number } | undefined;
  return row ? getTariffVersion(ws, row.id) : undefined;
}

/** draft → in-review; refuses a stale revision and a date another reviewed or approved tariff version already takes. */
export function submitTariffVersion(ws: Workspace, args: { id: number; revision: number; comment: string }): StoredTariffVersion {
  return ws.db
    .transaction(() => {
      const cur = getTariffVersion(ws, args.id);
      requireStatus('tariff', cur, 'draft', 'submitted for review', 'Only a draft is submitted; an approved version is final.');
      if (cur.revision !== args.revision)
        throw new StudioError(
          'DRAFT_CONFLICT',
          `tariff version ${cur.effective} changed since you loaded it (revision ${cur.revision}, you had ${args.revision})`,
          [],
          'Reload the version and submit again.',
        );
      const taken = ws.db.prepare("SELECT id, status FROM tariff_versions WHERE effective = ? AND status <> 'draft' AND id <> ?").get(cur.effective, cur.id) as
        { id: number; status: string } | undefined;
      if (taken)
        throw new StudioError(
          'VERSION_DATE_TAKEN',
          `tariff version #${taken.id} (${taken.status}) already takes effect on ${cur.effective}`,
          [],
          'Start a new draft from this one with another effective date and submit that.',
        );
      setStatus(ws, 'tariff_versions', cur.id, 'in-review');
      addReview(ws, cur.id, 'submitted', ws.actor, args.comment);
      appendAudit(ws, 'tariff.submitted', `tariff:${cur.id}`, {
        before: { status: 'draft', revision: cur.revision },
        after: { status: 'in-review', revision: cur.revision },
        comment: args.comment,
      });
      return getTariffVersion(ws, cur.id);
    })
    .immediate();
}

/**
 * in-review → draft, the one way back for both: the author withdrawing it (`withdrawn`) and a
 * reviewer asking for changes (`changes-requested`). The step, the status and the audit entry
 * are one transaction; the revision stays, so the draft is edited from where it was.
 */
function backToDraft(ws: Workspace, cur: StoredTariffVersion, step: 'withdrawn' | 'changes-requested', comment: string): StoredTariffVersion {
  setStatus(ws, 'tariff_versions', cur.id, 'draft');
  addReview(ws, cur.id, step, ws.actor, comment);
  appendAudit(ws, `tariff.${step}`, `tariff:${cur.id}`, { before: { status: 'in-review', revision: cur.revision }, after: { status: 'draft', revision: cur.revision }, comment });
  return getTariffVersion(ws, cur.id);
}

/** in-review → draft: taken back by its author for more edits. */
export function withdrawTariffVersion(ws: Workspace, args: { id: number; comment: string }): StoredTariffVersion {
  return ws.db
    .transaction(() => {
      const cur = getTariffVersion(ws, args.id);
      requireStatus('tariff', cur, 'in-review', 'withdrawn', 'Only a version in review goes back to draft.');
      return backToDraft(ws, cur, 'withdrawn', args.comment);
    })
    .immediate();
}

/**
 * in-review → draft by a reviewer: "request changes" (差し戻し). The comment says what must change
 * and is required; the revision is the one the reviewer opened, as for an approval, so a version
 * its author changed and submitted again meanwhile is not sent back unseen (REVIEW_STALE).
 */
export function requestTariffChanges(ws: Workspace, args: { id: number; revision: number; comment: string }): StoredTariffVersion {
  const comment = args.comment.trim();
  requireChangesComment(comment);
  return ws.db
    .transaction(() => {
      const cur = getTariffVersion(ws, args.id);
      requireStatus('tariff', cur, 'in-review', 'sent back with changes requested', 'It is no longer in review: reload it. A draft is edited and submitted again by its author.');
      requireReviewedRevision('tariff', cur, args.revision, 'sent back');
      return backToDraft(ws, cur, 'changes-requested', comment);
    })
    .immediate();
}

export type JointApproval = {
  tariff: StoredTariffVersion | null;
  rules: StoredRuleVersion | null;
  supersededTariff: StoredTariffVersion | null;
  supersededRules: StoredRuleVersion | null;
};

/**
 * Approves a tariff version, a rule version, or both when they share a date (one change of the
 * terms), in one transaction. Each must be in review; each replaces (supersedes) the latest
 * approved version of its kind with an earlier date. The caller has checked the case files.
 */
export function approveTogether(ws: Workspace, args: { tariffId: number | null; ruleId: number | null; reviewer: string; comment: string }): JointApproval {
  const reviewer = args.reviewer.trim();
  const comment = args.comment.trim();
  requireApprovalInput(reviewer, comment);
  return ws.db
    .transaction((): JointApproval => {
      const out: JointApproval = { tariff: null, rules: null, supersededTariff: null, supersededRules: null };
      if (args.tariffId !== null) {
        const cur = getTariffVersion(ws, args.tariffId);
        requireStatus('tariff', cur, 'in-review', 'approved', 'Submit the draft for review first.');
        const replaced = ws.db
          .prepare("SELECT id, effective FROM tariff_versions WHERE status = 'approved' AND effective < ? ORDER BY effective DESC LIMIT 1")
          .get(cur.effective) as { id: number; effective: string } | undefined;
        if (replaced) setStatus(ws, 'tariff_versions', replaced.id, 'superseded');
        setStatus(ws, 'tariff_versions', cur.id, 'approved');
        addReview(ws, cur.id, 'approved', reviewer, comment);
        appendAudit(ws, 'tariff.approved', `tariff:${cur.id}`, {
          before: { status: 'in-review', ...(replaced ? { replaces: { id: replaced.id, effective: replaced.effective, status: 'approved' } } : {}) },
          after: {
            status: 'approved',
            approvedBy: reviewer,
            ...(replaced ? { replaces: { id: replaced.id, effective: replaced.effective, status: 'superseded' } } : {}),
            ...(args.ruleId !== null ? { together: { rule: args.ruleId } } : {}),
          },
          comment,
        });
        out.tariff = getTariffVersion(ws, cur.id);
        out.supersededTariff = replaced ? getTariffVersion(ws, replaced.id) : null;
      }
      if (args.ruleId !== null) {
        const r = approveRuleRow(ws, args.ruleId, reviewer, comment, {
          hint: 'Submit the rule draft of the same date for review first.',
          ...(args.tariffId !== null ? { together: { tariff: args.tariffId } } : {}),
        });
        out.rules = r.approved;
        out.supersededRules = r.superseded;
      }
      return out;
    })
    .immediate();
}
