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
      return calls[d]![m]!(args);
    });
  }
  return createClient(httpSend(new URL('api/', win.location.href)));
}
