import type { PageText } from '../shell/error-banner.js';
import { useEffect, useMemo, useRef, useState, type ClipboardEvent } from 'react';
import { DataGrid, type CellKeyboardEvent, type Column, type DataGridHandle, type SortColumn } from 'react-data-grid';
import { cellText, type CellValue } from '../../../tariff-model/cell-value.js';
import type { ColumnDef } from '../../../tariff-model/column-def.js';
import type { TableId } from '../../../tariff-model/table-id.js';
import { priceJump, type PriceJump } from '../../../tariff-model/price-jump.js';
import { useJumpText } from './price-jump-badge.js';
import type { TariffChange } from '../../../tariff-model/tariff-diff.js';
import type { CellEdit } from '../../../tariff-model/tariff-edits.js';
import { TABLES } from '../../../tariff-model/tariff-tables.js';
import { useI18n, type Lang } from '../i18n/i18n-context.js';
import { CellEditor } from './cell-editor.js';
import { enumText } from './enum-text.js';
import { parseClipboardGrid } from './clipboard.js';
import { blockCells, blockTsv, fillDownEdits, pasteEdits, rectangularBlock, selectionBlock, type GridPos, type GridSelection } from './grid-range.js';
import type { GridRow } from './grid-view.js';

export type FocusRequest = { index: number; field: string | null; nonce: number };
export type EditOrigin = 'edit' | 'paste' | 'fill' | 'clear';

type Props = {
  table: TableId;
  rows: GridRow[];
  changes: readonly TariffChange[];
  editable: boolean;
  sortColumns: readonly SortColumn[];
  onSortColumnsChange: (s: SortColumn[]) => void;
  /** A batch of edits: one save, one undo step. `clipped`: pasted cells that fell outside the table. */
  onEdits: (edits: CellEdit[], origin: EditOrigin, clipped?: number) => void;
  /** A cell's editor opened: the user types again (a refused save's note in the heading goes). */
  onEditStart?: () => void;
  /** What the grid tells after a copy, or a paste it refused before any edit. */
  /** What the grid did (copied, could not paste), rendered when shown so that it follows a switch of language. */
  onNotice: (text: PageText, tone: 'ok' | 'warning') => void;
  onSelectRow: (index: number | null) => void;
  focus: FocusRequest | null;
  errorCells: ReadonlySet<string>;
  /** Cells of a save under way (cellKey → what was typed): shown as typed, marked, until the save ends. */
  pendingCells?: ReadonlyMap<string, string>;
  /** An edit tried on a grid that is not editable (Enter, F2, typing, a double-click, a paste): the page says why and what to do. */
  onReadOnlyEdit: () => void;
  /** What the grid says when it shows no row (an empty table, or a filter that matches none). */
  emptyText: string;
};

/** Whether an event comes from a field (a cell's editor, a search box): its own copy and paste then apply. */
const isField = (el: EventTarget | null): boolean => el instanceof HTMLElement && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);

/** One cell as a block; on the row number, the table's first column. */
const cellBlock = (at: GridPos) => {
  const col = Math.max(at.idx, 1) - 1;
  return { top: at.rowIdx, bottom: at.rowIdx, left: col, right: col };
};

const NO_PENDING: ReadonlyMap<string, string> = new Map();

export const cellKey = (index: number, field: string): string => `${index}:${field}`;

const display = (def: ColumnDef, v: CellValue | undefined, lang: Lang, yen: (n: number) => string, table: TableId): string => {
  if (v === null || v === undefined) return '';
  if (def.kind === 'enum' && typeof v === 'string') return enumText(table, def, v, lang);
  if (def.kind === 'list' && Array.isArray(v)) return (v as readonly string[]).map((x) => enumText(table, def, x, lang)).join(', ');
  if (def.kind === 'yen' && typeof v === 'number') return yen(v);
  if (def.kind === 'int' && typeof v === 'number') return v.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');
  return cellText(v);
};

