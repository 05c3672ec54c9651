import { describe, expect, it } from 'vitest';
import { checkDateText } from '../../src/studio/renderer/ui/date-text.js';

/** The date and month fields read YYYY-MM-DD (YYYY-MM) whatever the browser's locale (ui/date-field.tsx). */
describe('date text', () => {
  it('takes YYYY-MM-DD as it is', () => {
    expect(checkDateText('2025-04-01', 'date')).toEqual({ status: 'ok', value: '2025-04-01', normalised: false });
    expect(checkDateText('2024-02-29', 'date')).toEqual({ status: 'ok', value: '2024-02-29', normalised: false });
  });

  it('reads other ways of writing a date and says it rewrote them', () => {
    for (const text of ['2025/4/1', '２０２５－０４－０１', '2025.04.01', '20250401', '2025年4月1日', ' 2025-04-01 ', '2025-4-1'])
      expect(checkDateText(text, 'date'), text).toEqual({ status: 'ok', value: '2025-04-01', normalised: true });
  });

  it('refuses a day the month does not have, and month 13, naming them', () => {
    expect(checkDateText('2025-02-29', 'date')).toEqual({ status: 'invalid', problem: { code: 'DATE_DAY', year: 2025, month: 2, day: 29, days: 28 } });
    expect(checkDateText('2025-04-31', 'date')).toMatchObject({ status: 'invalid', problem: { code: 'DATE_DAY', days: 30 } });
    expect(checkDateText('2025-13-01', 'date')).toEqual({ status: 'invalid', problem: { code: 'DATE_MONTH', month: 13 } });
    expect(checkDateText('2025-13', 'date')).toEqual({ status: 'invalid', problem: { code: 'DATE_MONTH', month: 13 } });
    expect(checkDateText('2025-00-10', 'date')).toMatchObject({ status: 'invalid', problem: { code: 'DATE_MONTH', month: 0 } });
  });

  it('does not call a date being typed wrong, but calls it unfinished', () => {
    for (const text of ['2', '202', '2025', '2025-', '2025-0', '2025-04', '2025-04-', '2025-04-0', '202504'])
      expect(checkDateText(text, 'date'), text).toEqual({ status: 'partial', problem: { code: 'DATE_INCOMPLETE' } });
  });

  it('refuses what cannot become a date, and blank where one is required', () => {
    for (const text of ['04/01/2025', 'abc', '2025-04-01x', '202504011', '2025--01'])
      expect(checkDateText(text, 'date'), text).toEqual({ status: 'invalid', problem: { code: 'DATE_FORMAT' } });
    expect(checkDateText('  ', 'date', true)).toEqual({ status: 'invalid', problem: { code: 'DATE_REQUIRED' } });
    expect(checkDateText('', 'date')).toEqual({ status: 'empty' });
  });

  it('reads a month as YYYY-MM', () => {
    expect(checkDateText('2025-04', 'month')).toEqual({ status: 'ok', value: '2025-04', normalised: false });
    expect(checkDateText('2025/4', 'month')).toEqual({ status: 'ok', value: '2025-04', normalised: true });
    expect(checkDateText('2025年4月', 'month')).toEqual({ status: 'ok', value: '2025-04', normalised: true });
    expect(checkDateText('2025-', 'month')).toEqual({ status: 'partial', problem: { code: 'DATE_INCOMPLETE' } });
    expect(checkDateText('2025-13', 'month')).toEqual({ status: 'invalid', problem: { code: 'DATE_MONTH', month: 13 } });
    expect(checkDateText('2025-04-01', 'month')).toEqual({ status: 'invalid', problem: { code: 'DATE_FORMAT' } });
  });
});
