import { conditionLeaves, isFactRef, type Condition, type RuleFile } from '../../src/engine/rule-types.js';
import { draw } from '../../src/camera-sim/rng.js';

/**
 * The facts a rule file reads, each with candidate values for differential testing of the
 * compiled rules against json-rules-engine: every constant the rules compare it with, its
 * neighbours (c − 1, c + 1, c + 0.5, "c", "c" with junk after it) and values of every other type
 * (null, NaN, strings, arrays, booleans), so the operators' edge semantics are exercised. The
 * property tests draw from it with fast-check; the benchmark with a seeded sampler.
 */
export type FactDomain = { facts: string[]; candidates: Record<string, unknown[]> };

const JUNK: unknown[] = [true, false, null, 0, 1, -1, 12, 24, NaN, Infinity, '', 'x', '7', '7px', [], ['x']];

export function factDomain(file: RuleFile): FactDomain {
  const values = new Map<string, unknown[]>();
  const add = (fact: string, v: unknown): void => {
    const list = values.get(fact) ?? [];
    list.push(v);
    values.set(fact, list);
  };
  for (const r of file.rules)
    for (const c of conditionLeaves(r.conditions as Condition)) {
      if (!values.has(c.fact)) values.set(c.fact, []);
      if (isFactRef(c.value)) {
        if (!values.has(c.value.fact)) values.set(c.value.fact, []);
        continue;
      }
      const consts = Array.isArray(c.value) ? c.value : [c.value];
      for (const v of consts) {
        add(c.fact, v);
        if (typeof v === 'number') for (const n of [v - 1, v + 1, v + 0.5, String(v), `${v}x`]) add(c.fact, n);
      }
      if (Array.isArray(c.value)) add(c.fact, c.value);
    }
  for (const p of Object.values(file.parameters ?? {})) if (typeof p.value === 'number') for (const v of values.values()) v.push(p.value, p.value - 1, p.value + 1);
  const facts = [...values.keys()].sort();
  const candidates: Record<string, unknown[]> = {};
  for (const f of facts) candidates[f] = [...values.get(f)!, ...JUNK];
  return { facts, candidates };
}

/** A seeded sample of fact sets (a fact is left out a tenth of the time, as an undefined fact). */
export function sampleFacts(domain: FactDomain, count: number, seed: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i += 1) {
    const facts: Record<string, unknown> = {};
    domain.facts.forEach((f, j) => {
      const u = draw(seed, i, j, 1);
      if (u < 0.1) return;
      const c = domain.candidates[f]!;
      const v = draw(seed, i, j, 2);
      facts[f] = u < 0.25 ? Math.floor(v * 80) - 5 : c[Math.floor(v * c.length)];
    });
    out.push(facts);
  }
  return out;
}
