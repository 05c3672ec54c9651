import type { RegisterRow } from './contract-register.js';
/**
 * Where one side's simulation of one chunk of contracts writes: the amounts cube (month × course ×
 * item × clause → yen and rows), the events cube (month × course × event × clause → count) and,
 * when asked, the ledger rows, all in typed arrays so a worker can transfer them without copying.
 *
 * Amounts are integer yen, each produced (and floored, 第29条) by an engine decision; sums of
 * integers are exact in a double below 2^53 (9e15 yen), which add() checks.
 */
export type CubePart = { keys: string[][]; key: Int32Array; course: Int32Array; month: Int32Array; value: Float64Array; count: Float64Array };
/**
 * facts[i]: an index into `facts` (the decision and its facts as `tariff decide` takes them, one
 * JSON string per distinct question), -1 when no decision stands behind the row. The event log
 * holds every event a decision (or the fleet's set-up) produced, per contract, with its facts.
 */
export type LedgerPart = {
  contract: Int32Array;
  month: Int32Array;
  course: Int32Array;
  key: Int32Array;
  amount: Float64Array;
  factsId: Int32Array;
  keys: string[][];
  facts: string[];
  log: { contract: Int32Array; month: Int32Array; course: Int32Array; key: Int32Array; factsId: Int32Array; keys: string[][] };
};
export type SidePart = { amounts: CubePart; events: CubePart; ledger?: LedgerPart; register?: RegisterRow[] };

export class Cube {
  private readonly ids = new Map<string, number>();
  readonly keys: string[][] = [];
  private readonly values: Float64Array[] = [];
  private readonly counts: Float64Array[] = [];
  /** Cells written to, as id × cells + cell, so part() visits only those. */
  private readonly touched: number[] = [];
  private readonly cells: number;

  constructor(
    private readonly courses: number,
    private readonly months: number,
  ) {
    this.cells = courses * months;
  }

  id(a: string, b: string): number {
    const k = `${a}\u0000${b}`;
    let id = this.ids.get(k);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(k, id);
      this.keys.push([a, b]);
      this.values.push(new Float64Array(this.courses * this.months));
      this.counts.push(new Float64Array(this.courses * this.months));
    }
    return id;
  }

  add(id: number, course: number, month: number, value: number, count = 1): void {
    const i = course * this.months + month;
    const v = this.values[id]!;
    v[i] = v[i]! + value;
    if (!Number.isSafeInteger(v[i]!)) throw new RangeError(`a total passed ${Number.MAX_SAFE_INTEGER} yen: too large to sum exactly`);
    const c = this.counts[id]!;
    if (c[i] === 0) this.touched.push(id * this.cells + i);
    c[i] = c[i]! + count;
  }

  /** Adds a part of another cube (of the same courses and months). */
  merge(p: CubePart): void {
    const ids = p.keys.map(([a, b]) => this.id(a!, b!));
    for (let i = 0; i < p.key.length; i += 1) this.add(ids[p.key[i]!]!, p.course[i]!, p.month[i]!, p.value[i]!, p.count[i]!);
  }

  part(): CubePart {
    const cells = this.touched.map((t): [number, number, number, number, number] => {
      const id = Math.floor(t / this.cells);
      const i = t % this.cells;
      return [id, Math.floor(i / this.months), i % this.months, this.values[id]![i]!, this.counts[id]![i]!];
    });
    return {
      keys: this.keys,
      key: Int32Array.from(cells, (x) => x[0]),
      course: Int32Array.from(cells, (x) => x[1]),
      month: Int32Array.from(cells, (x) => x[2]),
      value: Float64Array.from(cells, (x) => x[3]),
      count: Float64Array.from(cells, (x) => x[4]),
    };
  }
}

/** Growable columns of ints (and one of doubles), for ledger rows and the event log. */
class Rows {
  n = 0;
  readonly ints: Int32Array[];
  value = new Float64Array(1024);

  constructor(columns: number) {
    this.ints = Array.from({ length: columns }, () => new Int32Array(1024));
  }

  push(values: readonly number[], value = 0): void {
    if (this.n === this.value.length) this.grow();
    const i = this.n;
    for (let k = 0; k < values.length; k += 1) this.ints[k]![i] = values[k]!;
    this.value[i] = value;
    this.n = i + 1;
  }

