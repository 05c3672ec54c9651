import { useEffect, useState } from 'react';
import { onServerWaiting, type ServerWaiting } from '../transport/team-session.js';
import { useTeamText } from './team-context.js';

/** The calls waiting for the team server to answer again (none outside a team server): a page names what of its own waits. */
export function useServerWaiting(): ServerWaiting {
  const [waiting, setWaiting] = useState<ServerWaiting>({ calls: 0, writes: 0 });
  useEffect(() => onServerWaiting(setWaiting), []);
  return waiting;
}

/**
 * Over the studio while the team server does not answer (it restarts, the network dropped): the
 * page stays as it was and usable, and this says that the calls made meanwhile wait and are sent
 * once the server answers, with how many changes are not saved yet (team-session.ts); the tariff
 * page and the Rules page name each value that waits, with what was typed (waiting-inputs.tsx).
 * Gone as soon as nothing waits.
 */
export function ServerWaitingNote() {
  const tt = useTeamText();
  const waiting = useServerWaiting();
  if (waiting.calls === 0) return null;
  return (
    <div className="banner banner-warning server-waiting" role="alert" data-testid="server-waiting">
      <p>{tt('server.waiting')}</p>
      <p data-testid="server-waiting-pending">{waiting.writes > 0 ? tt('server.pending', { n: waiting.writes }) : tt('server.nothingPending')}</p>
    </div>
  );
}
