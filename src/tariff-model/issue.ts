import type { TableId } from './table-id.js';

/**
 * One problem the studio reports: a bad cell, a broken reference, a missing sheet. `message`
 * says what, where and what to do (English, for the CLI and logs); the UI shows the structured
 * fields in the user's language. `code` is stable: tests and the UI key on it.
 */
export type Issue = {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  /** Where in a tariff version (grid): table, row index, column key. */
  table?: TableId;
  index?: number;
  field?: string;
  /** The other row of a pair (the first use of a duplicated code). */
  otherIndex?: number;
  /** That other row in a workbook: its row number on the sheet. */
  otherRow?: number;
  /** Where in a workbook: sheet name, 1-based row, column letter and its header. */
  sheet?: string;
  row?: number;
  column?: string;
  header?: string;
  /** The offending value as text, and what was expected there. */
  value?: string;
  expected?: string;
  expectedJa?: string;
  /** What the Japanese page says of the issue, where the server can say more than its code's general advice (a run too large because of one sensitivity run). */
  adviceJa?: string;
};

export const isError = (i: Issue): boolean => i.severity === 'error';
