import { useEffect, useState, type ReactNode } from 'react';
import type { VersionSummary } from '../../api/contract.js';
import type { FleetImpact, TariffReviewView } from '../../api/contract.js';
import type { ReviewStepView } from '../../api/contract/shared.js';
import { useApi } from '../shell/api-context.js';
import type { PageText } from '../shell/error-banner.js';
import { useI18n } from '../i18n/i18n-context.js';
import { base64ToBlob, download } from '../tariffs/base64.js';
import { ReviewHistory, ReviewLifecycle } from './review-lifecycle.js';
import { useCaseCaption } from '../rules/case-caption.js';
import { invalidAt } from '../i18n/invalid-error-ja.js';
import { InvalidErrors } from '../ui/invalid-errors.js';
import { outputLabelKey } from '../explorer/output-labels.js';
import { priceJumps } from '../../../tariff-model/price-jump.js';
import type { TariffChange } from '../../../tariff-model/tariff-diff.js';
import { TABLES } from '../../../tariff-model/tariff-tables.js';
import { PriceJumpBadge, useJumpText } from '../tariffs/price-jump-badge.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The review of a tariff version: the lifecycle (submit, send back, approve with reviewer and
 * comment), the rule version of the same date, the regression of the case files, the fleet
 * impact of the example scenario, and the 第2条 change notice covering prices and clauses.
 * A price that moves by more than half (price-jump.ts) is named above the buttons, so whoever
 * submits and whoever approves reads it where they decide.
 */
