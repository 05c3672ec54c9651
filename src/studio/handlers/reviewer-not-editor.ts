import { StudioError } from '../../tariff-model/studio-error.js';
import type { ApprovalKind } from '../api/approval-types.js';
import { editorsOf, sameName } from '../team/four-eyes.js';
import { currentUser } from '../team/request-user.js';
import type { Workspace } from '../workspace/workspace.js';

/**
 * Four-eyes in the single-user studio, where nobody signs in and the approver is the name typed
 * into the review form: a version is not approved under the name of someone who edited it (its
 * editors from the audit log, as on a team server: `../team/four-eyes.ts`). A team server applies
 * four-eyes to the signed-in user before any handler runs (`../team/team-dispatch.ts`), so this
 * checks only when there is no signed-in user. The versions are those the approval approves: the
 * version and the one of the other kind approved with it (one change of the terms).
 */
export function requireReviewerNotEditor(ws: Workspace, versions: readonly { kind: ApprovalKind; id: number; effective: string }[], reviewer: string): void {
  if (currentUser()) return;
  const name = reviewer.trim();
  for (const v of versions) {
    const editors = editorsOf(ws, v.kind, v.id);
    if (!editors.some((e) => sameName(e, name))) continue;
    const message = `reviewer: ${name} edited the ${v.kind} version of ${v.effective} (editors: ${editors.join(', ')}); someone who did not edit it must approve it`;
    throw new StudioError(
      'REVIEWER_IS_EDITOR',
      message,
      [{ code: 'REVIEWER_IS_EDITOR', severity: 'error', field: 'reviewer', message }],
      'Nothing was approved. Ask someone who did not edit this version to approve it under their own name (four-eyes); on a team server (tariff studio --serve) the approver is the signed-in user.',
    );
  }
}
