import type { Dispatch } from '../api/dispatcher.js';

/**
 * The studio calls still running in main: a quit waits for them (an import being applied, a
 * rule being saved) before the workspace closes under them. `pending()` is how many there are,
 * `settled()` resolves when none is left (at once when none runs).
 */
export type TrackedDispatch = { dispatch: Dispatch; pending(): number; settled(): Promise<void> };

export function trackCalls(dispatch: Dispatch): TrackedDispatch {
  const running = new Set<Promise<unknown>>();
  return {
    dispatch: (name, payload) => {
      const call = dispatch(name, payload);
      running.add(call);
      const done = (): void => void running.delete(call);
      // The caller gets `call` itself (and its rejection, if any); this only counts it.
      call.then(done, done);
      return call;
    },
    pending: () => running.size,
    settled: async () => {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
