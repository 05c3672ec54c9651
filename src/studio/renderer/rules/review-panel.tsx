import { useState } from 'react';
import type { RuleVersionDetail, RuleVersionSummary } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import { ApprovalNote, useApprovalState } from '../team/approval-note.js';
import { useTeam } from '../team/team-context.js';

/** Submitting for review, withdrawing and approving (reviewer and comment required), with the version's review history. */
export function ReviewPanel({ detail, onChange, onApproved, onError }: { detail: RuleVersionDetail; onChange: (d: RuleVersionDetail) => void; onApproved: (d: RuleVersionDetail, superseded: RuleVersionSummary | null) => void; onError: (e: unknown, lead?: string) => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const [reviewer, setReviewer] = useState('');
  const [busy, setBusy] = useState(false);
  const s = detail.summary;
  const { me } = useTeam();
  const approval = useApprovalState('rule', s.id, s.status, s.revision);
  const approveBlocked = me !== null && approval !== null && !approval.canApprove;
  const act = async (f: () => Promise<void>, lead?: string) => {
    setBusy(true);
    try {
      await f();
      setComment('');
    } catch (e) {
      onError(e, lead);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="review-panel" data-testid="review-panel">
      <ol className="review-steps">
        {(['draft', 'in-review', 'approved'] as const).map((st) => (
          <li key={st} className={s.status === st ? 'current' : ''}>
            {t(`status.${st}`)}
          </li>
        ))}
      </ol>
      {s.status === 'approved' || s.status === 'superseded' ? (
        <p className="readonly-note" data-testid="review-frozen">
          {t('review.frozen', { who: s.approvedBy ?? '—' })}
        </p>
      ) : (
        <div className="review-form">
          {s.status === 'in-review' && !me && (
            <label>
              {t('review.reviewer')}
              <input type="text" value={reviewer} onChange={(e) => setReviewer(e.target.value)} data-testid="review-reviewer" />
            </label>
          )}
          <label>
            {t('review.comment')}
            <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={3} data-testid="review-comment" />
          </label>
          <div className="dialog-actions">
            {s.status === 'draft' && (
              <button type="button" className="primary" disabled={busy} onClick={() => void act(async () => onChange(await api.rules.submit({ id: s.id, revision: s.revision, comment })))} data-testid="btn-submit-review">
                {t('review.submit')}
              </button>
            )}
            {s.status === 'in-review' && (
              <>
                <button type="button" disabled={busy} onClick={() => void act(async () => onChange(await api.rules.withdraw({ id: s.id, comment })))} data-testid="btn-withdraw">
                  {t('review.withdraw')}
                </button>
                <button
                  type="button"
                  className="primary"
                  disabled={busy || approveBlocked}
                  aria-describedby={approveBlocked ? 'approve-blocked' : undefined}
                  onClick={() =>
                    void act(async () => {
                      const r = await api.rules.approve({ id: s.id, reviewer: me ? me.name : reviewer, comment });
                      onApproved(r.approved, r.superseded);
                    }, t('review.refused'))
                  }
                  data-testid="btn-approve"
                >
                  {busy ? t('review.checking') : t('review.approve')}
                </button>
              </>
            )}
          </div>
          {s.status === 'in-review' && <ApprovalNote state={approval} />}
          {(s.status === 'draft' || !me) && <p className="muted small">{s.status === 'draft' ? t('review.submitHelp') : t('review.approveHelp')}</p>}
        </div>
      )}
      <h4>{t('review.history')}</h4>
      <table className="changes" data-testid="review-history">
        <tbody>
          {detail.reviews.map((r, i) => (
            <tr key={i}>
              <td>{r.at.replace('T', ' ').slice(0, 19)}</td>
              <td>{t(`review.step.${r.step}`)}</td>
              <td>{r.reviewer}</td>
              <td>{r.comment}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
