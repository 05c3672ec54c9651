import { useCallback, useEffect, useRef, useState } from 'react';
import type { StudioApi, VersionDetail } from '../../api/contract.js';
import { cellText } from '../../../tariff-model/cell-value.js';
import type { CellEdit } from '../../../tariff-model/tariff-edits.js';
import { TABLES } from '../../../tariff-model/tariff-tables.js';

/**
 * Edits of a draft: each batch (a typed cell, a pasted block, a fill) is one save, one
 * transaction, one undo step. Saves run one after the other against the latest revision; undo
 * and redo are saves too (the inverse batch), so the workspace always holds what the grid shows.
 */
export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';
type Step = { forward: CellEdit[]; inverse: CellEdit[] };

export function useDraftEditor(api: StudioApi, detail: VersionDetail | null, setDetail: (d: VersionDetail) => void, onError: (e: unknown) => void) {
  const current = useRef(detail);
  current.current = detail;
  const queue = useRef<Promise<void>>(Promise.resolve());
  const undoStack = useRef<Step[]>([]);
  const redoStack = useRef<Step[]>([]);
  const [, rerender] = useState(0);
  const [state, setState] = useState<SaveState>('idle');
  const draftId = detail?.summary.id;

  useEffect(() => {
    undoStack.current = [];
    redoStack.current = [];
    setState('idle');
    rerender((n) => n + 1);
  }, [draftId]);

  const run = useCallback(
    (edits: CellEdit[], record: (step: Step) => void): Promise<boolean> => {
      let ok = false;
      queue.current = queue.current.then(async () => {
        const d = current.current;
        if (!d || d.summary.status !== 'draft') return;
        // The inverse reads the cells as they are right before this save, in reverse order.
        const rows = new Map<string, ReturnType<(typeof TABLES)['courses']['rows']>>();
        const rowsOf = (t: CellEdit['table']) => rows.get(t) ?? rows.set(t, TABLES[t].rows(d.version)).get(t)!;
        const inverse = [...edits].reverse().map((e) => ({ ...e, text: cellText(rowsOf(e.table)[e.index]?.[e.field] ?? null) }));
        setState('saving');
        try {
          const next = await api.tariffs.edit({ id: d.summary.id, revision: d.summary.revision, edits });
          current.current = next;
          setDetail(next);
          setState('saved');
          if (next.summary.revision !== d.summary.revision) record({ forward: edits, inverse });
          ok = true;
        } catch (e) {
          setState('failed');
          onError(e);
        }
        rerender((n) => n + 1);
      });
      return queue.current.then(() => ok);
    },
    [api, setDetail, onError],
  );

  const apply = useCallback(
    (edits: CellEdit[]) =>
      run(edits, (step) => {
        undoStack.current.push(step);
        redoStack.current = [];
      }),
    [run],
  );
  const undo = useCallback(() => {
    const step = undoStack.current.pop();
    if (!step) return Promise.resolve(false);
    return run(step.inverse, () => redoStack.current.push(step)).then((ok) => {
      if (!ok) undoStack.current.push(step);
      return ok;
    });
  }, [run]);
  const redo = useCallback(() => {
    const step = redoStack.current.pop();
    if (!step) return Promise.resolve(false);
    return run(step.forward, () => undoStack.current.push(step)).then((ok) => {
      if (!ok) redoStack.current.push(step);
      return ok;
    });
  }, [run]);

  return { apply, undo, redo, canUndo: undoStack.current.length > 0, canRedo: redoStack.current.length > 0, state };
}
