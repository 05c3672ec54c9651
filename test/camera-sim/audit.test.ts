import { describe, expect, it } from 'vitest';
import type { ChunkResult } from '../../src/camera-sim/chunk-simulator.js';
import type { RegisterRow } from '../../src/camera-sim/contract-register.js';
import { eventLogDecoder, ledgerDecoder, registerOf, type EventLogRow, type LedgerRow } from '../../src/camera-sim/ledger-rows.js';
import { runSimulation } from '../../src/camera-sim/run-simulation.js';
import { resolveScenario } from '../../src/camera-sim/scenario-loader.js';
import type { Scenario } from '../../src/camera-sim/scenario-types.js';
import { verifyRun } from '../../src/camera-sim/verify-run.js';
import { decideFast } from '../../src/engine/decide.js';
import { projectRegistry, smallScenario } from './support.js';

const registry = projectRegistry();
const LONG = 'どこでも“me”REC長期コース';
const LONG_MOUNT = 'どこでも“me”REC長期コース 雲台セット';

/** Contracts on 長期 that move to 長期 雲台セット and cancel early: the audit's case. */
const changing = (start: { from: string; to: string }, proposalChange = 0): Scenario => ({
  name: 'course changes then cancellations',
  seed: 11,
  horizon: { start: '2025-01', months: 24 },
  fleet: { size: 200, courseMix: [{ course: LONG, share: 1 }], startDates: start },
  courseChanges: { monthlyProbability: 0.3, requests: [{ from: [LONG], to: LONG_MOUNT, share: 1 }] },
  cancellation: { monthlyHazard: 0.08, noticeDays: { min: 1, max: 20 } },
  baseline: {},
  proposal: { edits: proposalChange ? [{ edit: 'course-fee', match: { courses: [LONG, LONG_MOUNT] }, change: proposalChange }] : [] },
});

const audit = async (s: Scenario) => {
  const rs = resolveScenario(s, 'audit.json', registry);
  const ledger: LedgerRow[] = [];
  const log: EventLogRow[] = [];
  const register: RegisterRow[] = [];
  const [decode, decodeLog] = [ledgerDecoder(rs), eventLogDecoder(rs)];
  const result = await runSimulation(rs, {
    workers: 0,
    ledger: true,
    chunkSize: 37,
    onLedger: (c: ChunkResult) => {
      ledger.push(...decode(c));
      log.push(...decodeLog(c));
      register.push(...registerOf(c));
    },
  });
  return { rs, result, ledger, log, register };
};

const settle = (facts: Record<string, unknown>) => decideFast(registry, { decision: 'settlement', asOf: '2025-01-01', facts }, { today: '2025-01-01' });

describe('settlement after a course change (the audit error)', () => {
  it('takes paid as what was billed month by month, not the final course fee × months', async () => {
    const { ledger, register } = await audit(changing({ from: '2025-01-01', to: '2025-06-30' }));
    const changed = register.filter((r) => r.side === 'baseline' && r.courses.length > 1 && r.endedBy === 'cancellation');
    expect(changed.length).toBeGreaterThan(5);
    let lower = 0;
    for (const r of changed) {
      const rows = ledger.filter((l) => l.side === 'baseline' && l.contract === r.contract);
      const billed = rows.filter((l) => l.item === 'monthly-fee').reduce((a, l) => a + l.amount, 0);
      const facts = { course: r.courses.at(-1)!.course, startDate: r.startDate, endDate: r.endDate!, freeMonths: r.freeMonths };
      const right = settle({ ...facts, paid: billed });
      const old = settle(facts);
      const simulated = rows.filter((l) => l.item === 'settlement').reduce((a, l) => a + l.amount, 0);
      expect(simulated, `contract ${r.contract}`).toBe(right.amount);
      if ((right.amount as number) > (old.amount as number)) lower += 1;
    }
    // The final course's fee × months overstates paid (雲台セット costs more), so the old answer was lower.
    expect(lower).toBeGreaterThan(0);
  });

  it('in a proposal, months before the horizon count at the fee billed then (the baseline’s)', async () => {
    const s = changing({ from: '2024-03-01', to: '2024-03-01' }, -500);
    delete s.courseChanges;
    const { log, register, ledger } = await audit(s);
    const c = registry.tariffVersions[0]!.courses.find((x) => x.name === LONG)!;
    const ended = register.filter((r) => r.side === 'proposal' && r.endedBy === 'cancellation');
    expect(ended.length).toBeGreaterThan(10);
    for (const r of ended) {
      const e = log.find((x) => x.side === 'proposal' && x.contract === r.contract && x.decision === 'settlement')!;
      const paid = (JSON.parse(e.facts) as { paid: number }).paid;
      const inHorizon = ledger.filter((l) => l.side === 'proposal' && l.contract === r.contract && l.item === 'monthly-fee').reduce((a, l) => a + l.amount, 0);
      // 2024-03 … 2024-12: ten whole months at the baseline's fee, then what the proposal billed.
      expect(paid, `contract ${r.contract}`).toBe(c.monthlyFee * 10 + inHorizon);
    }
  });

  it('the register holds course history, options with their month, the end and why', async () => {
    const s = changing({ from: '2025-01-01', to: '2025-06-30' });
    s.fleet.courseMix.push({ course: 'M2035N-3Y-C7-SN', share: 1 });
    s.fleet.optionUptake = [{ option: 'poe-injector', probability: 0.5 }];
    const { register } = await audit(s);
    expect(register.length).toBe(400);
    const r = register.find((x) => x.courses.length > 1)!;
    expect(r.courses[1]!.from).toMatch(/^\d{4}-\d{2}-01$/);
    const o = register.find((x) => x.options.length > 0)!;
    expect(o.options[0]).toEqual({ option: 'poe-injector', month: o.startDate.slice(0, 7) });
    expect(register.some((x) => x.endedBy === 'cancellation' && x.endDate)).toBe(true);
  });
});

