import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { clauseCoverage, coverageLines, paragraphOf, type CoverageFile } from '../../src/engine/coverage.js';
import { clauseText } from '../../src/engine/review/clause-text.js';
import { crossReferenceFindings, termsParagraphs } from '../../src/engine/terms-structure.js';
import { tariff } from '../cli/run-tariff.js';
import { registry, scratchData } from './helpers.js';

const terms = readFileSync(join(PROJECT_ROOT, 'rules', 'terms-2023-09-19.txt'), 'utf8');
const file = JSON.parse(readFileSync(join(PROJECT_ROOT, 'rules', '2023-09-19', 'coverage.json'), 'utf8')) as CoverageFile;
const version = registry.ruleVersions[0]!;

describe('clause coverage', () => {
  const paragraphs = termsParagraphs(terms);
  const refs = new Set(paragraphs.map((p) => p.ref));

  it('splits articles into paragraphs, not into the numbered rows and items inside them', () => {
    expect(paragraphs.filter((p) => p.section === '第25条').map((p) => p.ref)).toEqual(['第25条第1項', '第25条第2項', '第25条第3項', '第25条第4項']);
    expect(paragraphs.filter((p) => p.section === '第23条').map((p) => p.ref)).toEqual(['第23条']);
    expect(paragraphs.filter((p) => p.section === '第43条').map((p) => p.ref)).toEqual(['第43条第1項', '第43条第2項']);
    expect(
      paragraphs
        .filter((p) => p.ref.startsWith('第'))
        .map((p) => p.section)
        .filter((s, i, a) => a.indexOf(s) === i),
    ).toHaveLength(48);
    expect(refs.has('別紙3表2') && refs.has('別紙6')).toBe(true);
  });

  it('maps a citation to its paragraph', () => {
    expect(paragraphOf('第9条第2項第1号', refs)).toBe('第9条第2項');
    expect(paragraphOf('第23条第3号', refs)).toBe('第23条');
    expect(paragraphOf('第27条', refs)).toBe('第27条');
    expect(paragraphOf('第25条', refs)).toBeUndefined();
  });

  it('finds the terms mis-citing 第24条 under the title of 第25条 (in 第32条)', () => {
    expect(crossReferenceFindings(terms)).toContainEqual({ at: '第32条', cited: '第24条', citedTitle: '利用料金の支払義務', actualTitle: '料金', titleBelongsTo: ['第25条'] });
    expect(clauseText(terms, '第32条')).toContain('消費税相当額を加算した額とします');
  });

  it('classifies every paragraph of the project terms; ends "N of M deciding paragraphs encoded"', () => {
    const report = clauseCoverage(terms, version, file);
    expect(report.unclassified).toEqual([]);
    expect(report.problems).toEqual([]);
    expect(report.rows.find((r) => r.ref === '第9条第2項')).toMatchObject({ status: 'encoded', rules: expect.arrayContaining(['approval/technically-infeasible']) });
    expect(report.rows.find((r) => r.ref === '第34条第1項')).toMatchObject({ status: 'encoded', rules: expect.arrayContaining(['damages/third-party', 'damages/compensate']) });
    expect(report.rows.find((r) => r.ref === '第47条第1項')).toMatchObject({ status: 'encoded', rules: ['cancellation/return-owed'] });
    expect(report.rows.filter((r) => r.status === 'not-encoded').map((r) => r.ref)).toEqual([]);
    expect(report.encoded).toBe(report.deciding);
    expect(report.rows.find((r) => r.ref === '第41条')!.status).toBe('non-deciding');
    expect(coverageLines(report).at(-1)).toBe(`${report.encoded} of ${report.deciding} deciding paragraphs encoded`);
  });

  it('shows a deciding paragraph whose only rule is removed as not encoded, and the count drops', () => {
    const cancellation = version.decisions.cancellation!;
    const without = { decisions: { ...version.decisions, cancellation: { ...cancellation, rules: cancellation.rules.filter((r) => r.id !== 'cancellation/return-owed') } } };
    const report = clauseCoverage(terms, without, file);
    expect(report.rows.find((r) => r.ref === '第47条第1項')).toMatchObject({ status: 'not-encoded', rules: [] });
    expect(report.encoded).toBe(report.deciding - 1);
    expect(coverageLines(report).at(-1)).toBe(`${report.deciding - 1} of ${report.deciding} deciding paragraphs encoded`);
  });

  it('reports a paragraph left out, a non-deciding paragraph a rule cites, and an unknown reference', () => {
    const { 第41条: _gone, ...rest } = file.nonDeciding;
    const report = clauseCoverage(terms, version, { ...file, nonDeciding: { ...rest, 第26条: 'not really', 第99条: 'no such' } });
    expect(report.unclassified).toEqual(['第41条']);
    expect(report.problems.map((p) => p.pointer)).toEqual(['/nonDeciding/第99条', '/nonDeciding/第26条']);
  });

  it('tariff coverage prints every paragraph and the count; validate fails while a paragraph is unclassified', () => {
    const r = tariff(['coverage', '--version', '2023-09-19']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^\d+ of \d+ deciding paragraphs encoded$/);
    expect(lines).toContain('cross-reference: 第32条 cites 第24条（利用料金の支払義務）, but 第24条 is titled （料金）; （利用料金の支払義務） is the title of 第25条');
    const json = JSON.parse(tariff(['coverage', '--json']).stdout) as { rows: { ref: string }[]; encoded: number };
    expect(json.rows.length).toBe(lines.filter((l) => /^(第|別紙)/u.test(l)).length);

    const data = scratchData();
    const path = join(data.rules, '2023-09-19', 'coverage.json');
    const broken = JSON.parse(readFileSync(path, 'utf8')) as CoverageFile;
    delete broken.nonDeciding['第41条'];
    writeFileSync(path, JSON.stringify(broken));
    const v = tariff(['validate', '--rules', data.rules, '--tariffs', data.tariffs]);
    expect(v.status).toBe(1);
    expect(v.stdout).toContain('第41条 is not classified');
    const c = tariff(['coverage', '--rules', data.rules, '--tariffs', data.tariffs]);
    expect(c.status).toBe(1);
    expect(c.stdout).toContain('第41条\t準拠法\tUNCLASSIFIED');
  });

  it('validate checks every quote against the terms: a width variant, or a quote from another clause, names the file and pointer', () => {
    const data = scratchData();
    const path = join(data.rules, '2023-09-19', 'cancellation.json');
    const rules = JSON.parse(readFileSync(path, 'utf8')) as { rules: { clause: string; quote: string }[]; parameters: Record<string, { quote: string }> };
    // The terms print ＳＩＭカード and ５営業日 in full width.
    rules.rules[0]!.quote = rules.rules[0]!.quote.replace('ＳＩＭ', 'SIM');
    rules.rules[1]!.clause = '第47条第1項';
    writeFileSync(path, JSON.stringify(rules));
    const v = tariff(['validate', '--rules', data.rules, '--tariffs', data.tariffs]);
    expect(v.status).toBe(1);
    const lines = v.stdout.split('\n').filter((l) => l.includes('cancellation.json'));
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^\\S*${'2023-09-19/cancellation.json'} /rules/0/quote: not the terms' text: "[^"]*SIMカード[^"]*"; quote verbatim`, 'u')),
      expect.stringMatching(/\/rules\/1\/quote: "[^"]+" is the terms' text but not 第47条第1項's: cite the clause it comes from, or quote 第47条第1項/u),
    ]);
    expect(tariff(['validate']).status).toBe(0);
  });
});
