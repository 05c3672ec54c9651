import { useEffect, useState } from 'react';
import type { VersionSummary } from '../../api/contract.js';
import type { FleetImpact, TariffReviewView } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import { base64ToBlob, download } from '../tariffs/base64.js';
import { ApprovalNote, useApprovalState } from '../team/approval-note.js';
import { useTeam } from '../team/team-context.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The review of a tariff version: the lifecycle (submit, send back, approve with reviewer and
 * comment), the rule version of the same date, the regression of the case files, the fleet
 * impact of the example scenario, and the 第2条 change notice covering prices and clauses.
 */
export function TariffReviewPanel({
  summary,
  onChanged,
  onError,
  onNotice,
}: {
  summary: VersionSummary;
  onChanged: (select?: number) => void;
  onError: (e: unknown, lead?: string) => void;
  onNotice: (text: string) => void;
}) {
  const api = useApi();
  const { t, yen } = useI18n();
  const [review, setReview] = useState<TariffReviewView | null>(null);
  const [impact, setImpact] = useState<FleetImpact | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [reviewer, setReviewer] = useState('');
  const s = summary;
  // On a team server the reviewer is the signed-in user, and four-eyes may block the approval.
  const { me } = useTeam();
  const approval = useApprovalState('tariff', s.id, s.status, s.revision);
  const approveBlocked = me !== null && approval !== null && !approval.canApprove;

  const runReview = async () => {
    setBusy('regression');
    try {
      setReview(await api.lifecycle.tariffReview({ id: s.id }));
    } catch (e) {
      onError(e);
    } finally {
      setBusy(null);
    }
  };
  useEffect(() => {
    setReview(null);
    setImpact(null);
    // In review, the reviewer sees the regression straight away (the version is frozen, so it stays true).
    if (s.status === 'in-review') void runReview();
    // Only another version or status reruns it: runReview is a new closure every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on purpose, see above
  }, [s.id, s.status]);

  const act = async (what: string, f: () => Promise<void>, lead?: string) => {
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
  const notice = (format: 'md' | 'xlsx') =>
    act('notice', async () => {
      const f = await api.lifecycle.tariffNotice({ id: s.id, format });
      download(base64ToBlob(f.contentBase64, format === 'md' ? 'text/markdown;charset=utf-8' : XLSX), f.fileName);
    });

  return (
    <section className="review-panel tariff-review" data-testid="tariff-review" aria-label={t('tr.title')}>
      <h2>{t('tr.title')}</h2>
      <ol className="review-steps">
        {(['draft', 'in-review', 'approved'] as const).map((st) => (
          <li key={st} className={s.status === st ? 'current' : ''}>
            {t(`status.${st}`)}
          </li>
        ))}
      </ol>
      {review && (
        <p className="small" data-testid="tr-companion">
          {review.companion ? t('tr.companion', { date: review.companion.effective, status: t(`status.${review.companion.status}`) }) : t('tr.noCompanion', { date: s.effective })}
        </p>
      )}
      {(s.status === 'draft' || s.status === 'in-review') && (
        <div className="review-form">
          {s.status === 'in-review' && !me && (
            <label>
              {t('review.reviewer')}
              <input type="text" value={reviewer} onChange={(e) => setReviewer(e.target.value)} data-testid="tr-reviewer" />
            </label>
          )}
          <label>
            {t('review.comment')}
            <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} data-testid="tr-comment" />
          </label>
          <div className="dialog-actions">
            {s.status === 'draft' && (
              <button
                type="button"
                className="primary"
                disabled={busy !== null}
                data-testid="tr-submit"
                onClick={() =>
                  void act('submit', async () => {
                    await api.lifecycle.submitTariff({ id: s.id, revision: s.revision, comment });
                    onNotice(t('tr.submitted'));
                    onChanged(s.id);
                  })
                }
              >
                {t('review.submit')}
              </button>
            )}
            {s.status === 'in-review' && (
              <>
                <button
                  type="button"
                  disabled={busy !== null}
                  data-testid="tr-withdraw"
                  onClick={() =>
                    void act('withdraw', async () => {
                      await api.lifecycle.withdrawTariff({ id: s.id, comment });
                      onNotice(t('tr.withdrawn'));
                      onChanged(s.id);
                    })
                  }
                >
                  {t('review.withdraw')}
                </button>
                <button
                  type="button"
                  className="primary"
                  disabled={busy !== null || approveBlocked}
                  aria-describedby={approveBlocked ? 'approve-blocked' : undefined}
                  data-testid="tr-approve"
                  onClick={() =>
                    void act(
                      'approve',
                      async () => {
                        const r = await api.lifecycle.approveTariff({ id: s.id, reviewer: me ? me.name : reviewer, comment });
                        onNotice(
                          r.rules
                            ? t('tr.approvedTogether', { date: r.rules.effective })
                            : r.superseded
                              ? t('review.approvedSuperseding', { date: r.superseded.effective })
                              : t('review.approved'),
                        );
                        onChanged(s.id);
                      },
                      t('review.refused'),
                    )
                  }
                >
                  {busy === 'approve' ? t('review.checking') : t('review.approve')}
                </button>
              </>
            )}
          </div>
          {s.status === 'in-review' && <ApprovalNote state={approval} />}
          {(s.status === 'draft' || !me) && <p className="muted small">{s.status === 'draft' ? t('review.submitHelp') : t('review.approveHelp')}</p>}
        </div>
      )}
      <h3>{t('tr.regression')}</h3>
      <button type="button" disabled={busy !== null} onClick={() => void runReview()} data-testid="tr-run-regression">
        {busy === 'regression' ? t('review.checking') : t('tr.regressionRun')}
      </button>
      {review && (
        <div data-testid="tr-regression">
          <p className="small">
            {t('tr.regressionResult', { total: review.total, changed: review.changed.length, failing: review.failing.length, base: review.baseline?.effective ?? '—' })}
          </p>
          <ul className="small case-list" tabIndex={0} aria-label={t('tr.regression')}>
            {[...review.failing.map((c) => ({ c, bad: true })), ...review.changed.map((c) => ({ c, bad: false }))].slice(0, 30).map(({ c, bad }) => (
              <li key={`${bad ? 'f' : 'c'}${c.file}#${c.index}`} className={bad ? 'case-failing' : ''}>
                {bad ? 'invalid: ' : ''}
                {c.file.split('/').pop()} › {c.name}
                {c.changedFields.length > 0 && <span className="muted"> ({c.changedFields.slice(0, 4).join(', ')})</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <h3>{t('tr.fleet')}</h3>
      <button
        type="button"
        disabled={busy !== null}
        data-testid="tr-run-fleet"
        onClick={() =>
          void act('fleet', async () => {
            setImpact(await api.lifecycle.fleetImpact({ id: s.id, fleetSize: 100 }));
          })
        }
      >
        {busy === 'fleet' ? t('review.checking') : t('tr.fleetRun')}
      </button>
      {impact && (
        <p className="small" data-testid="tr-fleet">
          {impact.problem ??
            t('tr.fleetResult', {
              n: impact.fleetSize,
              months: impact.months,
              start: impact.start,
              before: yen(impact.baseline),
              after: yen(impact.proposal),
              diff: yen(impact.difference),
            })}
        </p>
      )}
      <h3>{t('tr.notice')}</h3>
      <div className="dialog-actions start">
        <button type="button" disabled={busy !== null} onClick={() => void notice('md')} data-testid="tr-notice-md">
          {t('tr.noticeMd')}
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void notice('xlsx')} data-testid="tr-notice-xlsx">
          {t('tr.noticeXlsx')}
        </button>
      </div>
      {review && review.reviews.length > 0 && (
        <>
          <h3>{t('review.history')}</h3>
          <table className="changes" data-testid="tr-history">
            <tbody>
              {review.reviews.map((r, i) => (
                <tr key={i}>
                  <td>{r.at.replace('T', ' ').slice(0, 16)}</td>
                  <td>{t(`review.step.${r.step}`)}</td>
                  <td>{r.reviewer}</td>
                  <td>{r.comment}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
