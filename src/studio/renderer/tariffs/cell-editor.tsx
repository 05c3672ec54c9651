import { useEffect, useState } from 'react';
import type { RenderEditCellProps } from 'react-data-grid';
import { cellText, type CellValue } from '../../../tariff-model/cell-value.js';
import type { ColumnDef } from '../../../tariff-model/column-def.js';
import type { TableId } from '../../../tariff-model/table-id.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useUnsavedEdits } from '../shell/unsaved-edits.js';
import { enumText } from './enum-text.js';
import type { GridRow } from './grid-view.js';

const focusAndSelect = (input: HTMLInputElement | null): void => {
  input?.focus();
  input?.select();
};

/**
 * The cell editor: for an enum column a dropdown of its values by label (the code is what is
 * stored); otherwise a text box holding the cell's text (what Excel would show to edit), with
 * the allowed values offered as suggestions. The grid validates on commit; a bad value is
 * refused with a message and the cell keeps its value.
 */
export function CellEditor({
  row,
  column,
  onRowChange,
  onClose,
  def,
  listId,
  table,
  onOpen,
}: RenderEditCellProps<GridRow> & { def: ColumnDef; listId: string | undefined; table: TableId; onOpen?: (() => void) | undefined }) {
  // Once, when the editor opens (the page leaves a refused save's note behind).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- on opening only
  useEffect(() => onOpen?.(), []);
  const { lang } = useI18n();
  const value = row[column.key] as CellValue | undefined;
  const text = typeof value === 'string' ? value : cellText(value ?? null);
  // A cell being typed is not saved until it is committed (Enter, Tab, leaving the cell): closing or reloading asks first.
  const [opened] = useState(text);
  useUnsavedEdits(text !== opened);
  if (def.kind === 'enum' && def.values)
    return (
      <select
        ref={(s) => s?.focus()}
        className="cell-editor"
        aria-label={lang === 'ja' ? def.ja : def.en}
        value={text}
        onChange={(e) => onRowChange({ ...row, [column.key]: e.target.value }, true)}
        onBlur={() => onClose(false, false)}
      >
        {!def.required && <option value="">{lang === 'ja' ? '（空欄）' : '(blank)'}</option>}
        {def.values.map((v) => (
          <option key={String(v)} value={String(v)}>
            {enumText(table, def, String(v), lang)}
          </option>
        ))}
      </select>
    );
  return (
    <input
      ref={focusAndSelect}
      className="cell-editor"
      aria-label={lang === 'ja' ? def.ja : def.en}
      value={text}
      list={listId}
      inputMode={def.kind === 'yen' || def.kind === 'int' ? 'numeric' : undefined}
      onChange={(e) => onRowChange({ ...row, [column.key]: e.target.value })}
      onBlur={() => onClose(true, false)}
    />
  );
}
