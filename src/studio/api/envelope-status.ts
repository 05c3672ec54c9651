import type { Envelope } from './contract.js';

/**
 * The HTTP status of a studio call's answer, for both HTTP transports (the browser mode's
 * server and the team server): 400 for a call or payload the contract refuses, 500 for an
 * internal error, else 200 with the error as data. The team server answers a stale save with
 * 409 (`draftConflict`), since several people edit there, and so an approval of a version that
 * changed since the reviewer opened it (`REVIEW_STALE`).
 */
/** A refusal because someone changed the version since the caller read it: a stale save or a stale approval (the page offers a reload). */
export const isStaleRefusal = (code: string): boolean => code === 'DRAFT_CONFLICT' || code === 'REVIEW_STALE';

export const httpStatusOf = (env: Envelope<unknown>, opts: { draftConflict?: 409 } = {}): number =>
  env.ok
    ? 200
    : env.error.code === 'INVALID_ARGS' || env.error.code === 'UNKNOWN_CALL' || env.error.code === 'PAYLOAD_TOO_DEEP' || env.error.code === 'ILL_FORMED_TEXT'
      ? 400
      : env.error.code === 'INTERNAL'
        ? 500
        : isStaleRefusal(env.error.code) && opts.draftConflict
          ? opts.draftConflict
          : 200;
