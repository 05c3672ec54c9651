import type { Workspace } from '../workspace/workspace.js';

/** What every handler works on: the open workspace, whether this run created it, and the clock. */
export type StudioContext = { ws: Workspace; createdNow: boolean; today: () => string };
