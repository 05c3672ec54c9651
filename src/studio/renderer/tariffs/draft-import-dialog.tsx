import { useState } from 'react';
import type { DraftImportPreview, VersionSummary, WorkbookFile } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';
import { ErrorBanner, type ShownError } from '../shell/error-banner.js';
import { useI18n } from '../i18n/i18n-context.js';
import { Dialog } from '../ui/dialog.js';
import { tokyoTime } from '../ui/tokyo-time.js';
import { fileToBase64 } from './base64.js';
import { ChangeTable } from './change-table.js';
import { WorkbookFilePick, WorkbookIssues } from './workbook-pick.js';

/**
 * Import a workbook into the open draft: pick the file, see every difference from the draft as
 * it is now (cells, added and removed rows, 附則) and every problem with its sheet, row and
 * column; a workbook not exported from the draft as it is now (another version, or the draft
 * changed since) says so, marks the changes that undo later edits, and needs a tick before it
 * is applied. `apply` is the page's editor (one save, one undo step); it answers whether it saved.
 */
export type DraftImportApply = (file: WorkbookFile & { revision: number; confirmStale: boolean }, fail: (e: unknown) => void) => Promise<boolean>;

export function DraftImportDialog({ draft, apply, onDone, onCancel }: { draft: VersionSummary; apply: DraftImportApply; onDone: (file: string, changes: number) => void; onCancel: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [file, setFile] = useState<{ name: string; b64: string } | null>(null);
  const [preview, setPreview] = useState<DraftImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [confirmed, setConfirmed] = useState(false);

  const choose = async (f: File | undefined) => {
    if (!f) return;
    setBusy(true);
    setError(null);
    setPreview(null);
    setConfirmed(false);
    try {
      const b64 = await fileToBase64(f);
      setFile({ name: f.name, b64 });
      setPreview(await api.workbook.previewIntoDraft({ fileName: f.name, contentBase64: b64, id: draft.id }));
    } catch (e) {
      setError({ error: e });
    } finally {
      setBusy(false);
    }
  };
  const submit = async () => {
    if (!file || !preview) return;
    setBusy(true);
    setError(null);
    const saved = await apply({ fileName: file.name, contentBase64: file.b64, revision: preview.draft.revision, confirmStale: confirmed }, (e) => setError({ error: e }));
    setBusy(false);
    if (saved) onDone(file.name, preview.changes.length);
  };

  const errors = preview?.issues.filter((i) => i.severity === 'error') ?? [];
  const stale = preview?.stale ?? null;
  const overwrites = new Set(preview?.overwrites ?? []);
  const origin = preview?.origin ?? null;
  const ready = !!preview && preview.canApply && preview.changes.length > 0 && (!stale || confirmed);
  const staleText = () => {
    if (!stale || !preview) return '';
    if (stale.reason === 'other-version' && origin)
      return t(origin.id === draft.basedOn ? 'di.stale.base-version' : 'di.stale.other-version', { date: origin.effective, status: t(`status.${origin.status}`), id: origin.id });
    if (stale.reason === 'draft-changed') return t('di.stale.draft-changed', { then: preview.about.revision ?? '?', now: preview.draft.revision });
    return t(stale.reason === 'unverified' ? 'di.stale.unverified' : 'di.stale.unknown-origin');
  };
  return (
    <Dialog
      title={t('di.title')}
      testId="draft-import-dialog"
      className="dialog-wide"
      onCancel={onCancel}
      submit={{ label: t('di.apply'), testId: 'draft-import-apply', disabled: !ready || busy, onClick: () => void submit() }}
    >
      <p>{t('di.into', { date: draft.effective, id: draft.id, title: draft.title ? ` 「${draft.title}」` : '', rev: draft.revision })}</p>
      <p className="muted small">{t('di.choose')}</p>
      <WorkbookFilePick fileName={file?.name} onChoose={(f) => void choose(f)} testId="draft-import-file" />
      {busy && <p className="muted">{t('import.reading')}</p>}
      {error && <ErrorBanner shown={error} onClose={() => setError(null)} />}
      {preview && (
        <div className="import-preview" data-testid="draft-import-preview">
          {origin ? (
            <p data-testid="draft-import-origin">
              {t('di.origin', {
                date: origin.effective,
                status: t(`status.${origin.status}`),
                id: origin.id,
                // A revision means something to the user only for a draft (a version past draft never changes).
                rev: preview.about.revision !== null && origin.status === 'draft' ? t('di.originRev', { n: preview.about.revision }) : '',
                at: preview.about.exportedAt ? t('di.originAt', { at: tokyoTime(preview.about.exportedAt, 'minutes') }) : '',
              })}
            </p>
          ) : (
            preview.about.effective !== null && <p data-testid="draft-import-origin">{t('di.originUnknown', { date: preview.about.effective, id: preview.about.versionId ?? '?' })}</p>
          )}
          <WorkbookIssues issues={preview.issues} testIdPrefix="draft-import" />
          {errors.length === 0 && (
            <>
              {stale ? (
                <div className="banner banner-warning" role="alert" data-testid="draft-import-stale" data-reason={stale.reason}>
                  <strong>{t('di.staleHead')}</strong>
                  <p>{staleText()}</p>
                  {overwrites.size > 0 && <p data-testid="draft-import-overwrites">{t('di.overwrites', { n: overwrites.size })}</p>}
                </div>
              ) : (
                preview.canApply && (
                  <p className="banner banner-ok" data-testid="draft-import-fresh">
                    {t('di.fresh')}
                  </p>
                )
              )}
              <h3 data-testid="draft-import-change-count">{preview.changes.length ? t('di.changes', { n: preview.changes.length }) : t('di.noChanges')}</h3>
              {preview.changes.length > 0 && (
                <div className="scroll-box">
                  <ChangeTable changes={preview.changes} testId="draft-import-changes" {...(stale ? { marked: overwrites, markLabel: t('di.overwriteMark') } : {})} />
                </div>
              )}
              {stale && preview.changes.length > 0 && (
                <label className="confirm-row" data-testid="draft-import-confirm-label">
                  <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="draft-import-confirm" />
                  {t('di.confirm')}
                </label>
              )}
              {stale && !confirmed && preview.changes.length > 0 && <p className="muted small">{t('di.confirmNeeded')}</p>}
              {preview.changes.length > 0 && <p className="muted small">{t('di.undoNote')}</p>}
            </>
          )}
        </div>
      )}
    </Dialog>
  );
}
