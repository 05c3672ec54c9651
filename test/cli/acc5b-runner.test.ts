import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFiles, tariff } from './run-tariff.js';

/**
 * The fifth acceptance reading (acc5b) of case-files.md's "The test runner", "File format" and the
 * second-round decisions, where a case file cannot say it: exit codes, the report lines, the order
 * of output arrays and the exact interpretations an output lists. Every expected value is worked by
 * hand from the terms and the spec.
 */
const { dir, write } = scratchFiles('tariff-acc5b-runner-');
const DAMAGES = {
  name: 'acc5b damages 3 days over Feb/Mar 2024',
  asOf: '2025-01-01',
  decision: 'damages',
  facts: { course: '短期コース', knownAt: '2024-02-28T10:00', restoredAt: '2024-03-02T10:00', cause: 'company', cloudUsable: false },
};
const LATE_RETURN = {
  name: 'acc5b late return 3 days',
  asOf: '2025-01-01',
  decision: 'cancellation',
  facts: { course: '短期コース', requestDate: '2024-06-03', desiredEndDate: '2024-06-10', returnedDate: '2024-06-13' },
};

describe('tariff test PATH...: report lines and exit codes', () => {
  it('all cases passing: exit 0 and the last line "N passed, 0 failed"; cases without expect are not counted', () => {
    const file = write('pass.json', [
      { ...DAMAGES, expect: { outcome: 'compensate', days: 3, amount: 2429 } },
      { ...LATE_RETURN, expect: { lateReturnDays: 3, lateReturnCharge: 2400, tax: 240, total: 2640 } },
      { ...LATE_RETURN, name: 'no expect: decided but not a test' },
    ]);
    const r = tariff(['test', file]);
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('2 passed, 0 failed');
  });

  it('one failing case among passing ones: exit 1, one line naming file, case, the first differing key, expected and actual', () => {
    const file = write('one-fails.json', [
      { ...DAMAGES, expect: { amount: 2429 } },
      { ...LATE_RETURN, name: 'acc5b wrong charge on purpose', expect: { lateReturnDays: 3, lateReturnCharge: 2500 } },
    ]);
    const r = tariff(['test', file]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('1 passed, 1 failed');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toContain('acc5b wrong charge on purpose');
    expect(lines[0]).toContain('lateReturnCharge');
    expect(lines[0]).toContain('2500');
    expect(lines[0]).toContain('2400');
  });

  it('several paths: the counts add up over the files, and a failure in any of them makes exit 1', () => {
    const a = write('several-a.json', { ...DAMAGES, expect: { days: 3 } });
    const b = write('several-b.json', [
      { ...DAMAGES, expect: { days: 2 } },
      { ...LATE_RETURN, expect: { outcome: 'cancelled' } },
    ]);
    const r = tariff(['test', a, b]);
    expect(r.status).toBe(1);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('2 passed, 1 failed');
  });

  it('a directory is read recursively, in name order: failures are reported in that order', () => {
    const root = join(dir, 'tree');
    mkdirSync(join(root, 'a-sub'), { recursive: true });
    write('tree/b.json', { ...DAMAGES, name: 'acc5b in b.json', expect: { days: 9 } });
    write('tree/a-sub/c.json', { ...DAMAGES, name: 'acc5b in a-sub/c.json', expect: { days: 8 } });
    write('tree/a.json', { ...DAMAGES, name: 'acc5b in a.json', expect: { days: 7 } });
    const r = tariff(['test', root]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('0 passed, 3 failed');
    // Name order is the order of the names' characters: "a-sub" < "a.json" < "b.json" ('-' is U+002D, '.' U+002E).
    expect(lines.slice(0, 3).map((l) => /acc5b in ([^\s:]+)/.exec(l)?.[1])).toEqual(['a-sub/c.json', 'a.json', 'b.json']);
  });

  it('a file that is not JSON stops the whole run: exit 2, file and position named, even beside a passing file', () => {
    const good = write('good.json', { ...DAMAGES, expect: { days: 3 } });
    const bad = write('bad.json', '[\n  {"decision": "damages", "facts": {"cause": company}}\n]\n');
    const r = tariff(['test', good, bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(bad);
    expect(r.stderr).toMatch(/line 2, column \d+/);
    expect(r.stdout).not.toMatch(/passed/);
  });

  it('a non-JSON file deep in a directory stops the run beside a failing case: exit 2 (not 1), the nested file named', () => {
    mkdirSync(join(dir, 'deep', 'x', 'y'), { recursive: true });
    write('deep/a.json', { ...DAMAGES, expect: { days: 4 } });
    const bad = write('deep/x/y/z.json', '{"decision": "damages",\n "facts": {}\n');
    const r = tariff(['test', join(dir, 'deep')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(bad);
    expect(r.stderr).toMatch(/line \d+, column \d+/);
  });

  it('a file that cannot be read (missing) is exit 2 naming it', () => {
    const missing = join(dir, 'no-such-case-file.json');
    const r = tariff(['test', missing]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(missing);
  });
});

describe('expect matching: deep subset, arrays as multisets', () => {
  const run = (expectPart: Record<string, unknown>): number | null =>
    tariff(['test', write(`m-${Math.random().toString(36).slice(2)}.json`, { ...LATE_RETURN, expect: expectPart })]).status;

  it('clauses in another order match; one clause too few or too many does not', () => {
    expect(run({ clauses: ['第47条第3項', '第25条第1項', '第22条'] })).toBe(0);
    expect(run({ clauses: ['第22条', '第47条第3項'] })).toBe(1);
    expect(run({ clauses: ['第22条', '第25条第1項', '第47条第3項', '第47条第3項'] })).toBe(1);
  });

  it('a nested object matches by the keys given; a wrong nested value does not', () => {
    expect(run({ interpretations: { lateReturnTax: 'taxed' } })).toBe(0);
    expect(run({ interpretations: { lateReturnTax: 'untaxed' } })).toBe(1);
  });

  it('a key the output does not have fails', () => {
    expect(run({ refund: 0 })).toBe(1);
  });
});

describe('tariff decide FILE: the second-round outputs in full', () => {
  const decide = (c: unknown): Record<string, unknown> => {
    const r = tariff(['decide', write(`d-${Math.random().toString(36).slice(2)}.json`, c)]);
    expect(r.status).toBe(0);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  };

  it('paymentAllocation lists its bills in due-date order (ties: as given), whatever order they were given in', () => {
    const out = decide({
      asOf: '2025-01-01',
      decision: 'paymentAllocation',
      facts: {
        bills: [
          { id: 'C', dueDate: '2024-07-31', amount: 3000 },
          { id: 'Y', dueDate: '2024-05-31', amount: 1000 },
          { id: 'X', dueDate: '2024-05-31', amount: 1000 },
          { id: 'B', dueDate: '2024-06-30', amount: 2000 },
        ],
        payments: [{ date: '2024-08-01', amount: 2500 }],
      },
    });
    expect((out.bills as { id: string }[]).map((b) => b.id)).toEqual(['Y', 'X', 'B', 'C']);
    expect(out.bills).toEqual([
      { id: 'Y', paid: 1000, outstanding: 0, settledDate: '2024-08-01' },
      { id: 'X', paid: 1000, outstanding: 0, settledDate: '2024-08-01' },
      { id: 'B', paid: 500, outstanding: 1500, settledDate: null },
      { id: 'C', paid: 0, outstanding: 3000, settledDate: null },
    ]);
    expect(out.unapplied).toBe(0);
  });

  it('damages lists exactly the readings it relied on: an override of a reading it does not use is not listed', () => {
    const out = decide({ ...DAMAGES, interpretations: { partialMonthFee: 'daily-prorate', lateReturnTax: 'untaxed' } });
    expect(out).toMatchObject({ outcome: 'compensate', days: 3, amount: 2429 });
    expect(out.interpretations).toEqual({ dailyRate: 'own-month', damagesAndWaiver: 'separate' });
    // case-files.md: "no tax (damages are no 別紙3 fee)": said in the field every taxed answer uses.
    expect(out).toMatchObject({ tax: 0, total: 2429 });
  });

  it('cancellation pending: cancellationDate and feesUntil null, the amounts 0, the notice still judged', () => {
    const out = decide({ ...LATE_RETURN, facts: { ...LATE_RETURN.facts, returnedDate: null } });
    expect(out).toMatchObject({
      outcome: 'pending',
      noticeOnTime: true,
      plannedEndDate: '2024-06-10',
      cancellationDate: null,
      feesUntil: null,
      lateReturnDays: 0,
      lateReturnCharge: 0,
      tax: 0,
      total: 0,
    });
  });

  it('an invalid second-round case: every error a JSON pointer into the case', () => {
    const out = decide({
      asOf: '2025-01-01',
      decision: 'paymentAllocation',
      facts: {
        bills: [
          { id: 'A', dueDate: '2024-05-31', amount: 100 },
          { id: 'B', dueDate: '2024-02-30', amount: 100 },
        ],
        payments: [{ date: '2024-06-01', amount: '100' }],
      },
    });
    expect(out.outcome).toBe('invalid');
    expect((out.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(['/facts/bills/1/dueDate', '/facts/payments/0/amount']);
  });
});