/** The widest a frozen column starts (px). */
const FROZEN_MAX_WIDTH = 220;
/** The narrowest a frozen column is made to fit the grid (px): about a course code's length. */
const FROZEN_MIN_WIDTH = 110;
/** The row numbers' column (px). */
const ROW_NUMBER_WIDTH = 48;
/** Room for the grid's vertical scrollbar (px). */
const SCROLLBAR_WIDTH = 16;

/**
 * The spreadsheet grid of one table (react-data-grid): keyboard navigation, editing with
 * validation, block paste from Excel, fill down (drag handle, Ctrl+D), copy, sort, a frozen
 * code and name, and every changed cell marked with its value before the edit.
 */
/** About how wide a label is at the grid's 13px font: a CJK character twice a Latin one. */
const labelWidth = (text: string): number => [...text].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 13 : 7.5), 0);

/** How wide a column starts, before the frozen ones are fitted to the grid (px). An enum column is as wide as its longest label in the page's language ("Legacy series", "M5525 シリーズ"), not cut to "Legacy …". */
const startWidth = (table: TableId, c: ColumnDef, lang: Lang): number =>
  Math.round(Math.min(c.frozen ? FROZEN_MAX_WIDTH : 330, Math.max(72, c.width * 8, c.kind === 'enum' && c.values ? Math.max(...c.values.map((v) => labelWidth(String(enumText(table, c, String(v), lang))))) + 24 : 0)));

/**
 * The frozen columns' widths in a grid `gridWidth` px wide: as they start where there is room;
 * in a narrower grid (a 1280 px window) the widest of them are narrowed first, down to
 * FROZEN_MIN_WIDTH, so that the two columns after them (表1 コース: the monthly fee and the series)
 * are in view beside them. The rest scroll sideways under them; a cut name shows in full on hover and resizes.
 */
export function frozenWidths(table: TableId, lang: Lang, gridWidth: number): Map<string, number> {
  const cols = TABLES[table].columns;
  const frozen = cols.filter((c) => c.frozen).map((c) => ({ key: c.key, width: startWidth(table, c, lang) }));
  const next = cols.filter((c) => !c.frozen).slice(0, 2);
  const budget = gridWidth - ROW_NUMBER_WIDTH - SCROLLBAR_WIDTH - next.reduce((w, c) => w + startWidth(table, c, lang), 0);
  const sum = (cap: number) => frozen.reduce((w, c) => w + Math.min(c.width, cap), 0);
  let cap = FROZEN_MAX_WIDTH;
  if (gridWidth > 0) while (cap > FROZEN_MIN_WIDTH && sum(cap) > budget) cap -= 1;
  return new Map(frozen.map((c) => [c.key, Math.min(c.width, cap)]));
}

