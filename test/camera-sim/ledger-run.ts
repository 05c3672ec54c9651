import { expect } from 'vitest';
import type { ChunkResult } from '../../src/camera-sim/chunk-simulator.js';
import { ledgerDecoder, type LedgerRow } from '../../src/camera-sim/ledger-rows.js';
import type { SimulationResult } from '../../src/camera-sim/result.js';
import { runSimulation } from '../../src/camera-sim/run-simulation.js';
import type { ResolvedScenario } from '../../src/camera-sim/scenario-loader.js';

export type LedgerRun = { result: SimulationResult; ledger: LedgerRow[] };

/** A run of the scenario with its ledger, decoded, the fleet simulated `chunkSize` contracts at a time. */
export const runWithLedger = async (rs: ResolvedScenario, workers: number, chunkSize: number): Promise<LedgerRun> => {
  const decode = ledgerDecoder(rs);
  const ledger: LedgerRow[] = [];
  const result = await runSimulation(rs, { workers, ledger: true, chunkSize, onLedger: (c: ChunkResult) => void ledger.push(...decode(c)) });
  return { result, ledger };
};

/** Each side's aggregate rows are its ledger rows summed by month, course, item and clause, row for row: amounts and counts. */
export const expectLedgerSumsToAggregates = ({ result, ledger }: LedgerRun): void => {
  for (const side of [result.baseline, result.proposal]) {
    const sums = new Map<string, { amount: number; rows: number }>();
    for (const l of ledger.filter((x) => x.side === side.label)) {
      const k = [l.month, l.course, l.item, l.clause].join('|');
      const s = sums.get(k) ?? { amount: 0, rows: 0 };
      s.amount += l.amount;
      s.rows += 1;
      sums.set(k, s);
    }
    expect(sums.size).toBe(side.amounts.length);
    for (const a of side.amounts) expect(sums.get([a.month, a.course, a.item, a.clause].join('|'))).toEqual({ amount: a.amount, rows: a.rows });
  }
};
