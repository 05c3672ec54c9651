import { DataLoadError } from '../src/engine/errors.js';

/** The DataLoadError `fn` throws, or undefined when it returns; any other exception is thrown on. */
export const thrownDataLoadError = (fn: () => unknown): DataLoadError | undefined => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DataLoadError) return e;
    throw e;
  }
  return undefined;
};

/** The DataLoadError `fn` must throw (the test fails when it returns). */
export const expectDataLoadError = (fn: () => unknown): DataLoadError => {
  const e = thrownDataLoadError(fn);
  if (!e) throw new Error('expected a DataLoadError, but nothing was refused');
  return e;
};
