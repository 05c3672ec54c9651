import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchData } from '../unit/helpers.js';
import { scratchFiles, SPEC_EXAMPLE, tariff } from './run-tariff.js';

/**
 * A rules/ or tariffs/ file broken on disk (emptied, cut short by a failed copy, deleted): one
 * located line per problem, with what to do for a data file (not a case file's advice), and no
 * second line calling a file that is there "missing".
 */
const approval = (rules: string): string => join(rules, '2023-09-19', 'approval.json');

describe('a broken rule or tariff file', () => {
  it('an empty rule file: one line, the advice of a data file, no "missing" line after it; exit 2', () => {
    const d = scratchData();
    writeFileSync(approval(d.rules), '');
    const r = tariff(['validate', '--rules', d.rules, '--tariffs', d.tariffs]);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      'tariff validate: JSON_SYNTAX',
      expect.stringMatching(
        /2023-09-19\/approval\.json: not valid JSON at line 1, column 1: Unexpected end of JSON input\. The file is empty: restore it from version control \(git checkout -- FILE\), or write the folders again from a workspace \(tariff workspace export\)\.$/u,
      ),
    ]);
    expect(r.stderr).not.toContain('write a case');
  });

  it('a rule file cut off inside a character is named as cut off, not as Shift_JIS', () => {
    const d = scratchData();
    const file = approval(d.rules);
    const bytes = readFileSync(file);
    // The first byte of a three-byte character (当, 0xE5 0xBD 0x93), and the next one: the file ends inside it.
    const at = bytes.indexOf(Buffer.from('当社', 'utf8'));
    truncateSync(file, at + 2);
    for (const args of [
      ['validate', '--rules', d.rules, '--tariffs', d.tariffs],
      ['test', scratchFiles('tariff-cut-').write('case.json', SPEC_EXAMPLE), '--rules', d.rules, '--tariffs', d.tariffs],
    ]) {
      const r = tariff(args);
      expect(r.status, args[0]).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines, args[0]).toHaveLength(2);
      expect(lines[1], args[0]).toMatch(
        /2023-09-19\/approval\.json: ends inside a UTF-8 character \(its last 2 bytes, from line \d+, column \d+, begin a 3-byte character\): the file was cut off\. Restore it from version control or a backup\.$/u,
      );
      expect(r.stderr, args[0]).not.toContain('Shift_JIS');
    }
  });

  it('a deleted rule file names the path under the rules folder given, and what to do', () => {
    const d = scratchData();
    rmSync(approval(d.rules));
    const r = tariff(['validate', '--rules', d.rules, '--tariffs', d.tariffs]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      'tariff validate: RULE_MISSING',
      expect.stringMatching(
        /rules\/2023-09-19\/approval\.json: missing: a rule version holds one file per decision; restore it from version control \(git checkout -- FILE\), or write the folders again from a workspace \(tariff workspace export\)$/u,
      ),
    ]);
  });

  it('an empty tariff file gets the same advice', () => {
    const d = scratchData();
    writeFileSync(join(d.tariffs, '2023-09-19', 'courses.json'), '  \n');
    const r = tariff(['validate', '--rules', d.rules, '--tariffs', d.tariffs]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('courses.json: not valid JSON at line 2, column 1: Unexpected end of JSON input. The file is empty: restore it from version control');
  });
});

describe('a rule citing a paragraph the terms do not have', () => {
  it('is named in the rule file at the pointer of its clause, with what to do (not in coverage.json)', () => {
    const d = scratchData();
    const file = approval(d.rules);
    const data = JSON.parse(readFileSync(file, 'utf8')) as { rules: { clause: string }[] };
    data.rules[0]!.clause = '第5条第9項';
    writeFileSync(file, JSON.stringify(data, null, 2));
    const r = tariff(['validate', '--rules', d.rules, '--tariffs', d.tariffs]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /2023-09-19\/approval\.json \/rules\/0\/clause: approval\/outside-service-area cites 第5条第9項, which is no paragraph of the terms: cite one they have \(tariff coverage lists them\)\n/u,
    );
    expect(r.stdout).not.toMatch(/coverage\.json: approval\/outside-service-area cites/u);
  });
});

describe('a folder of case files with several broken ones', () => {
  it('tariff test and validate name every broken file in one run (not only the first), exit 2', () => {
    const f = scratchFiles('tariff-many-broken-');
    f.write('a-good.json', SPEC_EXAMPLE);
    f.write('b-empty.json', '');
    f.write('c-sjis.json', Buffer.from([0x7b, 0x22, 0x83, 0x52, 0x22, 0x3a, 0x31, 0x7d]));
    f.write('d-shape.json', '[1]');
    for (const command of ['test', 'validate']) {
      const r = tariff([command, f.dir]);
      expect(r.status, command).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines[0], command).toBe(`tariff ${command}: JSON_SYNTAX`);
      expect(
        lines.slice(1).map((l) => /^\s+\S*\/([a-z]-\w+\.json)/u.exec(l)?.[1]),
        command,
      ).toEqual(['b-empty.json', 'c-sjis.json', 'd-shape.json']);
    }
  });
});

describe('an index.json that lists no version', () => {
  it('is an error of validate, test and decide, located at /versions with what to do, not "ok" nor a case answered "in force on (none loaded)"', () => {
    for (const kind of ['rules', 'tariffs'] as const) {
      const d = scratchData();
      const index = join(d[kind], 'index.json');
      writeFileSync(index, JSON.stringify({ ...(JSON.parse(readFileSync(index, 'utf8')) as object), versions: [] }, null, 2));
      const want = `${kind}/index.json /versions: lists no version; the engine needs at least one (a folder per version, named in "versions"). Restore index.json from version control, or write the folders again from a workspace (tariff workspace export).`;
      const cases = scratchFiles('tariff-no-version-').write('case.json', SPEC_EXAMPLE);
      for (const args of [['validate'], ['test', cases], ['decide', cases]]) {
        const r = tariff([...args, '--rules', d.rules, '--tariffs', d.tariffs]);
        expect(r.status, `${kind} ${args[0]}`).toBe(2);
        expect(r.stderr.trim().split('\n'), `${kind} ${args[0]}`).toEqual([
          `tariff ${args[0]}: INDEX_EMPTY`,
          expect.stringMatching(new RegExp(`${want.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')}$`, 'u')),
        ]);
      }
    }
  });
});
