import { describe, expect, it } from 'vitest';
import { NotRepriceable, reprice, repriceable, runCached } from '../../src/camera-sim/reprice.js';
import { runSimulation } from '../../src/camera-sim/run-simulation.js';
import { resolveScenario } from '../../src/camera-sim/scenario-loader.js';
import type { Edit, Scenario } from '../../src/camera-sim/scenario-types.js';
import { projectRegistry, smallScenario } from './support.js';

const registry = projectRegistry();
const resolve = (s: Scenario) => resolveScenario(s, 'p.json', registry);

/** A small deterministic generator for the random edits (the test's own, not the simulator's). */
const lcg = (seed: number) => () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;

describe('instant re-pricing', () => {
  it('equals a full run to the yen on many random price edits', async () => {
    const base = smallScenario(250, 24);
    base.courseChanges = {
      monthlyProbability: 0.03,
      requests: [
        { to: 'M2035N-3Y-C14-SN', share: 1 },
        { from: ['どこでも“me”REC長期コース'], to: 'どこでも“me”REC長期コース 雲台セット', share: 1 },
      ],
    };
    const cache = await runCached(resolve(base), { workers: 0 });
    expect(JSON.stringify(cache.result)).toBe(JSON.stringify(await runSimulation(resolve(base), { workers: 0 })));
    const rnd = lcg(99);
    const courses = registry.tariffVersions[0]!.courses;
    const options = registry.tariffVersions[0]!.options;
    const groups = registry.tariffVersions[0]!.initialFeeGroups;
    let compared = 0;
    for (let trial = 0; trial < 12; trial += 1) {
      const edits: Edit[] = [];
      for (let k = 0; k < 1 + Math.floor(rnd() * 4); k += 1) {
        const pick = rnd();
        if (pick < 0.5) {
          const c = courses[Math.floor(rnd() * courses.length)]!;
          edits.push({ edit: 'course-fee', match: { courses: [c.code] }, change: Math.round((rnd() - 0.6) * Math.min(2000, c.monthlyFee - 1)) });
        } else if (pick < 0.8) {
          const o = options[Math.floor(rnd() * options.length)]!;
          if (o.price.kind === 'flat')
            edits.push({ edit: 'option-price', option: o.code, price: { kind: 'flat', amount: Math.max(1, Math.round(o.price.amount * (0.5 + rnd()))) } });
        } else {
          const g = groups[Math.floor(rnd() * groups.length)]!;
          edits.push({ edit: 'initial-fee', group: g.group, amount: Math.round(rnd() * 20000) });
        }
      }
      const next = structuredClone(base);
      // The example's rule edit stays; only prices change.
      next.proposal = { ...base.proposal, edits: [...(base.proposal.edits ?? []).filter((e) => e.edit === 'rule-parameter' || e.edit === 'interpretation'), ...edits] };
      expect(repriceable(base, next)).toBe(true);
      const rs = resolve(next);
      let fast;
      try {
        fast = reprice(cache, rs);
      } catch (e) {
        // A bill crossing 0 is refused, never answered wrongly.
        expect(e).toBeInstanceOf(NotRepriceable);
        continue;
      }
      const full = await runSimulation(rs, { workers: 0 });
      expect(JSON.stringify(fast), `trial ${trial}: ${JSON.stringify(edits)}`).toBe(JSON.stringify(full));
      compared += 1;
    }
    expect(compared).toBeGreaterThanOrEqual(8);
  });

  it('equals a full run where the grouping keeps answers: other courses, outages answered none, settlements whose billed fees moved', async () => {
    const base = smallScenario(400, 24);
    base.courseChanges = { monthlyProbability: 0.05, requests: [{ from: ['LONG'], to: 'LONG-MOUNT', share: 1 }] };
    base.cancellation = { ...base.cancellation!, monthlyHazard: 0.05 };
    base.outages = { ...base.outages!, monthlyRate: 0.2 };
    const cache = await runCached(resolve(base), { workers: 0 });
    const ix = cache.index;
    // The paths this test holds: an edited course with outages answered none, and settlements of an
    // unedited course (LONG-MOUNT) that counted fees of the edited one (LONG).
    expect(ix.byCourse.get('LONG')!.outagesNone.length).toBeGreaterThan(0);
    expect(ix.byCourse.get('LONG')!.outagesWaived.length).toBeGreaterThan(0);
    const mixed = ix.byCourse.get('LONG-MOUNT')!.settlements.filter((s) => s.classes.some((g, k) => k % 2 === 0 && ix.classes[g]!.course === 'LONG'));
    expect(mixed.length).toBeGreaterThan(0);
    const editSets: Edit[][] = [
      [{ edit: 'course-fee', match: { courses: ['LONG'] }, change: -700 }],
      [{ edit: 'course-fee', match: { courses: ['LONG-MOUNT'] }, change: 300 }],
      [{ edit: 'option-price', option: 'image-api-100k', price: { kind: 'flat', amount: 777 } }],
      [{ edit: 'course-fee', match: { courses: ['M2035N-3Y-C7-SN'] }, change: -200 }],
      // A 3-year contract ended early settles at the fee of the longest term it satisfied (the 1-year course).
      [{ edit: 'course-fee', match: { courses: ['M2035N-1Y-C7-SN'] }, change: 400 }],
    ];
    for (const edits of editSets) {
      const next = structuredClone(base);
      next.proposal = { ...base.proposal, edits: [...(base.proposal.edits ?? []).filter((e) => e.edit === 'rule-parameter'), ...edits] };
      const rs = resolve(next);
      const fast = reprice(cache, rs);
      const full = await runSimulation(rs, { workers: 0 });
      expect(JSON.stringify(fast), JSON.stringify(edits)).toBe(JSON.stringify(full));
    }
  });

  it('equals a full run under keep-price, where settlements alike are asked once per tariff whose fees they pay', async () => {
    const base = smallScenario(400, 24);
    base.cancellation = { ...base.cancellation!, monthlyHazard: 0.06 };
    // Contracts started before the proposal (they keep the old fees) and after it (they pay the new).
    base.proposal = { edits: [...(base.proposal.edits ?? []), { edit: 'existing-contracts', policy: 'keep-price', clause: '附則第2項（案）' }] };
    const cache = await runCached(resolve(base), { workers: 0 });
    const m2035 = [...cache.index.byCourse].filter(([c]) => c.startsWith('M2035N-3Y')).flatMap(([, x]) => x.settlements);
    expect(m2035.some((s) => (s.facts.startDate as string) < base.horizon.start)).toBe(true);
    expect(m2035.some((s) => (s.facts.startDate as string) >= base.horizon.start)).toBe(true);
    for (const change of [-300, 250]) {
      const next = structuredClone(base);
      next.proposal = { edits: [...base.proposal.edits!.filter((e) => e.edit !== 'course-fee'), { edit: 'course-fee', match: { series: 'M2035', termMonths: 36 }, change }] };
      const rs = resolve(next);
      const full = await runSimulation(rs, { workers: 0 });
      expect(JSON.stringify(reprice(cache, rs)), String(change)).toBe(JSON.stringify(full));
    }
  });

  it('under keep-price, asks a settlement group once per tariff whose fees its contracts pay: a basis course repriced for new contracts only', async () => {
    // No fee edit in the cached run: contracts either side of the effective date pay the same 3-year
    // fee, so their settlements can share free months, months of use and paid. Repricing the 1-year
    // course (the basis of a 3-year contract settled after 12 months or more, 別紙3表2) moves the
    // gross of new contracts only: a group keyed without the tariff would answer both alike.
    const base = smallScenario(600, 24);
    base.cancellation = { ...base.cancellation!, monthlyHazard: 0.06 };
    base.proposal = { edits: [{ edit: 'existing-contracts', policy: 'keep-price', clause: '附則第2項（案）' }] };
    const cache = await runCached(resolve(base), { workers: 0 });
    const settled = [...cache.index.byCourse].filter(([c]) => c.startsWith('M2035N-3Y')).flatMap(([, x]) => x.settlements);
    const key = (s: (typeof settled)[number]): string => `${String(s.facts.freeMonths)},${s.monthsUsed},${s.paid}`;
    const before = new Set(settled.filter((s) => (s.facts.startDate as string) < base.horizon.start && s.monthsUsed >= 12).map(key));
    const shared = settled.filter((s) => (s.facts.startDate as string) >= base.horizon.start && before.has(key(s)));
    expect(shared.length).toBeGreaterThan(0);
    for (const change of [800, -400]) {
      const next = structuredClone(base);
      next.proposal = { edits: [...base.proposal.edits!, { edit: 'course-fee', match: { courses: ['M2035N-1Y-C7-SN'] }, change }] };
      const rs = resolve(next);
      const full = await runSimulation(rs, { workers: 0 });
      expect(JSON.stringify(reprice(cache, rs)), String(change)).toBe(JSON.stringify(full));
    }
  });

  it('refuses what is not a price-only change', async () => {
    const base = smallScenario(20, 6);
    const cache = await runCached(resolve(base), { workers: 0 });
    const response = structuredClone(base);
    response.response = { cancellation: { elasticity: 1 } };
    expect(repriceable(base, response)).toBe(false);
    expect(() => reprice(cache, resolve(response))).toThrow(NotRepriceable);
    const hazard = structuredClone(base);
    hazard.cancellation!.monthlyHazard = 0.05;
    expect(repriceable(base, hazard)).toBe(false);
    const rule = structuredClone(base);
    rule.proposal = { edits: [{ edit: 'rule-parameter', decision: 'outageWaiver', parameter: 'minimumConsecutiveHours', value: 12 }] };
    expect(repriceable(base, rule)).toBe(false);
  });

  it('refuses a scenario with a returns, equipment, damages or refunds section, even with the same sections on both', async () => {
    const base = smallScenario(20, 6);
    const sections: Partial<Scenario>[] = [
      { returns: { lateProbability: 0.5, announcedShare: 0.5, daysLate: [{ min: 1, max: 10, share: 1 }] } },
      {
        equipment: {
          lossMonthlyRate: 0.01,
          damageMonthlyRate: 0.01,
          replacementCost: { min: 30_000, max: 60_000 },
          repairCost: { min: 5_000, max: 20_000 },
          contractorAtFault: 0.5,
        },
      },
      { damages: { claimProbability: 0.5, companyShare: 0.5, claimedAmount: { min: 1_000, max: 50_000 } } },
      { refunds: { paidShare: 0.5 } },
    ];
    for (const extra of sections) {
      const cached = { ...structuredClone(base), ...extra };
      const next = structuredClone(cached);
      next.proposal = { edits: [{ edit: 'course-fee', match: { courses: ['LONG'] }, change: -100 }] };
      expect(repriceable(cached, next)).toBe(false);
      const cache = await runCached(resolve(cached), { workers: 0 });
      expect(() => reprice(cache, resolve(next))).toThrow(NotRepriceable);
    }
  });
});
