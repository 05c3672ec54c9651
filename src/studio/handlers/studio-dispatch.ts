import { todayInTokyo } from '../../engine/dates.js';
import { createDispatcher, type Dispatch } from '../api/dispatcher.js';
import type { Workspace } from '../workspace/workspace.js';
import { studioHandlers } from './studio-handlers.js';

/**
 * The studio's calls over an open workspace, dispatched and checked against the contract: what
 * the desktop app (IPC), the browser mode and the team server each put behind their transport.
 * `caseRoots` confines case folders (the team server). `onInternalError` hears a call that
 * failed unexpectedly (its stack goes to the log, never to the caller).
 */
export const studioDispatch = (ws: Workspace, createdNow: boolean, onInternalError: (name: string, e: unknown) => void, opts: { caseRoots?: readonly string[] } = {}): Dispatch =>
  createDispatcher(studioHandlers({ ws, createdNow, today: () => todayInTokyo(), ...(opts.caseRoots ? { caseRoots: opts.caseRoots } : {}) }), { onInternalError });

/** An `onInternalError` that writes one line (with the stack) to a server's log. */
export const logInternalError =
  (log: ((line: string) => void) | undefined) =>
  (name: string, e: unknown): void =>
    log?.(`studio: ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
