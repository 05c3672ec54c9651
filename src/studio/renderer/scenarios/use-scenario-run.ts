import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunProgress, StudioApi } from '../../api/contract.js';

/**
 * A run as the page follows it: the studio answers `run` with an id at once; the page asks for
 * progress every few hundred milliseconds (the same call on IPC and HTTP) until the run is done,
 * cancelled or failed. Cancel asks the studio to stop the run's workers and answers once they are.
 */
const POLL_MS = 250;

export function useScenarioRun(api: StudioApi, onEnded: (p: RunProgress) => void, onError: (e: unknown) => void) {
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const timer = useRef<number | null>(null);
  const ended = useRef(onEnded);
  const failed = useRef(onError);
  ended.current = onEnded;
  failed.current = onError;

  const stop = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => stop, []);

  const follow = useCallback(
    (runId: string) => {
      stop();
      const tick = async () => {
        try {
          const p = await api.scenarios.progress({ runId });
          setProgress(p);
          if (p.state === 'running') timer.current = window.setTimeout(() => void tick(), POLL_MS);
          else {
            setCancelling(false);
            ended.current(p);
          }
        } catch (e) {
          setCancelling(false);
          failed.current(e);
        }
      };
      void tick();
    },
    [api],
  );

  const cancel = useCallback(async () => {
    if (!progress || progress.state !== 'running') return;
    setCancelling(true);
    try {
      await api.scenarios.cancel({ runId: progress.runId });
    } catch (e) {
      setCancelling(false);
      failed.current(e);
    }
  }, [api, progress]);

  const running = progress?.state === 'running';
  return { progress, running, cancelling, follow, cancel, reset: () => setProgress(null) };
}
