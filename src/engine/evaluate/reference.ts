import { Engine } from 'json-rules-engine';
import type { FiredEvent } from '../output-types.js';
import type { RuleFile } from '../rule-types.js';
import { ordered, toFired, type Facts } from './fired.js';

const jreEngines = new WeakMap<RuleFile, Engine>();
const jreEngine = (file: RuleFile): Engine => {
  let engine = jreEngines.get(file);
  if (!engine) {
    engine = new Engine([], { allowUndefinedFacts: true });
    file.rules.forEach((r, i) => {
      engine!.addRule({
        name: String(i),
        priority: r.priority ?? 1,
        conditions: JSON.parse(JSON.stringify(r.conditions)) as never,
        event: { type: r.event.type, params: { index: i } },
      });
    });
    jreEngines.set(file, engine);
  }
  return engine;
};

/** The reference path: json-rules-engine. */
export async function evaluateJre(file: RuleFile, facts: Facts): Promise<FiredEvent[]> {
  const { events } = await jreEngine(file).run({ ...facts });
  const fired = new Set(events.map((e) => (e.params as { index: number }).index));
  return ordered(file.rules)
    .filter((i) => fired.has(i))
    .map((i) => toFired(file.rules[i]!));
}
