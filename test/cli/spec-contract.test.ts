import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { todayInTokyo } from '../../src/engine/dates.js';
import { SPEC_EXAMPLE, scratchFiles, tariff } from './run-tariff.js';

/**
 * case-files.md's CLI sentences, each run as the spec writes it (the hidden acceptance tests do the
 * same): `tariff test PATH...` and `tariff decide FILE`, file format, expect matching, exit codes.
 */
const { dir, write } = scratchFiles('tariff-cli-spec-');
const SURCHARGE = { name: 'surcharge', asOf: '2025-02-28', decision: 'surcharge', facts: { evadedAmount: 100 } };

describe('tariff decide FILE prints each case’s full output as JSON', () => {
  it('a file of one object prints one object; a file of an array prints an array, in order', () => {
    const one = JSON.parse(tariff(['decide', write('one.json', SPEC_EXAMPLE)]).stdout);
    expect(one).toMatchObject({ outcome: 'settle', amount: 14000, tax: 1400, total: 15400, monthsUsed: 14 });
    expect(Object.keys(one)).toEqual(expect.arrayContaining(['outcome', 'clauses', 'trace', 'interpretations']));
    const many = tariff(['decide', write('many.json', [SPEC_EXAMPLE, { ...SURCHARGE, facts: { evadedAmount: 0 } }])]);
    expect(many.status).toBe(0);
    expect(JSON.parse(many.stdout)).toMatchObject([{ outcome: 'settle' }, { outcome: 'none' }]);
  });

  it('asOf defaults to today (Asia/Tokyo)', () => {
    const before = todayInTokyo();
    const out = JSON.parse(tariff(['decide', write('no-asof.json', { decision: 'surcharge', facts: { evadedAmount: 100 } })]).stdout);
    expect([before, todayInTokyo()]).toContain(out.asOf);
    expect(out.outcome).toBe('charge');
  });

  it('an unknown decision, a missing fact and a fact of the wrong type are invalid outcomes with JSON pointers; exit 0', () => {
    const r = tariff([
      'decide',
      write('invalid.json', [
        { decision: 'refund', facts: {} },
        { decision: 'surcharge', facts: {} },
        { decision: 'lateInterest', asOf: '2025-02-28', facts: { principal: 1000, dueDate: 20250101, paidDate: '2025-02-01' } },
      ]),
    ]);
    expect(r.status).toBe(0);
    const [unknown, missing, wrong] = JSON.parse(r.stdout);
    expect(unknown).toMatchObject({ outcome: 'invalid', errors: [{ path: '/decision' }] });
    expect(missing).toMatchObject({ outcome: 'invalid', errors: [{ path: '/facts/evadedAmount' }] });
    expect(wrong.outcome).toBe('invalid');
    expect(wrong.errors).toContainEqual(expect.objectContaining({ path: '/facts/dueDate', message: expect.any(String) }));
  });
});

describe('tariff test PATH... and expect', () => {
  it('only cases with expect count; the last line is "N passed, N failed"; exit 0 when all pass, 1 when any fails', () => {
    const pass = tariff(['test', write('count.json', [SPEC_EXAMPLE, { ...SURCHARGE }, { ...SURCHARGE, expect: { amount: 200, tax: 20, total: 220 } }])]);
    expect(pass.stdout).toBe('2 passed, 0 failed\n');
    expect(pass.status).toBe(0);
    const fail = tariff(['test', write('count-fail.json', [SPEC_EXAMPLE, { ...SURCHARGE, expect: { amount: 199 } }])]);
    expect(fail.stdout.split('\n').at(-2)).toBe('1 passed, 1 failed');
    expect(fail.status).toBe(1);
  });

  it('expect is a deep subset: any key of the output, nested objects too; a key the output lacks fails as absent', () => {
    const file = write('subset.json', [
      {
        ...SPEC_EXAMPLE,
        name: 'nested',
        expect: { interpretations: { monthsUsed: 'calendar-months' }, trace: [{ rule: 'settlement/m-series-before-term', facts: { monthsUsed: 14 } }] },
      },
      { ...SPEC_EXAMPLE, name: 'lacks', expect: { amount: 14000, refund: 0 } },
    ]);
    const r = tariff(['test', file]);
    expect(r.stdout).toBe(`FAIL ${file} › lacks: /refund expected 0, actual (absent)\n1 passed, 1 failed\n`);
  });

  it('arrays are compared as multisets: order is free, every element counts, duplicates included', () => {
    const clauses = ['別紙3表2', '第25条第4項', '第28条第3項', '別紙6'];
    const file = write('multiset.json', [
      { ...SPEC_EXAMPLE, name: 'reversed', expect: { clauses: [...clauses].reverse() } },
      { ...SPEC_EXAMPLE, name: 'one short', expect: { clauses: clauses.slice(1) } },
      { ...SPEC_EXAMPLE, name: 'a duplicate', expect: { clauses: [clauses[0], ...clauses.slice(0, 3)] } },
    ]);
    const lines = tariff(['test', file]).stdout.trim().split('\n');
    expect(lines.map((l) => l.split(' › ')[1]?.split(':')[0])).toEqual(['one short', 'a duplicate', undefined]);
    expect(lines.at(-1)).toBe('1 passed, 2 failed');
  });

  it('money is integer yen: 200 and 200.0 are the same number, "200" is not', () => {
    const file = write('yen.json', [
      { ...SURCHARGE, name: 'float form', expect: { amount: 200.0 } },
      { ...SURCHARGE, name: 'text', expect: { amount: '200' } },
    ]);
    expect(tariff(['test', file]).stdout).toBe(`FAIL ${file} › text: /amount expected "200", actual 200\n1 passed, 1 failed\n`);
  });

  it('a course in expect matches by course: code or printed name alike', () => {
    const file = write('course.json', { ...SPEC_EXAMPLE, expect: { basisCourse: 'M2035N-1Y-C7-SN' } });
    expect(tariff(['test', file]).stdout).toBe('1 passed, 0 failed\n');
  });

  it('several PATHs, files and folders mixed; a folder recursively in name order, *.json only', () => {
    const suite = join(dir, 'suite');
    mkdirSync(join(suite, 'b-sub'), { recursive: true });
    writeFileSync(join(suite, 'c.json'), JSON.stringify({ ...SURCHARGE, name: 'c', expect: { amount: 3 } }));
    writeFileSync(join(suite, 'b-sub', 'z.json'), JSON.stringify({ ...SURCHARGE, name: 'b-sub/z', expect: { amount: 2 } }));
    writeFileSync(join(suite, 'a.json'), JSON.stringify({ ...SURCHARGE, name: 'a', expect: { amount: 1 } }));
    writeFileSync(join(suite, 'notes.txt'), 'not a case');
    const single = write('single.json', { ...SURCHARGE, name: 'single', expect: { amount: 4 } });
    const r = tariff(['test', single, suite]);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(' › ')[1]?.split(':')[0] ?? l),
    ).toEqual(['single', 'a', 'b-sub/z', 'c', '0 passed, 4 failed']);
    expect(r.status).toBe(1);
  });

  it('a file that cannot be read stops the whole run with exit 2, even beside passing files', () => {
    const good = write('good.json', SPEC_EXAMPLE);
    const bad = write('bad.json', '{"decision": "surcharge", "facts": {"evadedAmount": 100}');
    const r = tariff(['test', good, bad]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${bad}: not valid JSON at line 1, column 57`);
  });
});
