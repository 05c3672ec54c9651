import type { RuleVersion } from '../../engine/rule-types.js';
import type { RuleVersionSummary } from '../api/contract.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import { appendAudit } from './audit-log.js';
import { checkDraftDate, discardDraft, insertDraft, requireApprovalInput, saveDraft, versionColumns, versionRecord, type VersionRow } from './version-drafts.js';
import type { RuleMeta } from './version-meta.js';
import { approveVersionRow, reviewStepRows, reviewSteps } from './version-reviews.js';
import type { Workspace } from './workspace.js';

/**
 * Rule versions of a workspace and the legal review workflow: a draft is edited, submitted
 * for review (frozen from then on by the table's triggers), approved by a named reviewer with a
 * comment (which supersedes the approved version it replaces) or withdrawn back to a draft.
 * Every write is one immediate transaction with its audit entry (who, when, before/after).
 */
export type RuleVersionRecord = RuleVersionSummary;
const COLUMNS = versionColumns('rule_versions');
export type StoredRuleVersion = RuleVersionRecord & { version: RuleVersion; meta: RuleMeta };
/** `withdrawn`: its author took it back; `changes-requested`: a reviewer sent it back saying what must change (migration 8). */
export type ReviewStep = { id: number; ruleVersion: number; step: 'submitted' | 'withdrawn' | 'changes-requested' | 'approved'; reviewer: string; comment: string; at: string };

const record = (r: VersionRow): RuleVersionRecord => {
  const meta = JSON.parse(r.meta) as RuleMeta;
  return { ...versionRecord(r), author: meta.author ?? r.created_by, approvedBy: meta.approvedBy ?? null };
};

const stored = (r: VersionRow): StoredRuleVersion => {
  const meta = JSON.parse(r.meta) as RuleMeta;
  const data = JSON.parse(r.data) as Pick<RuleVersion, 'decisions' | 'interpretations'>;
  const version: RuleVersion = {
    effective: r.effective,
    status: r.status,
    ...(meta.author !== undefined ? { author: meta.author } : {}),
    ...(meta.approvedBy !== undefined ? { approvedBy: meta.approvedBy } : {}),
    ...(meta.note !== undefined ? { note: meta.note } : {}),
    decisions: data.decisions,
    interpretations: data.interpretations,
  };
  return { ...record(r), version, meta };
};

export function listRuleVersions(ws: Workspace): RuleVersionRecord[] {
  return (ws.db.prepare(`SELECT ${COLUMNS} FROM rule_versions ORDER BY effective DESC, id DESC`).all() as VersionRow[]).map(record);
}

export function allRuleVersions(ws: Workspace): StoredRuleVersion[] {
  return (ws.db.prepare(`SELECT ${COLUMNS} FROM rule_versions ORDER BY effective, id`).all() as VersionRow[]).map(stored);
}

export function getRuleVersion(ws: Workspace, id: number): StoredRuleVersion {
  const row = ws.db.prepare(`SELECT ${COLUMNS} FROM rule_versions WHERE id = ?`).get(id) as VersionRow | undefined;
  if (!row) throw new StudioError('VERSION_NOT_FOUND', `rule version ${id} is not in this workspace`, [], 'Reload the version list.');
  return stored(row);
}

/** The approved rule version in force on `asOf` (approved or superseded, by date), or undefined before the first. */
export function approvedRulesInForce(ws: Workspace, asOf: string): StoredRuleVersion | undefined {
  let found: StoredRuleVersion | undefined;
  for (const r of allRuleVersions(ws)) if ((r.status === 'approved' || r.status === 'superseded') && r.effective <= asOf) found = r;
  return found;
}

/** The rules a tariff preview answers with: the approved rules in force on `asOf`, else the earliest approved. */
export function rulesFor(ws: Workspace, asOf: string): RuleVersion {
  const approved = allRuleVersions(ws).filter((r) => r.status === 'approved' || r.status === 'superseded');
  let found = approved[0];
  for (const r of approved) if (r.effective <= asOf) found = r;
  if (!found) throw new StudioError('NO_RULES', 'this workspace has no approved rule version', [], 'Create the workspace from a rules/ folder with an approved version.');
  return found.version;
}

