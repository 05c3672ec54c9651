import { CONTRACT_EVENT_ITEMS } from './contract-events.js';
import type { SideResult, SimulationResult } from './result.js';

/**
 * The tables finance reads, derived from a result: summary, by month, by course, by item and
 * clause, events. Pure; the JSON, CSV and Excel exports all show these same numbers.
 */
export const CATEGORIES = ['monthlyFees', 'initialFees', 'options', 'outageWaivers', 'lateInterest', 'settlements', 'other', 'tax'] as const;
export type Category = (typeof CATEGORIES)[number];
export const EX_TAX: readonly Category[] = CATEGORIES.filter((c) => c !== 'tax');

export const CATEGORY_LABELS: Record<Category, string> = {
  monthlyFees: '月額料金 Monthly fees',
  initialFees: '初期費 Initial fees',
  options: 'オプション Options',
  outageWaivers: '利用不能減免 Outage waivers',
  lateInterest: '延滞利息 Late interest',
  settlements: '解約清算金 Settlements',
  other: 'その他 Other',
  tax: '消費税 Consumption tax',
};

/** The simulator's own item names (ledger rows it writes besides the monthly charge lines). */
const ITEM_CATEGORY: Record<string, Category> = {
  'monthly-fee': 'monthlyFees',
  'initial-fee': 'initialFees',
  'outage-waiver': 'outageWaivers',
  'late-interest': 'lateInterest',
  settlement: 'settlements',
  tax: 'tax',
  ...Object.fromEntries(Object.entries(CONTRACT_EVENT_ITEMS).map(([item, x]) => [item, x.category])),
};

export const categoryOf = (item: string, optionCodes: ReadonlySet<string>): Category => ITEM_CATEGORY[item] ?? (optionCodes.has(item) ? 'options' : 'other');

export type Money = Record<Category, number>;
export type SummaryRow = { key: string; label: string; kind: 'yen' | 'count'; baseline: number; proposal: number; difference: number };
export type MonthRow = { month: string; baseline: Money; proposal: Money };
export type CourseFigures = { contractMonths: number; feesAndOptions: number; outageWaivers: number; lateInterest: number; settlements: number; other: number; netExTax: number };
export type CourseRow = { code: string; name: string; baseline: CourseFigures; proposal: CourseFigures };
export type ItemRow = { item: string; name: string; clause: string; baseline: { amount: number; rows: number }; proposal: { amount: number; rows: number } };
export type EventViewRow = { event: string; clause: string; baseline: number; proposal: number };
export type Views = { summary: SummaryRow[]; byMonth: MonthRow[]; byCourse: CourseRow[]; byItem: ItemRow[]; events: EventViewRow[] };

const zeroMoney = (): Money => Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Money;
export const netExTax = (m: Money): number => EX_TAX.reduce((a, c) => a + m[c], 0);

/** The by-item rows' names of the items the simulator makes itself (an option is named from the tariff); the studio labels each in its language (renderer scenarios/item-label.ts). */
export const ITEM_NAMES: Record<string, string> = {
  'monthly-fee': '月額料金',
  'initial-fee': '初期費',
  'outage-waiver': '利用不能時間の料金減免',
  'late-interest': '延滞利息',
  settlement: '解約清算金',
  tax: '消費税相当額',
  ...Object.fromEntries(Object.entries(CONTRACT_EVENT_ITEMS).map(([item, x]) => [item, x.name])),
};

/** Summary counts: [key, label, events counted (by name, or by a name prefix ending in "-")]. */
const COUNTS: [string, string, string[]][] = [
  ['contracts', '契約数 Contracts in the horizon', ['contract']],
  ['newContracts', '新規契約 New contracts', ['new-contract']],
  // Every month a contract is in force in the horizon, its free months (第7条) included: not the
  // months billed a fee (a free month is billed none). Fees ÷ this is not a fee per month billed.
  ['contractMonths', '契約月数（無料月込） Contract-months incl. free', ['contract-month']],
  ['courseChangesAllowed', 'コース変更（第15条） Course changes allowed', ['course-change-allowed']],
  ['courseChangesRefused', 'コース変更拒否（第15条） Course changes refused', ['course-change-refused']],
  ['cancellations', '解約申出（第22条） Cancellation requests', ['cancellation-']],
  ['cancellationsLate', 'うち期限後（第22条） of which late', ['cancellation-late']],
  ['suspensions', '利用停止（第19条） Suspensions', ['suspension']],
  ['suspendedMonths', '利用停止月数 Suspended contract-months', ['suspended-month']],
  ['terminations', '当社解約（第23条） Terminations', ['termination']],
  ['settlementsDue', '解約清算金あり Settlements due', ['settlement-settle']],
  ['outages', '利用不能 Outages', ['outage-waiver-']],
  ['outagesWaived', 'うち減免（第25条第2項） of which waived', ['outage-waiver-waive']],
  ['latePayments', '支払遅延 Late payments', ['late-payment']],
  ['lateInterestCharged', '延滞利息あり（第27条） Late interest charged', ['late-interest-charge']],
  ['unpaid', '未払 Bills never paid', ['unpaid']],
];

