import { useEffect, useMemo, useRef } from 'react';
import { DataGrid, type CellKeyboardEvent, type Column, type DataGridHandle, type SortColumn } from 'react-data-grid';
import { cellText, type CellValue } from '../../../tariff-model/cell-value.js';
import type { ColumnDef } from '../../../tariff-model/column-def.js';
import type { TableId } from '../../../tariff-model/table-id.js';
import type { TariffChange } from '../../../tariff-model/tariff-diff.js';
import type { CellEdit } from '../../../tariff-model/tariff-edits.js';
import { TABLES } from '../../../tariff-model/tariff-tables.js';
import { useI18n, type Lang } from '../i18n/i18n-context.js';
import { CellEditor } from './cell-editor.js';
import { enumText } from './enum-text.js';
import { clipboardCell, parseClipboardGrid } from './clipboard.js';
import type { GridRow } from './grid-view.js';

export type FocusRequest = { index: number; field: string | null; nonce: number };

type Props = {
  table: TableId;
  rows: GridRow[];
  changes: readonly TariffChange[];
  editable: boolean;
  sortColumns: readonly SortColumn[];
  onSortColumnsChange: (s: SortColumn[]) => void;
  onEdits: (edits: CellEdit[], origin: 'edit' | 'paste' | 'fill') => void;
  onClipped: (cells: number) => void;
  onSelectRow: (index: number | null) => void;
  focus: FocusRequest | null;
  errorCells: ReadonlySet<string>;
  /** An edit tried on a grid that is not editable (Enter, F2, typing, a double-click, a paste): the page says why and what to do. */
  onReadOnlyEdit: () => void;
  /** What the grid says when it shows no row (an empty table, or a filter that matches none). */
  emptyText: string;
};

export const cellKey = (index: number, field: string): string => `${index}:${field}`;

const display = (def: ColumnDef, v: CellValue | undefined, lang: Lang, yen: (n: number) => string, table: TableId): string => {
  if (v === null || v === undefined) return '';
  if (def.kind === 'enum' && typeof v === 'string') return enumText(table, def, v, lang);
  if (def.kind === 'list' && Array.isArray(v)) return (v as readonly string[]).map((x) => enumText(table, def, x, lang)).join(', ');
  if (def.kind === 'yen' && typeof v === 'number') return yen(v);
  if (def.kind === 'int' && typeof v === 'number') return v.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');
  return cellText(v);
};

/** The widest a frozen column starts (px): the frozen columns together leave room for the first prices in a 1280 px window. */
const FROZEN_MAX_WIDTH = 220;

/**
 * The spreadsheet grid of one table (react-data-grid): keyboard navigation, editing with
 * validation, block paste from Excel, fill down (drag handle, Ctrl+D), copy, sort, a frozen
 * code and name, and every changed cell marked with its value before the edit.
 */
/** About how wide a label is at the grid's 13px font: a CJK character twice a Latin one. */
const labelWidth = (text: string): number => [...text].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 13 : 7.5), 0);

