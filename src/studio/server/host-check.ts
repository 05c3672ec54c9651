import type { IncomingMessage } from 'node:http';
import type { Envelope } from '../api/contract.js';
import { transportError } from './json-call-body.js';

/**
 * The Host check of both studio servers (browser mode and team server), against DNS rebinding:
 * a page on evil.example whose name is made to resolve to 127.0.0.1 reaches a loopback server,
 * but its requests say `Host: evil.example`. Only the server's own names are answered: the
 * loopback names with its port, the address it listens on, and the public hosts it is told
 * (`--origin`). Anything else is a 403 FORBIDDEN_HOST.
 */
export function ownHosts(port: number, extra: readonly string[] = []): string[] {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  for (const h of extra) hosts.add(h.toLowerCase());
  return [...hosts];
}

/** host:port as a Host header names a listening address (an IPv6 one in brackets); none for a wildcard address. */
export const listenHost = (host: string, port: number): string[] =>
  host === '0.0.0.0' || host === '::' || host === '' ? [] : [`${host.includes(':') ? `[${host}]` : host}:${port}`.toLowerCase()];

export const hostAllowed = (req: IncomingMessage, allowed: readonly string[]): boolean => allowed.includes((req.headers.host ?? '').toLowerCase());

export const forbiddenHost = (req: IncomingMessage, allowed: readonly string[]): Envelope<unknown> =>
  transportError(
    'FORBIDDEN_HOST',
    `this studio server does not answer for the host ${JSON.stringify((req.headers.host ?? '').slice(0, 200))}; it answers for ${allowed.join(', ')}`,
    'Open the studio at the address it printed (behind a reverse proxy, start it with --origin and the public address).',
  );
