import { useEffect, useRef } from 'react';

/**
 * Text typed and not yet saved, wherever it is on the open page (a rule or a parameter being
 * edited, an interpretation, a scenario form, a grid cell being typed): each editor says whether
 * it holds some (`useUnsavedEdits`), and leaving asks first. Closing the tab or window and
 * reloading get the browser's own prompt (beforeunload, which Electron fires on the window too:
 * src/studio/main/main.ts asks with a dialog of the system); switching studio pages or versions
 * asks in the page (`confirmLeaving`). With nothing unsaved, nothing is asked.
 */
const sources = new Set<() => boolean>();

export const hasUnsavedEdits = (): boolean => [...sources].some((dirty) => dirty());

/** Registers an editor's unsaved text while it is mounted: a flag, or a function read when leaving (a map of kept text, say). */
export function useUnsavedEdits(dirty: boolean | (() => boolean)): void {
  const current = useRef(dirty);
  current.current = dirty;
  useEffect(() => {
    const source = (): boolean => {
      const d = current.current;
      return typeof d === 'function' ? d() : d;
    };
    sources.add(source);
    return () => {
      sources.delete(source);
    };
  }, []);
}

/** Whether to go on leaving what is shown: yes when nothing is unsaved, else the user's answer to `question`. */
export const confirmLeaving = (question: string): boolean => !hasUnsavedEdits() || window.confirm(question);

/** The browser's "leave site?" prompt while anything is unsaved (installed once, by the page's entry). */
export function warnBeforeUnload(target: Window): void {
  target.addEventListener('beforeunload', (e) => {
    if (!hasUnsavedEdits()) return;
    e.preventDefault();
    // Older Chromium (and Electron's) need returnValue set to ask.
    e.returnValue = '';
  });
}
