import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRegistry } from '../../src/io/folder-store.js';
import type { Registry } from '../../src/engine/registry.js';
import type { Scenario } from '../../src/camera-sim/scenario-types.js';
import { readFileSync } from 'node:fs';

/** Shared by the simulator tests: the project's registry and scenario builders. */
export const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
let registry: Registry | undefined;
export const projectRegistry = (): Registry => (registry ??= loadRegistry(join(ROOT, 'rules'), join(ROOT, 'tariffs')));
export const exampleScenario = (): Scenario => JSON.parse(readFileSync(join(ROOT, 'scenarios', 'example.json'), 'utf8')) as Scenario;

/** The example scenario, smaller. */
export const smallScenario = (size = 300, months = 24): Scenario => {
  const s = exampleScenario();
  s.fleet.size = size;
  s.horizon.months = months;
  return s;
};
