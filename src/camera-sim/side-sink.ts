/**
 * Where one side's simulation of one chunk of contracts writes: the amounts cube (month × course ×
 * item × clause → yen and rows), the events cube (month × course × event × clause → count) and,
 * when asked, the ledger rows, all in typed arrays so a worker can transfer them without copying.
 *
 * Amounts are integer yen, each produced (and floored, 第29条) by an engine decision; sums of
 * integers are exact in a double below 2^53 (9e15 yen), which add() checks.
 */
export type CubePart = { keys: string[][]; key: Int32Array; course: Int32Array; month: Int32Array; value: Float64Array; count: Float64Array };
export type LedgerPart = { contract: Int32Array; month: Int32Array; course: Int32Array; key: Int32Array; amount: Float64Array; keys: string[][] };
export type SidePart = { amounts: CubePart; events: CubePart; ledger?: LedgerPart };

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

class LedgerBuilder {
  private n = 0;
  private contract = new Int32Array(1024);
  private month = new Int32Array(1024);
  private course = new Int32Array(1024);
  private key = new Int32Array(1024);
  private amount = new Float64Array(1024);

  push(contract: number, month: number, course: number, key: number, amount: number): void {
    if (this.n === this.contract.length) this.grow();
    const i = this.n;
    this.contract[i] = contract;
    this.month[i] = month;
    this.course[i] = course;
    this.key[i] = key;
    this.amount[i] = amount;
    this.n = i + 1;
  }

  private grow(): void {
    const size = this.contract.length * 2;
    const g = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.contract = g(this.contract, (n) => new Int32Array(n));
    this.month = g(this.month, (n) => new Int32Array(n));
    this.course = g(this.course, (n) => new Int32Array(n));
    this.key = g(this.key, (n) => new Int32Array(n));
    this.amount = g(this.amount, (n) => new Float64Array(n));
  }

  part(keys: string[][]): LedgerPart {
    return {
      contract: this.contract.slice(0, this.n),
      month: this.month.slice(0, this.n),
      course: this.course.slice(0, this.n),
      key: this.key.slice(0, this.n),
      amount: this.amount.slice(0, this.n),
      keys,
    };
  }
}

export const transferables = (p: SidePart): ArrayBuffer[] => {
  const arrays = [p.amounts, p.events].flatMap((c) => [c.key, c.course, c.month, c.value, c.count]);
  if (p.ledger) arrays.push(p.ledger.contract, p.ledger.month, p.ledger.course, p.ledger.key, p.ledger.amount);
  return arrays.map((a) => a.buffer as ArrayBuffer);
};

export class SideSink {
  readonly amounts: Cube;
  readonly events: Cube;
  private readonly ledger?: LedgerBuilder;

  /** months: the horizon's length; month arguments are offsets into it (0 = its first month). */
  constructor(
    courses: number,
    readonly months: number,
    withLedger: boolean,
  ) {
    this.amounts = new Cube(courses, months);
    this.events = new Cube(courses, months);
    if (withLedger) this.ledger = new LedgerBuilder();
  }

  /** Records one ledger row (an amount of an item under a clause). Months outside the horizon are dropped. */
  amount(contract: number, month: number, course: number, id: number, yen: number): void {
    if (month < 0 || month >= this.months) return;
    this.amounts.add(id, course, month, yen);
    this.ledger?.push(contract, month, course, id, yen);
  }

  event(month: number, course: number, id: number): void {
    if (month < 0 || month >= this.months) return;
    this.events.add(id, course, month, 1);
  }

  part(): SidePart {
    return { amounts: this.amounts.part(), events: this.events.part(), ...(this.ledger ? { ledger: this.ledger.part(this.amounts.keys) } : {}) };
  }
}
