import type { ColumnDef } from '../../../tariff-model/column-def.js';
import { enumLabel } from '../../../tariff-model/enum-labels.js';
import type { TableId } from '../../../tariff-model/table-id.js';
import type { Lang } from '../i18n/i18n-context.js';

/** An enum value as the UI shows it: its label in the current language (the code itself when it has none). */
export const enumText = (table: TableId, col: ColumnDef, value: string, lang: Lang): string => {
  const l = enumLabel(table, col.key, value);
  return l ? l[lang] : value;
};
