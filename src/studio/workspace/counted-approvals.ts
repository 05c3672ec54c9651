import type { Workspace } from './workspace.js';

/**
 * The approvals counted on a version that needs more than one (team server,
 * `--required-approvals N`): each is an audit entry `<kind>.approval.counted` by its reviewer,
 * with the comment given. They are steps of the version's review history beside the submissions
 * and the final approval, so the record of who approved a version names every reviewer, not
 * only the last.
 */
export type CountedApprovalStep = { step: 'approval-counted'; reviewer: string; comment: string; at: string };

export function countedApprovalSteps(ws: Workspace, kind: 'rule' | 'tariff', id: number): CountedApprovalStep[] {
  const rows = ws.db.prepare('SELECT actor, comment, at FROM audit_log WHERE action = ? AND target = ? ORDER BY seq').all(`${kind}.approval.counted`, `${kind}:${id}`) as {
    actor: string;
    comment: string | null;
    at: string;
  }[];
  return rows.map((r) => ({ step: 'approval-counted', reviewer: r.actor, comment: r.comment ?? '', at: r.at }));
}

/** A history with the counted approvals among its steps, in time order (a step and an approval of the same instant keep the history's order first). */
export function withCountedApprovals<S extends { at: string }>(steps: S[], counted: CountedApprovalStep[]): (S | CountedApprovalStep)[] {
  const all: (S | CountedApprovalStep)[] = [...steps];
  for (const c of counted) {
    const i = all.findIndex((s) => s.at > c.at);
    all.splice(i === -1 ? all.length : i, 0, c);
  }
  return all;
}
