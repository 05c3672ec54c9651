/**
 * Finds a clause's text in the terms (the text file in rules/), for a reviewer to read beside
 * the rule: an article (第25条), a paragraph of it (第25条第2項) or an appendix and its table
 * (別紙3, 別紙3表2). Pure: the terms text is passed in.
 */
const squashSpaces = (s: string): string => s.replace(/[ \t\u3000]+/gu, ' ');

/** An article heading is a line of its own: 第 N 条（title）. A sentence that opens with a citation (第32条's 第 24 条（…）の規定…) is not one. */
const ARTICLE_RE = /^\s*第\s*(\d+)\s*条\s*\(([^)]*)\)\s*$/u;
const APPENDIX_RE = /^\s*【別紙\s*(\d+)/u;
/** A table heading is a line of its own too (別紙 3 表 2 （解約清算金）); 別紙2's 別紙 3 表 3（…）で規定する… is a citation. */
const TABLE_RE = /^\s*別紙\s*(\d+)\s*表\s*(\d+)\s*(\([^)]*\))?\s*$/u;
/** Chapter headings (第３ 章 契約) and supplementary provisions (附 則) end the section before them. */
const BREAK_RE = /^\s*(第\s*\d+\s*章|附\s*則)/u;

/**
 * A block the printed terms place away from its appendix, by the page layout: 別紙5 ends with
 * 「以下の通りです。」 and its table (規定内容 / 別に定める内容 …) is printed after 別紙6. The block runs
 * from the line that opens it to the next heading, and belongs to the appendix named here (when
 * the terms have it, before the block).
 */
const DISPLACED_BLOCKS: readonly { opens: RegExp; belongsTo: string }[] = [{ opens: /^\s*規定内容\s*別に定める内容\s*$/u, belongsTo: '別紙5' }];

export type Section = { key: string; lines: string[] };

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
    const displaced = DISPLACED_BLOCKS.find((d) => d.opens.test(norm));
    const home = displaced && current?.key !== displaced.belongsTo ? sections.find((s) => s.key === displaced.belongsTo) : undefined;
    if (home) current = home;
    current?.lines.push(squashSpaces(line.trim()));
  }
  return sections;
}

/**
 * An article's body (the lines after its heading) split into its paragraphs (項). Paragraphs are
 * the lines that open with the next expected number (1, 2, 3…), so a numbered row of a table
 * inside a paragraph (第25条第2項's 1 and 2) is not mistaken for one. An article whose first line
 * is not numbered has an implicit 第1項; if a line "1 …" follows such a lead-in, the numbers are
 * items (号, 第23条), and the article is one paragraph.
 */
export function articleParagraphs(body: readonly string[]): string[][] {
  const numberOf = (line: string): number | undefined => {
    const n = /^(\d+)\s/u.exec(line.normalize('NFKC'));
    return n ? Number(n[1]) : undefined;
  };
  const explicit = body.length > 0 && numberOf(body[0]!) === 1;
  const paras: string[][] = [[]];
  let next = 2;
  let items = false;
  for (const line of body) {
    const n = numberOf(line);
    if (!explicit && n === 1) items = true;
    if (!items && n === next) {
      paras.push([line]);
      next += 1;
      continue;
    }
    paras[paras.length - 1]!.push(line);
  }
  return paras;
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
    // The paragraph as clause coverage reads it (an unnumbered first paragraph too: 第43条第1項); an
    // article of one paragraph, or a paragraph it does not have, reads as the whole article.
    const paras = articleParagraphs(article.lines.slice(1));
    const found = paras.length > 1 ? paras[Number(para) - 1] : undefined;
    return (found ? [article.lines[0]!, ...found] : article.lines).join('\n');
  }
  const key = m[4]!;
  const found = sections.find((s) => s.key === key) ?? (m[6] ? undefined : sections.find((s) => s.key === `別紙${m[5]}`));
  return found?.lines.join('\n');
}
