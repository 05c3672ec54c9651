import { describe, expect, it } from 'vitest';
import { addUser, setUserDisabled } from '../../src/studio/team/user-store.js';
import { freshWorkspace, teamServerOn } from './helpers.js';

/** A call whose session is gone says what may have ended it: a disabled user was told only "not signed in, or expired". */
describe('a session ended by an admin', () => {
  it('is refused 401 UNAUTHENTICATED naming the ways a session ends', async () => {
    const ws = freshWorkspace();
    const server = await teamServerOn(ws, {}, true);
    try {
      await addUser(ws, { name: 'kato', role: 'legal', password: 'team password 2025' });
      const origin = server.url.slice(0, -1);
      const login = await fetch(`${server.url}auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ name: 'kato', password: 'team password 2025' }),
      });
      const { value } = (await login.json()) as { value: { csrf: string } };
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const call = () =>
        fetch(`${server.url}api/rules.list`, { method: 'POST', headers: { 'content-type': 'application/json', origin, cookie, 'x-csrf-token': value.csrf }, body: '{}' });
      expect((await call()).status).toBe(200);
      setUserDisabled(ws, 'kato', true);
      const refused = await call();
      expect(refused.status).toBe(401);
      const body = (await refused.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('UNAUTHENTICATED');
      expect(body.error.message).toContain('an admin disabled you, changed your role or set a new password');
    } finally {
      await server.close();
    }
  });
});
