import { StudioError } from '../../tariff-model/studio-error.js';

/**
 * An approval pins what the reviewer saw: the approve calls carry the revision of the version
 * the reviewer opened, and a version that changed since (withdrawn, edited, submitted again) is
 * not approved unseen (nor sent back unseen: a request for changes pins its revision the same way). Code REVIEW_STALE (409 on the team server); nothing is approved.
 */
export function requireReviewedRevision(kind: 'tariff' | 'rule', version: { id: number; effective: string; revision: number }, seen: number, done = 'approved'): void {
  if (version.revision === seen) return;
  const message = `${kind} version ${version.effective} (#${version.id}) changed since you opened it (revision ${seen} → ${version.revision}): reload and review again`;
  throw new StudioError(
    'REVIEW_STALE',
    message,
    [{ severity: 'error', code: 'REVIEW_STALE', message: `revision ${version.revision}, you reviewed ${seen}`, field: '/revision' }],
    `Nothing was ${done}. Reload the version, review what changed, then ${done === 'approved' ? 'approve' : 'decide'} again.`,
  );
}
