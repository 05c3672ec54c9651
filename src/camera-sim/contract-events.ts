import { addDays, monthIndex } from '../engine/dates.js';
import type { Finished } from '../engine/decision-kit.js';
import type { FleetPath } from '../engine/fleet-path.js';
import type { Course } from '../engine/tariff-types.js';
import { cumulate, draw, intBetween, pickIndex, PURPOSE } from './rng.js';
import type { Scenario, WeightedRange } from './scenario-types.js';

/**
 * What the second-round decisions price in a simulated contract (docs/scenarios.md, "Returns,
 * equipment, damages and refunds"): the return of camera and SIM after a cancellation (第22条,
 * 第25条第1項, 第47条第3項, decision `cancellation`), loss of and damage to the equipment (第46条,
 * `equipmentLoss`), damages claimed for an outage (第34条, `damages`) and the refund of a waiver on
 * a month already paid (第25条第3項, `outageWaiver` with `paidAmount`). Every amount is the
 * engine's answer, asked through the side's FleetPath; this file holds no price, rate or clause.
 *
 * Each section of the scenario is optional; when it is absent nothing here is asked and no draw
 * is made, so a scenario without them gives today's answers bit for bit. Draws use purposes of
 * their own (rng.ts, 70 and up), keyed by seed, contract, month and purpose like every other.
 */

/** The items this file writes, with their names as the by-item tables show them and their summary category. */
export const CONTRACT_EVENT_ITEMS = {
  'late-return-charge': { name: '返還遅延の料金相当額', category: 'other' },
  'equipment-replacement': { name: '設備の滅失（代替品の代金）', category: 'other' },
  'equipment-repair': { name: '設備の毀損（修理代金）', category: 'other' },
  damages: { name: '損害賠償', category: 'other' },
  'outage-refund': { name: '利用不能時間の料金の返還', category: 'outageWaivers' },
} as const;

/**
 * How SideSim lets this file ask and write (month: an absolute month index; course: the side's
 * course id). `decide` asks through the side's FleetPath and answers the ledger's facts id of the
 * question (-1 without a ledger), which the rows and events it causes carry (tariff simulate --verify).
 */
export type EventBook = {
  decide: (name: Parameters<FleetPath['decide']>[0], facts: Record<string, unknown>) => { out: Finished; fid: number };
  amount: (contract: number, month: number, course: number, item: string, clause: string, yen: number, fid?: number) => void;
  event: (month: number, course: number, name: string, clause?: string, fid?: number) => void;
};

/** The end of a cancelled contract: fees run to `feesUntil`; the contract ends (and settles) on `cancellationDate`. */
export type ReturnEnd = { feesUntil: string; cancellationDate: string };

/** An outage as outageWaiver was asked about it. */
/** startDate: given when the contract keeps its prices (ExistingContracts keep-price), so the engine rates days at the fee it pays. */
export type OutageFacts = { course: Course; knownAt: string; restoredAt: string; cause: string; cloudUsable: boolean; startDate?: string };

const clauseOf = (out: Finished, drop?: string): string => out.clauses.filter((c) => c !== drop).join('、');
const pick = (u: number, ranges: readonly WeightedRange[]): WeightedRange => ranges[pickIndex(u, cumulate(ranges.map((r) => r.share)))]!;
const yenBetween = (u: number, r: { min: number; max: number }): number => intBetween(u, Math.ceil(r.min), Math.floor(r.max));

