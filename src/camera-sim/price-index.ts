import { monthIndex } from '../engine/dates.js';
import type { FleetCharge, FleetContract, FleetPath } from '../engine/fleet-path.js';
import type { TariffOption } from '../engine/tariff-types.js';
import type { ClassRep, PriceTracePart, TracedAnswer } from './price-trace.js';
import type { EventRow } from './result.js';

/**
 * A run's price trace (price-trace.ts) grouped once, when the run is cached, into what a re-price
 * asks the engine (reprice.ts):
 *
 * - classes: the charge classes of all chunks merged by the engine's own answer (two contract-months
 *   the engine answers with the same memoized charge read the same facts of the charge, whatever
 *   the prices), with their contract-months summed by (class, course, month);
 * - by the course of the charge class, outage or settlement (a course code):
 *   - its charge cells, [class, course, month, contract-months], and the option codes its classes
 *     bill; and those cells' lines already summed by (item, clause, course, month), for a re-price
 *     that changes neither the course's row nor any of those options: every class of the course
 *     then answers as it did (a class's charge reads only its course's row, its options' rows and
 *     the rest of the tariff), so its lines times its contract-months sum to what they summed to;
 *   - its late payments grouped by (class, course, month, due date, paid date): the same principal
 *     and dates are one lateInterest question, multiplied by how many met it; and their answers
 *     summed by (answer, course, month) for a re-price that keeps all its classes (the principal is
 *     the class's total);
 *   - its outages and settlements, each with the answer the run got, and those answers summed by
 *     (answer, course, month) for a re-price that does not change them;
 * - a settlement's classes as (class, months billed) pairs, so its `paid` is a few products;
 * - the events that read no price, as the run counted them.
 */
export type KeptAnswer = { outcome: string; clauses: readonly string[]; amount: number; tax: number };
/** Answers summed: [answer, course, month offset, events, amount total, tax total] per entry, answers in `answers`. */
export type KeptSum = { answers: KeptAnswer[]; rows: number[] };
/** Charge lines summed: [line, course, month offset, amount total, contract-months] per entry, lines (item, clause) in `lines`. */
export type KeptCharges = { lines: [item: string, clause: string][]; rows: Float64Array };
export type OutageEvent = { facts: Record<string, unknown>; mo: number; course: number; out: TracedAnswer };
export type SettlementEvent = {
  facts: Record<string, unknown>;
  before: number;
  paid: number;
  /** [class, months] pairs. */
  classes: number[];
  mo: number;
  course: number;
  out: TracedAnswer;
  /** The months of use the engine counted for it (its answer's monthsUsed). */
  monthsUsed: number;
};
/** Late interest: [class, course, month offset, payments] per tuple, with its dates and answer; `dates`: the (due, paid) pair's number, the same for the same pair. */
export type LateCells = { cells: Int32Array; dueDate: string[]; paidDate: string[]; dates: Int32Array; out: TracedAnswer[] };
export type CourseEvents = {
  /** The option codes the course's charge classes bill. */
  options: string[];
  /** [class, course, month offset, contract-months] quadruples of the course's classes, one per distinct (class, course, month). */
  cells: Int32Array;
  keptCharges: KeptCharges;
  late: LateCells;
  keptLate: KeptSum;
  /** Outages answered `none` (no waiver fired or no whole unit: an answer that reads no fee). */
  outagesNone: OutageEvent[];
  outagesWaived: OutageEvent[];
  keptNone: KeptSum;
  keptWaived: KeptSum;
  settlements: SettlementEvent[];
  /** The classes billed to any of its settlements, each once; the largest months of use among them (NaN when one is unknown). */
  settlementClasses: number[];
  maxMonthsUsed: number;
  keptSettlements: KeptSum;
};
export type PriceIndex = {
  classes: ClassRep[];
  /** The clause the cached run's monthly-charge tax cites (the kept charge sums' tax line). */
  taxClause: string;
  byCourse: Map<string, CourseEvents>;
  /** The events that read no price, as the run counted them. */
  unpriced: EventRow[];
};

const PRICED_EVENTS = ['late-interest-', 'outage-waiver-', 'settlement-'];

/** The option sets of `fp`'s tariff by their codes, one array per set (the engine plans by the array). */
export function optionSets(fp: FleetPath): (codes: string[]) => readonly TariffOption[] {
  const sets = new Map<string, readonly TariffOption[]>();
  return (codes) => {
    const key = codes.join(',');
    let set = sets.get(key);
    if (!set) {
      set = codes.map((c) => fp.tariff.options.get(c)!);
      sets.set(key, set);
    }
    return set;
  };
}