export function TariffGrid(props: Props) {
  const { table, rows, changes, editable, onEdits, onClipped, onSelectRow, focus, errorCells, onReadOnlyEdit, emptyText } = props;
  const { t, lang, yen } = useI18n();
  const def = TABLES[table];
  const grid = useRef<DataGridHandle>(null);

  const changed = useMemo(() => {
    const m = new Map<string, TariffChange>();
    for (const c of changes) if (c.table === table && c.kind === 'changed' && c.index !== null && c.field) m.set(cellKey(c.index, c.field), c);
    return m;
  }, [changes, table]);
  const added = useMemo(() => new Set(changes.filter((c) => c.table === table && c.kind === 'added').map((c) => c.index)), [changes, table]);

  const columns = useMemo((): Column<GridRow>[] => {
    const rowNumber: Column<GridRow> = {
      key: '__index',
      name: '#',
      width: 48,
      frozen: true,
      resizable: false,
      sortable: false,
      cellClass: 'cell-rownum',
      renderCell: ({ row }) => row.__index + 1,
    };
    return [
      rowNumber,
      ...def.columns.map((c): Column<GridRow> => {
        const listId = c.values ? `values-${table}-${c.key}` : undefined;
        return {
          key: c.key,
          name: lang === 'ja' ? c.ja : c.en,
          // Frozen columns (code, name) stay narrower, so the prices beside them are in view at 1280 px; a long name shows in full on hover and resizes.
          // An enum column is as wide as its longest label in the page's language ("Legacy series", "M5525 シリーズ"), not cut to "Legacy …".
          width: Math.round(Math.min(c.frozen ? FROZEN_MAX_WIDTH : 330, Math.max(72, c.width * 8, c.kind === 'enum' && c.values ? Math.max(...c.values.map((v) => labelWidth(String(enumText(table, c, String(v), lang))))) + 24 : 0))),
          frozen: c.frozen === true,
          resizable: true,
          sortable: true,
          editable,
          cellClass: (row) => {
            const k = cellKey(row.__index, c.key);
            return [c.kind === 'yen' || c.kind === 'int' ? 'cell-number' : '', changed.has(k) ? 'cell-changed' : '', errorCells.has(k) ? 'cell-error' : ''].filter(Boolean).join(' ') || undefined;
          },
          renderCell: ({ row }) => {
            const ch = changed.get(cellKey(row.__index, c.key));
            const text = display(c, row[c.key], lang, yen, table);
            return (
              <span title={ch ? t('grid.before', { value: display(c, ch.before, lang, yen, table) || '—' }) : c.kind === 'text' || c.kind === 'enum' ? text : undefined} data-changed={ch ? 'true' : undefined}>
                {text || (c.kind === 'list' ? <span className="muted">{lang === 'ja' ? 'すべて' : 'all'}</span> : '')}
              </span>
            );
          },
          ...(editable ? { renderEditCell: (p) => <CellEditor {...p} def={c} listId={listId} table={table} /> } : {}),
        };
      }),
    ];
  }, [def, table, lang, yen, t, editable, changed, errorCells]);

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

  const onKeyDown = (args: { mode: 'SELECT' | 'EDIT'; row: GridRow; column: { key: string; idx: number } }, event: CellKeyboardEvent) => {
    // On a version that is not editable an edit used to do nothing at all: say why instead.
    if (!editable && args.mode === 'SELECT' && (event.key === 'Enter' || event.key === 'F2' || (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey))) {
      onReadOnlyEdit();
      return;
    }
    if (args.mode !== 'SELECT' || !editable || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'd') return;
    // Ctrl+D (Excel's fill down for one cell): the value of the cell above, in the order shown.
    event.preventGridDefault();
    event.preventDefault();
    const at = rows.findIndex((r) => r.__index === args.row.__index);
    const above = rows[at - 1];
    if (!above || args.column.key === '__index') return;
    onEdits([{ table, index: args.row.__index, field: args.column.key, text: cellText(above[args.column.key] ?? null) }], 'fill');
  };

  return (
    <>
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
        onCellCopy={({ row, column }, event) => {
          if (column.key === '__index') return;
          event.clipboardData.setData('text/plain', clipboardCell(cellText((row[column.key] as CellValue | undefined) ?? null)));
          event.preventDefault();
        }}
        onCellPaste={({ row, column }, event) => {
          event.preventDefault();
          if (!editable) {
            onReadOnlyEdit();
            return row;
          }
          const block = parseClipboardGrid(event.clipboardData.getData('text/plain'));
          const startRow = rows.findIndex((r) => r.__index === row.__index);
          const startCol = def.columns.findIndex((c) => c.key === column.key);
          const edits: CellEdit[] = [];
          let clipped = 0;
          block.forEach((cells, r) =>
            cells.forEach((text, c) => {
              const target = rows[startRow + r];
              const col = def.columns[startCol + c];
              if (!target || !col) clipped += 1;
              else edits.push({ table, index: target.__index, field: col.key, text });
            }),
          );
          if (clipped) onClipped(clipped);
          if (edits.length) onEdits(edits, 'paste');
          return row;
        }}
        onSelectedCellChange={({ row }) => onSelectRow(row ? row.__index : null)}
      />
    </>
  );
}
