import { describe, expect, it } from 'vitest';
import { valueIssueJa } from '../../src/studio/renderer/shell/issue-list.js';

/** A workbook's bad cell on the Japanese page: said in Japanese from the issue's fields, not only in the server's English. */
describe('valueIssueJa', () => {
  it('says what the cell held is not accepted and what to enter', () => {
    expect(
      valueIssueJa({
        code: 'CELL_NOT_YEN',
        severity: 'error',
        message: '表1 コース!C11 (月額料金（円）): "たかい" is not a number; expected a whole number of yen, 0 or more.',
        sheet: '表1 コース',
        row: 11,
        column: 'C',
        value: 'たかい',
        expected: 'a whole number of yen, 0 or more',
        expectedJa: '0 以上の整数（円）',
      }),
    ).toBe('「たかい」は受け付けられません。0 以上の整数（円）を入力してください。');
  });

  it('says a required cell left blank cannot be blank', () => {
    expect(valueIssueJa({ code: 'CELL_REQUIRED', severity: 'error', message: 'required', value: '', expectedJa: 'コース名' })).toBe(
      '空欄にはできません。コース名を入力してください。',
    );
  });

  it('leaves an issue without a value or a Japanese expectation to its code', () => {
    expect(valueIssueJa({ code: 'WORKBOOK_SHEET_MISSING', severity: 'error', message: 'the sheet 表1 コース is missing' })).toBeUndefined();
  });
});
