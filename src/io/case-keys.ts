// The keys of a case (case-files.md, File format) and the check for a misspelt one.

/** A remark on a case file that does not stop the run (an unknown key of a case), with its JSON pointer. */
export type CaseFileWarning = { pointer: string; message: string; code: string };

/** The keys of a case (case-files.md, File format). */
export const CASE_KEYS = ['name', 'asOf', 'decision', 'facts', 'interpretations', 'expect'] as const;

/** Edit distance (Levenshtein), for "did you mean" on a misspelt key. */
const distance = (a: string, b: string): number => {
  let row = Array.from({ length: b.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= b.length; j += 1) next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length]!;
};

const KNOWN = new Set<string>(CASE_KEYS);

const squash = (k: string): string => k.toLowerCase().replace(/[-_\s]/g, '');

/** The key of a case that `k` looks like a slip of (`expected`, `fact`, `as_of`), if any. */
const nearKey = (k: string): string | undefined =>
  CASE_KEYS.find((known) => {
    const a = squash(known);
    const b = squash(k);
    return a === b || distance(a, b) <= (a.length <= 4 ? 1 : 2);
  });

/**
 * A key of a case that is none of case-files.md's is ignored by the engine, so free-text notes
 * (`description`, `source`) are welcome; but one that looks like a slip of a real key (`expected`
 * for `expect`) would make a case silently unchecked: warn, naming the key and what it resembles.
 */
export const misspeltKeys = (c: Record<string, unknown>, at: string): CaseFileWarning[] =>
  Object.keys(c)
    .filter((k) => !KNOWN.has(k))
    .flatMap((k) => {
      const near = nearKey(k);
      if (!near) return [];
      return [
        {
          pointer: `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`,
          message: `unknown key "${k}" of a case, ignored: did you mean "${near}"? Rename it (a case has ${CASE_KEYS.join(', ')}).`,
          code: 'CASE_UNKNOWN_KEY',
        },
      ];
    });
