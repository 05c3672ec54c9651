import type { Issue } from '../../../tariff-model/issue.js';
import { IssueList } from '../shell/issue-list.js';
import { useI18n } from '../i18n/i18n-context.js';

/** The workbook chooser of both Excel imports (as a new draft, into the open draft): a button and the chosen file's name. */
export function WorkbookFilePick({ fileName, onChoose, testId }: { fileName: string | undefined; onChoose: (f: File | undefined) => void; testId: string }) {
  const { t } = useI18n();
  return (
    <div className="file-pick">
      <label className="button-like">
        {t('import.pick')}
        <input
          type="file"
          className="visually-hidden"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            onChoose(e.target.files?.[0]);
            e.target.value = '';
          }}
          data-testid={testId}
        />
      </label>
      <span className="mono">{fileName ?? t('import.noFile')}</span>
    </div>
  );
}

/** A workbook preview's problems: the errors (nothing is applied while one stands) and the warnings, each with its sheet, row and column. */
export function WorkbookIssues({ issues, testIdPrefix }: { issues: readonly Issue[]; testIdPrefix: string }) {
  const { t } = useI18n();
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  return (
    <>
      {errors.length > 0 && (
        <div className="banner banner-error" data-testid={`${testIdPrefix}-errors`}>
          <strong>{t('import.errors', { n: errors.length })}</strong>
          <IssueList issues={errors} testId={`${testIdPrefix}-error-list`} />
        </div>
      )}
      {warnings.length > 0 && (
        <div className="banner banner-warning">
          <strong>{t('import.warnings', { n: warnings.length })}</strong>
          <IssueList issues={warnings} testId={`${testIdPrefix}-warning-list`} />
        </div>
      )}
    </>
  );
}
