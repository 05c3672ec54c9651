import { useEffect, useState } from 'react';
import type { ImportPreview, VersionDetail, VersionSummary } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';
import { ErrorBanner, type ShownError } from '../shell/error-banner.js';
import { useI18n } from '../i18n/i18n-context.js';
import { fileToBase64 } from './base64.js';
import { ChangeTable } from './change-table.js';
import { WorkbookFilePick, WorkbookIssues } from './workbook-pick.js';
import { DateField } from '../ui/date-field.js';
import { Dialog } from '../ui/dialog.js';

/**
 * Import from Excel: pick the file, see every change cell by cell and every problem with its
 * sheet, row and column, and only then apply it as a new draft. Nothing is applied while any
 * error stands. A base saved since the export (WORKBOOK_BASE_CHANGED) has the changes that undo
 * those later edits marked 「上書き」, as the import into a draft marks them (overwritesOf).
 */
export function ImportDialog({ onDone, onCancel }: { onDone: (d: VersionDetail) => void; onCancel: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [file, setFile] = useState<{ name: string; b64: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [effective, setEffective] = useState('');
  const [title, setTitle] = useState('');
  // The versions already there: a workbook exported from a draft suggests that draft's date, and two
  // versions of one date cannot both be submitted (VERSION_DATE_TAKEN), so the dialog says so first.
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  useEffect(() => {
    api.tariffs.list({}).then((r) => setVersions(r.versions), () => setVersions([]));
  }, [api]);
  const sameDate = versions.filter((v) => v.effective === effective);

  const choose = async (f: File | undefined) => {
    if (!f) return;
    setBusy(true);
    setError(null);
    setPreview(null);
    try {
      const b64 = await fileToBase64(f);
      setFile({ name: f.name, b64 });
      const p = await api.workbook.previewImport({ fileName: f.name, contentBase64: b64 });
      setPreview(p);
      setEffective(p.suggestedEffective);
      setTitle(t('import.titleDefault', { file: f.name }));
    } catch (e) {
      setError({ error: e });
    } finally {
      setBusy(false);
    }
  };
  const apply = async () => {
    if (!file || !preview) return;
    setBusy(true);
    try {
      onDone(await api.workbook.applyImport({ fileName: file.name, contentBase64: file.b64, effective, title }));
    } catch (e) {
      setError({ error: e });
    } finally {
      setBusy(false);
    }
  };
  const errors = preview?.issues.filter((i) => i.severity === 'error') ?? [];
  return (
    <Dialog
      title={t('import.title')}
      testId="import-dialog"
      className="dialog-wide"
      onCancel={onCancel}
      submit={{ label: t('action.apply'), testId: 'import-apply', disabled: !preview?.canApply || busy || !effective, onClick: () => void apply() }}
    >
        <p>{t('import.choose')}</p>
        <WorkbookFilePick fileName={file?.name} onChoose={(f) => void choose(f)} testId="import-file" />
        {busy && <p className="muted">{t('import.reading')}</p>}
        {error && <ErrorBanner shown={error} onClose={() => setError(null)} />}
        {preview && (
          <div className="import-preview" data-testid="import-preview">
            {/* A file that could not be read has no base to name: its error says what is wrong. */}
            {preview.base ? (
              <p>{t('import.base', { date: preview.base.effective, status: t(`status.${preview.base.status}`), id: preview.base.id, title: preview.base.title ? ` 「${preview.base.title}」` : '' })}</p>
            ) : (
              errors.length === 0 && <p>{t('import.noBase')}</p>
            )}
            <WorkbookIssues issues={preview.issues} testIdPrefix="import" />
            {errors.length === 0 && (
              <>
                <h3 data-testid="import-change-count">{t('import.changes', { n: preview.changes.length })}</h3>
                {preview.overwrites.length > 0 && preview.base && (
                  <p className="banner banner-warning small" data-testid="import-overwrites">
                    {t('import.overwrites', { n: preview.overwrites.length, date: preview.base.effective, id: preview.base.id })}
                  </p>
                )}
                <div className="scroll-box">
                  <ChangeTable
                    changes={preview.changes}
                    testId="import-changes"
                    {...(preview.overwrites.length ? { marked: new Set(preview.overwrites), markLabel: t('di.overwriteMark') } : {})}
                  />
                </div>
                <div className="form-row">
                  <DateField label={t('draft.effective')} required value={effective} onChange={setEffective} testId="import-effective" />
                  <label className="grow">
                    {t('draft.name')}
                    <input type="text" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
                  </label>
                </div>
                {sameDate.length > 0 && (
                  <p className="banner banner-warning small" data-testid="import-date-taken">
                    {t('import.dateTaken', {
                      date: effective,
                      versions: sameDate.map((v) => `${t(`status.${v.status}`)} #${v.id}${v.title ? `「${v.title}」` : ''}`).join(', '),
                    })}
                  </p>
                )}
              </>
            )}
          </div>
        )}
    </Dialog>
  );
}
