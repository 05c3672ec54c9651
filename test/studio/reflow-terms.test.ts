import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clauseText } from '../../src/engine/review/clause-text.js';
import { reflowTerms } from '../../src/studio/renderer/ui/reflow-terms.js';

const terms = readFileSync(join(__dirname, '../../rules/terms-2023-09-19.txt'), 'utf8');
const squash = (s: string) => s.replace(/\s+/gu, '');

describe('reflowTerms: the terms as a reader reads them', () => {
  it('joins a sentence the printed page broke inside a word (第5条: 提供し / ます)', () => {
    const text = clauseText(terms, '第5条')!;
    expect(text).toContain('提供し\nます。');
    expect(reflowTerms(text)).toBe('第 5 条（提供区域）\n当社は、本サービスを、日本国内の株式会社ＮＴＴドコモのＬＴＥサービス提供区域において提供します。');
  });

  it('keeps the heading, paragraph numbers and items on lines of their own (第9条)', () => {
    const lines = reflowTerms(clauseText(terms, '第9条')!).split('\n');
    expect(lines[0]).toBe('第 9 条（契約申込の承諾）');
    expect(lines.filter((l) => /^\d\s/u.test(l)).map((l) => l[0])).toEqual(['1', '2', '3']);
    expect(lines.filter((l) => /^\(\d\)/u.test(l))).toHaveLength(4);
  });

  it('leaves an appendix table as printed, a row a line', () => {
    const text = clauseText(terms, '別紙3表2')!;
    expect(reflowTerms(text)).toBe(text);
  });

  it('changes only line breaks: every clause keeps its text, so a quote picked from it is the terms’ own', () => {
    for (const c of ['第5条', '第7条', '第9条', '第19条', '第22条', '第25条', '第27条', '第34条', '第46条', '第47条']) {
      const text = clauseText(terms, c)!;
      expect(squash(reflowTerms(text)), c).toBe(squash(text));
      expect(reflowTerms(text).split('\n').length, c).toBeLessThanOrEqual(text.split('\n').length);
    }
  });
});
