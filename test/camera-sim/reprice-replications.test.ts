import { describe, expect, it } from 'vitest';
import type { PriceTracePart } from '../../src/camera-sim/price-trace.js';
import { runReplications } from '../../src/camera-sim/replications.js';
import { NotRepriceable, priceCache, repriceReplications, type PriceCache } from '../../src/camera-sim/reprice.js';
import { resolveScenario } from '../../src/camera-sim/scenario-loader.js';
import type { Scenario } from '../../src/camera-sim/scenario-types.js';
import { projectRegistry, smallScenario } from './support.js';

/**
 * Re-pricing a run of several replications (docs/scenarios.md § Instant re-pricing): every
 * replication's cache, kept through runReplications' traceOf and onReplicationResult, re-priced
 * on its own seed; the bands made by bandsOf equal a full run's of the edited scenario, figure for
 * figure; a cache of another number of replications is refused.
 */
const registry = projectRegistry();
const resolve = (s: Scenario) => resolveScenario(s, 'r.json', registry);

const keepAll = async (s: Scenario): Promise<PriceCache[]> => {
  const parts: PriceTracePart[][] = [];
  const caches: PriceCache[] = [];
  await runReplications(resolve(s), s.replications ?? 1, {
    workers: 0,
    traceOf: (r) => (p) => (parts[r] ??= []).push(p),
    onReplicationResult: (r, rs, result) => caches.push(priceCache(rs, result, parts[r] ?? [])),
  });
  return caches;
};

describe('re-pricing replications', () => {
  it('gives the result and the bands of a full run of the edited scenario', async () => {
    const base: Scenario = { ...smallScenario(120, 12), replications: 3 };
    const caches = await keepAll(base);
    expect(caches.map((c) => c.rs.scenario.seed)).toHaveLength(3);
    expect(new Set(caches.map((c) => c.rs.scenario.seed)).size).toBe(3);
    const next: Scenario = {
      ...structuredClone(base),
      proposal: { ...base.proposal, edits: [...(base.proposal.edits ?? []), { edit: 'course-fee', match: { series: 'M2035' }, change: -700 }] },
    };
    const fast = repriceReplications(caches, resolve(next));
    const full = await runReplications(resolve(next), 3, { workers: 0 });
    expect(fast.bands).toBeDefined();
    const { values: _fv, ...fastBands } = fast.bands!;
    const { values: _v, ...fullBands } = full.bands!;
    expect(fastBands).toEqual(fullBands);
    expect(fast.bands!.values).toEqual(full.bands!.values);
    expect(JSON.stringify(fast.result.proposal.amounts)).toBe(JSON.stringify(full.result.proposal.amounts));
    // Another number of replications than the run kept: refused, so the caller runs in full.
    expect(() => repriceReplications(caches, resolve({ ...next, replications: 4 }))).toThrow(NotRepriceable);
    expect(() => repriceReplications(caches.slice(0, 1), resolve(next))).toThrow(NotRepriceable);
  });
});
