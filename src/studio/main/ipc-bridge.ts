import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelOf } from '../api/bridge.js';
import { CALL_NAMES, type Envelope } from '../api/contract.js';
import type { Dispatch } from '../api/dispatcher.js';

/**
 * The IPC transport in main: one handler per studio call (validatedIpcMain-style), each
 * refusing a sender that is not one of the studio's own pages, then handing the payload to the
 * dispatcher, which validates it against the call's schema. Returns a function removing them.
 */
export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;

export function registerIpcHandlers(ipcMain: IpcMainLike, dispatch: Dispatch, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): () => void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(channelOf(name), async (event, payload: unknown): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event)) return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'this page may not call the studio', issues: [] } };
      return dispatch(name, payload);
    });
  }
  return () => {
    for (const name of CALL_NAMES) ipcMain.removeHandler(channelOf(name));
  };
}

/** A sender is trusted when its frame shows a page of the studio's own renderer folder. */
export const senderIn =
  (rendererUrlPrefix: string) =>
  (event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean => {
    const url = event.senderFrame?.url;
    return typeof url === 'string' && url.startsWith(rendererUrlPrefix);
  };
