import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelOf } from '../api/bridge.js';
import { CALL_NAMES, type Envelope } from '../api/contract.js';
import type { Dispatch } from '../api/dispatcher.js';
import { CALL_LIMIT, payloadTooLarge, transportError } from '../server/json-call-body.js';

/**
 * The IPC transport in main: one handler per studio call (validatedIpcMain-style), each
 * refusing a sender that is not one of the studio's own pages, then handing the payload to the
 * dispatcher the HTTP servers use, which validates it against the call's schema. Returns a
 * function removing them.
 */
export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;

export const FORBIDDEN_SENDER: Envelope<unknown> = transportError('FORBIDDEN_SENDER', 'this page may not call the studio');

/**
 * The arguments as the browser mode's server would have read them: IPC carries a structured
 * clone (undefined members, Dates, Maps, typed arrays survive it), HTTP carries JSON. Passing
 * them through JSON here makes the dispatcher see the same value on both transports, with the
 * same size limit and the same refusals.
 */
export function asJsonPayload(payload: unknown): { value: unknown } | { refused: Envelope<unknown> } {
  let text: string | undefined;
  try {
    text = JSON.stringify(payload);
  } catch (e) {
    return { refused: transportError('BAD_JSON', `the arguments cannot be sent as JSON: ${(e as Error).message}`) };
  }
  if (text === undefined) return { value: undefined };
  if (Buffer.byteLength(text) > CALL_LIMIT.bytes) return { refused: payloadTooLarge() };
  return { value: JSON.parse(text) as unknown };
}

export function registerIpcHandlers(ipcMain: IpcMainLike, dispatch: Dispatch, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): () => void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(channelOf(name), async (event, payload: unknown): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event)) return FORBIDDEN_SENDER;
      const json = asJsonPayload(payload);
      return 'refused' in json ? json.refused : dispatch(name, json.value);
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
