import type { ScenarioForm, SideEditLines, StudioApi } from '../../api/contract.js';
import { useDebouncedAnswer } from './use-debounced-answer.js';

/**
 * The form's edits as lines (`scenarios.describeEdits`), asked again 250 ms after the sides or the
 * first month change: each edit's line says what it changes in the version its side picks, from
 * what to what. A refused call leaves the lines out (saving or running names the bad field).
 */
export const EDIT_LINES_DEBOUNCE_MS = 250;

export const useEditLines = (api: StudioApi, form: ScenarioForm | null): SideEditLines | null =>
  useDebouncedAnswer(
    () => api.scenarios.describeEdits({ form: form! }),
    form ? JSON.stringify([form.baseline, form.proposal, form.horizon?.start]) : null,
    EDIT_LINES_DEBOUNCE_MS,
  );
