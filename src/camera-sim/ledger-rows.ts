import { monthIndex, monthLabel } from '../engine/dates.js';
import type { ChunkResult } from './chunk-simulator.js';
import type { ResolvedScenario, SideLabel } from './scenario-loader.js';

/**
 * Ledger rows out of the typed arrays of a simulated chunk: one row per amount a decision
 * produced (contract, month, item, clause, amount), baseline rows of the chunk then its proposal
 * rows. Contracts are numbered from 1 in the files.
 */
export type LedgerRow = { side: SideLabel; contract: number; month: string; course: string; courseName: string; item: string; clause: string; amount: number };
export const LEDGER_COLUMNS = ['side', 'contract', 'month', 'course', 'courseName', 'item', 'clause', 'amount'] as const;

export type LedgerDecoder = (chunk: ChunkResult) => Generator<LedgerRow>;

export function ledgerDecoder(rs: ResolvedScenario): LedgerDecoder {
  const start = monthIndex(rs.scenario.horizon.start);
  const months = Array.from({ length: rs.scenario.horizon.months }, (_, i) => monthLabel(start + i));
  const courses = rs.sides.map((s) => s.tariff.courses.map((c) => [c.code, c.name] as const));
  return function* decode(chunk: ChunkResult): Generator<LedgerRow> {
    for (let k = 0; k < 2; k += 1) {
      const l = chunk.sides[k]!.ledger;
      if (!l) continue;
      const side = rs.sides[k]!.label;
      for (let i = 0; i < l.contract.length; i += 1) {
        const [item, clause] = l.keys[l.key[i]!]!;
        const [course, courseName] = courses[k]![l.course[i]!]!;
        yield { side, contract: l.contract[i]! + 1, month: months[l.month[i]!]!, course, courseName, item: item!, clause: clause!, amount: l.amount[i]! };
      }
    }
  };
}
