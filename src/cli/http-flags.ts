import { parseTrustedProxies, type TrustedProxies } from '../io/client-address.js';
import type { HttpLimits } from '../io/http-limits.js';
import { UsageError } from './options.js';
import { wholeNumber } from './parse-flags.js';

/**
 * The flags an operator sets on a server's clients (`tariff serve`, `tariff studio --serve`):
 * the timeouts and the connection cap of src/io/http-limits.ts, and the reverse proxies to trust
 * (src/io/client-address.ts). Header counts and sizes keep their defaults (docs/security.md).
 */
export const HTTP_FLAGS = {
  'headers-timeout-ms': { type: 'string' },
  'request-timeout-ms': { type: 'string' },
  'keep-alive-timeout-ms': { type: 'string' },
  'max-connections': { type: 'string' },
  'trust-proxy': { type: 'string', multiple: true },
} as const;

export type HttpFlagValues = {
  'headers-timeout-ms'?: string | undefined;
  'request-timeout-ms'?: string | undefined;
  'keep-alive-timeout-ms'?: string | undefined;
  'max-connections'?: string | undefined;
  'trust-proxy'?: string[] | undefined;
};

/** The usage lines of the flags, with this server's defaults. */
export const httpFlagsUsage = (d: HttpLimits): string[] => [
  `  --headers-timeout-ms MS: a client must send its headers within this (default ${d.headersTimeoutMs}); --request-timeout-ms MS: its whole request (default ${d.requestTimeoutMs}). Past either: 408, connection closed.`,
  `  --keep-alive-timeout-ms MS: an idle keep-alive connection is kept this long (default ${d.keepAliveTimeoutMs}; keep it longer than your clients' pool idle time).`,
  `  --max-connections N: connections open at once (default ${d.maxConnections}); past it new ones are refused and idle ones closed.`,
  '  --trust-proxy ADDR[,ADDR]: reverse proxies (addresses or CIDR) whose X-Forwarded-For names the client; without it the header is ignored.',
];

/** The longest timeout a flag takes: node's timers hold at most 2^31 − 1 ms (about 24.8 days); past it one fires at once. */
const MAX_TIMEOUT_MS = 2_147_483_647;
const MAX_CONNECTIONS = 1_000_000;
const ms = ' (milliseconds)';

/** The limits from the flags over `defaults`; a UsageError (exit 2) names a bad value. */
export function httpLimitsFrom(values: HttpFlagValues, defaults: HttpLimits): HttpLimits {
  const limits: HttpLimits = {
    ...defaults,
    headersTimeoutMs: wholeNumber(values['headers-timeout-ms'], '--headers-timeout-ms', defaults.headersTimeoutMs, 1, MAX_TIMEOUT_MS, ms),
    requestTimeoutMs: wholeNumber(values['request-timeout-ms'], '--request-timeout-ms', defaults.requestTimeoutMs, 1, MAX_TIMEOUT_MS, ms),
    keepAliveTimeoutMs: wholeNumber(values['keep-alive-timeout-ms'], '--keep-alive-timeout-ms', defaults.keepAliveTimeoutMs, 1, MAX_TIMEOUT_MS, ms),
    maxConnections: wholeNumber(values['max-connections'], '--max-connections', defaults.maxConnections, 1, MAX_CONNECTIONS),
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
