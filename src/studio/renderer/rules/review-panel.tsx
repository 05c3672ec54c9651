import { useState } from 'react';
import type { RuleVersionDetail, RuleVersionSummary } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';
import type { PageText } from '../shell/error-banner.js';
import { useI18n } from '../i18n/i18n-context.js';
import { ReviewHistory, ReviewLifecycle } from '../versions/review-lifecycle.js';
import { useRuleSaves } from './rule-saves.js';
import { shortText } from '../team/waiting-inputs.js';

/** The review of a rule version: the lifecycle (submit, withdraw, request changes, approve with reviewer and comment) and its review history. */
export function ReviewPanel({
  detail,
  onChange,
  onNotice,
  onApproved,
  onError,
  onOpen,
  kept,
  loading,
}: {
  detail: RuleVersionDetail;
  onChange: (d: RuleVersionDetail) => void;
  /** What a submission, a withdrawal or a request for changes did, said as the Tariff page says it. */
  onNotice: (text: PageText) => void;
  onApproved: (d: RuleVersionDetail, superseded: RuleVersionSummary | null) => void;
  onError: (e: unknown, lead?: PageText) => void;
  /** Opens another tab of the page: what a reviewer reads before approving (the diff, the regression). */
  onOpen: (tab: 'diff' | 'regression') => void;
  /** The review comment, kept by the page while another tab is open (to read the diff, or a colleague's change after a stale submission). */
  kept: { comment: string; setComment: (comment: string) => void };
  /** The version is being read again (「相手の変更を読み込む」): no review step until it is, or it would be refused as stale again. */
  loading: boolean;
}) {
  const api = useApi();
  const { t } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const s = detail.summary;
  // A review step is one of the page's saves (rule-saves.tsx): after the edits made before it, and named by its comment while it waits.
  const { save } = useRuleSaves();
  const step = <T,>(comment: string, send: (revision: number) => Promise<T>) =>
    save({ versionId: s.id, revision: s.revision, inputs: comment.trim() ? [{ key: t('rules.tab.review'), header: t('save.field.comment'), text: shortText(comment) }] : [], send });
  return (
    <div className="review-panel" data-testid="review-panel">
      {s.status === 'in-review' && (
        <p className="review-checklist" data-testid="review-checklist">
          {t('review.checklist')}{' '}
          <button type="button" className="link-button" onClick={() => onOpen('diff')} data-testid="review-open-diff">
            {t('review.openDiff')}
          </button>{' '}
          <button type="button" className="link-button" onClick={() => onOpen('regression')} data-testid="review-open-regression">
            {t('review.openRegression')}
          </button>
        </p>
      )}
      <ReviewLifecycle
        key={s.id}
        kind="rule"
        version={s}
        busy={busy ?? (loading ? 'loading' : null)}
        setBusy={setBusy}
        onError={onError}
        commentRows={3}
        kept={kept}
        testIds={{
          reviewer: 'review-reviewer',
          comment: 'review-comment',
          submit: 'btn-submit-review',
          withdraw: 'btn-withdraw',
          approve: 'btn-approve',
          requestChanges: 'btn-request-changes',
        }}
        actions={{
          submit: async (comment) => {
            onChange(await step(comment, (revision) => api.rules.submit({ id: s.id, revision, comment })));
            onNotice((tr) => tr('tr.submitted'));
          },
          withdraw: async (comment) => {
            onChange(await step(comment, () => api.rules.withdraw({ id: s.id, comment })));
            onNotice((tr) => tr('tr.withdrawn'));
          },
          requestChanges: async (comment) => {
            onChange(await step(comment, (revision) => api.rules.requestChanges({ id: s.id, revision, comment })));
            onNotice((tr) => tr('rules.requested'));
          },
          approve: async (reviewer, comment) => {
            const r = await step(comment, (revision) => api.rules.approve({ id: s.id, revision, reviewer, comment }));
            onApproved(r.approved, r.superseded);
          },
        }}
        frozen={
          <p className="readonly-note" data-testid="review-frozen">
            {t('review.frozen', { who: s.approvedBy ?? '—' })}
          </p>
        }
      />
      <h4>{t('review.history')}</h4>
      <ReviewHistory reviews={detail.reviews} testId="review-history" time="seconds" />
    </div>
  );
}
