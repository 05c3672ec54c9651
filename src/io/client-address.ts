import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import { plainAddress } from '../net/plain-address.js';

/** The client an address stands for in a per-address limit (an IPv6 address by its /64): src/net/plain-address.ts. */
export { clientKeyOf } from '../net/plain-address.js';

/**
 * The client address a server counts its per-client limits by (bad bearer tokens, sign-in
 * attempts) and writes into its logs. By default it is the TCP peer, and X-Forwarded-For is
 * ignored: anyone can send that header, and a forged one must not buy a fresh count. Behind a
 * reverse proxy every client's peer is the proxy, so the operator names the proxies
 * (`--trust-proxy ADDR[,ADDR]`, exact addresses or CIDR blocks); only when the peer is one of them
 * is X-Forwarded-For read, from the right: the right-most address that is not a trusted proxy is
 * the client (each proxy appends the address it was connected from, so everything left of that is
 * what the client itself claimed). An entry that is not an address means the chain cannot be
 * read: the peer is counted then, never a claim.
 */
export type TrustedProxies = { readonly list: BlockList; readonly shown: readonly string[] };

/** X-Forwarded-For entries looked at, from the right: more hops than proxies anyone runs. */
const MAX_HOPS = 32;

/**
 * Reads `--trust-proxy` values: each a comma-separated list of addresses (127.0.0.1, ::1) or CIDR
 * blocks (10.0.0.0/8, fd00::/8). Throws an Error with code TRUST_PROXY_FORMAT naming the entry.
 */
export function parseTrustedProxies(values: readonly string[]): TrustedProxies {
  const list = new BlockList();
  const shown: string[] = [];
  for (const raw of values.flatMap((v) => v.split(','))) {
    const entry = raw.trim();
    if (!entry) continue;
    const [addr = '', bits, extra] = entry.split('/');
    const address = plainAddress(addr);
    const family = isIP(address);
    const max = family === 4 ? 32 : 128;
    const prefix = bits === undefined ? max : /^\d{1,3}$/u.test(bits) ? Number(bits) : NaN;
    if (family === 0 || extra !== undefined || !(prefix >= 0 && prefix <= max))
      throw Object.assign(
        new Error(`--trust-proxy: "${entry}" is not an IP address or a CIDR block; give the reverse proxy's address as it connects, such as 127.0.0.1, 10.0.0.5 or 10.0.0.0/24`),
        { code: 'TRUST_PROXY_FORMAT' },
      );
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === max) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
    shown.push(prefix === max ? address : `${address}/${prefix}`);
  }
  return { list, shown };
}

const isTrusted = (t: TrustedProxies, address: string): boolean => {
  const a = plainAddress(address);
  const family = isIP(a);
  return family !== 0 && t.list.check(a, family === 4 ? 'ipv4' : 'ipv6');
};

/** One X-Forwarded-For entry as an address: `1.2.3.4`, `1.2.3.4:5678`, `::1`, `[::1]:80`; undefined when it is none. */
const entryAddress = (entry: string): string | undefined => {
  const e = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/u.exec(e);
  const v4port = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/u.exec(e);
  const a = plainAddress(bracketed ? bracketed[1]! : v4port ? v4port[1]! : e);
  return isIP(a) ? a : undefined;
};

/** The client address of a request: the TCP peer, or with trusted proxies the right-most untrusted X-Forwarded-For address. */
export function clientAddress(req: IncomingMessage, trusted: TrustedProxies | undefined): string {
  const peer = plainAddress(req.socket.remoteAddress ?? 'unknown');
  if (!trusted || !isTrusted(trusted, peer)) return peer;
  const header = req.headers['x-forwarded-for'];
  if (typeof header !== 'string' || header.trim() === '') return peer;
  const entries = header.split(',').slice(-MAX_HOPS);
  let leftmost = peer;
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const a = entryAddress(entries[i]!);
    if (a === undefined) return peer;
    if (!isTrusted(trusted, a)) return a;
    leftmost = a;
  }
  // Every hop is a trusted proxy: the client is the farthest one named.
  return leftmost;
}
