import type { Issue } from '../../../tariff-model/issue.js';
import { TABLES } from '../../../tariff-model/tariff-tables.js';
import { useI18n } from '../i18n/i18n-context.js';

/** Every issue with where it is (sheet, row, column) and what is expected there, in the UI's language where the studio has it. */
export function IssueList({ issues, testId = 'issue-list' }: { issues: readonly Issue[]; testId?: string }) {
  const { t, lang } = useI18n();
  return (
    <table className="issues" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('issue.sheet')}</th>
          <th>{t('issue.row')}</th>
          <th>{t('issue.column')}</th>
          <th>{t('issue.value')}</th>
          <th>{t('issue.expected')}</th>
          <th>{t('issue.message')}</th>
        </tr>
      </thead>
      <tbody>
        {issues.map((i, n) => (
          <tr key={n} className={i.severity === 'warning' ? 'issue-warning' : 'issue-error'} data-code={i.code}>
            <td>{i.sheet ?? (i.table ? (lang === 'ja' ? TABLES[i.table].ja : TABLES[i.table].en) : '')}</td>
            <td>{i.row ?? (i.index !== undefined ? i.index + 1 : '')}</td>
            <td>
              {i.column ? `${i.column} ` : ''}
              {i.header ?? ''}
            </td>
            <td className="mono">{i.value ?? ''}</td>
            <td>{(lang === 'ja' ? i.expectedJa : i.expected) ?? i.expected ?? ''}</td>
            <td>
              <code>{i.code}</code> {i.message}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
