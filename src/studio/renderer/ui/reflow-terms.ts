/**
 * The terms' text file keeps the printed page's line breaks, which fall inside words
 * (「提供し」 / 「ます。」) and inside table cells. For reading, a line is joined to the next unless
 * it ends a sentence, a heading or a bracket, or the next line starts something of its own (a
 * paragraph or item number, a note, a table heading, an article). An appendix (別紙: tables of
 * course names and prices, a row a line) is left as printed. Display only: the quote check
 * ignores line breaks, so a sentence picked from the joined text is still the terms' own.
 */
const ENDS_BLOCK = /[。：:）)」】]$/u;
const STARTS_BLOCK = /^(?:\d+\s|[０-９]+\s|[（(]\s*[\d０-９]+\s*[）)]|[（(]注[）)]|区\s*別|第\s*[\d０-９]+\s*条|別紙|【|[・●○■□※])/u;
const HEADING = /^第\s*[\d０-９]+\s*条\s*[（(][^）)]*[）)]$/u;

export function reflowTerms(text: string): string {
  if (/^\s*別紙/u.test(text)) return text;
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    const last = out.length ? out[out.length - 1]! : undefined;
    if (last !== undefined && line && last && !ENDS_BLOCK.test(last) && !HEADING.test(last) && !STARTS_BLOCK.test(line.trimStart())) out[out.length - 1] = last + line.trimStart();
    else out.push(line);
  }
  return out.join('\n');
}
