import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, type ResolvedScenario } from '../src/camera-sim/scenario-loader.js';
import type { Registry } from '../src/engine/registry.js';
import { loadRegistry } from '../src/io/folder-store.js';

/**
 * The fleet the probes of bench/run.ts share: scenarios/example.json with the contracts and months
 * of argv (default 100,000 × 60), the shipped rules and tariffs, and all cores.
 */
export type BenchFleet = { root: string; registry: Registry; rs: ResolvedScenario; workers: number };

export function benchFleet(argv: readonly string[] = process.argv.slice(2)): BenchFleet {
  const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
  const registry = loadRegistry(join(root, 'rules'), join(root, 'tariffs'));
  const rs = loadScenario(join(root, 'scenarios', 'example.json'), registry);
  rs.scenario.fleet.size = Number(argv[0] ?? 100_000);
  rs.scenario.horizon.months = Number(argv[1] ?? 60);
  return { root, registry, rs, workers: availableParallelism() };
}
