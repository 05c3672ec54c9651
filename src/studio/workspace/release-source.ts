import { existsSync } from 'node:fs';
import { DataLoadError } from '../../engine/errors.js';
import type { ReleaseFile } from '../../engine/release-types.js';
import { isReleasable, releaseContent, type ReleaseSource } from '../../io/release-build.js';
import { sealRelease } from '../../io/release-file.js';
import { appendAudit } from './audit-log.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import { verifyWorkspace } from './audit-log.js';
import { anchorFileOf, auditHead, readAnchors } from './audit-anchor.js';
import { allRuleVersions, listReviews } from './rule-store.js';
import { listTariffReviews } from './tariff-review-store.js';
import { allTariffVersions } from './tariff-store.js';
import type { Workspace } from './workspace.js';

/**
 * A workspace as a release source: its approved versions, who approved each and when (the
 * review's approval step; for a version that entered the workspace approved, the time it did),
 * and the head of the audit chain. A broken chain is refused: a release must name a true head.
 */
export function workspaceReleaseSource(ws: Workspace): ReleaseSource {
  // The whole check of tariff audit verify (src/cli/audit.ts): the chain, every version against the
  // hash its entry recorded, and the anchors beside the workspace (docs/security.md).
  const anchorFile = anchorFileOf(ws.file);
  const verdict = verifyWorkspace(ws, { anchors: existsSync(anchorFile) ? [{ source: anchorFile, anchors: readAnchors(anchorFile) }] : [] });
  if (!verdict.chain.ok)
    throw new StudioError(
      'AUDIT_BROKEN',
      `the audit log is broken at entry ${verdict.chain.brokenAt}: ${verdict.chain.reason}`,
      [],
      'A release names the audit head; restore the workspace from a backup before releasing.',
    );
  const problem = verdict.versions[0]?.message ?? verdict.anchors[0];
  if (problem !== undefined)
    throw new StudioError(
      'AUDIT_BROKEN',
      `the audit log does not vouch for the workspace: ${problem}`,
      [],
      'Run tariff audit verify on the workspace; restore it from a backup before releasing.',
    );
  const head = auditHead(ws);
  const rules = allRuleVersions(ws)
    .filter((r) => isReleasable(r.status))
    .map((r) => {
      const step = listReviews(ws, r.id)
        .filter((s) => s.step === 'approved')
        .pop();
      return { version: r.version, approval: { approvedBy: step?.reviewer ?? r.approvedBy, approvedAt: step?.at ?? r.updatedAt } };
    });
  const tariffs = allTariffVersions(ws)
    .filter((t) => isReleasable(t.status))
    .map((t) => {
      // A tariff version approved in the studio has its approval step in tariff_reviews (migration 6).
      const step = listTariffReviews(ws, t.id)
        .filter((s) => s.step === 'approved')
        .pop();
      return { version: t.version, approval: { approvedBy: step?.reviewer ?? t.meta.approvedBy ?? null, approvedAt: step?.at ?? t.updatedAt } };
    });
  return { source: 'workspace', rules, tariffs, auditHead: head.head, auditEntries: head.entries };
}

/**
 * Publishes a release from the workspace (the studio's "Publish release"): built from the
 * approved versions, named in the audit log (`release.published`, with its id and hash) in the
 * same transaction that reads them, so the log says which release left the workspace and who
 * published it. The release itself names the audit head before that entry.
 */
export function publishRelease(ws: Workspace, publisher: string): ReleaseFile {
  const name = publisher.trim();
  if (!name)
    throw new StudioError(
      'PUBLISHER_REQUIRED',
      'publisher: enter the name of the person publishing the release',
      [{ code: 'PUBLISHER_REQUIRED', severity: 'error', message: 'publisher: enter your name', field: 'publisher' }],
      'Enter your name, then publish again.',
    );
  return ws.db
    .transaction(() => {
      let release: ReleaseFile;
      try {
        release = sealRelease(releaseContent(workspaceReleaseSource(ws)));
      } catch (e) {
        if (e instanceof DataLoadError) {
          if (e.code === 'RELEASE_EMPTY') throw new StudioError(e.code, e.errors[0]?.message ?? e.message, [], 'Approve a rule and a tariff version first.');
          const located = e.errors.map((x) => ({
            code: x.code,
            severity: 'error' as const,
            field: x.pointer || '/',
            message: `${x.file}${x.pointer ? ` ${x.pointer}` : ''}: ${x.message}`,
          }));
          throw new StudioError(
            e.code,
            located[0]?.message ?? e.message,
            located,
            'An approved version no longer passes the checks: restore it into a draft, correct what each issue names, and approve the draft; then publish again.',
          );
        }
        throw e;
      }
      appendAudit(ws, 'release.published', `release:${release.id}`, {
        after: { id: release.id, sha256: release.sha256, publisher: name, versions: release.content.manifest.versions.map((v) => `${v.kind} ${v.effective}`) },
      });
      return release;
    })
    .immediate();
}
