import { useState } from 'react';
import type { VersionSummary } from '../../api/contract.js';
import { useI18n } from '../i18n/i18n-context.js';
import { DateField } from '../ui/date-field.js';
import { Dialog } from '../ui/dialog.js';

/** Editing an approved version starts a draft with its own effective date (one before today is said to take effect back to it). */
export function NewDraftDialog({
  from,
  suggested,
  onCreate,
  onCancel,
  heading,
  help,
  initialTitle = '',
  testIds = { dialog: 'new-draft-dialog', effective: 'draft-effective', title: 'draft-title', create: 'draft-create' },
  today,
}: {
  from: VersionSummary;
  suggested: string;
  onCreate: (effective: string, title: string) => void;
  onCancel: () => void;
  heading?: string;
  help?: string;
  /** The title offered (a restore names what it restores, in the UI's language). */
  initialTitle?: string;
  /** The test ids of the dialog and its fields (the rules page keeps its own). */
  testIds?: { dialog: string; effective: string; title: string; create: string };
  /** Today in Japan (YYYY-MM-DD): an effective date before it is said to take effect back to that day once approved. */
  today?: string;
}) {
  const { t } = useI18n();
  const [effective, setEffective] = useState(suggested);
  const [title, setTitle] = useState(initialTitle);
  return (
    <Dialog title={heading ?? t('draft.title')} testId={testIds.dialog} onCancel={onCancel} onSubmit={() => effective !== '' && onCreate(effective, title)} submit={{ label: t('action.create'), testId: testIds.create, disabled: effective === '' }}>
      <p>{help ?? t('draft.from', { date: from.effective, status: t(`status.${from.status}`) })}</p>
      <DateField label={t('draft.effective')} required autoFocus value={effective} onChange={setEffective} testId={testIds.effective} />
      {today !== undefined && /^\d{4}-\d\d-\d\d$/u.test(effective) && effective < today && (
        <p className="banner banner-warning" role="status" data-testid={`${testIds.effective}-past`}>
          {t('draft.pastEffective', { date: effective, today })}
        </p>
      )}
      <label>
        {t('draft.name')}
        <input type="text" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} data-testid={testIds.title} />
      </label>
    </Dialog>
  );
}
