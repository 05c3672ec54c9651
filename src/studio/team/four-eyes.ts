import type { ApprovalKind, ApprovalReason, ApprovalState } from '../api/approval-types.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Role, TeamUser } from '../api/roles.js';

/**
 * Four-eyes approval: nobody approves a version they edited. The editors of a version are the
 * actors of its audit entries other than review steps (created the draft, edited a cell or a
 * rule, imported a workbook, switched an interpretation). A version needs `required` approvals
 * by distinct users who are not editors (default 1); approvals given since its last submission
 * count. The audit log is the record, so the rule holds whatever path the edit took.
 */
export type { ApprovalKind, ApprovalReason, ApprovalState };

export const APPROVER_ROLES: readonly Role[] = ['legal'];
// A reviewer who sent a version back (changes-requested) reviewed it: that does not make them an editor.
const REVIEW_STEPS = new Set(['submitted', 'withdrawn', 'changes-requested', 'approved', 'approval.counted']);

export const countedAction = (kind: ApprovalKind): string => `${kind}.approval.counted`;

type Entry = { actor: string; action: string };

const entriesOf = (ws: Workspace, kind: ApprovalKind, id: number): Entry[] =>
  ws.db.prepare('SELECT actor, action FROM audit_log WHERE target = ? ORDER BY seq').all(`${kind}:${id}`) as Entry[];

const step = (kind: ApprovalKind, action: string): string => (action.startsWith(`${kind}.`) ? action.slice(kind.length + 1) : action);

export function editorsOf(ws: Workspace, kind: ApprovalKind, id: number): string[] {
  const names = new Set<string>();
  for (const e of entriesOf(ws, kind, id)) if (!REVIEW_STEPS.has(step(kind, e.action))) names.add(e.actor);
  return [...names];
}

/**
 * Approvals counted since the version was last submitted, and, with the version of the other kind
 * of the same date in review (approved with it: one change of the terms), since that one was last
 * submitted or withdrawn too: an approval given before the companion was taken back, changed and
 * submitted again did not see what is approved.
 */
export function approvalsOf(ws: Workspace, kind: ApprovalKind, id: number, companion: { kind: ApprovalKind; id: number } | null = null): string[] {
  const entries = ws.db
    .prepare('SELECT actor, action, target FROM audit_log WHERE target IN (?, ?) ORDER BY seq')
    .all(`${kind}:${id}`, companion ? `${companion.kind}:${companion.id}` : `${kind}:${id}`) as (Entry & { target: string })[];
  let names: string[] = [];
  for (const e of entries) {
    const s = step(e.target.startsWith(`${kind}:`) ? kind : companion!.kind, e.action);
    if (s === 'submitted' || s === 'withdrawn' || s === 'changes-requested') names = [];
    else if (s === 'approval.counted' && !names.includes(e.actor)) names.push(e.actor);
  }
  return names;
}

export const sameName = (a: string, b: string): boolean => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

export function approvalState(ws: Workspace, v: { kind: ApprovalKind; id: number; status: string }, user: TeamUser, required: number): ApprovalState {
  const editors = editorsOf(ws, v.kind, v.id);
  const approvals = approvalsOf(ws, v.kind, v.id, v.status === 'in-review' ? companionInReview(ws, v.kind, v.id) : null);
  const base = { required, approvals, editors };
  const no = (reason: ApprovalReason, message: string): ApprovalState => ({ ...base, canApprove: false, reason, message });
  if (v.status !== 'in-review') return no('NOT_IN_REVIEW', 'only a version in review can be approved');
  if (!APPROVER_ROLES.includes(user.role)) return no('ROLE', `approving is for legal; you are signed in as ${user.role}`);
  if (editors.some((e) => sameName(e, user.name))) return no('EDITOR', `you edited this version (editors: ${editors.join(', ')}); someone who did not edit it must approve it`);
  if (approvals.some((a) => sameName(a, user.name)))
    return no(
      'ALREADY_APPROVED',
      `you have already approved this version; ${required - approvals.length} more approval${required - approvals.length === 1 ? '' : 's'} by others needed`,
    );
  return { ...base, canApprove: true, reason: null, message: null };
}

const TABLE: Record<ApprovalKind, string> = { rule: 'rule_versions', tariff: 'tariff_versions' };

/**
 * The version of the other kind with the same date, in review: approving one approves both (one
 * change of the terms, docs/studio.md), so four-eyes holds for it too.
 */
export function companionInReview(ws: Workspace, kind: ApprovalKind, id: number): { kind: ApprovalKind; id: number; status: string } | null {
  const own = ws.db.prepare(`SELECT effective FROM ${TABLE[kind]} WHERE id = ?`).get(id) as { effective: string } | undefined;
  if (!own) return null;
  const other: ApprovalKind = kind === 'rule' ? 'tariff' : 'rule';
  const row = ws.db.prepare(`SELECT id, status FROM ${TABLE[other]} WHERE effective = ? AND status = 'in-review' ORDER BY id DESC LIMIT 1`).get(own.effective) as
    { id: number; status: string } | undefined;
  return row ? { kind: other, id: row.id, status: row.status } : null;
}
