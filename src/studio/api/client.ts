import { CONTRACT, type ApiError, type Envelope, type StudioApi } from './contract.js';

/** An error answered by the studio: code, message, hint and every issue, as the handler raised it. */
export class StudioCallError extends Error {
  override name = 'StudioCallError';
  readonly code: string;
  readonly hint: string | undefined;
  readonly issues: ApiError['issues'];
  constructor(
    readonly call: string,
    error: ApiError,
  ) {
    super(error.message);
    this.code = error.code;
    this.hint = error.hint;
    this.issues = error.issues;
  }
}

/**
 * Builds the typed API from a transport (IPC through the preload, or HTTP): the renderer gets
 * the same object either way and cannot tell which one carries it.
 */
export function createClient(send: (name: string, args: unknown) => Promise<Envelope<unknown>>): StudioApi {
  const api: Record<string, Record<string, (args: unknown) => Promise<unknown>>> = {};
  for (const [domain, calls] of Object.entries(CONTRACT)) {
    api[domain] = {};
    for (const method of Object.keys(calls)) {
      const name = `${domain}.${method}`;
      api[domain][method] = async (args: unknown) => {
        const r = await send(name, args ?? {});
        if (!r.ok) throw new StudioCallError(name, r.error);
        return r.value;
      };
    }
  }
  return api as unknown as StudioApi;
}
