import { monthLabel } from '../engine/dates.js';
import type { Finished } from '../engine/decision-kit.js';
import type { FleetCharge, FleetContract, FleetEnd } from '../engine/fleet-path.js';

/**
 * What re-pricing needs of a proposal's run (reprice.ts): its events without its prices. Recorded
 * by the proposal's SideSim when a run is asked to (RunOptions.onTrace), per chunk:
 *
 * - charge classes: one per distinct engine answer of monthlyCharge met (a FleetCharge), with a
 *   representative contract-month (what the engine is asked again under new prices) and how many
 *   contract-months of each (course, month) it billed; `positive` whether its total was above 0
 *   (a late payment is drawn only for a bill above 0: re-pricing refuses when that flips);
 * - late payments (the class of the bill, due and paid dates), outages (the facts asked), and
 *   settlements (the facts without paid, the fees billed before the horizon, the classes billed, the
 *   months of use counted),
 *   each with the answer the run got: re-pricing asks again only those whose prices changed.
 */
export type ClassRep = { course: string; startDate: string; freeMonths: number; options: string[]; month: number; end: FleetEnd | null; positive: boolean; charge: FleetCharge };
/** The answer the run got (what re-pricing reuses when none of the prices it reads changed). */
export type TracedAnswer = { outcome: string; clauses: readonly string[]; fields: { amount?: unknown; tax?: unknown } };
export const traced = (out: Finished): TracedAnswer => ({ outcome: out.outcome, clauses: out.clauses, fields: { amount: out.fields.amount, tax: out.fields.tax } });
export type PriceTracePart = {
  reps: ClassRep[];
  /** [class, course, month offset, contract-months] quadruples. */
  counts: number[];
  late: { cls: number; dueDate: string; paidDate: string; mo: number; course: number; out: TracedAnswer }[];
  outages: { facts: Record<string, unknown>; mo: number; course: number; out: TracedAnswer }[];
  /** monthsUsed: the months of use the engine counted (its answer's field), what the family rule reads. */
  settlements: { facts: Record<string, unknown>; before: number; paid: number; classes: number[]; mo: number; course: number; out: TracedAnswer; monthsUsed: number }[];
};

export class PriceTrace {
  private readonly ids = new Map<FleetCharge, number>();
  private readonly reps: ClassRep[] = [];
  private readonly cells = new Map<number, number>();
  readonly late: PriceTracePart['late'] = [];
  readonly outages: PriceTracePart['outages'] = [];
  readonly settlements: PriceTracePart['settlements'] = [];

  constructor(
    private readonly courses: number,
    private readonly months: number,
  ) {}

  /** Counts one billed contract-month; answers its class. */
  charge(ch: FleetCharge, c: FleetContract, m: number, end: FleetEnd | undefined, course: number, mo: number): number {
    let id = this.ids.get(ch);
    if (id === undefined) {
      id = this.reps.length;
      this.ids.set(ch, id);
      this.reps.push({
        course: c.course.code,
        startDate: c.startDate,
        freeMonths: c.freeMonths,
        options: c.options.map((o) => o.code),
        month: m,
        end: end ?? null,
        positive: ch.total > 0,
        charge: ch,
      });
    }
    const key = (id * this.courses + course) * this.months + mo;
    this.cells.set(key, (this.cells.get(key) ?? 0) + 1);
    return id;
  }

  part(): PriceTracePart {
    const counts: number[] = [];
    for (const [key, n] of this.cells) {
      const mo = key % this.months;
      const rest = (key - mo) / this.months;
      const course = rest % this.courses;
      counts.push((rest - course) / this.courses, course, mo, n);
    }
    return { reps: this.reps, counts, late: this.late, outages: this.outages, settlements: this.settlements };
  }
}

export const monthOf = (rep: ClassRep): string => monthLabel(rep.month);