/** The charge of a class under `fp`'s prices. */
export function chargeOf(fp: FleetPath, rep: ClassRep, optionsOf: (codes: string[]) => readonly TariffOption[]): FleetCharge {
  const c: FleetContract = {
    course: fp.tariff.byCode.get(rep.course)!,
    startDate: rep.startDate,
    startMonth: monthIndex(rep.startDate),
    startDay: Number(rep.startDate.slice(8, 10)),
    freeMonths: rep.freeMonths,
    options: optionsOf(rep.options),
  };
  return fp.monthlyCharge(c, rep.month, rep.end ?? undefined);
}

class Summer {
  private readonly at = new Map<string, number>();
  readonly sum: KeptSum = { answers: [], rows: [] };
  add(out: TracedAnswer, course: number, mo: number, n = 1): void {
    const amount = (out.fields.amount as number | undefined) ?? 0;
    const tax = (out.fields.tax as number | undefined) ?? 0;
    const key = `${out.outcome}\u0000${out.clauses.join('\u0001')}\u0000${amount}\u0000${tax}\u0000${course}\u0000${mo}`;
    let i = this.at.get(key);
    if (i === undefined) {
      let a = this.sum.answers.findIndex((x) => x.outcome === out.outcome && x.amount === amount && x.tax === tax && x.clauses.join('\u0001') === out.clauses.join('\u0001'));
      if (a < 0) a = this.sum.answers.push({ outcome: out.outcome, clauses: out.clauses, amount, tax }) - 1;
      i = this.sum.rows.push(a, course, mo, 0, 0, 0) - 6;
      this.at.set(key, i);
    }
    const r = this.sum.rows;
    r[i + 3] = r[i + 3]! + n;
    r[i + 4] = r[i + 4]! + amount * n;
    r[i + 5] = r[i + 5]! + tax * n;
  }
}

type Building = CourseEvents & {
  sums: Summer[];
  optionSet: Set<string>;
  cellList: number[];
  lateList: { cells: number[]; dueDate: string[]; paidDate: string[]; dates: number[]; out: TracedAnswer[] };
};

