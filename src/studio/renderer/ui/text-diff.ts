/**
 * Where two texts differ, character by character: each side cut into parts, a part marked when it
 * is not in the other side (the longest common subsequence of the two, after their common start and
 * end). The diff marks the characters of a changed quote or title this way, so a reviewer sees the
 * `…` added to a quote of 200 characters instead of comparing the two by eye.
 */
export type TextPart = { text: string; changed: boolean };

/** Above this many character pairs (after the common start and end) the middle is marked whole: the table would be too large to build as the page renders. */
const MAX_CELLS = 4_000_000;

const push = (parts: TextPart[], text: string, changed: boolean) => {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last && last.changed === changed) last.text += text;
  else parts.push({ text, changed });
};

export function textDiff(before: string, after: string): { before: TextPart[]; after: TextPart[] } {
  const a = [...before];
  const b = [...after];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const ma = a.slice(start, a.length - end);
  const mb = b.slice(start, b.length - end);
  const head = a.slice(0, start).join('');
  const tail = a.slice(a.length - end).join('');
  const left: TextPart[] = [];
  const right: TextPart[] = [];
  push(left, head, false);
  push(right, head, false);
  if (ma.length * mb.length > MAX_CELLS) {
    push(left, ma.join(''), true);
    push(right, mb.join(''), true);
  } else {
    // lcs[i][j]: the longest common subsequence of ma[i..] and mb[j..].
    const w = mb.length + 1;
    const lcs = new Uint32Array((ma.length + 1) * w);
    for (let i = ma.length - 1; i >= 0; i--)
      for (let j = mb.length - 1; j >= 0; j--) lcs[i * w + j] = ma[i] === mb[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    let i = 0;
    let j = 0;
    while (i < ma.length || j < mb.length) {
      if (i < ma.length && j < mb.length && ma[i] === mb[j]) {
        push(left, ma[i]!, false);
        push(right, mb[j]!, false);
        i++;
        j++;
      } else if (j < mb.length && (i === ma.length || lcs[i * w + j + 1]! >= lcs[(i + 1) * w + j]!)) push(right, mb[j++]!, true);
      else push(left, ma[i++]!, true);
    }
  }
  push(left, tail, false);
  push(right, tail, false);
  return { before: left, after: right };
}
