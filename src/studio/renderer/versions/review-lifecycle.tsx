import { useState, type ReactNode } from 'react';
import type { VersionStatus } from '../../api/contract.js';
import { useI18n } from '../i18n/i18n-context.js';
import { ApprovalNote, useApprovalState } from '../team/approval-note.js';
import { useTeam } from '../team/team-context.js';
import { useCallRefusal } from '../team/use-call-refusal.js';
import { tokyoTime } from '../ui/tokyo-time.js';
import { DataTable } from '../ui/data-table.js';
import type { PageText } from '../shell/error-banner.js';

/** What the lifecycle calls do for a kind of version (rule or tariff); each throws on a refusal. */
export type ReviewActions = {
  submit: (comment: string) => Promise<void>;
  withdraw: (comment: string) => Promise<void>;
  approve: (reviewer: string, comment: string) => Promise<void>;
  /** A reviewer sends the version back to draft saying, in the comment, what must change (lifecycle.requestTariffChanges, rules.requestChanges). */
  requestChanges?: (comment: string) => Promise<void>;
};

/** The test ids of the form's fields and buttons (the rules page and the tariff page have their own). */
export type ReviewTestIds = { reviewer: string; comment: string; submit: string; withdraw: string; approve: string; requestChanges?: string };

export type ReviewStep = { at: string; step: string; reviewer: string; comment: string };

/**
 * The one review of a version, rule or tariff alike: the steps (draft → in review → approved),
 * then submitting for review, withdrawing and approving (reviewer and comment required; on a
 * team server the reviewer is the signed-in user and four-eyes may block the approval, with the
 * reason). What differs between the kinds is passed in: the calls, the test ids, and what is
 * shown between the steps and the form (`children`).
 */
