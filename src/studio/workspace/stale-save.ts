import { StudioError } from '../../tariff-model/studio-error.js';
import type { Workspace } from './workspace.js';

/**
 * The refusal of a stale save: the draft moved on since the caller loaded it (a colleague, or
 * another window, saved in between). It names who made the latest change and when, from the
 * audit log, and nothing is overwritten. Code DRAFT_CONFLICT; the studio offers to reload.
 */
export function staleSave(ws: Workspace, target: string, subject: string, current: number, yours: number): StudioError {
  const last = ws.db.prepare('SELECT actor, at FROM audit_log WHERE target = ? ORDER BY seq DESC LIMIT 1').get(target) as { actor: string; at: string } | undefined;
  const who = last ? ` by ${last.actor} at ${last.at}` : '';
  return new StudioError(
    'DRAFT_CONFLICT',
    `${subject} was changed${who} since you loaded it (it is at revision ${current}, your change was made on revision ${yours}); nothing was saved`,
    [{ severity: 'error', code: 'DRAFT_CONFLICT', message: `changed${who}`, field: '/revision' }],
    'Reload to see their changes, then make your change again.',
  );
}