  private grow(): void {
    const size = this.value.length * 2;
    for (let k = 0; k < this.ints.length; k += 1) {
      const b = new Int32Array(size);
      b.set(this.ints[k]!);
      this.ints[k] = b;
    }
    const v = new Float64Array(size);
    v.set(this.value);
    this.value = v;
  }

  col(k: number): Int32Array {
    return this.ints[k]!.slice(0, this.n);
  }
}

class LedgerBuilder {
  private readonly rows = new Rows(5);
  private readonly log = new Rows(5);
  private readonly factIds = new Map<string, number>();
  readonly facts: string[] = [];

  push(contract: number, month: number, course: number, key: number, amount: number, factsId: number): void {
    this.rows.push([contract, month, course, key, factsId], amount);
  }

  logEvent(contract: number, month: number, course: number, key: number, factsId: number): void {
    this.log.push([contract, month, course, key, factsId]);
  }

  factsId(decision: string, facts: Record<string, unknown>): number {
    const k = JSON.stringify({ decision, facts });
    let id = this.factIds.get(k);
    if (id === undefined) {
      id = this.facts.length;
      this.facts.push(k);
      this.factIds.set(k, id);
    }
    return id;
  }

  part(keys: string[][], eventKeys: string[][]): LedgerPart {
    const r = this.rows;
    const l = this.log;
    return {
      contract: r.col(0),
      month: r.col(1),
      course: r.col(2),
      key: r.col(3),
      factsId: r.col(4),
      amount: r.value.slice(0, r.n),
      keys,
      facts: this.facts,
      log: { contract: l.col(0), month: l.col(1), course: l.col(2), key: l.col(3), factsId: l.col(4), keys: eventKeys },
    };
  }
}

export const transferables = (p: SidePart): ArrayBuffer[] => {
  const arrays = [p.amounts, p.events].flatMap((c) => [c.key, c.course, c.month, c.value, c.count]);
  if (p.ledger) {
    const l = p.ledger;
    arrays.push(l.contract, l.month, l.course, l.key, l.amount, l.factsId, l.log.contract, l.log.month, l.log.course, l.log.key, l.log.factsId);
  }
  return arrays.map((a) => a.buffer as ArrayBuffer);
};

export class SideSink {
  readonly amounts: Cube;
  readonly events: Cube;
  private readonly ledger?: LedgerBuilder;
  /** The contract register, kept with the ledger. */
  readonly register?: RegisterRow[];

  /** months: the horizon's length; month arguments are offsets into it (0 = its first month). */
  constructor(
    courses: number,
    readonly months: number,
    withLedger: boolean,
  ) {
    this.amounts = new Cube(courses, months);
    this.events = new Cube(courses, months);
    if (withLedger) {
      this.ledger = new LedgerBuilder();
      this.register = [];
    }
  }

  get withLedger(): boolean {
    return this.ledger !== undefined;
  }

  /** The id of a question put to the engine (decision and facts), for ledger rows and logged events. */
  factsId(decision: string, facts: Record<string, unknown>): number {
    return this.ledger ? this.ledger.factsId(decision, facts) : -1;
  }

  /** Records one ledger row (an amount of an item under a clause). Months outside the horizon are dropped. */
  amount(contract: number, month: number, course: number, id: number, yen: number, factsId = -1): void {
    if (month < 0 || month >= this.months) return;
    this.amounts.add(id, course, month, yen);
    this.ledger?.push(contract, month, course, id, yen, factsId);
  }

  logEvent(contract: number, month: number, course: number, id: number, factsId: number): void {
    if (month < 0 || month >= this.months) return;
    this.ledger?.logEvent(contract, month, course, id, factsId);
  }

  event(month: number, course: number, id: number): void {
    if (month < 0 || month >= this.months) return;
    this.events.add(id, course, month, 1);
  }

  part(): SidePart {
    return {
      amounts: this.amounts.part(),
      events: this.events.part(),
      ...(this.ledger ? { ledger: this.ledger.part(this.amounts.keys, this.events.keys), register: this.register } : {}),
    };
  }
}
