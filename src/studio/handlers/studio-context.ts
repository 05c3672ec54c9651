import type { StudioRunLimit } from '../scenarios/run-limit.js';
import type { Workspace } from '../workspace/workspace.js';

/**
 * What every handler works on: the open workspace, whether this run created it, and the clock.
 * `caseRoots` (the team server) confines case folders to these directories (case-roots.ts).
 * `runLimit`: the largest simulator run started (scenarios/run-limit.ts); default the CLI's limit,
 * which a run may raise for itself (the desktop app and the browser mode).
 * `onRunFinished` (the team server) hears a scenario run that finished and was saved, with who started
 * it: the run's call answered when it started, so the others' pages learn of its result from this.
 */
export type StudioContext = {
  ws: Workspace;
  createdNow: boolean;
  today: () => string;
  caseRoots?: readonly string[];
  runLimit?: StudioRunLimit;
  onRunFinished?: (scenarioId: number, by: string) => void;
};