export function ReviewLifecycle({
  kind,
  version,
  actions,
  testIds,
  commentRows,
  busy,
  setBusy,
  onError,
  frozen,
  draftEnd,
  kept,
  children,
}: {
  kind: 'rule' | 'tariff';
  version: { id: number; status: VersionStatus; revision: number };
  actions: ReviewActions;
  testIds: ReviewTestIds;
  commentRows: number;
  /** The action running on the panel (this form's or another's), which disables the buttons. */
  busy: string | null;
  setBusy: (what: string | null) => void;
  onError: (e: unknown, lead?: PageText) => void;
  /** Shown instead of the form once the version is approved or superseded. */
  frozen?: ReactNode;
  /** The draft's other way out, shown beneath submitting (the tariff page's "discard this draft"). */
  draftEnd?: ReactNode;
  /** The comment kept by the page, when the form is not always shown (the Rules page's review tab): what was typed survives a look at another tab. */
  kept?: { comment: string; setComment: (comment: string) => void };
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const [ownComment, setOwnComment] = useState('');
  const comment = kept ? kept.comment : ownComment;
  const setComment = kept ? kept.setComment : setOwnComment;
  const [reviewer, setReviewer] = useState('');
  const s = version;
  const { me } = useTeam();
  const [approvedTimes, setApprovedTimes] = useState(0);
  const approval = useApprovalState(kind, s.id, s.status, s.revision, approvedTimes);
  // Submitting and sending back are the author's role's (pm for tariffs, legal for rules): disabled with why for the others.
  const refusal = useCallRefusal();
  const noSubmit = refusal(kind === 'tariff' ? 'lifecycle.submitTariff' : 'rules.submit');
  const noWithdraw = refusal(kind === 'tariff' ? 'lifecycle.withdrawTariff' : 'rules.withdraw');
  // A reviewer's way back to draft (legal; for tariffs legal may not withdraw the pm's version): "request changes", the comment saying what must change.
  const noRequest = actions.requestChanges ? refusal(kind === 'tariff' ? 'lifecycle.requestTariffChanges' : 'rules.requestChanges') : 'none';
  // On a team server the server refuses a request for changes by one who edited the version (FOUR_EYES, as an approval): shown disabled, with why.
  const ownVersion = me !== null && approval !== null && approval.editors.some((e) => e.localeCompare(me.name, undefined, { sensitivity: 'accent' }) === 0);
  const canRequest = noRequest === null;
  // The author's "back to draft" is shown to whoever may use it, and to those who may use neither (disabled, with why).
  const showWithdraw = noWithdraw === null || !canRequest;
  const roleNote = s.status === 'draft' ? noSubmit : s.status === 'in-review' && approval?.canApprove !== true && !canRequest ? noWithdraw : null;
  const roleNoteId = `${testIds.submit}-role-note`;
  // On a team server every reason blocks; in the single-user app only a same-date companion still in draft does (the server refuses it too).
  const approveBlocked = approval !== null && !approval.canApprove && (me !== null || approval.reason === 'COMPANION_NOT_SUBMITTED');
  // Without sign-in the approver is typed: a name of one who edited the version is refused (four-eyes by name), said before Approve is pressed.
  const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
  const typedEditor = !me && reviewer.trim() && approval ? (approval.editors.find((e) => sameName(e, reviewer.trim())) ?? null) : null;
  const editorId = `${testIds.approve}-editor`;
  // The server refuses an approval without a reviewer or a comment: the button says so before it is pressed.
  const missing = [...(!me && !reviewer.trim() ? [t('review.reviewer')] : []), ...(!comment.trim() ? [t('review.comment')] : [])];
  const incompleteId = `${testIds.approve}-incomplete`;
  const requestNoteId = `${testIds.requestChanges ?? 'request-changes'}-note`;
  const ownRequestId = `${testIds.requestChanges ?? 'request-changes'}-own`;
  const act = async (what: string, f: () => Promise<void>, lead?: PageText) => {
    setBusy(what);
    try {
      await f();
      setComment('');
    } catch (e) {
      onError(e, lead);
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <ol className="review-steps">
        {(['draft', 'in-review', 'approved'] as const).map((st) => (
          <li key={st} className={s.status === st ? 'current' : ''} aria-current={s.status === st ? 'step' : undefined}>
            {t(`status.${st}`)}
          </li>
        ))}
      </ol>
      {children}
      {s.status === 'approved' || s.status === 'superseded' ? (
        frozen
      ) : (
        <div className="review-form">
          {s.status === 'in-review' && !me && (
            <label>
              {t('review.reviewer')}
              <input type="text" required value={reviewer} onChange={(e) => setReviewer(e.target.value)} data-testid={testIds.reviewer} />
            </label>
          )}
          <label>
            {t('review.comment')}
            <textarea value={comment} required={s.status === 'in-review'} onChange={(e) => setComment(e.target.value)} rows={commentRows} data-testid={testIds.comment} />
          </label>
          <div className="dialog-actions">
            {s.status === 'draft' && (
              <button
                type="button"
                className="primary"
                disabled={busy !== null || noSubmit !== null}
                aria-describedby={noSubmit ? roleNoteId : undefined}
                onClick={() =>
                  void act(
                    'submit',
                    () => actions.submit(comment),
                    (tr) => tr('review.submitRefused'),
                  )
                }
                data-testid={testIds.submit}
              >
                {t('review.submit')}
              </button>
            )}
            {s.status === 'in-review' && (
              <>
                {canRequest && (
                  <button
                    type="button"
                    disabled={busy !== null || ownVersion || !comment.trim()}
                    aria-describedby={ownVersion ? ownRequestId : !comment.trim() ? requestNoteId : undefined}
                    onClick={() =>
                      void act(
                        'request',
                        () => actions.requestChanges!(comment),
                        (tr) => tr('review.requestRefused'),
                      )
                    }
                    data-testid={testIds.requestChanges}
                  >
                    {t('review.requestChanges')}
                  </button>
                )}
                {showWithdraw && (
                  <button
                    type="button"
                    disabled={busy !== null || noWithdraw !== null}
                    aria-describedby={noWithdraw && roleNote ? roleNoteId : undefined}
                    onClick={() => void act('withdraw', () => actions.withdraw(comment))}
                    data-testid={testIds.withdraw}
                  >
                    {t('review.withdraw')}
                  </button>
                )}
                <button
                  type="button"
                  className="primary"
                  disabled={busy !== null || approveBlocked || missing.length > 0 || typedEditor !== null}
                  aria-describedby={approveBlocked ? 'approve-blocked' : typedEditor !== null ? editorId : missing.length > 0 ? incompleteId : undefined}
                  onClick={() =>
                    void act(
                      'approve',
                      () => actions.approve(me ? me.name : reviewer, comment).then(() => setApprovedTimes((n) => n + 1)),
                      (tr) => tr('review.refused'),
                    )
                  }
                  data-testid={testIds.approve}
                >
                  {busy === 'approve' ? t('review.checking') : t('review.approve')}
                </button>
              </>
            )}
          </div>
          {s.status === 'in-review' && typedEditor !== null && (
            <p className="banner banner-warning approve-blocked" id={editorId} data-testid={editorId}>
              {t('review.reviewerIsEditor', { name: typedEditor, editors: approval!.editors.join(', ') })}
            </p>
          )}
          {s.status === 'in-review' && !approveBlocked && missing.length > 0 && (
            <p className="muted small" id={incompleteId} data-testid={incompleteId}>
              {t('review.missing', { fields: missing.join(t('list.and')) })}
            </p>
          )}
          {s.status === 'in-review' && canRequest && ownVersion && (
            <p className="muted small" id={ownRequestId} data-testid={ownRequestId}>
              {t('review.requestOwn', { editors: approval!.editors.join(', ') })}
            </p>
          )}
          {s.status === 'in-review' && canRequest && !ownVersion && (
            <p className="muted small" id={requestNoteId} data-testid={requestNoteId}>
              {t(kind === 'rule' ? 'review.requestHelpRule' : 'review.requestHelp')}
            </p>
          )}
          {s.status === 'in-review' && <ApprovalNote state={approval} />}
          {roleNote && (
            <p className="muted small" id={roleNoteId} data-testid={roleNoteId}>
              {roleNote}
            </p>
          )}
          {(s.status === 'draft' || !me) && <p className="muted small">{s.status === 'draft' ? t('review.submitHelp') : t('review.approveHelp')}</p>}
          {s.status === 'draft' && draftEnd}
        </div>
      )}
    </>
  );
}

/** The review history of a version: when, which step, who, the comment. */
export function ReviewHistory({ reviews, testId, time }: { reviews: readonly ReviewStep[]; testId: string; time: 'seconds' | 'minutes' }) {
  const { t } = useI18n();
  return (
    <DataTable
      testId={testId}
      headless
      label={t('review.history')}
      rows={reviews}
      rowKey={(_r, i) => i}
      columns={[
        { key: 'at', header: t('audit.at'), cell: (r) => tokyoTime(r.at, time) },
        // A step's word kept whole (提出, not 提 / 出, in the side panel at 1280 px); a long one breaks at its brackets.
        { key: 'step', header: t('review.history'), cellClass: 'keep-words', cell: (r) => t(`review.step.${r.step}` as 'review.step.submitted') },
        { key: 'reviewer', header: t('review.reviewer'), cell: (r) => r.reviewer },
        { key: 'comment', header: t('review.comment'), cell: (r) => r.comment },
      ]}
    />
  );
}
