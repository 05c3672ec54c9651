import type { Envelope } from '../../api/contract.js';
import { teamSession } from './team-session.js';

/**
 * The browser mode's transport: POST <page>/api/<call> with the arguments as JSON. The page
 * is served under the per-run secret path, so the relative URL carries the secret.
 */
export const httpSend =
  (apiBase: URL) =>
  async (name: string, args: unknown): Promise<Envelope<unknown>> => {
    let res: Response;
    try {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', ...(teamSession.csrf ? { 'X-CSRF-Token': teamSession.csrf } : {}) };
      res = await fetch(new URL(name, apiBase), { method: 'POST', headers, body: JSON.stringify(args), credentials: 'same-origin' });
    } catch (e) {
      return {
        ok: false,
        error: {
          code: 'SERVER_UNREACHABLE',
          message: `the studio server is not answering (${(e as Error).message})`,
          hint: 'Is `tariff studio --web` still running? Start it again and reload this page.',
          issues: [],
        },
      };
    }
    try {
      const env = (await res.json()) as Envelope<unknown>;
      if (res.status === 401 && !env.ok && env.error.code === 'UNAUTHENTICATED') teamSession.onSignedOut?.();
      return env;
    } catch {
      return { ok: false, error: { code: 'BAD_RESPONSE', message: `the studio server answered ${res.status} without a result`, issues: [] } };
    }
  };
