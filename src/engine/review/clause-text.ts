/**
 * Finds a clause's text in the terms (the text file in rules/), for a reviewer to read beside
 * the rule: an article (第25条), a paragraph of it (第25条第2項) or an appendix and its table
 * (別紙3, 別紙3表2). Pure: the terms text is passed in.
 */
const squashSpaces = (s: string): string => s.replace(/[ \t\u3000]+/gu, ' ');

const ARTICLE_RE = /^\s*第\s*(\d+)\s*条\s*\(/u;
const APPENDIX_RE = /^\s*【別紙\s*(\d+)/u;
const TABLE_RE = /^\s*別紙\s*(\d+)\s*表\s*(\d+)/u;
/** Chapter headings (第３ 章 契約) and supplementary provisions (附 則) end the section before them. */
const BREAK_RE = /^\s*(第\s*\d+\s*章|附\s*則)/u;

type Section = { key: string; lines: string[] };

export function splitTerms(terms: string): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  for (const raw of terms.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (!line.trim()) continue;
    const norm = line.normalize('NFKC');
    const a = ARTICLE_RE.exec(norm);
    const b = APPENDIX_RE.exec(norm);
    const t = TABLE_RE.exec(norm);
    if (BREAK_RE.test(norm)) {
      current = undefined;
      continue;
    }
    const key = a ? `第${a[1]}条` : b ? `別紙${b[1]}` : t ? `別紙${t[1]}表${t[2]}` : undefined;
    if (key) {
      current = { key, lines: [] };
      sections.push(current);
    }
    current?.lines.push(squashSpaces(line.trim()));
  }
  return sections;
}

/** The text of a clause reference, or undefined when the terms have no such clause. */
export function clauseText(terms: string, clause: string): string | undefined {
  const m = /^(第(\d+)条)(?:第(\d+)項)?|^(別紙(\d+)(?:表(\d+))?)/u.exec(clause);
  if (!m) return undefined;
  const sections = splitTerms(terms);
  if (m[1]) {
    const article = sections.find((s) => s.key === m[1]);
    if (!article) return undefined;
    const para = m[3];
    if (!para) return article.lines.join('\n');
    // A paragraph starts with its number at the start of a line and runs to the next number.
    const start = article.lines.findIndex((l) => new RegExp(`^${para}\\s`).test(l));
    if (start < 0) return article.lines.join('\n');
    const next = article.lines.findIndex((l, i) => i > start && new RegExp(`^${Number(para) + 1}\\s`).test(l));
    return [article.lines[0], ...article.lines.slice(start, next < 0 ? undefined : next)].join('\n');
  }
  const key = m[4]!;
  const found = sections.find((s) => s.key === key) ?? (m[6] ? undefined : sections.find((s) => s.key === `別紙${m[5]}`));
  return found?.lines.join('\n');
}
