import { afterEach, describe, expect, it, vi } from 'vitest';
import { httpSend } from '../../src/studio/renderer/transport/http-transport.js';
import {
  holdSave,
  onServerWaiting,
  onSignedInAgain,
  onWaitingWrites,
  signedInAgain,
  teamSession,
  type Resumed,
  type ServerWaiting,
} from '../../src/studio/renderer/transport/team-session.js';

/**
 * The page's side of a session that ended (src/studio/renderer/transport): a call refused with 401
 * waits for the sign-in; the same user signing in again sends it again, and only once its answer
 * is in are the pages told to reload (so a save waiting on the revision it was made on is judged
 * before the reload brings the newer one), with the server time of the newest answer the page had
 * seen, from which the audit names what others changed meanwhile. Someone else signing in gets
 * SESSION_ENDED and nothing is sent in their name.
 */
const API = new URL('http://127.0.0.1:8420/api/');
const answer = (status: number, body: unknown, date: string) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', date } });
const UNAUTH = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'sign in', issues: [] } };

afterEach(() => {
  vi.unstubAllGlobals();
  teamSession.onSignedOut = null;
  teamSession.lastSeen = null;
});

describe('signing in again on a page whose session ended', () => {
  it('sends the waiting save again as the same user, and tells the pages to reload only after its answer, with the server time seen before', async () => {
    const sent: string[] = [];
    const order: string[] = [];
    let signedIn = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: URL, init: RequestInit) => {
        const name = url.pathname.split('/').pop()!;
        sent.push(`${name} ${String(init.body)}`);
        if (name === 'workspace.info') return answer(200, { ok: true, value: {} }, 'Tue, 01 Dec 2026 01:00:05 GMT');
        if (!signedIn) return answer(401, UNAUTH, 'Tue, 01 Dec 2026 01:30:00 GMT');
        // The draft moved on meanwhile: the save made on revision 3 is refused, nothing overwritten.
        order.push('answered');
        return answer(409, { ok: false, error: { code: 'DRAFT_CONFLICT', message: 'changed by yamada', issues: [] } }, 'Tue, 01 Dec 2026 01:31:00 GMT');
      }),
    );
    let ended = 0;
    teamSession.onSignedOut = () => void ended++;
    const waiting: number[] = [];
    const stop = onWaitingWrites((n) => waiting.push(n));
    const told: Resumed[] = [];
    const off = onSignedInAgain((r) => {
      order.push('reload');
      told.push(r);
    });
    try {
      const send = httpSend(API);
      expect(await send('workspace.info', {})).toMatchObject({ ok: true });
      expect(teamSession.lastSeen).toBe('2026-12-01T01:00:05.000Z');
      const save = send('tariffs.edit', { id: 2, revision: 3, edits: [] });
      await vi.waitFor(() => expect(ended).toBe(1));
      expect(waiting.at(-1)).toBe(1);
      signedIn = true;
      await signedInAgain('same');
      expect(await save).toMatchObject({ ok: false, error: { code: 'DRAFT_CONFLICT' } });
      expect(order).toEqual(['answered', 'reload']);
      expect(told).toEqual([{ outcome: 'same', since: '2026-12-01T01:00:05.000Z' }]);
      // Sent twice, both times on the revision it was made on.
      expect(sent.filter((s) => s.startsWith('tariffs.edit'))).toEqual(['tariffs.edit {"id":2,"revision":3,"edits":[]}', 'tariffs.edit {"id":2,"revision":3,"edits":[]}']);
      expect(waiting.at(-1)).toBe(0);
    } finally {
      stop();
      off();
    }
  });

  it('sends nothing in the name of someone else who signs in there: SESSION_ENDED, and the pages are not reloaded for the previous user', async () => {
    const fetch = vi.fn(async () => answer(401, UNAUTH, 'Tue, 01 Dec 2026 01:30:00 GMT'));
    vi.stubGlobal('fetch', fetch);
    let ended = 0;
    teamSession.onSignedOut = () => void ended++;
    const told: Resumed[] = [];
    const off = onSignedInAgain((r) => told.push(r));
    try {
      const save = httpSend(API)('rules.saveRule', { id: 4 });
      await vi.waitFor(() => expect(ended).toBe(1));
      await signedInAgain('other');
      expect(await save).toMatchObject({ ok: false, error: { code: 'SESSION_ENDED' } });
      expect(fetch).toHaveBeenCalledTimes(1);
      expect(told).toEqual([{ outcome: 'other', since: null }]);
    } finally {
      off();
    }
  });
});

describe('a team server that does not answer', () => {
  it('counts as not saved both the save that waits for it and the saves a page queued behind that one, each until it is sent', async () => {
    let up = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: URL) => {
        if (!up) throw new TypeError('fetch failed');
        return url.pathname.endsWith('/auth/session')
          ? answer(200, { ok: true, value: null }, 'Tue, 01 Dec 2026 01:40:00 GMT')
          : answer(200, { ok: true, value: { id: 4 } }, 'Tue, 01 Dec 2026 01:40:00 GMT');
      }),
    );
    teamSession.onSignedOut = () => undefined;
    const seen: ServerWaiting[] = [];
    const off = onServerWaiting((w) => seen.push(w));
    try {
      const save = httpSend(API)('authoring.setParameter', { id: 4 });
      await vi.waitFor(() => expect(seen.at(-1)).toEqual({ calls: 1, writes: 1 }));
      const second = holdSave();
      const third = holdSave();
      expect(seen.at(-1)).toEqual({ calls: 1, writes: 3 });
      second();
      second();
      expect(seen.at(-1)).toEqual({ calls: 1, writes: 2 });
      third();
      up = true;
      expect(await save).toEqual({ ok: true, value: { id: 4 } });
      expect(seen.at(-1)).toEqual({ calls: 0, writes: 0 });
    } finally {
      off();
    }
  });
});
