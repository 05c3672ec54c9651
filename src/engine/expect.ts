/**
 * case-files.md `expect`: a deep subset match. Every key given must equal the output's; arrays
 * are compared as multisets (each expected element matched to a distinct actual element, the
 * same number of each); objects inside arrays match as subsets too. Course-valued fields
 * (basisCourse, from, to) compare by course, so a name with other spacing or a course code
 * matches the name as 別紙3表1 prints it. The values of `interpretations` compare by the
 * interpretation's value, so an alias or the spec's wording of it matches its name.
 * The output's `interpretations` is an object (name → value relied on); case-files.md says an
 * output "lists in `interpretations` the ones it relied on", so an expected *list* of names is
 * compared, as arrays are, as a multiset: exactly the names the output relied on, no more.
 */
export type Mismatch = { path: string; expected: unknown; actual: unknown };
export type CourseEquality = (expected: string, actual: string) => boolean;
export type Equalities = { course: CourseEquality; interpretation?: (name: string, expected: unknown, actual: unknown) => boolean };

const COURSE_FIELDS = new Set(['basisCourse', 'from', 'to', 'course']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function firstMismatch(expected: unknown, actual: unknown, same: Equalities, path = '', key = ''): Mismatch | undefined {
  if (isObject(expected)) {
    if (!isObject(actual)) return { path: path || '/', expected, actual };
    for (const [k, v] of Object.entries(expected)) {
      const m = firstMismatch(v, actual[k], same, `${path}/${k}`, k);
      if (m) return m;
    }
    return undefined;
  }
  if (Array.isArray(expected) && path === '/interpretations' && isObject(actual)) {
    const names = Object.keys(actual);
    return expected.length === names.length && matchMultiset(expected, names, same) ? undefined : { path, expected, actual: names };
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return { path: path || '/', expected, actual };
    return matchMultiset(expected, actual, same) ? undefined : { path: path || '/', expected, actual };
  }
  if (typeof expected === 'string' && typeof actual === 'string' && COURSE_FIELDS.has(key)) return same.course(expected, actual) ? undefined : { path, expected, actual };
  if (same.interpretation && path === `/interpretations/${key}` && expected !== actual) return same.interpretation(key, expected, actual) ? undefined : { path, expected, actual };
  return Object.is(expected, actual) || expected === actual ? undefined : { path: path || '/', expected, actual };
}

/** A perfect matching of expected to actual elements (small arrays: backtracking). */
const matchMultiset = (expected: unknown[], actual: unknown[], same: Equalities): boolean => {
  const used = new Array<boolean>(actual.length).fill(false);
  const fits = expected.map((e) => actual.map((a) => firstMismatch(e, a, same) === undefined));
  const assign = (i: number): boolean => {
    if (i === expected.length) return true;
    for (let j = 0; j < actual.length; j += 1) {
      if (!used[j] && fits[i]![j]) {
        used[j] = true;
        if (assign(i + 1)) return true;
        used[j] = false;
      }
    }
    return false;
  };
  return assign(0);
};
