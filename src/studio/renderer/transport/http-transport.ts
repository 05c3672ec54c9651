import type { Envelope } from '../../api/contract.js';

/**
 * The browser mode's transport: POST <page>/api/<call> with the arguments as JSON. The page
 * is served under the per-run secret path, so the relative URL carries the secret.
 */
export const httpSend =
  (apiBase: URL) =>
  async (name: string, args: unknown): Promise<Envelope<unknown>> => {
    let res: Response;
    try {
      res = await fetch(new URL(name, apiBase), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(args), credentials: 'same-origin' });
    } catch (e) {
      return { ok: false, error: { code: 'SERVER_UNREACHABLE', message: `the studio server is not answering (${(e as Error).message})`, hint: 'Is `tariff studio --web` still running? Start it again and reload this page.', issues: [] } };
    }
    try {
      return (await res.json()) as Envelope<unknown>;
    } catch {
      return { ok: false, error: { code: 'BAD_RESPONSE', message: `the studio server answered ${res.status} without a result`, issues: [] } };
    }
  };
