import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchData } from '../unit/helpers.js';
import { scratchFiles, tariff } from './run-tariff.js';

/**
 * A rule file edited by hand (rules/ is text under version control, not only the studio's
 * output) is held to the studio's own check: every quote is the terms' text, from the clause it
 * cites. The studio refuses such a save; tariff validate (quoteErrors, src/io/coverage-file.ts)
 * and tariff release build, which must never pack such a rule, refuse it too.
 */
type RuleFile = { rules: { quote: string; clause: string }[]; parameters?: Record<string, { quote: string }> };
const edit = (rules: string, decision: string, change: (f: RuleFile) => void): string => {
  const file = join(rules, '2023-09-19', `${decision}.json`);
  const data = JSON.parse(readFileSync(file, 'utf8')) as RuleFile;
  change(data);
  writeFileSync(file, JSON.stringify(data, null, 2));
  return file;
};

describe('a rule whose quote is not the terms’ text', () => {
  it('tariff validate names the rule file, the pointer of the quote and what to do; exit 1', () => {
    const d = scratchData();
    edit(d.rules, 'approval', (f) => {
      f.rules[1]!.quote = '当社は、いつでも申込を承諾しないことができます。';
    });
    const r = tariff(['validate', '--rules', d.rules, '--tariffs', d.tariffs]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /approval\.json \/rules\/1\/quote: not the terms' text: "当社は、いつでも申込を承諾しないことができます。"; quote verbatim \(mark a gap with …\) \(\S*terms-2023-09-19\.txt\)\n/u,
    );
    expect(r.stdout.trim().split('\n').at(-1)).toBe('invalid: 1 rule version, 1 tariff version; 1 error');
  });

  it('the terms’ text from another clause than the one cited is named as such', () => {
    const d = scratchData();
    const approval = JSON.parse(readFileSync(join(d.rules, '2023-09-19', 'approval.json'), 'utf8')) as RuleFile;
    edit(d.rules, 'approval', (f) => {
      f.rules[0]!.quote = approval.rules[1]!.quote;
    });
    const r = tariff(['validate', '--rules', d.rules, '--tariffs', d.tariffs]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /approval\.json \/rules\/0\/quote: "[^"]+" is the terms' text but not 第5条's: cite the clause it comes from, or quote 第5条 \(\S*terms-2023-09-19\.txt\)\n/u,
    );
  });

  it('a parameter’s quote is checked too', () => {
    const d = scratchData();
    let name = '';
    edit(d.rules, 'lateInterest', (f) => {
      name = Object.keys(f.parameters ?? {})[0]!;
      f.parameters![name]!.quote = '年 99 パーセントの割合';
    });
    expect(name).not.toBe('');
    const r = tariff(['validate', '--rules', d.rules, '--tariffs', d.tariffs]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`lateInterest.json /parameters/${name}/quote: not the terms' text`);
  });

  it('tariff release build refuses to pack it (exit 2, the same located error) and writes no release', () => {
    const d = scratchData();
    edit(d.rules, 'approval', (f) => {
      f.rules[1]!.quote = '当社は、いつでも申込を承諾しないことができます。';
    });
    const out = join(scratchFiles('tariff-forged-').dir, 'release.json');
    const r = tariff(['release', 'build', '--rules', d.rules, '--tariffs', d.tariffs, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("approval.json /rules/1/quote: not the terms' text");
    expect(r.stderr).not.toMatch(/\n\s+at /u);
    expect(existsSync(out)).toBe(false);
  });
});
