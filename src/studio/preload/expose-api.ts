import type { ContextBridge, IpcRenderer } from 'electron';
import { BRIDGE_GLOBAL, channelOf, type StudioBridge } from '../api/bridge.js';
import { CONTRACT } from '../api/contract.js';

/**
 * Builds the bridge from the contract and exposes it as window.tariffStudio. Each function
 * invokes its own channel with the arguments as given; main validates them. Nothing of
 * ipcRenderer itself reaches the page.
 */
export function exposeStudioApi(contextBridge: Pick<ContextBridge, 'exposeInMainWorld'>, ipcRenderer: Pick<IpcRenderer, 'invoke'>): StudioBridge {
  const bridge: Record<string, Record<string, (args: unknown) => Promise<unknown>>> = {};
  for (const [domain, calls] of Object.entries(CONTRACT)) {
    const fns: Record<string, (args: unknown) => Promise<unknown>> = {};
    for (const method of Object.keys(calls)) {
      const channel = channelOf(`${domain}.${method}`);
      fns[method] = (args: unknown) => ipcRenderer.invoke(channel, args);
    }
    bridge[domain] = Object.freeze(fns);
  }
  const frozen = Object.freeze(bridge) as unknown as StudioBridge;
  contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, frozen);
  return frozen;
}
