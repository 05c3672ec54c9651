import type { Envelope } from '../api/contract.js';
import { transportError } from './json-call-body.js';

/**
 * The path of a request target as both studio servers route it, dot segments resolved as a
 * browser would: origin-form (`/a/b?q`) read under the server's own origin, so a target that
 * starts with `//` stays a path (`new URL('//', base)` reads it as a host and throws: a 500 before
 * this, found by test/security/http-fuzz.test.ts); absolute-form (`http://host/a`) by its path.
 * Undefined when it is no URL at all (answered 400 BAD_PATH).
 */
export function requestPath(target: string | undefined): string | undefined {
  const t = target ?? '/';
  try {
    return new URL(t.startsWith('/') ? `http://studio${t}` : t, 'http://studio/').pathname;
  } catch {
    return undefined;
  }
}

export const badPath = (): Envelope<unknown> => transportError('BAD_PATH', 'the request target is not a path or a URL', 'Open the studio at the address it printed.');
