import { StudioCallError } from '../../api/client.js';
import { isStaleRefusal } from '../../api/envelope-status.js';
import { ERROR_ADVICE_JA } from '../i18n/error-advice.js';
import { useI18n } from '../i18n/i18n-context.js';
import { IssueList } from './issue-list.js';
import { ConflictReload } from '../team/conflict-reload.js';

/** An error to show: what the studio answered (code, message, hint, issues), with an optional lead in the UI's language. */
export type ShownError = { error: unknown; lead?: string };

export function ErrorBanner({ shown, onClose }: { shown: ShownError; onClose: () => void }) {
  const { t, lang } = useI18n();
  const e = shown.error;
  const call = e instanceof StudioCallError ? e : null;
  // The server's words are English; a Japanese page says first, in Japanese, what happened and what to do.
  const advice = call && lang === 'ja' ? ERROR_ADVICE_JA[call.code] : undefined;
  return (
    <div className="banner banner-error" role="alert" data-testid="error-banner">
      <div className="banner-head">
        <strong>{shown.lead ?? t('error.title')}</strong>
        {call && <code className="error-code">{call.code}</code>}
        <button type="button" className="banner-close" onClick={onClose} aria-label={t('action.close')}>
          ×
        </button>
      </div>
      {advice && <p data-testid="error-advice">{advice}</p>}
      <p className={advice ? 'error-detail' : undefined}>{e instanceof Error ? e.message : String(e)}</p>
      {call?.hint && <p className="hint">{call.hint}</p>}
      {call && isStaleRefusal(call.code) && <ConflictReload onDone={onClose} />}
      {call && call.issues.length > 0 && <IssueList issues={call.issues} adviceShownFor={advice ? call.code : undefined} />}
    </div>
  );
}
