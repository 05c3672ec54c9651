import type { SortColumn } from 'react-data-grid';
import { cellText, type CellValue } from '../../../tariff-model/cell-value.js';
import type { TableId } from '../../../tariff-model/table-id.js';
import type { TariffChange } from '../../../tariff-model/tariff-diff.js';
import { TABLES, type FlatRow } from '../../../tariff-model/tariff-tables.js';

/** A grid row: the flat row plus its position in the version (edits address rows by it). */
export type GridRow = FlatRow & { __index: number };
export type GridFilter = { text: string; series: string; changedOnly: boolean };

export const gridRows = (rows: FlatRow[]): GridRow[] => rows.map((r, i) => ({ ...r, __index: i }));

const norm = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');

/** The rows shown: filtered by text (any text cell), series and "changed only", then sorted. */
export function viewRows(table: TableId, rows: GridRow[], filter: GridFilter, sort: readonly SortColumn[], changes: readonly TariffChange[]): GridRow[] {
  const def = TABLES[table];
  const needle = norm(filter.text);
  const changedRows = new Set(changes.filter((c) => c.table === table && c.index !== null).map((c) => c.index));
  const textKeys = def.columns.filter((c) => c.kind === 'text' || c.kind === 'code').map((c) => c.key);
  const shown = rows.filter(
    (r) =>
      (!needle || textKeys.some((k) => norm(cellText(r[k] ?? null)).includes(needle))) &&
      (!filter.series || table !== 'courses' || r.series === filter.series) &&
      (!filter.changedOnly || changedRows.has(r.__index)),
  );
  if (!sort.length) return shown;
  return [...shown].sort((a, b) => {
    for (const s of sort) {
      const d = compare(a[s.columnKey] ?? null, b[s.columnKey] ?? null);
      if (d !== 0) return s.direction === 'ASC' ? d : -d;
    }
    return a.__index - b.__index;
  });
}

const compare = (a: CellValue, b: CellValue): number => {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return cellText(a).localeCompare(cellText(b), 'ja');
};
