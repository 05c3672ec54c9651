import type { RunSizeView, ScenarioForm, StudioApi } from '../../api/contract.js';
import { useDebouncedAnswer } from './use-debounced-answer.js';

/**
 * The size of the run the form asks for and the run-size limit (`scenarios.runSize`), asked again
 * 250 ms after the form changes, so the page shows beside Run how large the run is before it is
 * pressed (docs/studio-scenarios.md § How large a run may be). A refused call shows nothing
 * (running names the bad field).
 */
export const RUN_SIZE_DEBOUNCE_MS = 250;

export const useRunSize = (api: StudioApi, form: ScenarioForm | null): RunSizeView | null =>
  useDebouncedAnswer(
    () => api.scenarios.runSize({ form: form! }),
    form ? JSON.stringify([form.fleet?.size, form.horizon?.months, form.replications, form.sensitivity]) : null,
    RUN_SIZE_DEBOUNCE_MS,
  );
