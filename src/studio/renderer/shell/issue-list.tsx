import type { Issue } from '../../../tariff-model/issue.js';
import { TABLES } from '../../../tariff-model/tariff-tables.js';
import { ERROR_ADVICE_JA } from '../i18n/error-advice.js';
import { workbookIssueJa } from '../i18n/workbook-issue-ja.js';
import { useI18n } from '../i18n/i18n-context.js';
import { DataTable, type DataColumn } from '../ui/data-table.js';

/**
 * A bad value's issue said in Japanese, from its fields (the server's sentence is English, for the
 * CLI and the logs): what the cell held is not accepted, and what to enter, as the grid says it.
 * Undefined for an issue that names no value and no Japanese expectation (its code's advice, if
 * any, is said instead).
 */
export function valueIssueJa(i: Issue): string | undefined {
  if (i.expectedJa === undefined || i.value === undefined) return undefined;
  if (i.code === 'CELL_REQUIRED' || i.value.trim() === '') return `空欄にはできません。${i.expectedJa}を入力してください。`;
  return `「${i.value}」は受け付けられません。${i.expectedJa}を入力してください。`;
}

/** What the Japanese page says of an issue, before the studio's English: its own Japanese advice, its code's advice, a workbook's shape gone wrong, else the bad value and what to enter. */
export const issueAdviceJa = (i: Issue): string | undefined => i.adviceJa ?? ERROR_ADVICE_JA[i.code] ?? workbookIssueJa(i) ?? valueIssueJa(i);

/**
 * Every issue with where it is (sheet, row, column) and what is expected there, in the UI's
 * language where the studio has it. A column no issue fills (a scenario's or a file's error has no
 * sheet or row) is left out, so the list is not a row of empty cells before the message.
 * `adviceShownFor`: a code whose Japanese advice is already on screen above the list (the error
 * banner's own), so its issues do not repeat it row by row.
 */
export function IssueList({ issues, testId = 'issue-list', adviceShownFor }: { issues: readonly Issue[]; testId?: string; adviceShownFor?: string }) {
  const { t, lang } = useI18n();
  const columns: DataColumn<Issue>[] = [
    { key: 'sheet', header: t('issue.sheet'), cellClass: 'nowrap', cell: (i) => i.sheet ?? (i.table ? (lang === 'ja' ? TABLES[i.table].ja : TABLES[i.table].en) : '') },
    { key: 'row', header: t('issue.row'), cellClass: 'nowrap', cell: (i) => i.row ?? (i.index !== undefined ? i.index + 1 : '') },
    { key: 'column', header: t('issue.column'), cell: (i) => `${i.column ? `${i.column} ` : ''}${i.header ?? ''}` },
    // 「3 → 5」 (a revision then and now) reads as one value: the arrow never starts a line of its own.
    { key: 'value', header: t('issue.value'), cellClass: 'mono issue-value', cell: (i) => (i.value ?? '').replace(/ (→) /gu, '\u00a0$1\u00a0') },
    { key: 'expected', header: t('issue.expected'), cell: (i) => (lang === 'ja' ? i.expectedJa : i.expected) ?? i.expected ?? '' },
    {
      key: 'message',
      header: t('issue.message'),
      cell: (i) => {
        // A file the import cannot read has no sheet or row: on the Japanese page it says in Japanese what to do.
        // A bad cell (a workbook's or the grid's) says in Japanese what it held and what to enter.
        const advice = lang === 'ja' && i.code !== adviceShownFor ? issueAdviceJa(i) : undefined;
        return (
          <>
            {advice && (
              <span className="issue-advice" data-testid="issue-advice">
                {advice}
                <br />
              </span>
            )}
            <code>{i.code}</code> {i.message}
          </>
        );
      },
    },
  ];
  const shown = columns.filter((c) => c.key === 'message' || issues.some((i) => c.cell(i, 0) !== ''));
  return (
    <DataTable
      className="issues"
      testId={testId}
      rows={issues}
      rowKey={(_i, n) => n}
      rowProps={(i) => ({ className: i.severity === 'warning' ? 'issue-warning' : 'issue-error', 'data-code': i.code })}
      columns={shown}
    />
  );
}