const countOf = (side: SideResult, names: string[]): number =>
  side.events.reduce((a, e) => (names.some((n) => (n.endsWith('-') ? e.event.startsWith(n) : e.event === n)) ? a + e.count : a), 0);

export function buildViews(r: SimulationResult): Views {
  const optionCodes = new Set(r.options.map((o) => o.code));
  const optionNames = new Map(r.options.map((o) => [o.code, o.name]));
  const monthIdx = new Map(r.months.map((m, i) => [m, i]));
  const sides = [r.baseline, r.proposal] as const;
  // By month.
  const byMonth: MonthRow[] = r.months.map((month) => ({ month, baseline: zeroMoney(), proposal: zeroMoney() }));
  sides.forEach((s, k) => {
    for (const a of s.amounts) {
      const row = byMonth[monthIdx.get(a.month)!]!;
      const money = k === 0 ? row.baseline : row.proposal;
      money[categoryOf(a.item, optionCodes)] += a.amount;
    }
  });
  // By course.
  const courseFig = (): CourseFigures => ({ contractMonths: 0, feesAndOptions: 0, outageWaivers: 0, lateInterest: 0, settlements: 0, other: 0, netExTax: 0 });
  const courses = new Map(r.courses.map((c) => [c.code, { code: c.code, name: c.name, baseline: courseFig(), proposal: courseFig() }]));
  sides.forEach((s, k) => {
    for (const a of s.amounts) {
      const f = k === 0 ? courses.get(a.course)!.baseline : courses.get(a.course)!.proposal;
      const cat = categoryOf(a.item, optionCodes);
      if (cat === 'tax') continue;
      if (cat === 'monthlyFees' || cat === 'initialFees' || cat === 'options') f.feesAndOptions += a.amount;
      else if (cat === 'outageWaivers') f.outageWaivers += a.amount;
      else if (cat === 'lateInterest') f.lateInterest += a.amount;
      else if (cat === 'settlements') f.settlements += a.amount;
      else f.other += a.amount;
      f.netExTax += a.amount;
    }
    for (const e of s.events) if (e.event === 'contract-month') (k === 0 ? courses.get(e.course)!.baseline : courses.get(e.course)!.proposal).contractMonths += e.count;
  });
  const byCourse = [...courses.values()].filter((c) => c.baseline.contractMonths || c.proposal.contractMonths || c.baseline.netExTax || c.proposal.netExTax);
  // By item and clause.
  const items = new Map<string, ItemRow>();
  sides.forEach((s, k) => {
    for (const a of s.amounts) {
      const key = `${a.item}\u0000${a.clause}`;
      let row = items.get(key);
      if (!row) {
        row = { item: a.item, name: ITEM_NAMES[a.item] ?? optionNames.get(a.item) ?? a.item, clause: a.clause, baseline: { amount: 0, rows: 0 }, proposal: { amount: 0, rows: 0 } };
        items.set(key, row);
      }
      const x = k === 0 ? row.baseline : row.proposal;
      x.amount += a.amount;
      x.rows += a.rows;
    }
  });
  const byItem = [...items.values()].sort((a, b) => (a.item < b.item ? -1 : a.item > b.item ? 1 : a.clause < b.clause ? -1 : a.clause > b.clause ? 1 : 0));
  // Events.
  const events = new Map<string, EventViewRow>();
  sides.forEach((s, k) => {
    for (const e of s.events) {
      const key = `${e.event}\u0000${e.clause}`;
      let row = events.get(key);
      if (!row) {
        row = { event: e.event, clause: e.clause, baseline: 0, proposal: 0 };
        events.set(key, row);
      }
      if (k === 0) row.baseline += e.count;
      else row.proposal += e.count;
    }
  });
  const eventRows = [...events.values()].sort((a, b) => (a.event < b.event ? -1 : a.event > b.event ? 1 : a.clause < b.clause ? -1 : a.clause > b.clause ? 1 : 0));
  // Summary.
  const total = (k: 0 | 1): Money => {
    const m = zeroMoney();
    for (const row of byMonth) for (const c of CATEGORIES) m[c] += (k === 0 ? row.baseline : row.proposal)[c];
    return m;
  };
  const [tb, tp] = [total(0), total(1)];
  const yen = (key: string, label: string, b: number, p: number): SummaryRow => ({ key, label, kind: 'yen', baseline: b, proposal: p, difference: p - b });
  const summary: SummaryRow[] = [
    ...EX_TAX.map((c) => yen(c, CATEGORY_LABELS[c], tb[c], tp[c])),
    yen('netExTax', '税抜収入 Net revenue ex tax', netExTax(tb), netExTax(tp)),
    yen('tax', CATEGORY_LABELS.tax, tb.tax, tp.tax),
    yen('totalInclTax', '税込合計 Total incl. tax', netExTax(tb) + tb.tax, netExTax(tp) + tp.tax),
    ...COUNTS.map(([key, label, names]): SummaryRow => {
      const b = countOf(r.baseline, names);
      const p = countOf(r.proposal, names);
      return { key, label, kind: 'count', baseline: b, proposal: p, difference: p - b };
    }),
  ];
  return { summary, byMonth, byCourse, byItem, events: eventRows };
}
