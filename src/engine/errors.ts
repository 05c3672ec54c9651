/** A problem found in one place of an input: `path` is a JSON pointer into it. */
export type FieldError = { path: string; message: string; code?: string };

/** A problem in a data file (a tariff or rule file): names the file and the JSON pointer. */
/**
 * One error in data: the file, the JSON pointer, what is wrong and its code. A duplicate also
 * names the first use (`also`, a pointer in the same file) and the value used twice, so a reader
 * that shows rows instead of pointers (the grid, a workbook import) can say "also row 4".
 */
export type DataError = { file: string; pointer: string; message: string; code: string; also?: string; value?: string };

/**
 * Thrown by loaders and registries when data (not a case) is broken. Carries a stable `code`
 * that tests assert on, and every error found, each with file and JSON pointer.
 */
export class DataLoadError extends Error {
  readonly code: string;
  readonly errors: DataError[];
  constructor(code: string, errors: DataError[]) {
    super(errors.map((e) => `${e.file}${e.pointer ? ` at ${e.pointer}` : ''}: ${e.message}`).join('\n'));
    this.name = 'DataLoadError';
    this.code = code;
    this.errors = errors;
  }
}

/**
 * Runs one step of a loader that reports every error before it gives up: what `fn` returns, or,
 * when it throws a DataLoadError, undefined with that error's errors added to `errors`. Any other
 * exception is thrown on.
 */
export function collectErrors<T>(errors: DataError[], fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof DataLoadError)) throw e;
    errors.push(...e.errors);
    return undefined;
  }
}

/** The errors of the DataLoadError `fn` throws; none when it returns. Any other exception is thrown on. */
export const dataErrorsOf = (fn: () => unknown): DataError[] => {
  const errors: DataError[] = [];
  collectErrors(errors, fn);
  return errors;
};

/** Raised inside a decision when the case is unusable; turned into an `invalid` outcome, never thrown at the caller. */
export class InvalidCase extends Error {
  readonly errors: FieldError[];
  constructor(errors: FieldError[]) {
    super(errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    this.name = 'InvalidCase';
    this.errors = errors;
  }
}

export const escapePointer = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');
/** One JSON pointer segment as the key it names (RFC 6901: ~1 is /, then ~0 is ~); escapePointer's inverse. */
export const unescapePointer = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * A case's errors in the order of the case itself (docs/engine.md § How a case is answered): by
 * JSON pointer, each segment by the place of its key in the object as written (a list's entries
 * by index), a pointer before those inside it; a key the case does not have (a missing required
 * fact) after the keys it has at that level. Errors at one pointer keep the order they were found
 * in (the sort is stable), so the order is the same on every run and on both decide paths.
 */
export function inCaseOrder<E extends { path: string }>(c: unknown, errors: readonly E[]): E[] {
  if (errors.length < 2) return [...errors];
  const keyOf = (pointer: string): number[] => {
    const out: number[] = [];
    let node: unknown = c;
    for (const raw of pointer.split('/').slice(1)) {
      const seg = unescapePointer(raw);
      if (Array.isArray(node)) {
        const i = /^(0|[1-9]\d*)$/.test(seg) ? Number(seg) : -1;
        out.push(i >= 0 && i < node.length ? i : node.length);
        node = i >= 0 ? node[i] : undefined;
      } else if (node !== null && typeof node === 'object') {
        const keys = Object.keys(node);
        const i = keys.indexOf(seg);
        out.push(i >= 0 ? i : keys.length);
        node = i >= 0 ? (node as Record<string, unknown>)[seg] : undefined;
      } else out.push(0);
    }
    return out;
  };
  const keyed = errors.map((e) => ({ e, k: keyOf(e.path) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < Math.min(a.k.length, b.k.length); i += 1) if (a.k[i] !== b.k[i]) return a.k[i]! - b.k[i]!;
    return a.k.length - b.k.length;
  });
  return keyed.map((x) => x.e);
}