export function TariffReviewPanel({
  summary,
  onChanged,
  onError,
  onNotice,
  discard,
  saving = false,
  loading = false,
  today,
  changes = [],
}: {
  summary: VersionSummary;
  /** The version's changes against its base (the side panel's): its price jumps are said here too. */
  changes?: readonly TariffChange[];
  onChanged: (select?: number) => void;
  onError: (e: unknown, lead?: PageText) => void;
  /** What was done, in words written when shown (a switch of language rewrites them). */
  onNotice: (text: (tr: ReturnType<typeof useI18n>['t']) => string) => void;
  /** A draft's discard button: a lifecycle action, so it sits with submitting, not among the toolbar's Excel buttons. */
  discard?: ReactNode;
  /**
   * A change to the draft is still being saved: submitting, withdrawing and approving wait for it,
   * since they name the revision the page has, which the save is about to replace (pressed
   * meanwhile, the server would refuse them as stale).
   */
  saving?: boolean;
  /** The version is being read again (「相手の変更を読み込む」): no review step until it is, or it would be refused as stale again. */
  loading?: boolean;
  /** Today in Japan (YYYY-MM-DD): a version in review dated before it is said to take effect back to that day once approved. */
  today?: string;
}) {
  const api = useApi();
  const { t, yen, lang } = useI18n();
  const caption = useCaseCaption();
  const jumpText = useJumpText();
  // A changed field by its label, as the rules page's regression words it (結果, 金額…).
  const fieldLabel = (decision: string, k: string): string => {
    if (k === 'outcome') return t('explorer.outcome');
    if (k === 'clauses') return t('engine.clauses');
    const key = outputLabelKey(decision, k);
    return key ? t(key) : k;
  };
  const [review, setReview] = useState<TariffReviewView | null>(null);
  const [impact, setImpact] = useState<FleetImpact | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // The review steps alone (no regression): the history of a draft too (a request for changes, a withdrawal).
  const [steps, setSteps] = useState<ReviewStepView[] | null>(null);
  const s = summary;
  useEffect(() => {
    let live = true;
    setSteps(null);
    api.lifecycle.reviewSteps({ id: s.id }).then(
      (r) => live && setSteps(r.steps),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, s.id, s.status, s.revision]);

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

  const act = async (what: string, f: () => Promise<void>) => {
    setBusy(what);
    try {
      await f();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(null);
    }
  };
  const notice = (format: 'md' | 'xlsx') =>
    act('notice', async () => {
      const f = await api.lifecycle.tariffNotice({ id: s.id, format });
      download(base64ToBlob(f.contentBase64, format === 'md' ? 'text/markdown;charset=utf-8' : XLSX), f.fileName);
    });

  const jumps = [...priceJumps(changes)].map(([i, j]) => ({ c: changes[i]!, j }));
  return (
    <section className="review-panel tariff-review" data-testid="tariff-review" aria-label={t('tr.title')}>
      <h2>{t('tr.title')}</h2>
      {jumps.length > 0 && (s.status === 'draft' || s.status === 'in-review') && (
        <div className="banner banner-warning small" data-testid="tr-price-jumps">
          <p>{jumpText.count(jumps.length)}</p>
          <ul className="plain-list">
            {jumps.map(({ c, j }, n) => {
              const col = TABLES[c.table].columns.find((x) => x.key === c.field);
              return (
                <li key={n}>
                  <span className="mono">{c.key}</span> {lang === 'ja' ? col?.ja : col?.en}: {yen(j.before)} → {yen(j.after)} <PriceJumpBadge jump={j} />
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <ReviewLifecycle
        key={s.id}
        kind="tariff"
        version={s}
        busy={busy ?? (saving ? 'saving' : loading ? 'loading' : null)}
        setBusy={setBusy}
        onError={onError}
        commentRows={2}
        {...(discard ? { draftEnd: <div className="review-discard">{discard}</div> } : {})}
        testIds={{ reviewer: 'tr-reviewer', comment: 'tr-comment', submit: 'tr-submit', withdraw: 'tr-withdraw', approve: 'tr-approve', requestChanges: 'tr-request-changes' }}
        actions={{
          submit: async (comment) => {
            await api.lifecycle.submitTariff({ id: s.id, revision: s.revision, comment });
            onNotice((tr) => tr('tr.submitted'));
            onChanged(s.id);
          },
          withdraw: async (comment) => {
            await api.lifecycle.withdrawTariff({ id: s.id, comment });
            onNotice((tr) => tr('tr.withdrawn'));
            onChanged(s.id);
          },
          requestChanges: async (comment) => {
            await api.lifecycle.requestTariffChanges({ id: s.id, revision: s.revision, comment });
            onNotice((tr) => tr('tr.requested'));
            onChanged(s.id);
          },
          approve: async (reviewer, comment) => {
            const r = await api.lifecycle.approveTariff({ id: s.id, revision: s.revision, reviewer, comment });
            onNotice((tr) =>
              r.approved.status === 'in-review'
                ? tr('review.counted')
                : r.rules
                  ? tr('tr.approvedTogether', { date: r.rules.effective })
                  : r.superseded
                    ? tr('review.approvedSuperseding', { date: r.superseded.effective })
                    : tr('review.approved'),
            );
            onChanged(s.id);
          },
        }}
      >
        {review && (
          <p className="small" data-testid="tr-companion">
            {review.companion
              ? t('tr.companion', { date: review.companion.effective, status: t(`status.${review.companion.status}`) })
              : t('tr.noCompanion', { date: s.effective })}
          </p>
        )}
        {s.status === 'in-review' && today !== undefined && s.effective < today && (
          <p className="banner banner-warning" role="status" data-testid="tr-past-effective">
            {t('tr.pastEffective', { date: s.effective, today })}
          </p>
        )}
      </ReviewLifecycle>
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
              <li key={`${bad ? 'f' : 'c'}${c.file}#${c.index}`} className={bad ? 'case-failing' : ''} title={c.name} data-testid="tr-regression-case">
                {bad ? t('tr.invalidCase') : ''}
                {c.file.split('/').pop()} › {caption(c)}
                {c.changedFields.length > 0 && (
                  <span className="muted">
                    {' '}
                    (
                    {c.changedFields
                      .slice(0, 4)
                      .map((f) => fieldLabel(String(c.before.decision), f))
                      .join(lang === 'ja' ? '、' : ', ')}
                    )
                  </span>
                )}
                {bad && c.after.errors && c.after.errors.length > 0 && <InvalidErrors errors={c.after.errors} at={invalidAt(c.after, c)} testId="tr-regression-errors" />}
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
      {(review?.reviews ?? steps ?? []).length > 0 && (
        <>
          <h3>{t('review.history')}</h3>
          <ReviewHistory reviews={review?.reviews ?? steps ?? []} testId="tr-history" time="minutes" />
        </>
      )}
    </section>
  );
}
