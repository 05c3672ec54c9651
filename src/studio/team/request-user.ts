import { AsyncLocalStorage } from 'node:async_hooks';
import type { Workspace } from '../workspace/workspace.js';
import type { TeamUser } from '../api/roles.js';

/**
 * The user a team server's call runs for. The dispatcher runs each call inside
 * `runAs(user, …)`; the workspace's `actor` (what the audit log, drafts and reviews record)
 * reads it, so every entry carries the real user and no handler needs to pass it along.
 * Outside a team server (desktop, --web) there is no user and the actor is the OS user.
 */
const store = new AsyncLocalStorage<TeamUser>();

export const currentUser = (): TeamUser | undefined => store.getStore();

export const runAs = <T>(user: TeamUser, fn: () => T): T => store.run(user, fn);

/** Makes `ws.actor` the user of the current call (the fallback outside a call: server start-up, migrations). */
export function actorFromRequests(ws: Workspace, fallback: string): void {
  Object.defineProperty(ws, 'actor', { get: () => currentUser()?.name ?? fallback, enumerable: true, configurable: true });
}