describe('tariff simulate --verify', () => {
  it('replays every ledger row and event of a run through the engine without a mismatch', async () => {
    const s = smallScenario(150, 18);
    s.courseChanges = {
      monthlyProbability: 0.05,
      requests: [
        { from: [LONG], to: LONG_MOUNT, share: 1 },
        { to: 'M2035N-3Y-C14-SN', share: 1 },
      ],
    };
    const rs = resolveScenario(s, 'v.json', registry);
    const r = await verifyRun(rs, registry, { workers: 0 });
    expect(r.rows).toBeGreaterThan(1000);
    expect(r.events).toBeGreaterThan(100);
    expect(r.mismatches).toEqual([]);
  });

  it('replays the rows of returns, equipment, damages and refunds too (each row carries the question behind it)', async () => {
    const s = smallScenario(150, 18);
    s.outages = {
      monthlyRate: 0.2,
      durationHours: [{ min: 1, max: 60, share: 1 }],
      causes: { other: 2, contractor: 1, 'company-gross-negligence': 1 },
      cameraUsable: 0.3,
      cloudUsable: 0.3,
    };
    s.returns = { lateProbability: 0.6, announcedShare: 0.5, daysLate: [{ min: 1, max: 40, share: 1 }] };
    s.equipment = {
      lossMonthlyRate: 0.02,
      damageMonthlyRate: 0.03,
      replacementCost: { min: 30_000, max: 60_000 },
      repairCost: { min: 5_000, max: 20_000 },
      contractorAtFault: 0.5,
      remedyExcessive: 0.2,
    };
    s.damages = { claimProbability: 0.5, companyShare: 0.5, lossKinds: { direct: 2, 'lost-profit': 1 }, claimedAmount: { min: 1_000, max: 50_000 } };
    s.refunds = { paidShare: 0.5 };
    const rs = resolveScenario(s, 'v.json', registry);
    const r = await verifyRun(rs, registry, { workers: 0 });
    const items = new Set<string>();
    await runSimulation(rs, {
      workers: 0,
      ledger: true,
      onLedger: (c: ChunkResult) => {
        for (const row of ledgerDecoder(rs)(c)) items.add(row.item);
      },
    });
    for (const item of ['late-return-charge', 'equipment-replacement', 'equipment-repair', 'damages', 'outage-refund']) expect(items).toContain(item);
    expect(r.mismatches).toEqual([]);
  });

  it('keeps at most memoLimit answers (memory bounded on a large fleet): the same report, questions forgotten are asked again', async () => {
    const rs = resolveScenario(smallScenario(60, 12), 'v.json', registry);
    const all = await verifyRun(rs, registry, { workers: 0 });
    const bounded = await verifyRun(rs, registry, { workers: 0, memoLimit: 10 });
    expect(bounded.mismatches).toEqual([]);
    expect({ ...bounded, questions: 0 }).toEqual({ ...all, questions: 0 });
    expect(bounded.questions).toBeGreaterThan(all.questions);
  });

  it('finds a row that does not replay', async () => {
    const rs = resolveScenario(smallScenario(20, 6), 'v.json', registry);
    // The proposal's answers replayed on a tariff whose fees were raised: every monthly fee row differs.
    const bumped = structuredClone(rs.sides[1].tariff);
    for (const c of bumped.courses) c.monthlyFee += 1;
    const r = await verifyRun({ ...rs, sides: [rs.sides[0], rs.sides[1]] }, registry, { workers: 0 }, [rs.sides[0].tariff, bumped]);
    expect(r.mismatchCount).toBeGreaterThan(0);
    expect(r.mismatches.every((m) => m.side === 'proposal')).toBe(true);
  });
});