/** Checks beyond the schema (each with its JSON pointer): sections that need another, empty ranges. */
export function contractEventErrors(s: Scenario, err: (pointer: string, message: string) => void): void {
  if (s.returns && !s.cancellation) err('/returns', 'returns describe cancelled contracts: add a "cancellation" section, or remove "returns"');
  if (s.damages && !s.outages) err('/damages', 'damages are claimed for outages: add an "outages" section, or remove "damages"');
  if (s.refunds && !s.outages) err('/refunds', 'refunds are of outage waivers: add an "outages" section, or remove "refunds"');
  const ranges: [string, { min: number; max: number }][] = [];
  s.returns?.daysLate.forEach((r, i) => ranges.push([`/returns/daysLate/${i}`, r]));
  if (s.equipment) ranges.push(['/equipment/replacementCost', s.equipment.replacementCost], ['/equipment/repairCost', s.equipment.repairCost]);
  if (s.damages) ranges.push(['/damages/claimedAmount', s.damages.claimedAmount]);
  for (const [p, r] of ranges) {
    if (r.min > r.max) err(p, `min (${r.min}) is above max (${r.max})`);
    else if (Math.ceil(r.min) > Math.floor(r.max)) err(p, `no whole number lies between min (${r.min}) and max (${r.max}): days and yen are whole`);
  }
  if (s.returns && s.returns.daysLate.reduce((a, r) => a + r.share, 0) <= 0) err('/returns/daysLate', 'the shares must not all be zero');
  if (s.damages?.lossKinds && Object.values(s.damages.lossKinds).reduce((a, b) => a + b, 0) <= 0) err('/damages/lossKinds', 'the shares must not all be zero');
}

export class ContractEvents {
  private readonly seed: number;
  private readonly taxClause: string;
  private readonly lossKinds: string[];
  private readonly lossCum: number[];

  constructor(
    private readonly s: Scenario,
    private readonly fp: FleetPath,
    private readonly book: EventBook,
  ) {
    this.seed = s.seed;
    this.taxClause = fp.taxClause('cancellation') ?? '';
    const kinds = s.damages?.lossKinds ?? { direct: 1 };
    this.lossKinds = Object.keys(kinds);
    this.lossCum = cumulate(Object.values(kinds));
  }

  /**
   * A cancellation requested in month m: asks `cancellation` with the day the camera and SIM come
   * back (on the planned end date, or later by the scenario's delay), books the 第47条第3項 charge
   * in the month of the return, and gives the end of fees and of the contract. Undefined when the
   * scenario has no `returns` (the contract then ends on the planned end date, as before).
   */
  cancellation(id: number, m: number, cid: number, course: Course, requestDate: string, desiredEndDate: string, plannedEndDate: string, startDate?: string): ReturnEnd | undefined {
    const r = this.s.returns;
    if (!r) return undefined;
    const seed = this.seed;
    const late = draw(seed, id, m, PURPOSE.returnLate) < r.lateProbability;
    const announced = late && draw(seed, id, m, PURPOSE.returnAnnounced) < r.announcedShare;
    const bucket = pick(draw(seed, id, m, PURPOSE.returnBucket), r.daysLate);
    const delay = late ? yenBetween(draw(seed, id, m, PURPOSE.returnDays), bucket) : 0;
    const { out, fid } = this.book.decide('cancellation', {
      course: course.code,
      requestDate,
      desiredEndDate,
      returnedDate: addDays(plannedEndDate, delay),
      returnDelayAnnounced: announced,
      ...(startDate !== undefined ? { startDate } : {}),
    });
    const f = out.fields as { plannedEndDate: string; cancellationDate: string; feesUntil: string; lateReturnCharge: number; tax: number };
    if (f.plannedEndDate !== plannedEndDate)
      throw new Error(
        `cancellation and cancellationNotice disagree on the planned end date of a request of ${requestDate} for ${desiredEndDate}: ${f.plannedEndDate} vs ${plannedEndDate}`,
      );
    const returnMonth = monthIndex(f.cancellationDate);
    if (late) this.book.event(returnMonth, cid, announced ? 'return-late-announced' : 'return-late', clauseOf(out), fid);
    if (f.lateReturnCharge !== 0) this.book.amount(id, returnMonth, cid, 'late-return-charge', clauseOf(out, this.taxClause), f.lateReturnCharge, fid);
    if (f.tax !== 0) this.book.amount(id, returnMonth, cid, 'tax', this.taxClause, f.tax, fid);
    return { feesUntil: f.feesUntil, cancellationDate: f.cancellationDate };
  }

