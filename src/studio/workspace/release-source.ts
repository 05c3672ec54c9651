import { isReleasable, type ReleaseSource } from '../../io/release-build.js';
import { StudioError } from '../model/studio-error.js';
import { verifyAudit } from './audit-log.js';
import { allRuleVersions, listReviews } from './rule-store.js';
import { allTariffVersions } from './tariff-store.js';
import type { Workspace } from './workspace.js';

/**
 * A workspace as a release source: its approved versions, who approved each and when (the
 * review's approval step; for a version that entered the workspace approved, the time it did),
 * and the head of the audit chain. A broken chain is refused: a release must name a true head.
 */
export function workspaceReleaseSource(ws: Workspace): ReleaseSource {
  const audit = verifyAudit(ws);
  if (!audit.ok)
    throw new StudioError('AUDIT_BROKEN', `the audit log is broken at entry ${audit.brokenAt}: ${audit.reason}`, [], 'A release names the audit head; restore the workspace from a backup before releasing.');
  const rules = allRuleVersions(ws)
    .filter((r) => isReleasable(r.status))
    .map((r) => {
      const step = listReviews(ws, r.id).filter((s) => s.step === 'approved').pop();
      return { version: r.version, approval: { approvedBy: step?.reviewer ?? r.approvedBy, approvedAt: step?.at ?? r.updatedAt } };
    });
  const tariffs = allTariffVersions(ws)
    .filter((t) => isReleasable(t.status))
    .map((t) => ({ version: t.version, approval: { approvedBy: t.meta.approvedBy ?? null, approvedAt: t.updatedAt } }));
  return { source: 'workspace', rules, tariffs, auditHead: audit.head, auditEntries: audit.entries };
}
