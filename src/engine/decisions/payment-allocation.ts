import { date, factsObject, type DecisionDef } from '../decision-kit.js';
import { MAX_YEN } from '../money.js';

/**
 * 第30条第2項: fees are paid in the order their due dates arrive. Payments, in date order (same
 * date: as given), settle the bills in due-date order (same due date: as given), a payment
 * spilling over to the next bill; each bill gets the date it became fully paid, so 第27条
 * interest can be asked per bill. Amounts are tax included, as billed.
 */
type Bill = { id: BillId; dueDate: string; amount: number };
type Payment = { date: string; amount: number };
type Facts = { bills: Bill[]; payments: Payment[] };

/**
 * A bill's id: case-files.md gives `id` no type, so a string (not empty) or a number, echoed back
 * as given in `bills[].id` and `allocations[].bill`. Any number a JSON number can write exactly is
 * an id (1, 2.5, -3: a label, not a quantity, so nothing is gained by refusing a fraction); beyond
 * ±(2^53 − 1) JSON.parse rounds the digits, so such an id could not be echoed as written and two
 * different ids could meet: refused (write a long id as a string).
 */
export type BillId = string | number;
const billId = {
  type: ['string', 'number'],
  minLength: 1,
  minimum: -Number.MAX_SAFE_INTEGER,
  maximum: Number.MAX_SAFE_INTEGER,
  description: 'the bill\'s own name: a string or a number, echoed as given; 1 and "1" are one id',
} as const;
/**
 * The bill an id names: 1 and "1" are one bill. Reports print an id as text (the CLI, the studio's
 * table, a spreadsheet), where the two cannot be told apart, so a case that gives both means one
 * bill twice; a repeated id stays an error (DUPLICATE_ID).
 */
const billKey = (id: BillId): string => String(id);

/** A bill: at least 1 yen (a bill of 0 yen owes nothing, and 第30条第2項 gives it no date of settlement), at most MAX_YEN. */
const positiveYen = { type: 'integer', minimum: 1, maximum: MAX_YEN } as const;
/** A payment: 0 yen or more (a payment of 0, e.g. a transfer recorded without money, settles nothing), at most MAX_YEN. */
const paymentYen = { type: 'integer', minimum: 0, maximum: MAX_YEN } as const;
/**
 * A bill and a payment are read by the keys case-files.md gives them; other keys (a note, a
 * payment method) are the writer's own and ignored. Unlike an unknown fact at the top level (a
 * misspelt optional fact would pass as its default), every key read here is required, so a
 * misspelt one is still a missing key: nothing wrong passes silently.
 */
const billSchema = {
  type: 'object',
  required: ['id', 'dueDate', 'amount'],
  properties: { id: billId, dueDate: date, amount: positiveYen },
};
const paymentSchema = { type: 'object', required: ['date', 'amount'], properties: { date, amount: paymentYen } };

/** Sorts by key, keeping the given order for equal keys; returns the original indexes. */
const stableOrder = <T>(xs: readonly T[], key: (x: T) => string): number[] =>
  xs
    .map((x, i) => ({ i, k: key(x) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i))
    .map((x) => x.i);

export const paymentAllocation: DecisionDef<Facts, Facts> = {
  name: 'paymentAllocation',
  factsSchema: factsObject({ bills: { type: 'array', items: billSchema }, payments: { type: 'array', items: paymentSchema } }, ['bills', 'payments']),
  checksFacts: true,
  prepare: (facts, ctx) => {
    const seen = new Map<string, number>();
    // Each bill's id is checked where it is itself well-typed: a bill with another fault (an amount of
    // the wrong type) still has its id compared, and a case with wrong payments still has its ids checked.
    const typed = ctx.wellTyped;
    const bills: unknown = facts.bills;
    if (Array.isArray(bills))
      (bills as Bill[]).forEach((b, i) => {
        if (typed && !typed(`/facts/bills/${i}/id`)) return;
        const key = billKey(b.id);
        const before = seen.get(key);
        if (before === undefined) {
          seen.set(key, i);
          return;
        }
        const other = (bills as Bill[])[before]!.id;
        // 1 and "1": said, so the number beside the string is no puzzle.
        const same =
          typeof other === typeof b.id ? 'is also the id of' : `names the same bill as ${JSON.stringify(other)} (a number and a string of the same digits are one id), the id of`;
        ctx.errors.push({
          path: `/facts/bills/${i}/id`,
          message: `bill id ${JSON.stringify(b.id)} ${same} /facts/bills/${before}; give each bill its own id`,
          code: 'DUPLICATE_ID',
        });
      });
    if (ctx.errors.length || typed) return undefined;
    return { facts: { billCount: facts.bills.length, paymentCount: facts.payments.length }, state: facts };
  },
  finish: (fired, s) => {
    const billOrder = stableOrder(s.bills, (b) => b.dueDate);
    const paymentOrder = stableOrder(s.payments, (p) => p.date);
    const ordered = fired.some((f) => f.type === 'allocate');
    const state = billOrder.map((i) => ({ bill: s.bills[i]!, paid: 0, settledDate: null as string | null }));
    const allocations: { payment: number; bill: BillId; amount: number }[] = [];
    let unapplied = 0;
    let next = 0;
    for (const p of paymentOrder) {
      const payment = s.payments[p]!;
      let left = payment.amount;
      while (ordered && left > 0 && next < state.length) {
        const b = state[next]!;
        const take = Math.min(left, b.bill.amount - b.paid);
        b.paid += take;
        left -= take;
        allocations.push({ payment: p, bill: b.bill.id, amount: take });
        if (b.paid === b.bill.amount) {
          b.settledDate = payment.date;
          next += 1;
        }
      }
      unapplied += left;
    }
    return {
      outcome: 'allocated',
      clauses: ['第30条第2項'],
      fields: { allocations, bills: state.map((b) => ({ id: b.bill.id, paid: b.paid, outstanding: b.bill.amount - b.paid, settledDate: b.settledDate })), unapplied },
    };
  },
};
