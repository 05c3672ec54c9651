import { useEffect, useState } from 'react';
import type { ApprovalKind, ApprovalState } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';
import { useLiveTick } from './live-updates.js';
import { useTeam, useTeamText } from './team-context.js';

/**
 * Four-eyes in the review panel of a team server: whether the signed-in user may approve the
 * version (the server decides, via team.approvalState) and, when not, why; the approve button
 * is disabled with that sentence beside it. The server refuses the call as well.
 */
/** `asked` changes after the user's own approval (a counted one changes neither status nor revision, and the user's own events are not heard). */
export function useApprovalState(kind: ApprovalKind, id: number, status: string, revision: number, asked = 0): ApprovalState | null {
  const api = useApi();
  const tick = useLiveTick(kind === 'rule' ? 'rules' : 'tariffs');
  const [state, setState] = useState<ApprovalState | null>(null);
  useEffect(() => {
    // Also without a team server: the companion of the same date may block the approval (the note says so).
    if (status !== 'in-review') return setState(null);
    let live = true;
    api.team.approvalState({ kind, id }).then(
      (s) => live && setState(s),
      () => live && setState(null),
    );
    return () => {
      live = false;
    };
  }, [api, kind, id, status, revision, tick, asked]);
  return state;
}

export function ApprovalNote({ state }: { state: ApprovalState | null }) {
  const { me } = useTeam();
  const tt = useTeamText();
  if (!state) return null;
  const companion = state.reason === 'COMPANION_NOT_SUBMITTED' || state.reason === 'COMPANION_EDITOR';
  // Without a team server only the companion of the same date is shown: four-eyes needs users.
  if (!me && !companion) return null;
  if (state.canApprove)
    return (
      <p className="muted small" data-testid="approve-as">
        {tt('approve.asYou', { name: me!.name, required: state.required, done: state.approvals.length })}
      </p>
    );
  const text =
    state.reason === 'EDITOR'
      ? tt('approve.EDITOR', { editors: state.editors.join(', ') })
      : state.reason === 'COMPANION_EDITOR'
        ? tt('approve.COMPANION_EDITOR', { editors: state.editors.join(', ') })
        : state.reason === 'COMPANION_NOT_SUBMITTED'
          ? tt('approve.COMPANION_NOT_SUBMITTED')
          : state.reason === 'ROLE'
            ? tt('approve.ROLE', { role: tt(`role.${me!.role}`) })
            : state.reason === 'ALREADY_APPROVED'
              ? tt('approve.ALREADY_APPROVED', { n: state.required - state.approvals.length })
              : tt('approve.NOT_IN_REVIEW');
  return (
    <p className="banner banner-warning approve-blocked" id="approve-blocked" data-testid="approve-blocked">
      {text}
    </p>
  );
}
