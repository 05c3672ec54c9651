import { todayInTokyo } from '../../engine/dates.js';
import { createDispatcher, type Dispatch } from '../api/dispatcher.js';
import { defaultRunLimit } from '../scenarios/run-limit.js';
import type { Workspace } from '../workspace/workspace.js';
import { studioHandlers } from './studio-handlers.js';

/**
 * The studio's calls over an open workspace, dispatched and checked against the contract: what
 * the desktop app (IPC), the browser mode and the team server each put behind their transport.
 * `caseRoots` confines case folders (the team server). `run`: the simulator's run-size limit
 * (scenarios/run-limit.ts): its contract-months (default the CLI's) and whether a run may raise it
 * for itself (default yes; the team server says no). `onRunFinished`: a scenario run finished (the
 * team server tells the open pages). `onInternalError` hears a call that
 * failed unexpectedly (its stack goes to the log, never to the caller).
 */
export const studioDispatch = (
  ws: Workspace,
  createdNow: boolean,
  onInternalError: (name: string, e: unknown) => void,
  opts: { caseRoots?: readonly string[]; run?: { maxContractMonths?: number; overrideAllowed: boolean }; onRunFinished?: (scenarioId: number, by: string) => void } = {},
): Dispatch =>
  createDispatcher(
    studioHandlers({
      ws,
      createdNow,
      today: () => todayInTokyo(),
      ...(opts.caseRoots ? { caseRoots: opts.caseRoots } : {}),
      runLimit: defaultRunLimit(opts.run?.overrideAllowed ?? true, opts.run?.maxContractMonths),
      ...(opts.onRunFinished ? { onRunFinished: opts.onRunFinished } : {}),
    }),
    { onInternalError },
  );

/** An `onInternalError` that writes one line (with the stack) to a server's log. */
export const logInternalError =
  (log: ((line: string) => void) | undefined) =>
  (name: string, e: unknown): void =>
    log?.(`studio: ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
