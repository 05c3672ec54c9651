import { runSimulation } from '../src/camera-sim/run-simulation.js';
import { benchFleet } from './bench-fleet.js';

/** Child process of bench/run.ts: the example scenario at 100,000 contracts × 60 months, both sides; prints one JSON line. */
const { rs, workers } = benchFleet();
const started = performance.now();
const r = await runSimulation(rs, { workers });
const seconds = (performance.now() - started) / 1000;
const contractMonths = r.baseline.contractMonths + r.proposal.contractMonths;
process.stdout.write(
  `${JSON.stringify({ contracts: rs.scenario.fleet.size, months: rs.scenario.horizon.months, workers, seconds, contractMonths, horizonContractMonths: rs.scenario.fleet.size * rs.scenario.horizon.months * 2, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
