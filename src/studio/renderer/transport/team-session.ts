/**
 * What the HTTP transport knows of a team server's session: the CSRF token to send with every
 * call (the session cookie itself is HttpOnly, the page never sees it), and whom to tell when
 * the server answers that the session is gone. Outside a team server both stay null.
 *
 * A call refused because the session ended (401 UNAUTHENTICATED: it expired, or an admin
 * disabled the user, changed their role or set a new password) reached no handler, so nothing
 * of it was done. It waits here until someone signs in again on the same page: as the same user
 * it is sent again (a save still carries the revision it was made on, so a draft changed
 * meanwhile is refused as DRAFT_CONFLICT, never overwritten); as someone else it is not sent,
 * since the audit would name the wrong person (`'other'`).
 */
export type SignInOutcome = 'same' | 'other';

type Waiter = { writes: boolean; resolve: (o: SignInOutcome) => void };

const waiters = new Set<Waiter>();
const listeners = new Set<(writes: number) => void>();
const tell = (): void => {
  const n = [...waiters].filter((w) => w.writes).length;
  for (const l of listeners) l(n);
};

export const teamSession: { csrf: string | null; onSignedOut: (() => void) | null } = { csrf: null, onSignedOut: null };

/** Tells the page the session ended and waits until someone signs in again. `writes`: whether the waiting call changes the workspace (counted for the page's note). */
export function waitForSignIn(writes: boolean): Promise<SignInOutcome> {
  return new Promise((resolve) => {
    waiters.add({ writes, resolve });
    tell();
    teamSession.onSignedOut?.();
  });
}

/** Someone signed in again on this page: the waiting calls go on (`same`) or give up (`other`). */
export function signedInAgain(outcome: SignInOutcome): void {
  const all = [...waiters];
  waiters.clear();
  tell();
  for (const w of all) w.resolve(outcome);
}

/** The number of waiting calls that change the workspace, now and at each change. */
export function onWaitingWrites(listener: (writes: number) => void): () => void {
  listeners.add(listener);
  tell();
  return () => listeners.delete(listener);
}
