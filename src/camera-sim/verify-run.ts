import { decideFast } from '../engine/decide.js';
import { monthIndex } from '../engine/dates.js';
import type { Registry } from '../engine/registry.js';
import type { TariffVersion } from '../engine/tariff-types.js';
import type { ChunkResult } from './chunk-simulator.js';
import { eventLogDecoder, ledgerDecoder, registerOf, type EventLogRow, type LedgerRow } from './ledger-rows.js';
import { runSimulation, type RunOptions } from './run-simulation.js';
import type { ResolvedScenario } from './scenario-loader.js';

/**
 * `tariff simulate --verify`: runs the scenario with its ledger and replays every ledger row and
 * logged event through the engine's own entry (decideFast: validation, prepare, compiled rules,
 * finish; the same answers as `tariff decide`) on the side's rule and tariff versions (edits
 * applied). A row whose amount, or an event whose outcome, differs from the replay is a mismatch.
 * It also checks the settlement's `paid` of every contract started in the horizon against the
 * monthly fees its own ledger rows billed.
 */
export type Mismatch = { side: string; contract: number; month: string; decision: string; facts: string; expected: string; got: string };
export type VerifyReport = { rows: number; events: number; questions: number; settlementsPaidChecked: number; mismatches: Mismatch[]; mismatchCount: number };

const MAX_LISTED = 50;
/** Answers remembered per side (identical questions asked once while remembered). */
const MEMO_LIMIT = 50_000;
/** Events named `${prefix}${outcome}`: the outcome a replay must give. */
const OUTCOME_EVENTS: [string, string][] = [
  ['course-change-', 'courseChange'],
  ['cancellation-', 'cancellationNotice'],
  ['outage-waiver-', 'outageWaiver'],
  ['late-interest-', 'lateInterest'],
  ['settlement-', 'settlement'],
  ['equipment-loss-', 'equipmentLoss'],
  ['equipment-damage-', 'equipmentLoss'],
  ['damages-', 'damages'],
];

type Expected = Map<string, number>;

