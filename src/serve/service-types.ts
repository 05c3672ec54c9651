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
  client: string;
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
};
