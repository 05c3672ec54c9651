import { parseTrustedProxies, type TrustedProxies } from '../io/client-address.js';
import type { HttpLimits } from '../io/http-limits.js';
import { UsageError } from './options.js';
import { wholeNumber } from './parse-flags.js';

/**
 * The flags an operator sets on a server's clients (`tariff serve`, `tariff studio --serve`):
 * the timeouts, the connection cap and the header limits of src/io/http-limits.ts, and the reverse
 * proxies to trust (src/io/client-address.ts). docs/security.md § Slow clients.
 */
export const HTTP_FLAGS = {
  'headers-timeout-ms': { type: 'string' },
  'request-timeout-ms': { type: 'string' },
  'keep-alive-timeout-ms': { type: 'string' },
  'max-connections': { type: 'string' },
  'max-header-bytes': { type: 'string' },
  'max-header-count': { type: 'string' },
  'trust-proxy': { type: 'string', multiple: true },
} as const;

export type HttpFlagValues = {
  'headers-timeout-ms'?: string | undefined;
  'request-timeout-ms'?: string | undefined;
  'keep-alive-timeout-ms'?: string | undefined;
  'max-connections'?: string | undefined;
  'max-header-bytes'?: string | undefined;
  'max-header-count'?: string | undefined;
  'trust-proxy'?: string[] | undefined;
};

/** The longest timeout a flag takes: node's timers hold at most 2^31 − 1 ms (about 24.8 days); past it one fires at once. */
const MAX_TIMEOUT_MS = 2_147_483_647;
const MAX_CONNECTIONS = 1_000_000;
/**
 * node's maxHeaderSize: below 4 KiB a browser's ordinary request (its cookies, the sec-ch-ua
 * hints, a long path) would be refused; above 1 MiB each connection may hold that much before a
 * byte of it is checked.
 */
export const HEADER_BYTES = { min: 4096, max: 1_048_576 } as const;
/**
 * Header lines: a browser's POST carries about 18 and a reverse proxy adds a few, so fewer than
 * 32 would refuse ordinary clients; past 1,000 the line count bounds nothing the byte limit does not.
 */
export const HEADER_COUNT = { min: 32, max: 1000 } as const;
/** The usage lines of the flags, with this server's defaults (`connections`: what --max-connections counts, when it says more than "at once"). */
export const httpFlagsUsage = (d: HttpLimits, connections = ''): string[] => [
  `  --headers-timeout-ms MS: a client must send its headers within this (default ${d.headersTimeoutMs}); --request-timeout-ms MS: its whole request (default ${d.requestTimeoutMs}). Past either: 408, connection closed.`,
  `  --keep-alive-timeout-ms MS: an idle keep-alive connection is kept this long (default ${d.keepAliveTimeoutMs}; keep it longer than your clients' pool idle time).`,
  `  --max-connections N: connections open at once (default ${d.maxConnections})${connections}; past it new ones are refused and idle ones closed.`,
  `  --max-header-bytes BYTES: the request line and headers together (default ${d.maxHeaderBytes}; ${HEADER_BYTES.min.toLocaleString('en')} to ${HEADER_BYTES.max.toLocaleString('en')}); --max-header-count N: header lines (default ${d.maxHeaders}; ${HEADER_COUNT.min} to ${HEADER_COUNT.max.toLocaleString('en')}). Past either: 431 with a JSON error, connection closed.`,
  '  --trust-proxy ADDR[,ADDR]: reverse proxies (addresses or CIDR) whose X-Forwarded-For names the client; without it the header is ignored.',
];

const ms = ' (milliseconds)';

/** The limits from the flags over `defaults`; a UsageError (exit 2) names a bad value. */
export function httpLimitsFrom(values: HttpFlagValues, defaults: HttpLimits): HttpLimits {
  const limits: HttpLimits = {
    ...defaults,
    headersTimeoutMs: wholeNumber(values['headers-timeout-ms'], '--headers-timeout-ms', defaults.headersTimeoutMs, 1, MAX_TIMEOUT_MS, ms),
    requestTimeoutMs: wholeNumber(values['request-timeout-ms'], '--request-timeout-ms', defaults.requestTimeoutMs, 1, MAX_TIMEOUT_MS, ms),
    keepAliveTimeoutMs: wholeNumber(values['keep-alive-timeout-ms'], '--keep-alive-timeout-ms', defaults.keepAliveTimeoutMs, 1, MAX_TIMEOUT_MS, ms),
    maxConnections: wholeNumber(values['max-connections'], '--max-connections', defaults.maxConnections, 1, MAX_CONNECTIONS),
    maxHeaderBytes: wholeNumber(values['max-header-bytes'], '--max-header-bytes', defaults.maxHeaderBytes, HEADER_BYTES.min, HEADER_BYTES.max, ' (bytes)'),
    maxHeaders: wholeNumber(values['max-header-count'], '--max-header-count', defaults.maxHeaders, HEADER_COUNT.min, HEADER_COUNT.max, ' (header lines)'),
  };
  if (limits.headersTimeoutMs > limits.requestTimeoutMs)
    throw new UsageError(
      `--headers-timeout-ms (${limits.headersTimeoutMs} ms) cannot be longer than --request-timeout-ms (${limits.requestTimeoutMs} ms): the headers are part of the request`,
    );
  return limits;
}

/** --trust-proxy as trusted proxies, or undefined when not given; a UsageError names a bad entry. */
export function trustProxyFrom(values: HttpFlagValues): TrustedProxies | undefined {
  const given = values['trust-proxy'];
  if (!given?.length) return undefined;
  try {
    return parseTrustedProxies(given);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
