import { describe, expect, it } from 'vitest';
import { band, percentile, replicationSeed, runReplications } from '../../src/camera-sim/replications.js';
import { runSimulation } from '../../src/camera-sim/run-simulation.js';
import { resolveScenario } from '../../src/camera-sim/scenario-loader.js';
import { projectRegistry, smallScenario } from './support.js';

const registry = projectRegistry();

describe('replications', () => {
  it('percentiles interpolate like PERCENTILE.INC', () => {
    expect(percentile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(percentile([10, 20], 0.05)).toBeCloseTo(10.5);
    expect(band([4, 1, 3, 2]).mean).toBe(2.5);
    expect(replicationSeed(7, 0)).toBe(7);
    expect(new Set([1, 2, 3, 4].map((r) => replicationSeed(7, r))).size).toBe(4);
  });

  it('are reproducible and the same for any number of workers; replication 0 is the plain run', async () => {
    const s = smallScenario(120, 12);
    s.replications = 3;
    const rs = resolveScenario(s, 'r.json', registry);
    const a = await runReplications(rs, 3, { workers: 0, chunkSize: 17 });
    const b = await runReplications(rs, 3, { workers: 2, chunkSize: 50 });
    expect(JSON.stringify(b.bands)).toBe(JSON.stringify(a.bands));
    expect(JSON.stringify(a.result)).toBe(JSON.stringify(await runSimulation(rs, { workers: 0 })));
    const again = await runReplications(rs, 3, { workers: 1 });
    expect(again.bands).toEqual(a.bands);
  });

  it('band every summary and by-month figure; the paired difference is tighter than the sides apart', async () => {
    const rs = resolveScenario(smallScenario(200, 12), 'r.json', registry);
    const { bands } = await runReplications(rs, 8, { workers: 0 });
    expect(bands!.replications).toBe(8);
    expect(bands!.seeds[0]).toBe(rs.scenario.seed);
    const net = bands!.summary.find((x) => x.key === 'netExTax')!;
    for (const side of ['baseline', 'proposal', 'difference'] as const) {
      expect(net[side].p5).toBeLessThanOrEqual(net[side].p50);
      expect(net[side].p50).toBeLessThanOrEqual(net[side].p95);
    }
    const width = (b: { p5: number; p95: number }) => b.p95 - b.p5;
    expect(width(net.difference)).toBeLessThan(width(net.baseline));
    expect(width(net.difference)).toBeLessThan(width(net.proposal));
    expect(bands!.byMonth).toHaveLength(12);
    expect(Object.keys(bands!.byMonth[0]!.figures)).toContain('netExTax');
    // The difference's mean is the mean of the paired differences, equal to the difference of the means.
    expect(net.difference.mean).toBeCloseTo(net.proposal.mean - net.baseline.mean, 6);
  });
});
