import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { registry } from './helpers.js';

/** Every quote in the rules is the terms' own text (white space and line breaks aside). */
const squash = (s: string): string => s.normalize('NFKC').replace(/\s+/gu, '');
const terms = squash(readFileSync(join(PROJECT_ROOT, 'rules', 'terms-2023-09-19.txt'), 'utf8'));
const version = registry.ruleVersions[0]!;

describe('rules quote the terms', () => {
  const quotes = Object.values(version.decisions).flatMap((f) => [
    ...f.rules.map((r) => ({ where: r.id, quote: r.quote })),
    ...Object.entries(f.parameters ?? {}).map(([k, p]) => ({ where: `${f.decision}.parameters.${k}`, quote: p.quote })),
  ]);
  it.each(quotes.map((q) => [q.where, q.quote]))('%s quotes the terms', (_where, quote) => {
    // A quote may join sentences of one clause (a lead-in and its item), a gap marked with …: each part is verbatim.
    for (const part of quote.split(/…|(?<=[。：])|(?=\(\d+\))/u).map(squash).filter((p) => p.length > 1)) expect(terms.includes(part), `not in the terms: ${part}`).toBe(true);
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
