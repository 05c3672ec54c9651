import type { Workspace } from '../workspace/workspace.js';

/**
 * What every handler works on: the open workspace, whether this run created it, and the clock.
 * `caseRoots` (the team server) confines case folders to these directories (case-roots.ts).
 */
export type StudioContext = { ws: Workspace; createdNow: boolean; today: () => string; caseRoots?: readonly string[] };
