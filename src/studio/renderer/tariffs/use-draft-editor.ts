import { useCallback, useEffect, useRef, useState } from 'react';
import type { StudioApi, VersionDetail, WorkbookFile } from '../../api/contract.js';
import type { TariffVersion } from '../../../engine/tariff-types.js';
import { cellText } from '../../../tariff-model/cell-value.js';
import type { CellEdit } from '../../../tariff-model/tariff-edits.js';
import { TABLES } from '../../../tariff-model/tariff-tables.js';
import { applyRowOps, inverseOp, type RowOp } from '../../../tariff-model/row-ops.js';
import { holdSave } from '../transport/team-session.js';

/**
 * Edits of a draft: each batch (a typed cell, a pasted block, a fill) is one save, one
 * transaction, one undo step. Saves run one after the other against the latest revision; undo
 * and redo are saves too (the inverse batch), so the workspace always holds what the grid shows.
 */
export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';
/**
 * One save: cell edits, row operations (insert, delete; their inverse is the other), a workbook
 * imported into the draft (at the revision its preview was made on, stale confirmed or not), or
 * the content before or after such an import (its undo and redo).
 */
type ImportBatch = WorkbookFile & { revision: number; confirmStale: boolean };
type Batch = { edits: CellEdit[] } | { ops: RowOp[] } | { workbook: ImportBatch } | { content: TariffVersion; reason: 'undo' | 'redo' };
type Step = { forward: Batch; inverse: Batch };

/** A refused save: the error, and the cells it would have changed (for a batch of cell edits), so the page can say what was not saved. */
export type SaveError = (e: unknown, edits?: readonly CellEdit[]) => void;

export function useDraftEditor(api: StudioApi, detail: VersionDetail | null, setDetail: (d: VersionDetail) => void, onError: SaveError) {
  const current = useRef(detail);
  current.current = detail;
  const queue = useRef<Promise<void>>(Promise.resolve());
  const undoStack = useRef<Step[]>([]);
  const redoStack = useRef<Step[]>([]);
  const [, rerender] = useState(0);
  const [state, setState] = useState<SaveState>('idle');
  // The cell edits of the save under way (what was typed): the grid shows them until the save ends, so a
  // save that waits (a team server restarting) shows the new value, not the old one.
  const [pending, setPending] = useState<readonly CellEdit[]>([]);
  const draftId = detail?.summary.id;

  useEffect(() => {
    undoStack.current = [];
    redoStack.current = [];
    setState('idle');
    rerender((n) => n + 1);
  }, [draftId]);

  // The revision this page's own last save made (or loaded). A draft shown at another one was moved
  // on by someone else (a live update, the reload after a stale save): undoing or redoing a step of
  // ours now would be saved on their revision and put our old cells over their change unseen, so
  // the history ends there.
  const ownRevision = useRef<number | null>(null);
  const revision = detail?.summary.revision;
  useEffect(() => {
    if (revision === undefined || revision === ownRevision.current) return;
    ownRevision.current = revision;
    if (undoStack.current.length === 0 && redoStack.current.length === 0) return;
    undoStack.current = [];
    redoStack.current = [];
    rerender((n) => n + 1);
  }, [revision]);

  const run = useCallback(
    (batch: Batch, record: (step: Step) => void, fail: SaveError = onError): Promise<boolean> => {
      let ok = false;
      // Behind a save under way (the team server may be restarting), this one waits too: counted until it is sent.
      const release = holdSave();
      queue.current = queue.current.then(async () => {
        release();
        const d = current.current;
        if (!d || d.summary.status !== 'draft') return;
        // The inverse reads the cells as they are right before this save, in reverse order.
        const rows = new Map<string, ReturnType<(typeof TABLES)['courses']['rows']>>();
        const rowsOf = (t: CellEdit['table']) => rows.get(t) ?? rows.set(t, TABLES[t].rows(d.version)).get(t)!;
        let inverse: Batch;
        // An import's undo is the content right before it; a content's undo, the content it replaced.
        if ('workbook' in batch || 'content' in batch) inverse = { content: d.version, reason: 'content' in batch && batch.reason === 'undo' ? 'redo' : 'undo' };
        else if ('edits' in batch) inverse = { edits: [...batch.edits].reverse().map((e) => ({ ...e, text: cellText(rowsOf(e.table)[e.index]?.[e.field] ?? null) })) };
        else {
          // Each op's inverse is read on the version it applies to; undone last first.
          let v = d.version;
          const inv: RowOp[] = [];
          for (const op of batch.ops) {
            inv.unshift(inverseOp(v, op));
            v = applyRowOps(v, [op]).version ?? v;
          }
          inverse = { ops: inv };
        }
        setState('saving');
        if ('edits' in batch) setPending(batch.edits);
        try {
          const id = d.summary.id;
          const revision = d.summary.revision;
          const next =
            'edits' in batch
              ? await api.tariffs.edit({ id, revision, edits: batch.edits })
              : 'ops' in batch
                ? await api.tariffs.rowOps({ id, revision, ops: batch.ops })
                : 'workbook' in batch
                  ? await api.workbook.applyIntoDraft({ ...batch.workbook, id })
                  : await api.tariffs.restoreContent({ id, revision, version: batch.content, reason: batch.reason });
          current.current = next;
          ownRevision.current = next.summary.revision;
          setDetail(next);
          setState('saved');
          // Redoing an import puts back the content it made (the workbook is not read twice).
          const forward: Batch = 'workbook' in batch ? { content: next.version, reason: 'redo' } : batch;
          if (next.summary.revision !== d.summary.revision) record({ forward, inverse });
          ok = true;
        } catch (e) {
          setState('failed');
          fail(e, 'edits' in batch ? batch.edits : undefined);
        } finally {
          setPending([]);
        }
        rerender((n) => n + 1);
      });
      return queue.current.then(() => ok);
    },
    [api, setDetail, onError],
  );

  const apply = useCallback(
    (edits: CellEdit[]) => run({ edits }, (step) => {
        undoStack.current.push(step);
        redoStack.current = [];
      }),
    [run],
  );
  /** Row operations: one save, one undo step; `fail` takes a refusal instead of the page (the row form shows it in its dialog). */
  const applyRows = useCallback(
    (ops: RowOp[], fail?: SaveError) =>
      run(
        { ops },
        (step) => {
          undoStack.current.push(step);
          redoStack.current = [];
        },
        fail,
      ),
    [run],
  );
  /** A workbook applied to the draft (workbook.applyIntoDraft): one save, one undo step. */
  const applyWorkbook = useCallback(
    (workbook: ImportBatch, fail?: (e: unknown) => void) =>
      run(
        { workbook },
        (step) => {
          undoStack.current.push(step);
          redoStack.current = [];
        },
        fail,
      ),
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

  /**
   * The user goes on after a refused save (closes its message, opens a cell to type again): the
   * heading stops saying 保存できませんでした, which was about that save, not about what is shown now.
   */
  const settle = useCallback(() => setState((s) => (s === 'failed' ? 'idle' : s)), []);

  return { apply, applyRows, applyWorkbook, undo, redo, settle, pending, canUndo: undoStack.current.length > 0, canRedo: redoStack.current.length > 0, state };
}
