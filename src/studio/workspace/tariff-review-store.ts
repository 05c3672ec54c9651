import { approveRuleRow, getRuleVersion, type StoredRuleVersion } from './rule-store.js';
import { getTariffVersion, type StoredTariffVersion } from './tariff-store.js';
import { requireApprovalInput } from './version-drafts.js';
import { approveVersionRow, reviewStepRows, reviewSteps } from './version-reviews.js';
import type { Workspace } from './workspace.js';

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
  return reviewStepRows(ws, 'tariff', tariffVersion).map(({ id, version, ...r }) => ({ id, tariffVersion: version, ...r }));
}

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

/**
 * The review steps (version-reviews.ts, the same as rule versions'): submitTariffVersion, draft →
 * in-review, refusing a stale revision and a date another reviewed or approved tariff version
 * already takes; withdrawTariffVersion, in-review → draft by its author (the revision stays);
 * requestTariffChanges, in-review → draft by a reviewer ("request changes", 差し戻し), with a
 * required comment and the revision the reviewer opened, so a version its author changed and
 * submitted again meanwhile is not sent back unseen (REVIEW_STALE).
 */
export const { submit: submitTariffVersion, withdraw: withdrawTariffVersion, requestChanges: requestTariffChanges } = reviewSteps('tariff', (ws, id) => getTariffVersion(ws, id));

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
        const t = approveVersionRow(ws, 'tariff', (v) => getTariffVersion(ws, v), args.tariffId, reviewer, comment, {
          hint: 'Submit the draft for review first.',
          ...(args.ruleId !== null ? { together: { rule: args.ruleId } } : {}),
        });
        out.tariff = t.approved;
        out.supersededTariff = t.superseded;
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
