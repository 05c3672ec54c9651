import type { RenderEditCellProps } from 'react-data-grid';
import { cellText, type CellValue } from '../../../tariff-model/cell-value.js';
import type { ColumnDef } from '../../../tariff-model/column-def.js';
import type { GridRow } from './grid-view.js';

const focusAndSelect = (input: HTMLInputElement | null): void => {
  input?.focus();
  input?.select();
};

/**
 * The cell editor: a text box holding the cell's text (what Excel would show to edit), with
 * the allowed values offered as suggestions. The grid validates on commit; a bad value is
 * refused with a message and the cell keeps its value.
 */
export function CellEditor({ row, column, onRowChange, onClose, def, listId }: RenderEditCellProps<GridRow> & { def: ColumnDef; listId: string | undefined }) {
  const value = row[column.key] as CellValue | undefined;
  const text = typeof value === 'string' ? value : cellText(value ?? null);
  return (
    <input
      ref={focusAndSelect}
      className="cell-editor"
      aria-label={def.ja}
      value={text}
      list={listId}
      inputMode={def.kind === 'yen' || def.kind === 'int' ? 'numeric' : undefined}
      onChange={(e) => onRowChange({ ...row, [column.key]: e.target.value })}
      onBlur={() => onClose(true, false)}
    />
  );
}
