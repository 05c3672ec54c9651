import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { DEFAULT_RULES, DEFAULT_TARIFFS } from '../../src/cli/options.js';
import { createDispatcher } from '../../src/studio/api/dispatcher.js';
import { studioHandlers } from '../../src/studio/handlers/studio-handlers.js';
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

export function freshStudio(ws = freshWorkspace()) {
  return { ws, dispatch: createDispatcher(studioHandlers({ ws, createdNow: true, today: () => TODAY })) };
}

/** Counts that must not move when a bad import or edit is refused. */
export const snapshot = (ws: Workspace) => ({
  versions: ws.db.prepare('SELECT id, status, revision, data FROM tariff_versions ORDER BY id').all(),
  audit: (ws.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
});
