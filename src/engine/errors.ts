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
