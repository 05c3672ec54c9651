import { useEffect, useRef, useState } from 'react';
import type { ScenarioForm, SideEditLines, StudioApi } from '../../api/contract.js';

/**
 * The form's edits as lines (`scenarios.describeEdits`), asked again 250 ms after the sides or the
 * first month change: each edit's line says what it changes in the version its side picks, from
 * what to what. An answer overtaken by a later change is dropped; a refused call leaves the lines
 * out (saving or running names the bad field).
 */
export const EDIT_LINES_DEBOUNCE_MS = 250;

export function useEditLines(api: StudioApi, form: ScenarioForm | null): SideEditLines | null {
  const [lines, setLines] = useState<SideEditLines | null>(null);
  const asked = useRef(0);
  const key = form ? JSON.stringify([form.baseline, form.proposal, form.horizon?.start]) : '';
  useEffect(() => {
    if (!form) return undefined;
    const ticket = ++asked.current;
    const timer = window.setTimeout(() => {
      api.scenarios.describeEdits({ form }).then(
        (l) => {
          if (ticket === asked.current) setLines(l);
        },
        () => {
          if (ticket === asked.current) setLines(null);
        },
      );
    }, EDIT_LINES_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
    // `key` stands for the parts of `form` the lines read (a new object on every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);
  return lines;
}
