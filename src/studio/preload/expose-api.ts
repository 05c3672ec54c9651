import type { ContextBridge, IpcRenderer } from 'electron';
import { BRIDGE_GLOBAL, channelOf, type StudioBridge } from '../api/bridge.js';
import { CONTRACT, type Envelope } from '../api/contract.js';

/**
 * Builds the bridge from the contract and exposes it as window.tariffStudio. Each function
 * invokes its own channel with the arguments as given; main validates them. Nothing of
 * ipcRenderer itself reaches the page. A call that cannot cross (arguments that cannot be
 * cloned, main not answering) comes back as an error envelope, as an unreachable server does
 * over HTTP: a rejected promise would cross the context bridge as a bare message, without code.
 */
export const ipcFailed = (name: string, e: unknown): Envelope<never> => ({
  ok: false,
  error: {
    code: 'IPC_FAILED',
    message: `${name}: the call did not reach the studio (${e instanceof Error ? e.message : String(e)})`,
    issues: [],
    hint: 'Restart Tariff Studio; if it happens again, report it with the steps that led here.',
  },
});

export function exposeStudioApi(contextBridge: Pick<ContextBridge, 'exposeInMainWorld'>, ipcRenderer: Pick<IpcRenderer, 'invoke'>): StudioBridge {
  const bridge: Record<string, Record<string, (args: unknown) => Promise<unknown>>> = {};
  for (const [domain, calls] of Object.entries(CONTRACT)) {
    const fns: Record<string, (args: unknown) => Promise<unknown>> = {};
    for (const method of Object.keys(calls)) {
      const name = `${domain}.${method}`;
      const channel = channelOf(name);
      fns[method] = async (args: unknown) => {
        try {
          return (await ipcRenderer.invoke(channel, args)) as unknown;
        } catch (e) {
          return ipcFailed(name, e);
        }
      };
    }
    bridge[domain] = Object.freeze(fns);
  }
  const frozen = Object.freeze(bridge) as unknown as StudioBridge;
  contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, frozen);
  return frozen;
}
