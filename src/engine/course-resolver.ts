import type { Course } from './tariff-types.js';

const PREFIX = normalizeCourseName('どこでも“me”REC');

/** Spec: names match after NFKC normalization and removal of all white space. */
export function normalizeCourseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '');
}

const stripPrefix = (n: string): string => (n.startsWith(PREFIX) ? n.slice(PREFIX.length) : n);

const levenshtein = (a: string, b: string): number => {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
};

/** Finds a course by code or by its Japanese name (with or without the どこでも“me”REC prefix). */
export class CourseResolver {
  private readonly byKey = new Map<string, Course>();
  constructor(private readonly courses: readonly Course[]) {
    for (const c of courses) {
      this.byKey.set(`code:${c.code.toUpperCase()}`, c);
      this.byKey.set(`name:${stripPrefix(normalizeCourseName(c.name))}`, c);
    }
  }

  resolve(nameOrCode: string): Course | undefined {
    return this.byKey.get(`code:${nameOrCode.trim().toUpperCase()}`) ?? this.byKey.get(`name:${stripPrefix(normalizeCourseName(nameOrCode))}`);
  }

  /** The closest course names, for an error message. */
  closest(nameOrCode: string, count = 3): string[] {
    const key = stripPrefix(normalizeCourseName(nameOrCode));
    return this.courses
      .map((c) => ({ c, d: Math.min(levenshtein(key, stripPrefix(normalizeCourseName(c.name))), levenshtein(key.toUpperCase(), c.code)) }))
      .sort((x, y) => x.d - y.d)
      .slice(0, count)
      .map(({ c }) => `${c.name} (${c.code})`);
  }
}
