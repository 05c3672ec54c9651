/** Limits and options of the decision service (tariff serve). */
export type ServiceLimits = { maxBodyBytes: number; maxBatch: number };

export const DEFAULT_LIMITS: ServiceLimits = { maxBodyBytes: 1_048_576, maxBatch: 1000 };

/** One access-log line: never the token, never the facts. */
export type AccessLogLine = {
  at: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  /** Who asked: the bearer token's name, or (without tokens) the address. */
  client: string;
  /** The client address the limits counted: the TCP peer, or behind a trusted proxy (--trust-proxy) the address X-Forwarded-For names. */
  address: string;
  decision?: string;
  release?: string;
  outcome?: string;
  cases?: number;
  /** Of a batch's cases, how many were invalid (their answers say why). */
  invalid?: number;
  reference?: boolean;
  error?: string;
  /** The worker process that answered (tariff serve --workers N). */
  worker?: number;
  /** Connections refused at the cap (--max-connections) since the last such line (error TOO_MANY_CONNECTIONS). */
  dropped?: number;
};
