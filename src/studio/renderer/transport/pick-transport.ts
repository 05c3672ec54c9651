import { BRIDGE_GLOBAL, type StudioBridge } from '../../api/bridge.js';
import { createClient } from '../../api/client.js';
import type { Envelope, StudioApi } from '../../api/contract.js';
import { httpSend } from './http-transport.js';

/**
 * The one place that knows there are two transports: Electron's preload bridge when present,
 * else the local HTTP server that served this page. Everything else gets a StudioApi.
 */
export function pickTransport(win: Window): StudioApi {
  const bridge = (win as unknown as Record<string, StudioBridge | undefined>)[BRIDGE_GLOBAL];
  if (bridge) {
    const calls = bridge as unknown as Record<string, Record<string, (args: unknown) => Promise<Envelope<unknown>>>>;
    return createClient((name, args) => {
      const [d, m] = name.split('.') as [string, string];
      const fn = calls[d]?.[m];
      // A page newer than the window's preload (bundles built apart): the dispatcher's answer to an unknown call, not a TypeError.
      if (typeof fn !== 'function')
        return Promise.resolve({
          ok: false,
          error: {
            code: 'UNKNOWN_CALL',
            message: `no studio call named ${JSON.stringify(name)}`,
            issues: [],
            hint: "This window's preload does not know the call: rebuild with `npm run build:studio` and start the studio again.",
          },
        });
      return fn(args);
    });
  }
  return createClient(httpSend(new URL('api/', win.location.href)));
}
