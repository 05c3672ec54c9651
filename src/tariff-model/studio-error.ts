import type { Issue } from './issue.js';

/**
 * An error the studio shows to its user: a stable `code` (tests and the UI key on it), a
 * message saying what and where, and every issue found (cells, pointers). Crosses both
 * transports as { code, message, issues, hint }.
 */
export class StudioError extends Error {
  override name = 'StudioError';
  constructor(
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
    readonly hint?: string,
  ) {
    super(message);
  }
}
