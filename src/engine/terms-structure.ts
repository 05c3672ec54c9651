import { articleParagraphs, splitTerms } from './review/clause-text.js';

/**
 * The terms as a list of paragraphs, for clause coverage: every article (第N条) split into its
 * paragraphs (項), and every appendix and table (別紙N, 別紙N表M) as one entry. Pure: the terms
 * text is passed in.
 * Paragraphs as articleParagraphs (review/clause-text.ts) splits them, the same split the
 * studio's clause text and the quote check read.
 */
export type TermsParagraph = {
  /** The reference in the terms' citation style: 第5条 (one paragraph), 第9条第2項, 別紙3表2. */
  ref: string;
  /** 第9条 or 別紙3表2. */
  section: string;
  /** The article's or appendix's title, as printed (e.g. 契約申込の承諾). */
  title: string;
  /** The paragraph's text, the heading line first. */
  text: string;
};

const nfkc = (s: string): string => s.normalize('NFKC');
const HEADING_TITLE_RE = /\(([^)]*)\)/u;

export const squashText = (s: string): string => nfkc(s).replace(/\s+/gu, '');

export function termsParagraphs(terms: string): TermsParagraph[] {
  const out: TermsParagraph[] = [];
  const seen = new Set<string>();
  for (const section of splitTerms(terms)) {
    if (seen.has(section.key)) continue;
    seen.add(section.key);
    const heading = section.lines[0] ?? '';
    const title = HEADING_TITLE_RE.exec(nfkc(heading))?.[1]?.trim() ?? '';
    const body = section.lines.slice(1);
    if (!section.key.startsWith('第')) {
      out.push({ ref: section.key, section: section.key, title, text: section.lines.join('\n') });
      continue;
    }
    const paras = articleParagraphs(body);
    if (paras.length === 1) out.push({ ref: section.key, section: section.key, title, text: [heading, ...paras[0]!].join('\n') });
    else paras.forEach((lines, i) => out.push({ ref: `${section.key}第${i + 1}項`, section: section.key, title, text: [heading, ...lines].join('\n') }));
  }
  return out;
}

/** A citation `第N条（title）` or `別紙N（title）` whose title is not the cited article's own. */
export type CrossReferenceFinding = { at: string; cited: string; citedTitle: string; actualTitle: string | null; titleBelongsTo: string[] };

const CITATION_RE = /(第(\d+)条|別紙(\d+)(?:表(\d+))?)\(([^)]*)\)/gu;

/** Every `第N条（title）` and `別紙N（title）` citation in the terms checked against the real title; the mismatches. */
export function crossReferenceFindings(terms: string, paragraphs: TermsParagraph[] = termsParagraphs(terms)): CrossReferenceFinding[] {
  const titles = new Map<string, string>();
  for (const p of paragraphs) titles.set(p.section, squashText(p.title));
  const findings: CrossReferenceFinding[] = [];
  for (const p of paragraphs) {
    const body = squashText(p.text.split('\n').slice(1).join(''));
    for (const m of body.matchAll(CITATION_RE)) {
      const cited = m[1]!;
      const citedTitle = m[5]!;
      const actual = titles.get(cited);
      if (actual === citedTitle) continue;
      findings.push({ at: p.ref, cited, citedTitle, actualTitle: actual ?? null, titleBelongsTo: [...titles].filter(([, t]) => t === citedTitle).map(([k]) => k) });
    }
  }
  return findings;
}