export function TariffGrid(props: Props) {
  const { table, rows, changes, editable, onEdits, onEditStart, onNotice, onSelectRow, focus, errorCells, onReadOnlyEdit, emptyText } = props;
  const pendingCells = props.pendingCells ?? NO_PENDING;
  const { t, lang, yen } = useI18n();
  const def = TABLES[table];
  const grid = useRef<DataGridHandle>(null);
  // The selected block (Shift+arrows, Shift+click); the grid's own selected cell is its active end.
  const [selection, setSelection] = useState<GridSelection | null>(null);
  // Whether the key or click that moves the selection holds Shift (Shift+Tab moves, it does not extend).
  const extending = useRef(false);
  const block = selection ? selectionBlock(selection, def.columns.length) : null;
  const multi = block !== null && blockCells(block) > 1;
  const rowPos = useMemo(() => new Map(rows.map((r, i) => [r.__index, i])), [rows]);
  const inBlock = (row: GridRow, dataCol: number): boolean => {
    if (!multi || !block) return false;
    const at = rowPos.get(row.__index);
    return at !== undefined && at >= block.top && at <= block.bottom && dataCol >= block.left && dataCol <= block.right;
  };
  const wholeRows = multi && block !== null && block.left === 0 && block.right === def.columns.length - 1;

  // The grid's width, which the frozen columns are fitted to (a window made narrower or wider fits them again).
  const [gridWidth, setGridWidth] = useState(0);
  useEffect(() => {
    const el = grid.current?.element;
    if (!el) return;
    const observer = new ResizeObserver(() => setGridWidth(Math.round(el.clientWidth)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const frozenWidth = useMemo(() => frozenWidths(table, lang, gridWidth), [table, lang, gridWidth]);

  const changed = useMemo(() => {
    const m = new Map<string, TariffChange>();
    for (const c of changes) if (c.table === table && c.kind === 'changed' && c.index !== null && c.field) m.set(cellKey(c.index, c.field), c);
    return m;
  }, [changes, table]);
  // A changed price that moves by more than half (price-jump.ts): the cell says so, as the change list does.
  const jumped = useMemo(() => {
    const m = new Map<string, PriceJump>();
    for (const [k, c] of changed) {
      const j = priceJump(c);
      if (j) m.set(k, j);
    }
    return m;
  }, [changed]);
  const jumpText = useJumpText();
  const added = useMemo(() => new Set(changes.filter((c) => c.table === table && c.kind === 'added').map((c) => c.index)), [changes, table]);

  const columns = useMemo((): Column<GridRow>[] => {
    const rowNumber: Column<GridRow> = {
      key: '__index',
      name: '#',
      width: 48,
      frozen: true,
      resizable: false,
      sortable: false,
      cellClass: (row) => (wholeRows && inBlock(row, 0) ? 'cell-rownum cell-in-block' : 'cell-rownum'),
      renderCell: ({ row }) => row.__index + 1,
    };
    return [
      rowNumber,
      ...def.columns.map((c, dataCol): Column<GridRow> => {
        const listId = c.values ? `values-${table}-${c.key}` : undefined;
        return {
          key: c.key,
          name: lang === 'ja' ? c.ja : c.en,
          // Frozen columns (code, name) fit the grid's width, so the columns beside them are in view at 1280 px (frozenWidths).
          width: frozenWidth.get(c.key) ?? startWidth(table, c, lang),
          frozen: c.frozen === true,
          resizable: true,
          sortable: true,
          editable,
          cellClass: (row) => {
            const k = cellKey(row.__index, c.key);
            return (
              [
                c.kind === 'yen' || c.kind === 'int' ? 'cell-number' : '',
                changed.has(k) ? 'cell-changed' : '',
                jumped.has(k) ? 'cell-jump' : '',
                errorCells.has(k) ? 'cell-error' : '',
                pendingCells.has(k) ? 'cell-pending' : '',
                inBlock(row, dataCol) ? 'cell-in-block' : '',
              ]
                .filter(Boolean)
                .join(' ') || undefined
            );
          },
          renderCell: ({ row }) => {
            // A value being saved (the server may be restarting): what was typed, not the value before it.
            const typed = pendingCells.get(cellKey(row.__index, c.key));
            if (typed !== undefined)
              return (
                <span title={t('save.pendingCell')} data-pending="true">
                  {typed}
                </span>
              );
            const ch = changed.get(cellKey(row.__index, c.key));
            const jump = jumped.get(cellKey(row.__index, c.key));
            const text = display(c, row[c.key], lang, yen, table);
            const before = ch ? t('grid.before', { value: display(c, ch.before, lang, yen, table) || '—' }) : undefined;
            return (
              <span
                title={jump ? `${before!}\n${jumpText.title(jump)}` : (before ?? (c.kind === 'text' || c.kind === 'enum' ? text : undefined))}
                data-changed={ch ? 'true' : undefined}
                data-jump={jump?.kind}
              >
                {text || (c.kind === 'list' ? <span className="muted">{lang === 'ja' ? 'すべて' : 'all'}</span> : '')}
              </span>
            );
          },
          ...(editable ? { renderEditCell: (p) => <CellEditor {...p} def={c} listId={listId} table={table} onOpen={onEditStart} /> } : {}),
        };
      }),
    ];
    // inBlock reads the selection: a new block repaints its cells.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- inBlock is derived from selection, rowPos and wholeRows, listed
  }, [def, table, lang, yen, t, editable, changed, jumped, jumpText, errorCells, selection, rowPos, wholeRows, onEditStart, frozenWidth, pendingCells]);

  useEffect(() => {
    if (!focus) return;
    const rowIdx = rows.findIndex((r) => r.__index === focus.index);
    if (rowIdx < 0) return;
    const idx = focus.field ? Math.max(1, columns.findIndex((c) => c.key === focus.field)) : 1;
    grid.current?.selectCell({ rowIdx, idx });
    grid.current?.scrollToCell({ rowIdx, idx });
    // Only a new request moves the selection: rows and columns changing under it must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on purpose, see above
  }, [focus]);

  const editsFor = (changedRows: GridRow[], field: string): CellEdit[] => changedRows.map((r) => ({ table, index: r.__index, field, text: cellText((r[field] as CellValue | undefined) ?? null) }));

  /** The block the keys act on: the selected one, or the one cell `at`. */
  const targetBlock = (at: GridPos) => (multi && block ? block : cellBlock(at));

  const onKeyDown = (args: { mode: 'SELECT' | 'EDIT'; row: GridRow; rowIdx: number; column: { key: string; idx: number } }, event: CellKeyboardEvent) => {
    // On a version that is not editable an edit used to do nothing at all: say why instead.
    if (!editable && args.mode === 'SELECT' && (event.key === 'Enter' || event.key === 'F2' || event.key === 'Delete' || (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey))) {
      onReadOnlyEdit();
      return;
    }
    const ctrl = event.ctrlKey || event.metaKey;
    if (args.mode === 'EDIT') {
      // Enter keeps the value and goes down a row (Shift+Enter: up), as in Excel, so a column of
      // prices is typed one after the other; the grid used to stay on the cell just typed.
      if (event.key !== 'Enter' || ctrl || event.altKey) return;
      const next = args.rowIdx + (event.shiftKey ? -1 : 1);
      // On the first or last row shown, Enter only keeps the value (the grid's own Enter).
      if (next < 0 || next >= rows.length) return;
      event.preventGridDefault();
      event.preventDefault();
      // selectCell commits the open editor before it moves.
      grid.current?.selectCell({ rowIdx: next, idx: args.column.idx }, { shouldFocusCell: true });
      return;
    }
    // Home and Ctrl+Home go to the first column of the table (not the row numbers) and scroll back to it, as Excel goes to column A.
    if (event.key === 'Home') {
      event.preventGridDefault();
      event.preventDefault();
      const rowIdx = ctrl ? 0 : args.rowIdx;
      grid.current?.selectCell({ rowIdx, idx: 1 }, { shouldFocusCell: true });
      const el = grid.current?.element;
      if (el) {
        el.scrollLeft = 0;
        if (ctrl) el.scrollTop = 0;
      }
      return;
    }
    if (!editable || (args.column.key === '__index' && !multi)) return;
    const at = { rowIdx: args.rowIdx, idx: args.column.idx };
    if (ctrl && event.key.toLowerCase() === 'd') {
      // Ctrl+D (Excel's fill down): a block's top row into the rows below it; one cell takes the value above it.
      event.preventGridDefault();
      event.preventDefault();
      const edits = fillDownEdits(table, rows, targetBlock(at));
      if (edits.length) onEdits(edits, 'fill');
      return;
    }
    if ((event.key === 'Delete' || event.key === 'Backspace') && !ctrl && (multi || event.key === 'Delete')) {
      // Delete blanks the selected cells (one save, one undo step); a required cell refuses with its message.
      event.preventGridDefault();
      event.preventDefault();
      const b = targetBlock(at);
      const cols = def.columns.slice(b.left, b.right + 1);
      const edits: CellEdit[] = [];
      for (let r = b.top; r <= b.bottom; r++) for (const c of cols) if (rows[r]) edits.push({ table, index: rows[r]!.__index, field: c.key, text: '' });
      if (edits.length) onEdits(edits, 'clear');
    }
  };

  /** Ctrl+C: the selected block (or the one cell) as Excel's tab-separated text. An editor's own text copies as usual. */
  const onCopy = (event: ClipboardEvent<HTMLDivElement>) => {
    if (isField(event.target) || !selection) return;
    // One row number alone copies its whole row, as Excel's row header does.
    const b = multi && block ? block : selectionBlock({ anchor: selection.active, active: selection.active }, def.columns.length);
    event.clipboardData.setData('text/plain', blockTsv(table, rows, b));
    event.preventDefault();
    if (blockCells(b) > 1) onNotice((tr) => tr('grid.copied', { rows: b.bottom - b.top + 1, cols: b.right - b.left + 1, n: blockCells(b) }), 'ok');
  };

  /** Ctrl+V: a block from Excel from the selection's top-left cell (from the first column when pasted on a row number). */
  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    if (isField(event.target) || !selection) return;
    event.preventDefault();
    if (!editable) {
      onReadOnlyEdit();
      return;
    }
    const text = event.clipboardData.getData('text/plain');
    const rect = rectangularBlock(parseClipboardGrid(text));
    if ('ragged' in rect) {
      onNotice((tr) => tr('grid.ragged', rect.ragged), 'warning');
      return;
    }
    if (rect.block.length === 0) return;
    const b = multi && block ? block : cellBlock(selection.active);
    const { edits, clipped } = pasteEdits(table, rows, b, rect.block);
    if (edits.length) onEdits(edits, 'paste', clipped);
    else if (clipped) onNotice((tr) => tr('error.pasteClipped', { n: clipped }), 'warning');
  };

  return (
    <div
      className="tariff-grid-frame"
      onKeyDownCapture={(e) => {
        extending.current = e.shiftKey && e.key !== 'Tab';
      }}
      onMouseDownCapture={(e) => {
        extending.current = e.shiftKey;
      }}
      onCopy={onCopy}
      onPaste={onPaste}
    >
      {def.columns
        .filter((c) => c.values)
        .map((c) => (
          <datalist key={c.key} id={`values-${table}-${c.key}`}>
            {c.values!.map((v) => (
              <option key={String(v)} value={String(v)} />
            ))}
          </datalist>
        ))}
      <DataGrid
        ref={grid}
        className="rdg-light tariff-grid"
        aria-label={lang === 'ja' ? def.ja : def.en}
        data-testid={`grid-${table}`}
        columns={columns}
        rows={rows}
        rowKeyGetter={(r) => r.__index}
        rowHeight={32}
        headerRowHeight={36}
        sortColumns={props.sortColumns}
        onSortColumnsChange={props.onSortColumnsChange}
        rowClass={(r) => (added.has(r.__index) ? 'row-added' : undefined)}
        onRowsChange={(next, data) => onEdits(editsFor(data.indexes.map((i) => next[i]!), data.column.key), data.indexes.length > 1 ? 'fill' : 'edit')}
        onFill={({ columnKey, sourceRow, targetRow }) => ({ ...targetRow, [columnKey]: sourceRow[columnKey] ?? null })}
        onCellKeyDown={onKeyDown}
        onCellDoubleClick={() => {
          if (!editable) onReadOnlyEdit();
        }}
        renderers={{
          noRowsFallback: (
            <div className="grid-empty" data-testid="grid-empty">
              {emptyText}
            </div>
          ),
        }}
        // Copy and paste are handled around the grid (onCopy, onPaste), for a block as for one cell; this only tells the grid that Ctrl+V is not typing.
        onCellPaste={({ row }) => row}
        onSelectedCellChange={({ row, rowIdx, column }) => {
          const at = { rowIdx, idx: column.idx };
          // A header cell (rowIdx -1) holds no value: nothing to copy or paste into.
          setSelection((cur) => (rowIdx < 0 ? null : extending.current && cur ? { anchor: cur.anchor, active: at } : { anchor: at, active: at }));
          onSelectRow(row ? row.__index : null);
        }}
      />
    </div>
  );
}