/** @param replayOn the tariff versions to replay on (default: each side's own; a test of the check itself passes others). */
export async function verifyRun(
  rs: ResolvedScenario,
  registry: Registry,
  opts: Pick<RunOptions, 'workers' | 'onProgress' | 'signal'> & { memoLimit?: number },
  replayOn?: [TariffVersion, TariffVersion],
): Promise<VerifyReport> {
  const decode = ledgerDecoder(rs);
  const decodeLog = eventLogDecoder(rs);
  const answers = [new Map<string, ReturnType<typeof decideFast>>(), new Map<string, ReturnType<typeof decideFast>>()];
  const sideIndex = { baseline: 0, proposal: 1 } as const;
  const report: VerifyReport = { rows: 0, events: 0, questions: 0, settlementsPaidChecked: 0, mismatches: [], mismatchCount: 0 };
  const hStart = monthIndex(rs.scenario.horizon.start);
  const miss = (m: Mismatch): void => {
    report.mismatchCount += 1;
    if (report.mismatches.length < MAX_LISTED) report.mismatches.push(m);
  };
  // A keep-price proposal's existing contracts pay the baseline's prices, as in the simulator (side-sim.ts).
  const proposal = rs.sides[1];
  if (proposal.tariff.existingContracts?.policy === 'keep-price') {
    const idx = registry.index(replayOn?.[1] ?? proposal.tariff);
    const base = registry.index(rs.sides[0].tariff);
    idx.earlier = () => base;
    idx.keepFrom = `${rs.scenario.horizon.start}-01`;
  }
  // Most questions carry a contract's own dates, so the memo would grow with the fleet (2.9 GB at
  // 20,000 contracts × 60 months): it is emptied when full, so a large fleet's check runs in bounded memory.
  const memoLimit = opts.memoLimit ?? MEMO_LIMIT;
  const replay = (k: 0 | 1, decision: string, facts: string): ReturnType<typeof decideFast> => {
    const key = `${decision}\u0000${facts}`;
    let out = answers[k]!.get(key);
    if (!out) {
      if (answers[k]!.size >= memoLimit) answers[k]!.clear();
      const side = rs.sides[k];
      const tariff = replayOn?.[k] ?? side.tariff;
      out = decideFast(registry, { decision, asOf: tariff.effective, facts: JSON.parse(facts) as Record<string, unknown> }, { today: tariff.effective, rules: side.rules, tariff });
      answers[k]!.set(key, out);
      report.questions += 1;
    }
    return out;
  };
  /** The rows a replayed answer produces, as item → yen (what the simulator writes for it). */
  const rowsOf = (decision: string, facts: string, out: ReturnType<typeof decideFast>): Expected => {
    const e: Expected = new Map();
    const add = (item: string, yen: number): void => {
      if (yen !== 0) e.set(item, (e.get(item) ?? 0) + yen);
    };
    if (decision === 'monthlyCharge') {
      for (const l of out.lines as { item: string; amount: number }[]) add(l.item, l.amount);
      add('tax', out.tax as number);
    } else if (decision === 'outageWaiver') {
      // The waiver's credit and, of it, the part refunded because the month was paid (contract-events.ts).
      const refund = (out.refund as number | undefined) ?? 0;
      add('outage-waiver', -((out.amount as number) - refund));
      add('outage-refund', -refund);
    } else if (decision === 'cancellation') {
      add('late-return-charge', out.lateReturnCharge as number);
      add('tax', out.tax as number);
    } else if (decision === 'equipmentLoss') {
      const f = JSON.parse(facts) as { event: string };
      add(f.event === 'loss' ? 'equipment-replacement' : 'equipment-repair', out.amount as number);
    } else if (decision === 'damages') {
      const f = JSON.parse(facts) as { claimedAmount: number };
      add('damages', -(out.outcome === 'not-limited' ? f.claimedAmount : (out.amount as number)));
    } else if (decision === 'lateInterest') add('late-interest', out.amount as number);
    else if (decision === 'settlement') {
      add('settlement', out.amount as number);
      add('tax', out.tax as number);
    }
    return e;
  };
  const show = (m: Expected): string => JSON.stringify(Object.fromEntries([...m].sort()));

  const check = (chunk: ChunkResult): void => {
    // Ledger rows, grouped by the question behind them.
    const groups = new Map<string, { row: LedgerRow; got: Expected }>();
    const feesBilled = new Map<string, number>();
    for (const r of decode(chunk)) {
      report.rows += 1;
      if (r.item === 'monthly-fee') feesBilled.set(`${r.side}\u0000${r.contract}`, (feesBilled.get(`${r.side}\u0000${r.contract}`) ?? 0) + r.amount);
      if (!r.decision) {
        miss({ side: r.side, contract: r.contract, month: r.month, decision: '', facts: '', expected: 'a decision behind every amount', got: `${r.item} ${r.amount}` });
        continue;
      }
      const key = `${r.side}\u0000${r.contract}\u0000${r.month}\u0000${r.decision}\u0000${r.facts}`;
      let g = groups.get(key);
      if (!g) {
        g = { row: r, got: new Map() };
        groups.set(key, g);
      }
      if (r.amount !== 0) g.got.set(r.item, (g.got.get(r.item) ?? 0) + r.amount);
    }
    for (const { row, got } of groups.values()) {
      const k = sideIndex[row.side];
      const out = replay(k, row.decision, row.facts);
      const expected = out.outcome === 'invalid' ? new Map([['invalid', 1]]) : rowsOf(row.decision, row.facts, out);
      if (show(expected) !== show(got))
        miss({ side: row.side, contract: row.contract, month: row.month, decision: row.decision, facts: row.facts, expected: show(expected), got: show(got) });
    }
    // Logged events: the outcome in the event's name is the replay's.
    const settlements = new Map<string, EventLogRow[]>();
    for (const e of decodeLog(chunk)) {
      report.events += 1;
      if (e.decision === 'settlement') settlements.set(`${e.side}\u0000${e.contract}`, [...(settlements.get(`${e.side}\u0000${e.contract}`) ?? []), e]);
      if (!e.decision) continue;
      const out = replay(sideIndex[e.side], e.decision, e.facts);
      const named = OUTCOME_EVENTS.find(([prefix, d]) => d === e.decision && e.event.startsWith(prefix));
      const ok = named ? e.event === `${named[0]}${out.outcome}` : out.outcome !== 'invalid';
      if (!ok) miss({ side: e.side, contract: e.contract, month: e.month, decision: e.decision, facts: e.facts, expected: `outcome ${out.outcome}`, got: e.event });
    }
    // The settlement's paid: what the contract's own ledger billed, for contracts started in the horizon.
    for (const reg of registerOf(chunk)) {
      if (monthIndex(reg.startDate) < hStart || !reg.endDate) continue;
      const billed = feesBilled.get(`${reg.side}\u0000${reg.contract}`) ?? 0;
      for (const e of settlements.get(`${reg.side}\u0000${reg.contract}`) ?? []) {
        report.settlementsPaidChecked += 1;
        const paid = (JSON.parse(e.facts) as { paid?: number }).paid;
        if (paid !== billed)
          miss({
            side: e.side,
            contract: e.contract,
            month: e.month,
            decision: 'settlement',
            facts: e.facts,
            expected: `paid ${billed} (the monthly fees of its ledger rows)`,
            got: `paid ${paid}`,
          });
      }
    }
  };
  const { memoLimit: _, ...runOpts } = opts;
  await runSimulation(rs, { ...runOpts, ledger: true, onLedger: check });
  return report;
}
