import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSimulation } from '../src/camera-sim/run-simulation.js';
import { loadScenario } from '../src/camera-sim/scenario-loader.js';
import { loadRegistry } from '../src/io/folder-store.js';

/** Child process of bench/run.ts: the example scenario at 100,000 contracts × 60 months, both sides; prints one JSON line. */
const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const registry = loadRegistry(join(root, 'rules'), join(root, 'tariffs'));
const rs = loadScenario(join(root, 'scenarios', 'example.json'), registry);
rs.scenario.fleet.size = Number(process.argv[2] ?? 100_000);
rs.scenario.horizon.months = Number(process.argv[3] ?? 60);
const workers = availableParallelism();
const started = performance.now();
const r = await runSimulation(rs, { workers });
const seconds = (performance.now() - started) / 1000;
const contractMonths = r.baseline.contractMonths + r.proposal.contractMonths;
process.stdout.write(
  `${JSON.stringify({ contracts: rs.scenario.fleet.size, months: rs.scenario.horizon.months, workers, seconds, contractMonths, horizonContractMonths: rs.scenario.fleet.size * rs.scenario.horizon.months * 2, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
