import { writesWorkspace } from '../../api/call-roles.js';
import type { Envelope } from '../../api/contract.js';
import { seenAt, sendAfterSignIn, sendWhenServerBack, teamSession } from './team-session.js';

/**
 * The browser mode's transport: POST <page>/api/<call> with the arguments as JSON. The page
 * is served under the per-run secret path, so the relative URL carries the secret. On a team
 * server a call refused because the session ended waits for the user to sign in again on the
 * page and is then sent again (team-session.ts): nothing typed is lost to an expired session.
 * A call the team server did not answer at all (it restarts) waits until it answers again and is
 * then sent again: nothing typed is lost to a restart either. Only the browser mode (one person,
 * their own server) says at once that the server is gone.
 */
export const httpSend = (apiBase: URL) => {
  const send = async (name: string, args: unknown): Promise<Envelope<unknown>> => {
    let res: Response;
    try {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', ...(teamSession.csrf ? { 'X-CSRF-Token': teamSession.csrf } : {}) };
      res = await fetch(new URL(name, apiBase), { method: 'POST', headers, body: JSON.stringify(args), credentials: 'same-origin' });
    } catch (e) {
      if (teamSession.onSignedOut) return sendWhenServerBack(writesWorkspace(name), new URL('../auth/session', apiBase), () => send(name, args));
      return {
        ok: false,
        error: {
          code: 'SERVER_UNREACHABLE',
          message: `the studio server is not answering (${(e as Error).message})`,
          hint: 'Is `tariff studio --web` still running? Start it again and reload this page.',
          issues: [],
        },
      };
    }
    let env: Envelope<unknown>;
    try {
      env = (await res.json()) as Envelope<unknown>;
    } catch {
      return { ok: false, error: { code: 'BAD_RESPONSE', message: `the studio server answered ${res.status} without a result`, issues: [] } };
    }
    // The server's own clock (never the browser's): what others changed after it, this page has not seen.
    if (res.status !== 401 && teamSession.onSignedOut) seenAt(res.headers.get('date'));
    if (res.status === 401 && !env.ok && env.error.code === 'UNAUTHENTICATED' && teamSession.onSignedOut) {
      // Refused before any handler ran: nothing was done. Sent again once the same user signed in again.
      const again = await sendAfterSignIn(writesWorkspace(name), () => send(name, args));
      if (again.outcome === 'same') return again.value;
      return {
        ok: false,
        error: {
          code: 'SESSION_ENDED',
          message: `the session ended before ${name} was done, and another user signed in on this page; nothing was done`,
          hint: 'Sign in as yourself and make the change again.',
          issues: [],
        },
      };
    }
    return env;
  };
  return send;
};
