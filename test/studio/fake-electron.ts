import type { IpcMainInvokeEvent } from 'electron';

/**
 * Stand-ins for Electron's ipcMain, ipcRenderer and contextBridge, wired to each other like
 * the real ones: invoke(channel) reaches the handler registered for it, with an event whose
 * senderFrame carries the page URL the test chooses.
 */
export function fakeIpc(pageUrl = 'file:///app/dist-renderer/index.html') {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  const exposed = new Map<string, unknown>();
  const ipcMain = {
    handle: (channel: string, fn: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, fn);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  };
  const state = { pageUrl };
  const ipcRenderer = {
    invoke: async (channel: string, ...args: unknown[]) => {
      const fn = handlers.get(channel);
      if (!fn) throw new Error(`No handler registered for '${channel}'`);
      // Electron clones arguments and results (structured clone): so does the fake.
      const event = { senderFrame: { url: state.pageUrl } } as unknown as IpcMainInvokeEvent;
      return structuredClone(await fn(event, ...structuredClone(args)));
    },
  };
  const contextBridge = { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) };
  return { ipcMain, ipcRenderer, contextBridge, handlers, exposed, state };
}
