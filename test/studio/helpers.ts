import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { DEFAULT_RULES, DEFAULT_TARIFFS } from '../../src/cli/options.js';
import type { ApiError } from '../../src/studio/api/contract.js';
import { createDispatcher } from '../../src/studio/api/dispatcher.js';
import { scenarioHandlers } from '../../src/studio/handlers/scenario-handlers.js';
import { studioHandlers } from '../../src/studio/handlers/studio-handlers.js';
import { startTeamServer, type TeamServer, type TeamServerOptions } from '../../src/studio/server/team-server.js';
import { addUser } from '../../src/studio/team/user-store.js';
import { ScenarioRuns } from '../../src/studio/scenarios/scenario-runs.js';
import { saveScenarioResult } from '../../src/studio/workspace/scenario-store.js';
import { openWorkspace } from '../../src/studio/workspace/open-workspace.js';
import { closeWorkspace, type Workspace } from '../../src/studio/workspace/workspace.js';

/** Scratch folders and fresh workspaces (created from the project's rules/ and tariffs/), closed after the file's tests. */
export const SEED = { rulesDir: DEFAULT_RULES, tariffsDir: DEFAULT_TARIFFS };
export const TODAY = '2025-03-10';

export const scratch = (prefix = 'studio-'): string => mkdtempSync(join(tmpdir(), `tariff-${prefix}`));

const open: Workspace[] = [];
afterAll(() => open.forEach(closeWorkspace));

export function freshWorkspace(file = join(scratch('ws-'), 'workspace.sqlite')): Workspace {
  const { ws } = openWorkspace(file, { seed: SEED, actor: 'tester' });
  open.push(ws);
  return ws;
}

/**
 * A fresh workspace and the studio's calls on it: `dispatch` answers a call's envelope, `ok` its
 * value (a refusal fails the test, naming the call and the error's code), `fails` the error of a
 * call that must be refused (one that succeeds fails the test).
 */
export function freshStudio(ws = freshWorkspace()) {
  const dispatch = createDispatcher(studioHandlers({ ws, createdNow: true, today: () => TODAY }));
  const ok = async <T>(name: string, args: unknown): Promise<T> => {
    const r = await dispatch(name, args);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  const fails = async (name: string, args: unknown): Promise<ApiError> => {
    const r = await dispatch(name, args);
    if (r.ok) throw new Error(`${name} succeeded; a refusal was expected`);
    return r.error;
  };
  return { ws, dispatch, ok, fails };
}

/**
 * A team server over `ws` on a free loopback port, the studio's calls dispatched as `tariff studio
 * --serve` dispatches them; `options` add to that (a login policy, origins, a log, trusted proxies).
 */
export function teamServerOn(ws: Workspace, options: Partial<Omit<TeamServerOptions, 'ws' | 'dispatch'>> = {}, createdNow = false): Promise<TeamServer> {
  return startTeamServer({ ws, dispatch: createDispatcher(studioHandlers({ ws, createdNow, today: () => TODAY })), host: '127.0.0.1', port: 0, ...options });
}

/** The password of kim, the pm the sign-in tests sign in as (or fail to). */
export const KIM_PASSWORD = 'a long enough secret';

/** A fresh workspace with one user: kim, a pm, whose password is KIM_PASSWORD. */
export async function workspaceWithKim(): Promise<Workspace> {
  const ws = freshWorkspace();
  await addUser(ws, { name: 'kim', role: 'pm', password: KIM_PASSWORD });
  return ws;
}

/**
 * A fresh workspace with the scenario calls wired as the studio wires them (runs in one worker
 * thread, a finished run saved with its scenario), and `call`, which answers a call's value or
 * throws its error.
 */
export function scenarioStudio() {
  const ws = freshWorkspace();
  const ctx = { ws, createdNow: true, today: () => TODAY };
  const runs = new ScenarioRuns({ workers: 1, onFinished: (run, stored) => saveScenarioResult(ws, run.scenarioId, stored, {}) });
  const dispatch = createDispatcher({ ...studioHandlers(ctx), scenarios: scenarioHandlers(ctx, runs) });
  const call = async <T>(name: string, args: unknown): Promise<T> => {
    const r = await dispatch(name, args);
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.value as T;
  };
  return { ws, dispatch, call };
}

/** Counts that must not move when a bad import or edit is refused. */
export const snapshot = (ws: Workspace) => ({
  versions: ws.db.prepare('SELECT id, status, revision, data FROM tariff_versions ORDER BY id').all(),
  audit: (ws.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
});
