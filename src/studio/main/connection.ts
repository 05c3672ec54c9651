import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StudioError } from '../../tariff-model/studio-error.js';

/**
 * What the desktop app opens: its local workspace (as before, no login) or a team server by
 * URL, which it remembers for the next start (userData/team-server.json). The team server's
 * page is the same renderer over the HTTP transport; its login is the page's own (the session
 * cookie lives in Electron's session). `tariff studio --server URL` chooses a server,
 * `tariff studio --local` goes back to the local workspace and forgets it.
 */
export type Connection = { kind: 'local' } | { kind: 'server'; url: string };

export const REMEMBERED = 'team-server.json';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function checkServerUrl(text: string): string {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new StudioError('BAD_SERVER_URL', `"${text}" is not a URL`, [], 'Give the address of the team server, such as https://studio.example.com/.');
  }
  // A password written into the address is never echoed, and never kept: users sign in on the server's page.
  if (u.username || u.password)
    throw new StudioError(
      'BAD_SERVER_URL',
      `${u.protocol}//${u.host}/: the address holds a user name or password; give the address alone`,
      [],
      "Sign in on the team server's page instead; a password in an address lands in the shell history and in ps.",
    );
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && LOOPBACK.has(u.hostname)))
    throw new StudioError(
      'BAD_SERVER_URL',
      `the address is ${u.protocol.slice(0, -1)}${u.protocol === 'http:' ? ` to ${u.hostname}` : ''}: a team server is reached over https (plain http only on this computer)`,
      [],
      'Use the https address of the server (behind its reverse proxy).',
    );
  return `${u.origin}/`;
}

export function chooseConnection(choice: string | undefined, userData: string): Connection {
  const file = join(userData, REMEMBERED);
  if (choice === 'local') {
    rmSync(file, { force: true });
    return { kind: 'local' };
  }
  if (choice) {
    const url = checkServerUrl(choice);
    mkdirSync(userData, { recursive: true });
    writeFileSync(file, JSON.stringify({ server: url }));
    return { kind: 'server', url };
  }
  if (!existsSync(file)) return { kind: 'local' };
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { server?: unknown };
    return typeof saved.server === 'string' ? { kind: 'server', url: checkServerUrl(saved.server) } : { kind: 'local' };
  } catch {
    return { kind: 'local' };
  }
}
