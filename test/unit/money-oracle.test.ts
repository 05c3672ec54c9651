import { readFileSync } from 'node:fs';
import holidayJp from '@holiday-jp/holiday_jp';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, decideFast } from '../../src/engine/decide.js';
import type { CaseInput } from '../../src/engine/output-types.js';
import { registry, TODAY } from './helpers.js';

/**
 * The money decisions against an oracle written apart from the engine: prices read from the terms'
 * own text (別紙3表1, not tariffs/), the rest worked as case-files.md words it (別紙3表2's
 * same-family rule, 第7条, 第22条, 第34条第2項, 第47条第3項, 第30条第2項, 第32条's floor). Both
 * evaluation paths answer every random case as the oracle does.
 */
type Row = { name: string; fee: number; initial: number; printed: boolean; legacy: boolean; hasMinimum: boolean; model?: string; sim?: string; term: number; family?: string };
const TERMS = readFileSync(new URL('../../rules/terms-2023-09-19.txt', import.meta.url), 'utf8');
const table1 = TERMS.slice(TERMS.indexOf('別紙 3 表１（コース別料金表）'), TERMS.indexOf('別紙 3 表 2 （解約清算金）'));
const TERMS_OF: Record<string, number> = { 単月: 1, 半年: 6, '1年': 12, '2年': 24, '3年': 36, '5年': 60 };
const rows: Row[] = [...table1.matchAll(/(どこでも“me”REC.*?)\s+(?:([\d,]+)\s*円\s+)?([\d,]+)\s*円／月/g)].map((m) => {
  const name = m[1]!.trim();
  const n = name.normalize('NFKC');
  const mm = n.match(/(M5525|M2035)(N|D)・(単月|半年|1年|2年|3年|5年)コース・クラウド\s*(\d+)・(SN|S18)/);
  const legacy = mm === null;
  // 初期費 printed once per group (initialFeeScope group): 短期/長期 pairs, 雲台セット, ＋; M-series by model and SIM.
  const initial = legacy ? (/＋|\+/.test(n) ? 12000 : 8000) : mm[5] === 'S18' ? 15300 : 3500;
  return {
    name,
    fee: Number(m[3]!.replace(/,/g, '')),
    initial,
    printed: m[2] !== undefined,
    legacy,
    hasMinimum: legacy && n.includes('長期'),
    term: mm ? TERMS_OF[mm[3]!]! : 0,
    ...(mm ? { model: mm[1]!, sim: mm[5]!, family: `${mm[1]}${mm[2]}-${mm[4]}-${mm[5]}` } : {}),
  };
});
// 別紙3表3 (monthly options; PoE by the course's term; 単管パイプ by model, 初月のみ).
const OPTION: Record<string, number> = {
  'image-api-100k': 600,
  'image-api-500k': 1100,
  'image-api-1m': 1800,
  'image-api-fhd': 1800,
  'event-api': 600,
  'video-api': 4100,
  'place-ai': 4000,
  'place-ai-views': 1000,
};
const POE: Record<number, number> = { 1: 1600, 6: 1000, 12: 800, 24: 600, 36: 500, 60: 300 };

const DAY = 86_400_000;
const dim = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);
const ms = (d: string): number => Date.parse(`${d}T00:00:00Z`);
const mi = (s: string): number => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
const ym = (i: number): [number, number] => [Math.floor(i / 12), (i % 12) + 1];
const label = (i: number): string => `${ym(i)[0]}-${String(ym(i)[1]).padStart(2, '0')}`;
const lastDay = (i: number): string => `${label(i)}-${String(dim(...ym(i))).padStart(2, '0')}`;
/** 民法143条: n months from `start` end the day before the corresponding day, or at the end of a month without one. */
const periodEnd = (start: string, n: number): string => {
  const [y, m] = ym(mi(start) + n);
  const day = Number(start.slice(8));
  return day <= dim(y, m) ? iso(Date.UTC(y, m - 1, day) - DAY) : lastDay(mi(start) + n);
};
const elapsed = (start: string, end: string): number => {
  let k = 0;
  while (periodEnd(start, k + 1) <= end) k += 1;
  return k;
};
/** Σ fee ÷ days-of-month over units, exact, floored once (第29条). */
const LCM = 28n * 29n * 30n * 31n;
const feeOver = (fee: number, monthDays: number[]): number => Number(monthDays.reduce((a, d) => a + BigInt(fee) * (LCM / BigInt(d)), 0n) / LCM);

