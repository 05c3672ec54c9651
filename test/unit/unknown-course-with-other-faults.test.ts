import { describe, expect, it } from 'vitest';
import { decide, decideFast } from '../../src/engine/decide.js';
import { loadRegistry } from '../../src/io/folder-store.js';
import { SEED } from '../studio/helpers.js';

/** An invalid case names every fault at once: a misspelt course beside a wrong date or reading is named too. */
const registry = loadRegistry(SEED.rulesDir, SEED.tariffsDir);
const today = '2025-03-31';
const answers = async (c: object) => [await decide(registry, c as never, { today }), decideFast(registry, c as never, { today })];
const paths = (out: { errors?: { path: string; code?: string }[] }) => (out.errors ?? []).map((e) => `${e.path} ${e.code}`).sort();

describe('an unknown course beside other faults', () => {
  it('a wrong date and a misspelt course: both errors, on both paths', async () => {
    for (const out of await answers({
      asOf: today,
      decision: 'monthlyCharge',
      facts: { course: 'M2035N・4年コース・クラウド７・SN', startDate: '2024-02-30', month: '2024-03' },
    })) {
      expect(out.outcome).toBe('invalid');
      expect(paths(out)).toEqual(['/facts/course UNKNOWN_COURSE', '/facts/startDate FACT_FORMAT']);
      expect(out.errors!.find((e) => e.path === '/facts/course')!.message).toContain('M2035N・2年コース');
    }
  });
  it('a bad interpretation value and a misspelt course: both errors', async () => {
    for (const out of await answers({
      asOf: today,
      decision: 'settlement',
      facts: { course: '長期コースX', startDate: '2024-01-01', endDate: '2024-03-01' },
      interpretations: { monthsUsed: 'weeks' },
    }))
      expect(paths(out)).toEqual(['/facts/course UNKNOWN_COURSE', '/interpretations/monthsUsed UNKNOWN_INTERPRETATION_VALUE']);
  });
  it('both courses of a courseChange are named; a course of the wrong type keeps its one type error', async () => {
    for (const out of await answers({ asOf: today, decision: 'courseChange', facts: { from: '短期コースX', to: '長期コースX', extra: 1 } }))
      expect(paths(out)).toEqual(['/facts/extra FACT_ADDITIONALPROPERTIES', '/facts/from UNKNOWN_COURSE', '/facts/to UNKNOWN_COURSE']);
    for (const out of await answers({ asOf: today, decision: 'settlement', facts: { course: 15000, startDate: '2024-01-01', endDate: 'x' } }))
      expect(paths(out)).toEqual(['/facts/course FACT_TYPE', '/facts/endDate FACT_FORMAT']);
  });
  it('a known course beside a wrong date adds nothing', async () => {
    for (const out of await answers({ asOf: today, decision: 'settlement', facts: { course: '長期コース', startDate: '2024-01-01', endDate: '2024-13-01' } }))
      expect(paths(out)).toEqual(['/facts/endDate FACT_FORMAT']);
  });
});
