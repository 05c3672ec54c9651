import { describe, expect, it } from 'vitest';
import { registerOf } from '../../src/camera-sim/ledger-rows.js';
import { runSimulation } from '../../src/camera-sim/run-simulation.js';
import { resolveScenario } from '../../src/camera-sim/scenario-loader.js';
import type { Scenario } from '../../src/camera-sim/scenario-types.js';
import { buildViews } from '../../src/camera-sim/views.js';
import { projectRegistry, smallScenario } from './support.js';

const registry = projectRegistry();
const run = async (s: Scenario) => runSimulation(resolveScenario(s, 'r.json', registry), { workers: 0 });
const count = (r: Awaited<ReturnType<typeof run>>, key: string, side: 'baseline' | 'proposal') => buildViews(r).summary.find((x) => x.key === key)![side];

/** A price rise of 20 % on every M2035 course. */
const rise = (): Scenario => {
  const s = smallScenario(600, 24);
  s.proposal = { edits: [{ edit: 'course-fee', match: { series: 'M2035' }, change: 600 }] };
  return s;
};

describe('price response', () => {
  it('absent, empty or zero: the answers are today’s, bit for bit', async () => {
    const plain = JSON.stringify(await run(rise()));
    for (const response of [{}, { cancellation: { elasticity: 0 }, choice: { elasticity: 0 } }, { cancellation: { bySeries: { M2035: 0 } } }]) {
      const s = rise();
      s.response = response;
      expect(JSON.stringify(await run(s))).toBe(plain);
    }
  });

  it('a price rise with a positive cancellation elasticity raises cancellations monotonically; the baseline does not move', async () => {
    let last = -1;
    let baseline: number | undefined;
    for (const elasticity of [0, 1, 3, 6]) {
      const s = rise();
      s.response = { cancellation: { bySeries: { M2035: elasticity } } };
      const r = await run(s);
      const p = count(r, 'cancellations', 'proposal');
      baseline ??= count(r, 'cancellations', 'baseline');
      expect(count(r, 'cancellations', 'baseline')).toBe(baseline);
      expect(p).toBeGreaterThanOrEqual(last);
      last = p;
    }
    expect(last).toBeGreaterThan(baseline!);
  });

  it('coupled: every contract that cancels under a lower elasticity cancels under a higher one, no later', async () => {
    const cancelled = async (e: number) => {
      const s = rise();
      s.fleet.size = 300;
      s.response = { cancellation: { elasticity: e } };
      const out = new Map<number, string>();
      await runSimulation(resolveScenario(s, 'r.json', registry), {
        workers: 0,
        ledger: true,
        onLedger: (c) => {
          for (const r of registerOf(c)) if (r.side === 'proposal' && r.endedBy === 'cancellation') out.set(r.contract, r.endDate!);
        },
      });
      return out;
    };
    const [low, high] = [await cancelled(0.5), await cancelled(4)];
    expect(high.size).toBeGreaterThan(low.size);
    for (const [contract, end] of low) {
      expect(high.has(contract), `contract ${contract}`).toBe(true);
      expect(high.get(contract)!.slice(0, 7) <= end.slice(0, 7), `contract ${contract}`).toBe(true);
    }
  });

  it('a negative choice elasticity moves new contracts away from the dearer courses', async () => {
    const s = rise();
    s.fleet.startDates = { from: '2025-04-01', to: '2026-03-31' };
    s.response = { choice: { elasticity: -4 } };
    const r = await run(s);
    const months = (side: 'baseline' | 'proposal') => r[side].events.filter((e) => e.event === 'contract-month' && e.course.startsWith('M2035')).reduce((a, e) => a + e.count, 0);
    expect(months('proposal')).toBeLessThan(months('baseline'));
    expect(count(r, 'contracts', 'proposal')).toBe(count(r, 'contracts', 'baseline'));
  });
});