export function listReviews(ws: Workspace, ruleVersion: number): ReviewStep[] {
  return reviewStepRows(ws, 'rule', ruleVersion).map(({ id, version, ...r }) => ({ id, ruleVersion: version, ...r }));
}

/** Starts a draft from any rule version: a copy of its rules and interpretations with its own effective date. */
export function createRuleDraft(ws: Workspace, args: { from: number; effective: string; title: string; action?: string }): StoredRuleVersion {
  checkDraftDate(args.effective);
  return ws.db
    .transaction(() => {
      const base = getRuleVersion(ws, args.from);
      const meta: RuleMeta = {
        dir: args.effective,
        author: ws.actor,
        ...(base.meta.interpretationsDescription !== undefined ? { interpretationsDescription: base.meta.interpretationsDescription } : {}),
      };
      const data = { decisions: base.version.decisions, interpretations: base.version.interpretations };
      const id = insertDraft(ws, 'rule_versions', { effective: args.effective, basedOn: base.id, title: args.title, data, meta });
      appendAudit(ws, args.action ?? 'rule.draft.created', `rule:${id}`, {
        before: { version: base.id, effective: base.effective, status: base.status },
        after: { effective: args.effective, title: args.title, status: 'draft' },
      });
      return getRuleVersion(ws, id);
    })
    .immediate();
}

/** Saves a draft's new rules or interpretations (the caller validated them), refusing a stale revision. */
export function saveRuleDraft(
  ws: Workspace,
  args: { id: number; revision: number; version: Pick<RuleVersion, 'decisions' | 'interpretations'>; action: string; before: unknown; after: unknown },
): StoredRuleVersion {
  return saveDraft(ws, 'rule', (id) => getRuleVersion(ws, id), args, { decisions: args.version.decisions, interpretations: args.version.interpretations });
}

export function discardRuleDraft(ws: Workspace, id: number): void {
  discardDraft(
    ws,
    'rule',
    (v) => getRuleVersion(ws, v),
    id,
    (cur) => ({ effective: cur.effective, title: cur.title, revision: cur.revision, status: cur.status }),
  );
}

/**
 * The review steps (version-reviews.ts, the same as tariff versions'): submitRuleVersion, draft →
 * in-review (frozen from then on; its date may not be taken by another reviewed or approved
 * version); withdrawRuleVersion, in-review → draft by its author; requestRuleChanges, in-review →
 * draft by a reviewer ("request changes", 差し戻し), with a required comment saying what must
 * change and the revision the reviewer opened (REVIEW_STALE if it changed since).
 */
export const { submit: submitRuleVersion, withdraw: withdrawRuleVersion, requestChanges: requestRuleChanges } = reviewSteps('rule', (ws, id) => getRuleVersion(ws, id));

/**
 * in-review → approved, by a named reviewer with a comment. The approved version in force just
 * before the new one takes effect is the one it replaces: it becomes superseded (it still
 * answers for dates before the new version, as the engine's registry reads both statuses).
 * The caller has checked that no case answers `invalid` under the version.
 */
export function approveRuleVersion(ws: Workspace, args: { id: number; reviewer: string; comment: string }): { approved: StoredRuleVersion; superseded: StoredRuleVersion | null } {
  const reviewer = args.reviewer.trim();
  const comment = args.comment.trim();
  requireApprovalInput(reviewer, comment);
  return ws.db.transaction(() => approveRuleRow(ws, args.id, reviewer, comment, { hint: 'Submit the draft for review first.' })).immediate();
}

/**
 * The approval of a rule version in review, inside the caller's transaction (alone, or together
 * with the tariff version of its date: `together`), as approveVersionRow: the reviewer is written
 * in the version's meta while it is still in review, then it is approved.
 */
export function approveRuleRow(
  ws: Workspace,
  id: number,
  reviewer: string,
  comment: string,
  opts: { hint: string; together?: { tariff: number } },
): { approved: StoredRuleVersion; superseded: StoredRuleVersion | null } {
  return approveVersionRow(ws, 'rule', (v) => getRuleVersion(ws, v), id, reviewer, comment, {
    ...opts,
    recordApprover: (cur) => ws.db.prepare('UPDATE rule_versions SET meta = ? WHERE id = ?').run(JSON.stringify({ ...cur.meta, approvedBy: reviewer }), cur.id),
  });
}