  /** Loss of or damage to the equipment in month m (第46条): the contractor pays, or the company bears it. */
  equipment(id: number, m: number, cid: number): void {
    const e = this.s.equipment;
    if (!e) return;
    const seed = this.seed;
    const lost = draw(seed, id, m, PURPOSE.equipmentLoss) < e.lossMonthlyRate;
    const damaged = !lost && draw(seed, id, m, PURPOSE.equipmentDamage) < e.damageMonthlyRate;
    if (!lost && !damaged) return;
    const cost = yenBetween(draw(seed, id, m, PURPOSE.equipmentCost), lost ? e.replacementCost : e.repairCost);
    const { out, fid } = this.book.decide('equipmentLoss', {
      event: lost ? 'loss' : 'damage',
      contractorAtFault: draw(seed, id, m, PURPOSE.equipmentFault) < e.contractorAtFault,
      ...(lost ? { replacementCost: cost } : { repairCost: cost }),
      remedyExcessive: draw(seed, id, m, PURPOSE.equipmentExcessive) < (e.remedyExcessive ?? 0),
    });
    const kind = lost ? 'loss' : 'damage';
    this.book.event(m, cid, `equipment-${kind}-${out.outcome}`, clauseOf(out), fid);
    if (out.fields.terminationAllowed === true) this.book.event(m, cid, 'equipment-termination-allowed', '第46条第3項', fid);
    const amount = out.fields.amount as number;
    if (amount !== 0) this.book.amount(id, m, cid, lost ? 'equipment-replacement' : 'equipment-repair', clauseOf(out), amount, fid);
  }

  /** The `paidAmount` fact of an outage in month m: the month's ex-tax bill when it was already paid; undefined without `refunds` (the fact is then not given). */
  paidAmount(id: number, m: number, subtotal: number): number | undefined {
    const r = this.s.refunds;
    if (!r) return undefined;
    return draw(this.seed, id, m, PURPOSE.refundPaid) < r.paidShare ? subtotal : 0;
  }

  /**
   * Books an outageWaiver answer: the waiver credit (第25条第2項) and, of it, the part refunded
   * because it was already paid (第25条第3項) as a row of its own; the two sum to the waiver.
   */
  waiver(id: number, m: number, cid: number, out: Finished, fid = -1): void {
    const amount = out.fields.amount as number;
    const refund = (out.fields.refund as number | undefined) ?? 0;
    const credit = amount - refund;
    if (credit !== 0) this.book.amount(id, m, cid, 'outage-waiver', clauseOf(out, refund !== 0 ? '第25条第3項' : undefined), -credit, fid);
    if (refund !== 0) this.book.amount(id, m, cid, 'outage-refund', '第25条第3項', -refund, fid);
  }

  /**
   * Damages claimed for an outage (第34条), when the scenario has `damages`. The outage's cause
   * maps onto 第34条's: `company-gross-negligence` as is, `contractor` to `other` (not the
   * company's), `other` to `company` for the scenario's `companyShare`. Under `not-limited`
   * (第34条第3項) the claim is paid as claimed.
   */
  damages(id: number, m: number, cid: number, o: OutageFacts): void {
    const d = this.s.damages;
    if (!d) return;
    const seed = this.seed;
    if (draw(seed, id, m, PURPOSE.damagesClaim) >= d.claimProbability) return;
    const cause =
      o.cause === 'company-gross-negligence' ? 'company-gross-negligence' : o.cause === 'other' && draw(seed, id, m, PURPOSE.damagesCompany) < d.companyShare ? 'company' : 'other';
    const claimed = yenBetween(draw(seed, id, m, PURPOSE.damagesClaimed), d.claimedAmount);
    const lossKind = this.lossKinds[pickIndex(draw(seed, id, m, PURPOSE.damagesKind), this.lossCum)]!;
    const { out, fid } = this.book.decide('damages', {
      course: o.course.code,
      knownAt: o.knownAt,
      restoredAt: o.restoredAt,
      cause,
      cloudUsable: o.cloudUsable,
      lossKind,
      claimedAmount: claimed,
      ...(o.startDate !== undefined ? { startDate: o.startDate } : {}),
    });
    this.book.event(m, cid, `damages-${out.outcome}`, clauseOf(out), fid);
    const amount = out.outcome === 'not-limited' ? claimed : (out.fields.amount as number);
    if (amount !== 0) this.book.amount(id, m, cid, 'damages', clauseOf(out), -amount, fid);
  }
}
