import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, scratchFiles, tariff } from '../cli/run-tariff.js';
import { scratchData } from './helpers.js';

const { dir, write } = scratchFiles('tariff-cli-');
const settlement = {
  name: 'M2035N 3年 cancelled after 14 months',
  asOf: '2025-02-28',
  decision: 'settlement',
  facts: { course: 'どこでも“me”REC M2035N・3年コース・クラウド７・SN', startDate: '2024-01-01', endDate: '2025-02-28' },
  expect: { amount: 14000 },
};

describe('tariff CLI', () => {
  it('test: passing cases end with "N passed, N failed" and exit 0', () => {
    const r = tariff(['test', write('pass.json', [settlement, { ...settlement, expect: undefined }])]);
    expect(r.stdout.trim()).toBe('1 passed, 0 failed');
    expect(r.status).toBe(0);
  });

  it('test: a failing case prints file, name, the first differing key with expected and actual; exit 1', () => {
    const file = write('fail.json', { ...settlement, expect: { outcome: 'settle', amount: 13000 } });
    const r = tariff(['test', file]);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(`FAIL ${file} › M2035N 3年 cancelled after 14 months: /amount expected 13000, actual 14000`);
    expect(lines.at(-1)).toBe('0 passed, 1 failed');
    expect(r.status).toBe(1);
  });

  it('test: a file that is not JSON is an error of the whole run naming file and position; exit 2', () => {
    const file = write('broken.json', '[{"decision": "surcharge",\n  "facts": {]');
    const r = tariff(['test', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(/line 2, column \d+/);
  });

  it('test: JSON that is not a case or an array of cases is an error of the whole run with its pointer; exit 2', () => {
    const num = tariff(['test', write('number.json', '42')]);
    expect(num.status).toBe(2);
    expect(num.stderr).toContain('CASE_FILE_SHAPE');
    const arr = write('array.json', [settlement, 3]);
    const r = tariff(['test', arr]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${arr} /1`);
  });

  it('test: a path that does not exist is an error of the whole run naming it; exit 2', () => {
    const r = tariff(['test', join(dir, 'no-such-file.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('FILE_UNREADABLE');
    expect(r.stderr).toContain('no-such-file.json');
  });

  it('test: reads folders recursively in name order', () => {
    const sub = mkdtempSync(join(dir, 'suite-'));
    writeFileSync(join(sub, 'b.json'), JSON.stringify(settlement));
    writeFileSync(join(sub, 'a.json'), JSON.stringify({ ...settlement, expect: { amount: 1 }, name: 'first' }));
    const r = tariff(['test', sub]);
    expect(r.stdout.split('\n')[0]).toContain('a.json › first');
    expect(r.stdout).toContain('1 passed, 1 failed');
  });

  it('decide: prints the full output as JSON with clauses, trace and interpretations', () => {
    const out = JSON.parse(execFileSync(process.execPath, [BIN, 'decide', write('one.json', settlement)], { encoding: 'utf8' }));
    expect(out).toMatchObject({ outcome: 'settle', amount: 14000, tax: 1400, total: 15400, monthsUsed: 14, interpretations: { monthsUsed: 'calendar-months' } });
    expect(out.clauses).toContain('別紙3表2');
    expect(out.trace[0]).toMatchObject({ rule: 'settlement/m-series-before-term', clause: '別紙3表2', facts: { monthsUsed: 14, termMonths: 36 } });
  });

  it('decide: bad input is an invalid outcome with JSON pointers, never a crash', () => {
    const out = JSON.parse(
      execFileSync(
        process.execPath,
        [BIN, 'decide', write('bad.json', { asOf: '2025-01-01', decision: 'settlement', facts: { course: 'M2035N 4年', startDate: 20240101, endDate: '2025-01-01' } })],
        { encoding: 'utf8' },
      ),
    );
    expect(out.outcome).toBe('invalid');
    expect(out.errors).toContainEqual(expect.objectContaining({ path: '/facts/startDate' }));
    const unknown = JSON.parse(
      execFileSync(
        process.execPath,
        [
          BIN,
          'decide',
          write('unk.json', { asOf: '2025-01-01', decision: 'settlement', facts: { course: 'M2035N・4年コース・クラウド７・SN', startDate: '2024-01-01', endDate: '2025-01-01' } }),
        ],
        { encoding: 'utf8' },
      ),
    );
    expect(unknown.errors[0].path).toBe('/facts/course');
    expect(unknown.errors[0].message).toContain('M2035N・');
  });

  it('validate: the shipped data is valid; a broken rule file names file and pointer, exit 2', () => {
    expect(tariff(['validate']).status).toBe(0);
    const d = scratchData();
    writeFileSync(
      join(d.rules, '2023-09-19', 'surcharge.json'),
      JSON.stringify({ decision: 'surcharge', rules: [{ id: 'surcharge/x', name: 'x', quote: 'q', conditions: { all: [] }, event: { type: 't' } }] }),
    );
    const r = tariff(['validate', '--rules', d.rules, '--tariffs', d.tariffs]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('surcharge.json /rules/0');
    expect(r.stderr).toContain('missing required property "clause"');
  });

  it('validate: one mistake in a condition is one located error, not every other shape of condition', () => {
    const d = scratchData();
    const file = join(d.rules, '2023-09-19', 'lateInterest.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { rules: { conditions: { all: Record<string, unknown>[] } }[] };
    data.rules[0]!.conditions.all[0]!.path = '/amount';
    writeFileSync(file, JSON.stringify(data, null, 2));
    const r = tariff(['validate', '--rules', d.rules, '--tariffs', d.tariffs]);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('tariff validate: RULE_SCHEMA');
    expect(lines[1]).toMatch(/lateInterest\.json \/rules\/0\/conditions\/all\/0: unknown property "path": remove it or fix its spelling$/u);
  });

  it('courses: lists the courses in force, one a line with code, name and fee; before the first version it says so', () => {
    const r = tariff(['courses', '--date', '2024-01-01']);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(150);
    expect(lines).toContain('M2035N-3Y-C7-SN\tどこでも“me”REC M2035N・3年コース・クラウド７・SN\t3,680 円／月');
    const early = tariff(['courses', '--date', '2023-09-18']);
    expect(early.status).toBe(2);
    expect(early.stderr).toContain('2023-09-19');
  });

  it('--help works on every command; an unknown command exits 2', () => {
    for (const c of ['test', 'decide', 'validate', 'courses']) {
      const r = tariff([c, '--help']);
      expect(r.status, c).toBe(0);
      expect(r.stdout).toContain(`tariff ${c}`);
    }
    expect(tariff(['frobnicate']).status).toBe(2);
  });

  it('notice: the change notice of a draft version lists changed clauses and is written atomically as .md or .xlsx', () => {
    const d = scratchData();
    cpSync(join(d.rules, '2023-09-19'), join(d.rules, '2026-04-01'), { recursive: true });
    const li = join(d.rules, '2026-04-01', 'lateInterest.json');
    writeFileSync(li, readFileSync(li, 'utf8').replace('"value": 15,', '"value": 10,'));
    const index = JSON.parse(readFileSync(join(d.rules, 'index.json'), 'utf8'));
    index.versions.push({ effective: '2026-04-01', status: 'draft', dir: '2026-04-01' });
    writeFileSync(join(d.rules, 'index.json'), JSON.stringify(index));
    const r = tariff(['notice', '--version', '2026-04-01', '--rules', d.rules, '--tariffs', d.tariffs]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('### 第27条');
    expect(r.stdout).toContain('- 支払期日の翌日から起算して延滞利息がかからない日数（lateInterest.graceDays）: 15日 → 10日');
    const out = join(d.dir, 'notice.xlsx');
    const w = tariff(['notice', '--version', '2026-04-01', '--rules', d.rules, '--tariffs', d.tariffs, '--out', out]);
    expect(w.stdout).toContain('1 clause(s), 0 price change(s)');
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    // A folder as --out: refused naming it, the folder untouched and no side file left beside it.
    const folder = join(d.dir, 'notices');
    mkdirSync(folder);
    const f = tariff(['notice', '--version', '2026-04-01', '--rules', d.rules, '--tariffs', d.tariffs, '--out', folder]);
    expect(f.status).not.toBe(0);
    expect(f.stderr).toContain(folder);
    expect(readdirSync(folder)).toEqual([]);
    expect(readdirSync(d.dir).filter((n) => n.startsWith('notices.'))).toEqual([]);
  });
});
