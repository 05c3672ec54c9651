import { reprice, runCached } from '../src/camera-sim/reprice.js';
import { runSimulation } from '../src/camera-sim/run-simulation.js';
import { resolveScenario } from '../src/camera-sim/scenario-loader.js';
import { benchFleet } from './bench-fleet.js';

/**
 * Child process of bench/run.ts: the example scenario at 100,000 contracts × 60 months, run once
 * keeping its events, then re-priced with another M2035 3-year cut, and that same edited scenario
 * run in full. Prints one JSON line: repriceSeconds, fullRunSeconds (the edited scenario), and
 * repriceVsFullRun = full ÷ re-price.
 */
const { registry, rs, workers } = benchFleet();
const cache = await runCached(rs, { workers });
const next = structuredClone(rs.scenario);
next.proposal = { ...next.proposal, edits: (next.proposal.edits ?? []).map((e) => (e.edit === 'course-fee' ? { ...e, change: (e.change ?? 0) - 200 } : e)) };
const edited = resolveScenario(next, rs.file, registry);
let t = performance.now();
const fast = reprice(cache, edited);
const repriceSeconds = (performance.now() - t) / 1000;
t = performance.now();
const full = await runSimulation(edited, { workers });
const fullRunSeconds = (performance.now() - t) / 1000;
if (JSON.stringify(fast) !== JSON.stringify(full)) throw new Error('re-priced answer differs from the full run');
process.stdout.write(
  `${JSON.stringify({ contracts: rs.scenario.fleet.size, months: rs.scenario.horizon.months, workers, repriceSeconds, fullRunSeconds, repriceVsFullRun: fullRunSeconds / repriceSeconds })}\n`,
);
