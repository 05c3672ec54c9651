import { clauseText } from '../engine/review/clause-text.js';
import type { Issue } from './issue.js';

/**
 * A rule's (or parameter's) clause and quote checked against the terms' text, the same check as
 * test/unit/terms-quotes.test.ts: the quote is the terms' own text character for character, white
 * space and line breaks aside (no other normalization: full-width ＳＩＭ is not SIM, 第26条's ｡ is
 * not 。, as the terms print them); a quote joining sentences of one clause is checked part by part, and a quote
 * stitched from pieces marks each gap with "…". The clause must name an article the terms have,
 * and the quote must come from that clause (its article, paragraph or appendix table, as
 * clauseText finds it): the terms' text from another clause cites the wrong one.
 */
const squash = (s: string): string => s.replace(/\s+/gu, '');

/** The parts of a quote that must each appear verbatim in the terms. */
export const quoteParts = (quote: string): string[] =>
  quote
    .split('…')
    .flatMap((piece) => piece.split(/(?<=[。：])|(?=\(\d+\))/u))
    .map(squash)
    .filter((p) => p.length > 1);

export function quoteIssues(terms: string, clause: string, quote: string, at = ''): Issue[] {
  const issues: Issue[] = [];
  const text = squash(terms);
  const article = /^第(\d+)条/u.exec(clause)?.[1] ?? /^別紙(\d+)/u.exec(clause)?.[1];
  if (!clause.trim())
    issues.push({
      code: 'RULE_CLAUSE_REQUIRED',
      severity: 'error',
      field: `${at}/clause`,
      message: `${at}/clause: name the clause this encodes, as the terms cite it (第9条第2項第1号, 別紙3表2)`,
    });
  else if (!article || !text.includes(clause.startsWith('別紙') ? `別紙${article}` : `第${article}条`))
    issues.push({ code: 'RULE_CLAUSE_UNKNOWN', severity: 'error', field: `${at}/clause`, value: clause, message: `${at}/clause: the terms have no clause "${clause}"` });
  if (!quote.trim())
    issues.push({ code: 'RULE_QUOTE_REQUIRED', severity: 'error', field: `${at}/quote`, message: `${at}/quote: quote the sentence this encodes from the terms, verbatim` });
  else {
    // Where the clause is known, its own text; an unknown clause is reported above.
    const cited = issues.length ? undefined : clauseText(terms, clause);
    const inClause = cited === undefined ? undefined : squash(cited);
    for (const part of quoteParts(quote)) {
      if (!text.includes(part)) {
        issues.push({
          code: 'RULE_QUOTE_NOT_IN_TERMS',
          severity: 'error',
          field: `${at}/quote`,
          value: part,
          message: `${at}/quote: not the terms' text: "${part}"; quote verbatim (mark a gap with …)`,
        });
        break;
      }
      if (inClause !== undefined && !inClause.includes(part)) {
        issues.push({
          code: 'RULE_QUOTE_NOT_IN_CLAUSE',
          severity: 'error',
          field: `${at}/quote`,
          value: part,
          message: `${at}/quote: "${part}" is the terms' text but not ${clause}'s: cite the clause it comes from, or quote ${clause}`,
        });
        break;
      }
    }
  }
  return issues;
}
