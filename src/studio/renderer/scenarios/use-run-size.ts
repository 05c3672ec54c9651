import { useEffect, useRef, useState } from 'react';
import type { RunSizeView, ScenarioForm, StudioApi } from '../../api/contract.js';

/**
 * The size of the run the form asks for and the run-size limit (`scenarios.runSize`), asked again
 * 250 ms after the form changes, so the page shows beside Run how large the run is before it is
 * pressed (docs/studio-scenarios.md § How large a run may be). An answer overtaken by a later
 * change is dropped; a refused call shows nothing (running names the bad field).
 */
export const RUN_SIZE_DEBOUNCE_MS = 250;

export function useRunSize(api: StudioApi, form: ScenarioForm | null): RunSizeView | null {
  const [view, setView] = useState<RunSizeView | null>(null);
  const asked = useRef(0);
  const key = form ? JSON.stringify([form.fleet?.size, form.horizon?.months, form.replications, form.sensitivity]) : '';
  useEffect(() => {
    if (!form) return undefined;
    const ticket = ++asked.current;
    const timer = window.setTimeout(() => {
      api.scenarios.runSize({ form }).then(
        (v) => {
          if (ticket === asked.current) setView(v);
        },
        () => {
          if (ticket === asked.current) setView(null);
        },
      );
    }, RUN_SIZE_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
    // `key` stands for the parts of `form` the size reads (a new object on every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);
  return view;
}
