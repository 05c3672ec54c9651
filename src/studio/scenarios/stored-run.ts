import type { SimulationResult } from '../../camera-sim/result.js';
import type { Bands } from '../../camera-sim/replications.js';
import type { Scenario } from '../../camera-sim/scenario-types.js';
import type { Sensitivity } from '../../camera-sim/sensitivity.js';
import type { SideEditLines } from '../api/contract.js';

/** A run's bands without every replication's values (a re-priced preview's, which is never exported). */
export const storedBands = (bands: Bands): Omit<Bands, 'values'> => ({ replications: bands.replications, seeds: bands.seeds, summary: bands.summary, byMonth: bands.byMonth });

/** What a scenario keeps of its last run (scenarios.last_result): enough to show, compare and export it again. */
export type StoredRun = {
  scenario: Scenario;
  result: SimulationResult;
  assumptions: [string, string | number | boolean][];
  finishedAt: string;
  elapsedMs: number;
  workers: number;
  /** The form revision that was run: a later save makes the result stale. */
  formRevision: number;
  /**
   * With replications > 1: the bands, with every replication's values for the workbook's Bands and
   * Replications sheets (a run kept before they were stored has none: its workbook lacks those sheets).
   */
  bands?: Omit<Bands, 'values'> & { values?: Bands['values'] };
  /** With a `sensitivity` section: the tornado. */
  sensitivity?: Sensitivity;
  /** The sides' edits as lines (edit-lines.ts), worked out on the versions the run read; absent in runs kept before lines were. */
  editLines?: SideEditLines;
};
