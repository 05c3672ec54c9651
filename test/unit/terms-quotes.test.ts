import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { clauseText } from '../../src/engine/review/clause-text.js';
import { registry } from './helpers.js';

/**
 * Every quote in the rules is the terms' own text, character for character: white space and line
 * breaks aside, nothing is normalized (full-width ＳＩＭ is not SIM, 第26条's ｡ is not 。).
 */
const squash = (s: string): string => s.replace(/\s+/gu, '');
const rawTerms = readFileSync(join(PROJECT_ROOT, 'rules', 'terms-2023-09-19.txt'), 'utf8');
const terms = squash(rawTerms);
const version = registry.ruleVersions[0]!;

describe('rules quote the terms', () => {
  const quotes = Object.values(version.decisions).flatMap((f) => [
    ...f.rules.map((r) => ({ where: r.id, quote: r.quote, clause: r.clause })),
    ...Object.entries(f.parameters ?? {}).map(([k, p]) => ({ where: `${f.decision}.parameters.${k}`, quote: p.quote, clause: p.clause })),
  ]);
  it.each(quotes.map((q) => [q.where, q.quote]))('%s quotes the terms', (_where, quote) => {
    // Each piece is the terms' own text, contiguous; a quote stitched from pieces marks every gap
    // with … (case-files.md), so a gap without … fails, and a … where nothing was left out fails.
    const pieces = quote.split('…').map(squash);
    let from = 0;
    pieces.forEach((piece, i) => {
      expect(piece.length, `empty piece ${i} around a …`).toBeGreaterThan(0);
      const at = terms.indexOf(piece, from);
      expect(at, `not in the terms (after the previous piece), verbatim: ${piece}`).toBeGreaterThanOrEqual(0);
      if (i > 0) expect(terms.includes(pieces[i - 1]! + piece), `… marks no gap: ${pieces[i - 1]}…${piece}`).toBe(false);
      from = at + piece.length;
    });
  });

  it.each(quotes.map((q) => [q.where, q.clause, q.quote]))('%s: its clause %s is where its quote comes from', (_where, clause, quote) => {
    const text = clauseText(rawTerms, clause);
    expect(text, `no text for ${clause}`).toBeDefined();
    for (const piece of quote.split('…').map(squash)) expect(squash(text!).includes(piece), `not in ${clause}: ${piece}`).toBe(true);
  });

  it.each(quotes.filter((q) => /第\d+号$/u.test(q.clause)).map((q) => [q.where, q.clause, q.quote]))('%s: its quote holds item %s itself', (_where, clause, quote) => {
    // A citation down to an item (号) quotes that item, not a neighbour: its opening line is in the quote.
    const item = Number(/第(\d+)号$/u.exec(clause)![1]);
    const lines = clauseText(rawTerms, clause)!.split('\n');
    // Items print as (1) (2)… in a paragraph (第9条第2項第1号); 第23条, one paragraph, prints its items 1 2 3 (with (1)… under 3).
    const paren = lines.find((l) => l.startsWith(`(${item})`));
    const plain = lines.find((l) => l.startsWith(`${item} `));
    const opening = /第\d+項/u.test(clause) ? paren : (plain ?? paren);
    expect(opening, `no item ${item} in ${clause}'s text`).toBeDefined();
    expect(squash(quote).includes(squash(opening!)), `${clause}: the quote does not hold item ${item} (${opening})`).toBe(true);
  });

  it('a width variant of the terms is not a quote', () => {
    // The terms print ＳＩＭカード (full width) in 第22条; SIMカード is another text.
    expect(terms.includes(squash('カメラ装置及びＳＩＭカードを当社指定の場所に返還頂き'))).toBe(true);
    expect(terms.includes(squash('カメラ装置及びSIMカードを当社指定の場所に返還頂き'))).toBe(false);
  });

  it('別紙5 quotes its table, printed after 別紙6, as 別紙5', () => {
    const text = clauseText(rawTerms, '別紙5')!;
    expect(text).toContain('当社が別に定める内容 契約者が支払いを要する料金等の額に対して当社の請求に係る費用が');
    expect(clauseText(rawTerms, '別紙6')).not.toContain('規定内容');
    const rule = version.decisions.billingCorrection!.rules.find((r) => r.id === 'billingCorrection/waived-by-appendix-5')!;
    expect(squash(rule.quote)).toContain(squash('当社の請求に係る費用が過大となると見込まれる場合'));
  });

  it('rejects a gap without …', () => {
    const stitched = squash('当社は、前項の規定にかかわらず、次のいずれかに該当すると当社が判断した場合、申込を承諾しないことがあります。(2) 本契約の申込をした者が');
    expect(terms.includes(stitched)).toBe(false);
  });

  it('every course name is printed in 別紙3表1 as stored', () => {
    for (const c of registry.tariffVersions[0]!.courses) expect(terms.includes(squash(c.name)), c.name).toBe(true);
  });

  it('every rule cites a clause that exists in the terms', () => {
    for (const f of Object.values(version.decisions))
      for (const r of f.rules) {
        const article = /^第(\d+)条/.exec(r.clause)?.[1] ?? /^別紙(\d+)/.exec(r.clause)?.[1];
        expect(article, r.id).toBeDefined();
        expect(terms.includes(r.clause.startsWith('別紙') ? `別紙${article}` : `第${article}条`), r.clause).toBe(true);
      }
  });
});
