/**
 * A column of a tariff table. The grid, the workbook export and the workbook import all read
 * these, so a header, an allowed value or a validation rule is written once.
 */
export type ColumnKind = 'text' | 'code' | 'yen' | 'int' | 'enum' | 'list';

export type ColumnDef = {
  key: string;
  /** Header as the workbook and the Japanese UI print it. */
  ja: string;
  en: string;
  kind: ColumnKind;
  /** Blank is not allowed. */
  required: boolean;
  /** The allowed values of an enum or list column. */
  values?: readonly (string | number)[];
  /** The value must match (code columns). */
  pattern?: RegExp;
  patternExample?: string;
  /** Least value of an int column. */
  min?: number;
  /** Width in characters (Excel); the grid scales it. */
  width: number;
  /** Values come from another table of the same version (a dropdown, checked by the engine). */
  refersTo?: 'initialFees' | 'policies' | 'courses';
  /** Stays in view while scrolling sideways (the grid's frozen name column). */
  frozen?: boolean;
};

export const describeExpected = (col: ColumnDef): { en: string; ja: string } => {
  const blank = col.required ? { en: '', ja: '' } : { en: ', or blank', ja: '、または空欄' };
  switch (col.kind) {
    case 'yen':
      return { en: `a whole number of yen, 0 or more${blank.en}`, ja: `0 以上の整数（円）${blank.ja}` };
    case 'int':
      return { en: `a whole number of ${col.min ?? 0} or more${blank.en}`, ja: `${col.min ?? 0} 以上の整数${blank.ja}` };
    case 'enum':
      return { en: `one of ${(col.values ?? []).join(', ')}${blank.en}`, ja: `次のいずれか: ${(col.values ?? []).join('、')}${blank.ja}` };
    case 'list':
      return {
        en: `a comma-separated list of ${(col.values ?? []).join(', ')}; blank means all`,
        ja: `${(col.values ?? []).join('、')} をカンマ区切りで（空欄はすべて）`,
      };
    case 'code':
      return { en: `a code of letters, digits and hyphens like ${col.patternExample ?? ''}`, ja: `英数字とハイフンのコード（例: ${col.patternExample ?? ''}）` };
    case 'text':
      return { en: col.required ? 'some text' : 'text, or blank', ja: col.required ? '空でない文字列' : '文字列、または空欄' };
  }
};
