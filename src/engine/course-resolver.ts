import type { Course } from './tariff-types.js';

/**
 * Spec: names match after NFKC normalization and removal of all white space: Unicode's White_Space,
 * which holds U+0085 (NEL) that JavaScript's \s leaves out.
 */
export function normalizeCourseName(name: string): string {
  return name.normalize('NFKC').replace(/[\s\u0085]+/gu, '');
}

/**
 * The どこでも“me”REC prefix, as the terms print it (curly quotes; ｍｅ and ＲＥＣ are NFKC-folded
 * by normalizeCourseName) or typed with straight quotes (", ＂ after NFKC): the quotes are not part
 * of what names a course.
 */
const PREFIX = /^どこでも["“”]me["“”]REC/u;
const stripPrefix = (n: string): string => n.replace(PREFIX, '');

/** Dice similarity of character bigrams: robust for short queries against long names. */
const bigrams = (s: string): Map<string, number> => {
  const m = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i += 1) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
  return m;
};
const dice = (a: Map<string, number>, b: Map<string, number>, na: number, nb: number): number => {
  let both = 0;
  for (const [k, n] of a) both += Math.min(n, b.get(k) ?? 0);
  return na + nb === 0 ? 0 : (2 * both) / (na + nb);
};

/**
 * Finds a course by code or by its Japanese name (with or without the どこでも“me”REC prefix).
 * It reads only a course's code and name: the studio's pages, which hold no more than those of
 * a tariff's courses, name the closest courses with it too.
 */
export class CourseResolver<C extends Pick<Course, 'code' | 'name'> = Course> {
  private readonly byKey = new Map<string, C>();
  /** Answers already given, by the exact text asked (NFKC on every call was the cost); bounded. */
  private readonly resolved = new Map<string, C | undefined>();
  constructor(private readonly courses: readonly C[]) {
    for (const c of courses) {
      this.byKey.set(`code:${c.code.toUpperCase()}`, c);
      this.byKey.set(`name:${stripPrefix(normalizeCourseName(c.name))}`, c);
    }
  }

  resolve(nameOrCode: string): C | undefined {
    if (this.resolved.has(nameOrCode)) return this.resolved.get(nameOrCode);
    const found = this.lookUp(nameOrCode);
    if (this.resolved.size >= 4096) this.resolved.clear();
    this.resolved.set(nameOrCode, found);
    return found;
  }

  private lookUp(nameOrCode: string): C | undefined {
    return this.byKey.get(`code:${nameOrCode.trim().toUpperCase()}`) ?? this.byKey.get(`name:${stripPrefix(normalizeCourseName(nameOrCode))}`);
  }

  /** The closest course names, for an error message. */
  closest(nameOrCode: string, count = 3): string[] {
    const key = stripPrefix(normalizeCourseName(nameOrCode)).toUpperCase();
    const q = bigrams(key);
    return this.courses
      .map((c) => {
        const name = stripPrefix(normalizeCourseName(c.name)).toUpperCase();
        return { c, score: dice(q, bigrams(name), key.length - 1, name.length - 1) + dice(q, bigrams(c.code), key.length - 1, c.code.length - 1) };
      })
      .sort((x, y) => y.score - x.score)
      .slice(0, count)
      .map(({ c }) => `${c.name} (${c.code})`);
  }
}
