import { useEffect, useRef, useState } from 'react';
import { onWaitingWrites } from '../transport/team-session.js';
import { LoginForm } from './login-page.js';
import type { TeamUserView } from './team-context.js';
import { useTeamText } from './team-context.js';

/**
 * Shown over the studio when the session ended with it open: a modal sign-in (the page beneath
 * stays as it was, inert). It says what became of the work: the changes refused since are
 * waiting and are saved when `previous` signs in again, not when someone else does.
 */
export function SessionEndedDialog({ previous, onSignedIn }: { previous: string; onSignedIn: (user: TeamUserView, csrf: string) => void }) {
  const tt = useTeamText();
  const ref = useRef<HTMLDialogElement>(null);
  const [writes, setWrites] = useState(0);
  useEffect(() => onWaitingWrites(setWrites), []);
  useEffect(() => {
    const d = ref.current;
    if (!d || d.open) return;
    d.showModal();
    // showModal focuses the first button (the language switch); the name is filled in already.
    d.querySelector<HTMLInputElement>('[data-testid=login-password]')?.focus();
  }, []);
  return (
    <dialog
      ref={ref}
      className="session-ended"
      aria-labelledby="session-ended-title"
      data-testid="session-ended"
      // Escape would leave the studio usable with no session: it stays until someone signs in.
      onCancel={(e) => e.preventDefault()}
    >
      <LoginForm
        initialName={previous}
        headingId="session-ended-title"
        onSignedIn={onSignedIn}
        note={
          <div className="banner banner-info" data-testid="session-ended-note">
            <p>{tt('login.ended')}</p>
            <p data-testid="session-ended-pending">{writes > 0 ? tt('login.pending', { n: writes, name: previous }) : tt('login.kept', { name: previous })}</p>
          </div>
        }
      />
    </dialog>
  );
}
