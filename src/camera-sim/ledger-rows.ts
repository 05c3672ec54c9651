import { monthIndex, monthLabel } from '../engine/dates.js';
import type { ChunkResult } from './chunk-simulator.js';
import type { RegisterRow } from './contract-register.js';
import type { ResolvedScenario, SideLabel } from './scenario-loader.js';

/**
 * Ledger rows out of the typed arrays of a simulated chunk: one row per amount a decision
 * produced (contract, month, item, clause, amount), baseline rows of the chunk then its proposal
 * rows, each with the decision and the facts the engine was asked (so `tariff decide` replays it
 * and `tariff simulate --verify` checks it). Contracts are numbered from 1 in the files.
 */
export type LedgerRow = {
  side: SideLabel;
  contract: number;
  month: string;
  course: string;
  courseName: string;
  item: string;
  clause: string;
  amount: number;
  decision: string;
  facts: string;
};
export const LEDGER_COLUMNS = ['side', 'contract', 'month', 'course', 'courseName', 'item', 'clause', 'amount', 'decision', 'facts'] as const;

/** One logged event of one contract (the event log): the event, its clause and the question behind it. */
export type EventLogRow = { side: SideLabel; contract: number; month: string; course: string; event: string; clause: string; decision: string; facts: string };
export const EVENT_LOG_COLUMNS = ['side', 'contract', 'month', 'course', 'event', 'clause', 'decision', 'facts'] as const;

export type AuditRows = { ledger: LedgerRow[]; eventLog: EventLogRow[]; register: RegisterRow[] };
export type LedgerDecoder = (chunk: ChunkResult) => Generator<LedgerRow>;

/** Splits a stored question (`{"decision":…,"facts":…}`) into the decision and its facts as JSON. */
const question = (facts: readonly string[], id: number): [string, string] => {
  if (id < 0) return ['', ''];
  const q = JSON.parse(facts[id]!) as { decision: string; facts: unknown };
  return [q.decision, JSON.stringify(q.facts)];
};

const labels = (rs: ResolvedScenario) => {
  const start = monthIndex(rs.scenario.horizon.start);
  const months = Array.from({ length: rs.scenario.horizon.months }, (_, i) => monthLabel(start + i));
  const courses = rs.sides.map((s) => s.tariff.courses.map((c) => [c.code, c.name] as const));
  return { months, courses };
};

export function ledgerDecoder(rs: ResolvedScenario): LedgerDecoder {
  const { months, courses } = labels(rs);
  return function* decode(chunk: ChunkResult): Generator<LedgerRow> {
    for (let k = 0; k < 2; k += 1) {
      const l = chunk.sides[k]!.ledger;
      if (!l) continue;
      const side = rs.sides[k]!.label;
      for (let i = 0; i < l.contract.length; i += 1) {
        const [item, clause] = l.keys[l.key[i]!]!;
        const [course, courseName] = courses[k]![l.course[i]!]!;
        const [decision, facts] = question(l.facts, l.factsId[i]!);
        yield { side, contract: l.contract[i]! + 1, month: months[l.month[i]!]!, course, courseName, item: item!, clause: clause!, amount: l.amount[i]!, decision, facts };
      }
    }
  };
}

/** The event log of a chunk (both sides), in the order the events happened per contract. */
export function eventLogDecoder(rs: ResolvedScenario): (chunk: ChunkResult) => Generator<EventLogRow> {
  const { months, courses } = labels(rs);
  return function* decode(chunk) {
    for (let k = 0; k < 2; k += 1) {
      const l = chunk.sides[k]!.ledger;
      if (!l) continue;
      const side = rs.sides[k]!.label;
      const g = l.log;
      for (let i = 0; i < g.contract.length; i += 1) {
        const [event, clause] = g.keys[g.key[i]!]!;
        const [decision, facts] = question(l.facts, g.factsId[i]!);
        yield { side, contract: g.contract[i]! + 1, month: months[g.month[i]!]!, course: courses[k]![g.course[i]!]![0], event: event!, clause: clause!, decision, facts };
      }
    }
  };
}

/** The register rows of a chunk, baseline then proposal. */
export const registerOf = (chunk: ChunkResult): RegisterRow[] => [...(chunk.sides[0].register ?? []), ...(chunk.sides[1].register ?? [])];