const row = fc.constantFrom(...rows);
const date = (from: string, days: number) => fc.integer({ min: 0, max: days }).map((n) => iso(ms(from) + n * DAY));
const run = async (c: CaseInput) => {
  const fast = decideFast(registry, c, { today: TODAY }) as unknown as Record<string, unknown>;
  return { fast, reference: (await decide(registry, c, { today: TODAY })) as unknown as Record<string, unknown> };
};
const agree = async (c: CaseInput, want: Record<string, unknown>) => {
  const { fast, reference } = await run(c);
  for (const out of [fast, reference]) for (const [k, v] of Object.entries(want)) expect([k, out[k]]).toEqual([k, v]);
};

describe('money decisions against an oracle read from the terms', () => {
  it('the terms print 150 courses, and every one resolves by its printed name', () => {
    expect(rows).toHaveLength(150);
  });

  it('monthlyCharge: 別紙3表1 fee (full or by day), 初期費 per initialFeeScope, 表3 options from their month, 第7条 free months, tax floored', async () => {
    await fc.assert(
      fc.asyncProperty(
        row,
        date('2023-09-19', 900),
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom('full-month', 'daily-prorate'),
        fc.constantFrom('group', 'printed-row'),
        fc.subarray(Object.keys(OPTION)),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 5 }),
        async (r, start, k, free, proration, scope, codes, poe, pipe, fromShift) => {
          const month = label(mi(start) + k);
          const list = [...codes, ...(r.sim === 'SN' && poe ? ['poe-injector'] : []), ...(!r.legacy && pipe ? ['pipe-mount'] : [])];
          const options = list.map((code, i) => (i % 2 ? { code, from: label(mi(start) + fromShift) } : code));
          let subtotal = 0;
          if (k + 1 > free) {
            const [y, m] = ym(mi(start));
            subtotal += proration === 'daily-prorate' && k === 0 ? Math.floor((r.fee * (dim(y, m) - Number(start.slice(8)) + 1)) / dim(y, m)) : r.fee;
          }
          if (k === 0 && (scope === 'group' || r.printed)) subtotal += r.initial;
          for (const o of options) {
            const code = typeof o === 'string' ? o : o.code;
            const from = typeof o === 'string' ? mi(start) : mi(o.from);
            if (code === 'pipe-mount') subtotal += mi(month) === from ? (r.model === 'M5525' ? 1700 : 3100) : 0;
            else if (mi(month) >= from) subtotal += code === 'poe-injector' ? POE[r.term]! : OPTION[code]!;
          }
          const c = {
            asOf: '2026-12-01',
            decision: 'monthlyCharge',
            facts: { course: r.name, startDate: start, month, freeMonths: free, options },
            interpretations: { partialMonthFee: proration, initialFeeScope: scope },
          };
          await agree(c as CaseInput, { outcome: 'charge', subtotal, tax: Math.floor(subtotal / 10), total: subtotal + Math.floor(subtotal / 10) });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('settlement: months used under both readings, 第7条 for courses with a minimum period, default paid as billed, 別紙3表2 (12ヶ月分 or the same-family rule)', async () => {
    await fc.assert(
      fc.asyncProperty(
        row,
        date('2023-09-19', 900),
        fc.integer({ min: 0, max: 70 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom('calendar-months', 'elapsed'),
        fc.constantFrom('full-month', 'daily-prorate'),
        fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: undefined }),
        async (r, start, span, endDay, free, reading, proration, paidGiven) => {
          const endMonth = mi(start) + span;
          let end = `${label(endMonth)}-${String(Math.min(endDay, dim(...ym(endMonth)))).padStart(2, '0')}`;
          if (end < start) end = start;
          let used: number;
          if (reading === 'elapsed') used = Math.max(0, elapsed(start, end) - (r.hasMinimum ? free : 0));
          else if (r.hasMinimum && free > 0 && end <= lastDay(mi(start) + free - 1)) used = 0;
          else used = Math.max(0, mi(end) - mi(start) - (r.hasMinimum ? free : 0) + 1);
          let paid = 0;
          for (let i = mi(start) + free; i <= mi(end); i += 1) {
            const d = dim(...ym(i));
            const first = i === mi(start) ? Number(start.slice(8)) : 1;
            const last = i === mi(end) ? Number(end.slice(8)) : d;
            paid += proration === 'full-month' || (first === 1 && last === d) ? r.fee : Math.floor((r.fee * (last - first + 1)) / d);
          }
          if (paidGiven !== undefined) paid = paidGiven;
          let gross: number | null = null;
          if (r.hasMinimum && used < 12) gross = 12 * r.fee;
          if (!r.legacy && used < r.term) {
            const basis = rows.filter((x) => x.family === r.family && x.term <= used).sort((a, b) => b.term - a.term)[0];
            gross = basis ? basis.fee * used : 0;
          }
          const amount = gross === null ? 0 : Math.max(0, gross - paid);
          const facts: Record<string, unknown> = { course: r.name, startDate: start, endDate: end, freeMonths: free };
          if (paidGiven !== undefined) facts.paid = paidGiven;
          const c = { asOf: '2026-12-01', decision: 'settlement', facts, interpretations: { monthsUsed: reading, partialMonthFee: proration } };
          await agree(c as CaseInput, { outcome: amount > 0 ? 'settle' : 'none', amount, tax: Math.floor(amount / 10), monthsUsed: used });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('damages: whole 24-hour blocks from knownAt (Asia/Tokyo), each at the dailyRate reading, floored once, capped by claimedAmount', async () => {
    await fc.assert(
      fc.asyncProperty(
        row,
        fc.integer({ min: 0, max: 700 * 24 * 60 }),
        fc.integer({ min: 0, max: 40 * 24 * 60 }),
        fc.constantFrom('own-month', 'known-month', 'thirty-days'),
        fc.option(fc.integer({ min: 0, max: 30_000 }), { nil: undefined }),
        async (r, startMinute, minutes, rate, claimed) => {
          const known = Date.UTC(2024, 0, 1) + startMinute * 60_000; // a Tokyo wall-clock instant, written with +09:00
          const wall = (t: number) => `${new Date(t).toISOString().slice(0, 16)}:00+09:00`;
          const blocks = Math.floor(minutes / (24 * 60));
          const days = Array.from({ length: blocks }, (_, i) => {
            const d = iso(rate === 'known-month' ? known : known + i * DAY);
            return rate === 'thirty-days' ? 30 : dim(Number(d.slice(0, 4)), Number(d.slice(5, 7)));
          });
          const amount = Math.min(feeOver(r.fee, days), claimed ?? Infinity);
          const facts: Record<string, unknown> = { course: r.name, knownAt: wall(known), restoredAt: wall(known + minutes * 60_000), cause: 'company', cloudUsable: false };
          if (claimed !== undefined) facts.claimedAmount = claimed;
          await agree({ asOf: '2026-12-01', decision: 'damages', facts, interpretations: { dailyRate: rate } } as unknown as CaseInput, {
            outcome: blocks ? 'compensate' : 'none',
            days: blocks,
            amount,
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('cancellation: 第22条 deadline and planned end, the return as cancellation date, the 第47条第3項 charge by dailyRate, tax by lateReturnTax', async () => {
    // businessDays: Monday–Friday less national holidays and 29 December – 3 January.
    const business = (d: string) => {
      const wd = new Date(ms(d)).getUTCDay();
      const md = d.slice(5);
      return wd !== 0 && wd !== 6 && md < '12-29' && md > '01-03' && !holidayJp.isHoliday(new Date(ms(d)));
    };
    const deadline = (d: string) => {
      let t = ms(d);
      for (let n = 0; n < 5;) if (business(iso((t -= DAY)))) n += 1;
      return iso(t);
    };
    await fc.assert(
      fc.asyncProperty(
        row,
        date('2024-01-01', 700),
        fc.integer({ min: -3, max: 20 }),
        fc.option(fc.integer({ min: -10, max: 40 }), { nil: undefined }),
        fc.boolean(),
        fc.constantFrom('own-month', 'known-month', 'thirty-days'),
        fc.constantFrom('taxed', 'untaxed'),
        async (r, desired, lead, returnShift, announced, rate, taxReading) => {
          const request = iso(ms(desired) - lead * DAY);
          const onTime = request <= deadline(desired);
          let planned = desired;
          if (!onTime) {
            let t = Math.max(ms(desired), ms(request)) + DAY;
            while (deadline(iso(t)) < request) t += DAY;
            planned = iso(t);
          }
          const returned = returnShift === undefined ? null : iso(Math.max(ms(request), ms(planned) + returnShift * DAY));
          const late = returned !== null && returned > planned && !announced ? (ms(returned) - ms(planned)) / DAY : 0;
          const first = iso(ms(planned) + DAY);
          const days = Array.from({ length: late }, (_, i) => {
            const d = rate === 'known-month' ? first : iso(ms(planned) + (i + 1) * DAY);
            return rate === 'thirty-days' ? 30 : dim(Number(d.slice(0, 4)), Number(d.slice(5, 7)));
          });
          const charge = feeOver(r.fee, days);
          const tax = taxReading === 'taxed' ? Math.floor(charge / 10) : 0;
          const facts = { course: r.name, requestDate: request, desiredEndDate: desired, returnedDate: returned, returnDelayAnnounced: announced };
          const want =
            returned === null
              ? {
                  outcome: 'pending',
                  noticeOnTime: onTime,
                  plannedEndDate: planned,
                  cancellationDate: null,
                  feesUntil: null,
                  lateReturnDays: 0,
                  lateReturnCharge: 0,
                  tax: 0,
                  total: 0,
                }
              : {
                  outcome: 'cancelled',
                  noticeOnTime: onTime,
                  plannedEndDate: planned,
                  cancellationDate: returned,
                  feesUntil: announced || returned <= planned ? returned : planned,
                  lateReturnDays: late,
                  lateReturnCharge: charge,
                  tax,
                  total: charge + tax,
                };
          await agree({ asOf: '2026-12-01', decision: 'cancellation', facts, interpretations: { dailyRate: rate, lateReturnTax: taxReading } } as unknown as CaseInput, want);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('paymentAllocation: payments by date (ties as given) settle bills by due date (ties as given), spilling over', async () => {
    const bill = fc.record({ due: fc.integer({ min: 0, max: 60 }), amount: fc.integer({ min: 1, max: 5000 }) });
    const payment = fc.record({ on: fc.integer({ min: 0, max: 90 }), amount: fc.integer({ min: 1, max: 6000 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(bill, { maxLength: 5 }), fc.array(payment, { maxLength: 5 }), async (bs, ps) => {
        const bills = bs.map((b, i) => ({ id: `b${i}`, dueDate: iso(Date.UTC(2024, 0, 1) + b.due * DAY), amount: b.amount }));
        const payments = ps.map((p) => ({ date: iso(Date.UTC(2024, 0, 1) + p.on * DAY), amount: p.amount }));
        const byKey = <T>(xs: T[], key: (x: T) => string) => xs.map((x, i) => ({ x, i })).sort((a, b) => key(a.x).localeCompare(key(b.x)) || a.i - b.i);
        const open = byKey(bills, (b) => b.dueDate).map(({ x }) => ({ id: x.id, amount: x.amount, paid: 0, settledDate: null as string | null }));
        const allocations: { payment: number; bill: string; amount: number }[] = [];
        let unapplied = 0;
        for (const { x: p, i } of byKey(payments, (q) => q.date)) {
          let left = p.amount;
          for (const b of open) {
            const take = Math.min(left, b.amount - b.paid);
            if (take === 0) continue;
            b.paid += take;
            left -= take;
            allocations.push({ payment: i, bill: b.id, amount: take });
            if (b.paid === b.amount) b.settledDate = p.date;
          }
          unapplied += left;
        }
        const want = {
          outcome: 'allocated',
          allocations,
          bills: open.map((b) => ({ id: b.id, paid: b.paid, outstanding: b.amount - b.paid, settledDate: b.settledDate })),
          unapplied,
        };
        await agree({ asOf: '2025-01-01', decision: 'paymentAllocation', facts: { bills, payments } } as unknown as CaseInput, want);
      }),
      { numRuns: 300 },
    );
  });
});
