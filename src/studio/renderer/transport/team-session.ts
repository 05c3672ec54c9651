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
 *
 * Once the waiting calls are done, the pages are told (`onSignedInAgain`): while the session was
 * over no live event reached them (the server drops the stream of an ended session), so they
 * load what others changed meanwhile, after the waiting saves, which are made on what the page
 * had loaded, not on what the reload brings.
 */
export type SignInOutcome = 'same' | 'other';

type Waiter = { writes: boolean; settle: (o: SignInOutcome) => Promise<unknown> | undefined };

const waiters = new Set<Waiter>();
const listeners = new Set<(writes: number) => void>();
export type Resumed = { outcome: SignInOutcome; since: string | null };
const resumed = new Set<(r: Resumed) => void>();
const tell = (): void => {
  const n = [...waiters].filter((w) => w.writes).length;
  for (const l of listeners) l(n);
};

/**
 * `lastSeen`: the server's time (ISO) of the newest answer or live event this page received while
 * signed in; what others changed after it is what the page missed while the session was over.
 */
export const teamSession: { csrf: string | null; onSignedOut: (() => void) | null; lastSeen: string | null } = { csrf: null, onSignedOut: null, lastSeen: null };

/** Moves `lastSeen` on to a later server time (an answer's Date header, a live event's time). */
export function seenAt(serverTime: string | null): void {
  if (!serverTime) return;
  const t = new Date(serverTime);
  if (Number.isNaN(t.getTime())) return;
  const iso = t.toISOString();
  if (!teamSession.lastSeen || iso > teamSession.lastSeen) teamSession.lastSeen = iso;
}

const wait = (w: Waiter): void => {
  waiters.add(w);
  tell();
  teamSession.onSignedOut?.();
};

/** Tells the page the session ended and waits until someone signs in again. `writes`: whether the waiting call changes the workspace (counted for the page's note). */
export function waitForSignIn(writes: boolean): Promise<SignInOutcome> {
  return new Promise((resolve) => wait({ writes, settle: (o) => void resolve(o) }));
}

/**
 * As waitForSignIn, for a refused call: once the same user signed in again, `again` sends it
 * again and its answer is the call's; the pages reload only after it came back.
 */
export function sendAfterSignIn<T>(writes: boolean, again: () => Promise<T>): Promise<{ outcome: 'same'; value: T } | { outcome: 'other' }> {
  return new Promise((resolve, reject) =>
    wait({
      writes,
      settle: (o) => {
        if (o === 'other') return void resolve({ outcome: 'other' });
        const sent = again();
        sent.then((value) => resolve({ outcome: 'same', value }), reject);
        return sent;
      },
    }),
  );
}

/** Someone signed in again on this page: the waiting calls go on (`same`) or give up (`other`); resolves once those sent again have their answers, after telling the pages. */
export async function signedInAgain(outcome: SignInOutcome): Promise<void> {
  const all = [...waiters];
  waiters.clear();
  tell();
  const since = teamSession.lastSeen;
  const sent = all.map((w) => w.settle(outcome)).filter((p): p is Promise<unknown> => p !== undefined);
  await Promise.allSettled(sent);
  for (const l of resumed) l({ outcome, since });
}

/** The number of waiting calls that change the workspace, now and at each change. */
export function onWaitingWrites(listener: (writes: number) => void): () => void {
  listeners.add(listener);
  tell();
  return () => listeners.delete(listener);
}

/** Told when someone signed in again on this page and the waiting calls are done, with the server time the page had seen up to before. */
export function onSignedInAgain(listener: (r: Resumed) => void): () => void {
  resumed.add(listener);
  return () => resumed.delete(listener);
}

/**
 * The team server did not answer at all (it is restarting, or the network dropped): a call whose
 * request got no answer waits here, the page stays as it was, and it is sent again once the server
 * answers (`auth/session` is asked every `SERVER_RETRY_MS`). A save carries the revision it was
 * made on, so a draft changed meanwhile is refused as DRAFT_CONFLICT, never overwritten; a session
 * that ended meanwhile is the sign-in dialog's (the call's 401 waits as above). The page is told how
 * many calls wait (`onServerWaiting`; the writes among them counted apart) to say so.
 */
export const SERVER_RETRY_MS = 2000;
export type ServerWaiting = { calls: number; writes: number };
const offline = new Set<{ writes: boolean }>();
// Saves a page holds back behind its own save under way (holdSave): not sent yet, so not in `offline`, but waiting all the same.
const held = new Set<object>();
const offlineListeners = new Set<(w: ServerWaiting) => void>();
let back: Promise<void> | null = null;
const serverWaiting = (): ServerWaiting => ({ calls: offline.size, writes: [...offline].filter((c) => c.writes).length + held.size });
const tellOffline = (): void => {
  const w = serverWaiting();
  for (const l of offlineListeners) l(w);
};

/**
 * A save a page queued behind its own save under way (the pages save one after the other): counted
 * among the changes not saved yet while the server does not answer, until it is sent (the
 * returned function; then the transport counts it, should it wait).
 */
export function holdSave(): () => void {
  const h = {};
  held.add(h);
  tellOffline();
  return () => {
    if (held.delete(h)) tellOffline();
  };
}

/** Resolves once the server answers anything on `sessionUrl` (one poll shared by every waiting call). */
function serverBack(sessionUrl: URL): Promise<void> {
  back ??= new Promise<void>((resolve) => {
    const ask = (): void => {
      fetch(sessionUrl, { credentials: 'same-origin' }).then(
        () => {
          back = null;
          resolve();
        },
        () => void setTimeout(ask, SERVER_RETRY_MS),
      );
    };
    setTimeout(ask, SERVER_RETRY_MS);
  });
  return back;
}

/** Waits until the team server answers again, then `again()` (the same call, sent once more); its answer is the call's. */
export async function sendWhenServerBack<T>(writes: boolean, sessionUrl: URL, again: () => Promise<T>): Promise<T> {
  const entry = { writes };
  offline.add(entry);
  tellOffline();
  try {
    await serverBack(sessionUrl);
  } finally {
    offline.delete(entry);
    tellOffline();
  }
  return again();
}

/** The calls waiting for the server to answer again, now and at each change. */
export function onServerWaiting(listener: (w: ServerWaiting) => void): () => void {
  offlineListeners.add(listener);
  listener(serverWaiting());
  return () => offlineListeners.delete(listener);
}
