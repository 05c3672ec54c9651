import { StudioCallError } from '../../api/client.js';
import { isStaleRefusal } from '../../api/envelope-status.js';
import { DRAFT_CONFLICT_NAMED_JA, DRAFT_CONFLICT_RELOADED_JA, ERROR_ADVICE_JA, PAGE_OWN_CODES, STALE_SUBMISSION_JA, SUBMISSION_CALLS } from '../i18n/error-advice.js';
import { useI18n, type Lang } from '../i18n/i18n-context.js';
import { IssueList } from './issue-list.js';
import { ConflictReload } from '../team/conflict-reload.js';
import { tokyoTime } from '../ui/tokyo-time.js';
import { useTeam } from '../team/team-context.js';

/** Who saved a draft since the page loaded it, and when, as a stale save's message names them (workspace/stale-save.ts). */
const conflictBy = (message: string): { by: string; at: string } | null => {
  const m = /was changed by (.+?) at (\d{4}-\d\d-\d\dT[\d:.]+Z) since you loaded it/u.exec(message);
  return m ? { by: m[1]!, at: tokyoTime(m[2]!, 'seconds') } : null;
};

/**
 * An error to show: what the studio answered (code, message, hint, issues), with an optional lead
 * in the UI's language: a text, or words written when shown, so a switch of language rewrites it.
 */
/**
 * A message a page keeps to show later (a lead, a notice): kept as the call that renders it from
 * its key and variables, so it is rendered at display time and follows a switch of language. A
 * plain string is text that is not the UI's (an answer of the studio, a file name).
 */
export type PageText = string | ((t: ReturnType<typeof useI18n>['t'], lang: Lang) => string);
export const pageText = (text: PageText, t: ReturnType<typeof useI18n>['t'], lang: Lang): string => (typeof text === 'function' ? text(t, lang) : text);
/** `reloaded`: the page already shows what the refusal is about as it now is (a stale save's draft, reloaded): the advice says so, and no reload is offered. */
export type ShownError = { error: unknown; lead?: PageText; reloaded?: boolean };

/** `onReload`: called when the user asks to load the colleague's changes (a page that says when they are loaded). */
export function ErrorBanner({ shown, onClose, onReload }: { shown: ShownError; onClose: () => void; onReload?: () => void }) {
  const { t, lang } = useI18n();
  const { me } = useTeam();
  const e = shown.error;
  const call = e instanceof StudioCallError ? e : null;
  // The server's words are English; a Japanese page says first, in Japanese, what happened and what to do.
  // A stale save names, in Japan time, who saved since the page loaded the draft.
  const by = call?.code === 'DRAFT_CONFLICT' && lang === 'ja' ? conflictBy(call.message) : null;
  const reloaded = shown.reloaded === true && call?.code === 'DRAFT_CONFLICT';
  // Who changed the draft since the page loaded it: a colleague, this user's own other save, or someone unnamed.
  const mine = by !== null && by.by === me?.name;
  const who = by
    ? mine
      ? `この下書きは ${by.at} に、あなた自身の別の保存（別のタブ、またはまだ終わっていなかった直前の操作）で変更されています。`
      : `${by.by} さんが ${by.at} にこの下書きを変更しました（このページが読み込んだ後）。`
    : 'この下書きは開いた後にほかの人が変更しました。';
  const advice =
    call && lang === 'ja'
      ? call.code === 'DRAFT_CONFLICT' && SUBMISSION_CALLS.has(call.call)
        ? // A stale submission is said alike on the Rules page and the Tariff page.
          `${who}${STALE_SUBMISSION_JA}`
        : by
          ? mine
            ? reloaded
              ? `${who}この変更は保存されていません。下の表はその保存の後のいまの下書きです。必要ならもう一度操作してください。`
              : `${who}この変更は保存されていません。「相手の変更を読み込む」で最新にしてから、もう一度操作してください。`
            : `${who}${reloaded ? DRAFT_CONFLICT_RELOADED_JA : DRAFT_CONFLICT_NAMED_JA}`
          : reloaded
            ? `${who}${DRAFT_CONFLICT_RELOADED_JA}`
            : // The server's own Japanese for its refusal where it says more than the code's general advice (RUN_TOO_LARGE naming the run that makes it large).
              (call.issues.find((i) => i.code === call.code && i.adviceJa)?.adviceJa ?? ERROR_ADVICE_JA[call.code])
      : undefined;
  // A stale refusal's own issue only repeats its message (who, and when in UTC): the sentences above say it, in Japan time.
  const issues = call ? call.issues.filter((i) => !(isStaleRefusal(call.code) && i.code === call.code)) : [];
  return (
    <div className="banner banner-error" role="alert" data-testid="error-banner">
      <div className="banner-head">
        <strong>{(typeof shown.lead === 'function' ? shown.lead(t, lang) : shown.lead) ?? t('error.title')}</strong>
        {call && <code className="error-code">{call.code}</code>}
        <button type="button" className="banner-close" onClick={onClose} aria-label={t('action.close')}>
          ×
        </button>
      </div>
      {advice && <p data-testid="error-advice">{advice}</p>}
      {/* The page's own English words (the server gone) are replaced by the advice, not shown beneath it: they name nothing the advice does not. */}
      {!(advice && PAGE_OWN_CODES.has(call!.code)) && (
        <>
          <p className={advice ? 'error-detail' : undefined}>{e instanceof Error ? e.message : String(e)}</p>
          {/* A stale save's hint asks to reload: the page that already reloaded does not repeat it. The Japanese advice
              says what to do, so the English hint (what to do, naming nothing the advice does not) is left out beneath it. */}
          {call?.hint && !reloaded && !advice && <p className="hint">{call.hint}</p>}
        </>
      )}
      {call && isStaleRefusal(call.code) && !reloaded && <ConflictReload onDone={onClose} onReload={onReload} />}
      {issues.length > 0 && <IssueList issues={issues} adviceShownFor={advice ? call?.code : undefined} />}
    </div>
  );
}