/** Groups the trace of a run (under the prices of `fp`, the cached run's proposal). */
export function indexTrace(fp: FleetPath, parts: readonly PriceTracePart[], months: number, events: readonly EventRow[]): PriceIndex {
  const classes: ClassRep[] = [];
  const byAnswer = new Map<FleetCharge, number>();
  const cellAt = new Map<number, number>();
  const cells: number[] = [];
  const lateAt = new Map<string, number>();
  const pairs = new Map<string, number>();
  const byCourse = new Map<string, Building>();
  const courseOf = (code: string): Building => {
    let x = byCourse.get(code);
    if (!x) {
      const sums = [new Summer(), new Summer(), new Summer(), new Summer()];
      x = {
        options: [],
        cells: new Int32Array(0),
        keptCharges: { lines: [], rows: new Float64Array(0) },
        late: { cells: new Int32Array(0), dueDate: [], paidDate: [], dates: new Int32Array(0), out: [] },
        keptLate: sums[3]!.sum,
        outagesNone: [],
        outagesWaived: [],
        keptNone: sums[0]!.sum,
        keptWaived: sums[1]!.sum,
        settlements: [],
        settlementClasses: [],
        maxMonthsUsed: 0,
        keptSettlements: sums[2]!.sum,
        sums,
        optionSet: new Set(),
        cellList: [],
        lateList: { cells: [], dueDate: [], paidDate: [], dates: [], out: [] },
      };
      byCourse.set(code, x);
    }
    return x;
  };
  const optionsOf = optionSets(fp);
  // The run's answers, one object per distinct answer (a re-price finds an answer's cube ids once).
  const answers = new Map<string, TracedAnswer>();
  const canon = (out: TracedAnswer): TracedAnswer => {
    const key = `${out.outcome}\u0000${out.clauses.join('\u0001')}\u0000${String(out.fields.amount)}\u0000${String(out.fields.tax)}`;
    const known = answers.get(key);
    if (known) return known;
    answers.set(key, out);
    return out;
  };
  for (const part of parts) {
    // This part's classes as global ones: the engine's memoized answer names the class.
    const global = part.reps.map((rep) => {
      const ch = chargeOf(fp, rep, optionsOf);
      let g = byAnswer.get(ch);
      if (g === undefined) {
        g = classes.push(rep) - 1;
        byAnswer.set(ch, g);
      }
      return g;
    });
    const counts = part.counts;
    for (let i = 0; i < counts.length; i += 4) {
      const g = global[counts[i]!]!;
      const key = (g * 1024 + counts[i + 1]!) * (months + 1) + counts[i + 2]!;
      let at = cellAt.get(key);
      if (at === undefined) {
        at = cells.push(g, counts[i + 1]!, counts[i + 2]!, 0) - 4;
        cellAt.set(key, at);
      }
      cells[at + 3] = cells[at + 3]! + counts[i + 3]!;
    }
    for (const l of part.late) {
      if (l.mo < 0 || l.mo >= months) continue;
      const g = global[l.cls]!;
      const key = `${g},${l.course},${l.mo},${l.dueDate},${l.paidDate}`;
      const late = courseOf(classes[g]!.course).lateList;
      let at = lateAt.get(key);
      if (at === undefined) {
        at = late.cells.push(g, l.course, l.mo, 0) - 4;
        late.dueDate.push(l.dueDate);
        late.paidDate.push(l.paidDate);
        const pair = `${l.dueDate},${l.paidDate}`;
        if (!pairs.has(pair)) pairs.set(pair, pairs.size);
        late.dates.push(pairs.get(pair)!);
        late.out.push(canon(l.out));
        lateAt.set(key, at);
      }
      late.cells[at + 3] = late.cells[at + 3]! + 1;
    }
    for (const o of part.outages) {
      const x = courseOf(o.facts.course as string);
      const none = o.out.outcome === 'none';
      (none ? x.outagesNone : x.outagesWaived).push({ ...o, out: canon(o.out) });
      x.sums[none ? 0 : 1]!.add(o.out, o.course, o.mo);
    }
    for (const s of part.settlements) {
      const x = courseOf(s.facts.course as string);
      const n = new Map<number, number>();
      for (const c of s.classes) {
        const g = global[c]!;
        n.set(g, (n.get(g) ?? 0) + 1);
      }
      x.settlements.push({ facts: s.facts, before: s.before, paid: s.paid, classes: [...n].flat(), mo: s.mo, course: s.course, out: canon(s.out), monthsUsed: s.monthsUsed });
      x.sums[2]!.add(s.out, s.course, s.mo);
    }
  }
  // Charge cells by the course of their class, and their lines summed (as reprice.ts adds them:
  // each line times the contract-months, the tax only when not 0).
  const taxClause = fp.taxClause('monthlyCharge') ?? '';
  const lineSums = new Map<Building, { lineAt: Map<string, number>; lines: [string, string][]; at: Map<number, number>; rows: number[] }>();
  for (let i = 0; i < cells.length; i += 4) {
    const rep = classes[cells[i]!]!;
    const x = courseOf(rep.course);
    x.cellList.push(cells[i]!, cells[i + 1]!, cells[i + 2]!, cells[i + 3]!);
    for (const o of rep.options) x.optionSet.add(o);
    let sum = lineSums.get(x);
    if (!sum) {
      sum = { lineAt: new Map(), lines: [], at: new Map(), rows: [] };
      lineSums.set(x, sum);
    }
    const n = cells[i + 3]!;
    const add = (item: string, clause: string, amount: number): void => {
      const lk = `${item}\u0000${clause}`;
      let line = sum.lineAt.get(lk);
      if (line === undefined) {
        line = sum.lines.push([item, clause]) - 1;
        sum.lineAt.set(lk, line);
      }
      const key = (line * 1024 + cells[i + 1]!) * (months + 1) + cells[i + 2]!;
      let at = sum.at.get(key);
      if (at === undefined) {
        at = sum.rows.push(line, cells[i + 1]!, cells[i + 2]!, 0, 0) - 5;
        sum.at.set(key, at);
      }
      sum.rows[at + 3] = sum.rows[at + 3]! + amount * n;
      sum.rows[at + 4] = sum.rows[at + 4]! + n;
    };
    for (const l of rep.charge.lines) add(l.item, l.clause, l.amount);
    if (rep.charge.tax !== 0) add('tax', taxClause, rep.charge.tax);
  }
  for (const [x, sum] of lineSums) x.keptCharges = { lines: sum.lines, rows: Float64Array.from(sum.rows) };
  for (const x of byCourse.values()) {
    const billed = new Set<number>();
    for (const st of x.settlements) {
      for (let k = 0; k < st.classes.length; k += 2) billed.add(st.classes[k]!);
      x.maxMonthsUsed = typeof st.monthsUsed === 'number' ? Math.max(x.maxMonthsUsed, st.monthsUsed) : NaN;
    }
    x.settlementClasses = [...billed];
    x.cells = Int32Array.from(x.cellList);
    x.options = [...x.optionSet];
    const l = x.lateList;
    x.late = { cells: Int32Array.from(l.cells), dueDate: l.dueDate, paidDate: l.paidDate, dates: Int32Array.from(l.dates), out: l.out };
    for (let i = 0, t = 0; i < l.cells.length; i += 4, t += 1) x.sums[3]!.add(l.out[t]!, l.cells[i + 1]!, l.cells[i + 2]!, l.cells[i + 3]!);
  }
  const done = new Map<string, CourseEvents>();
  for (const [code, x] of byCourse) {
    const { sums: _s, optionSet: _o, cellList: _c, lateList: _l, ...kept } = x;
    done.set(code, kept);
  }
  return {
    classes,
    taxClause,
    byCourse: done,
    unpriced: events.filter((e) => !PRICED_EVENTS.some((p) => e.event.startsWith(p))),
  };
}
