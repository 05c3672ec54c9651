import { describe, expect, it } from 'vitest';
import { clientKeyOf, plainAddress } from '../../src/net/plain-address.js';
import { clientAddress } from '../../src/io/client-address.js';
import type { IncomingMessage } from 'node:http';

/**
 * One spelling of a client's address (src/net/plain-address.ts) for the decision service's and
 * the team server's counts: an IPv4-mapped IPv6 address is its IPv4 in both, so one client is one
 * count whichever server, and whichever socket family, it reaches.
 */
describe('plainAddress: the one IPv4-mapped unwrapping', () => {
  const peer = (remoteAddress: string) => ({ socket: { remoteAddress }, headers: {} }) as unknown as IncomingMessage;

  it('unwraps ::ffff:a.b.c.d (any case) and leaves every other address as it is', () => {
    expect(plainAddress('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(plainAddress('::FFFF:127.0.0.1')).toBe('127.0.0.1');
    for (const a of ['192.0.2.7', '::1', '2001:db8::1', '::ffff:1:2', '::ffff:192.0.2', 'unknown', '']) expect(plainAddress(a)).toBe(a);
  });

  it('the decision service and the team server name an IPv4-mapped client the same', () => {
    for (const a of ['::ffff:192.0.2.7', '::ffff:10.1.2.3', '192.0.2.7', '::1']) {
      expect(clientAddress(peer(a), undefined)).toBe(plainAddress(a));
      expect(clientKeyOf(a)).toBe(plainAddress(a));
    }
    // IPv6 is counted by its /64 at sign-in, after the same unwrapping.
    expect(clientKeyOf('2001:db8:0:1::5')).toBe('2001:db8:0:1::/64');
  });
});
