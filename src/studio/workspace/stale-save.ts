import { StudioError } from '../../tariff-model/studio-error.js';
import type { Workspace } from './workspace.js';

/**
 * The refusal of a stale save or submission: the draft moved on since the caller loaded it (a
 * colleague, or another window, saved in between). It names who made the latest change and when,
 * from the audit log, and nothing is overwritten (nor submitted: `refused`). Code DRAFT_CONFLICT;
 * the studio offers to reload.
 */
export type StaleRefused = 'save' | 'submission';
const STALE_WORDS: Record<StaleRefused, { yours: string; nothing: string; hint: string }> = {
  save: { yours: 'your change was made on', nothing: 'nothing was saved', hint: 'Reload to see their changes, then make your change again.' },
  submission: { yours: 'you submitted', nothing: 'nothing was submitted', hint: 'Reload to see their changes, check them, then submit again.' },
};

/** Who made the latest change of `target` (`rule:7`, `tariff:3`) and when, from the audit log; undefined when it has none. */
export const lastChange = (ws: Workspace, target: string): { actor: string; at: string } | undefined =>
  ws.db.prepare('SELECT actor, at FROM audit_log WHERE target = ? ORDER BY seq DESC LIMIT 1').get(target) as { actor: string; at: string } | undefined;

export function staleSave(ws: Workspace, target: string, subject: string, current: number, yours: number, refused: StaleRefused = 'save'): StudioError {
  const last = lastChange(ws, target);
  const who = last ? ` by ${last.actor} at ${last.at}` : '';
  const words = STALE_WORDS[refused];
  return new StudioError(
    'DRAFT_CONFLICT',
    `${subject} was changed${who} since you loaded it (it is at revision ${current}, ${words.yours} revision ${yours}); ${words.nothing}`,
    [{ severity: 'error', code: 'DRAFT_CONFLICT', message: `changed${who}`, field: '/revision' }],
    words.hint,
  );
}
