import { useState } from 'react';
import type { VersionSummary } from '../../api/contract.js';
import { useI18n } from '../i18n/i18n-context.js';

/** Editing an approved version starts a draft with its own effective date. */
export function NewDraftDialog({ from, suggested, onCreate, onCancel, heading, help }: { from: VersionSummary; suggested: string; onCreate: (effective: string, title: string) => void; onCancel: () => void; heading?: string; help?: string }) {
  const { t } = useI18n();
  const [effective, setEffective] = useState(suggested);
  const [title, setTitle] = useState('');
  return (
    <div className="dialog-backdrop">
      <form
        className="dialog"
        role="dialog"
        aria-label={heading ?? t('draft.title')}
        aria-modal="true"
        data-testid="new-draft-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onCreate(effective, title);
        }}
      >
        <h2>{heading ?? t('draft.title')}</h2>
        <p>{help ?? t('draft.from', { date: from.effective, status: t(`status.${from.status}`) })}</p>
        <label>
          {t('draft.effective')}
          <input type="date" required autoFocus value={effective} onChange={(e) => setEffective(e.target.value)} data-testid="draft-effective" />
        </label>
        <label>
          {t('draft.name')}
          <input type="text" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} data-testid="draft-title" />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            {t('action.cancel')}
          </button>
          <button type="submit" className="primary" data-testid="draft-create">
            {t('action.create')}
          </button>
        </div>
      </form>
    </div>
  );
}
