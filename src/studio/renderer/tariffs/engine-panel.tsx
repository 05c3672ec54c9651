import { useEffect, useState } from 'react';
import type { CourseAnswer } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import { errorLine } from '../i18n/error-advice.js';
import type { MessageKey } from '../i18n/messages.js';
import { InvalidErrors } from '../ui/invalid-errors.js';

type Answer = { before: CourseAnswer | null; after: CourseAnswer };

/**
 * The engine's answer for the selected course under this version, and (for a draft) under
 * the version it came from: the price list says what a course costs, the engine what a
 * customer pays: first bill, a regular month, the settlement on cancelling after N months.
 */
export function EnginePanel({ versionId, revision, index, hasBase }: { versionId: number; revision: number; index: number | null; hasBase: boolean }) {
  const api = useApi();
  const { t, yen, lang } = useI18n();
  const [months, setMonths] = useState(6);
  const [answer, setAnswer] = useState<Answer | null>(null);
  // A call that failed (the server gone in the browser mode): said in the page's language when shown.
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);

  useEffect(() => {
    if (index === null) return;
    let live = true;
    api.engine.coursePreview({ versionId, index, months }).then(
      (a) => {
        if (!live) return;
        setAnswer(a);
        setFailure(null);
      },
      (e: unknown) => live && setFailure({ error: e }),
    );
    return () => {
      live = false;
    };
  }, [api, versionId, revision, index, months]);

  if (index === null)
    return (
      <section className="engine-panel" data-testid="engine-panel">
        <h2>{t('engine.title')}</h2>
        <p className="muted">{t('engine.pick')}</p>
      </section>
    );
  const after = answer?.after;
  const before = answer?.before ?? null;
  const rows: { label: string; pick: (a: Extract<CourseAnswer, { ok: true }>) => number; id: string }[] = [
    { id: 'monthly-fee', label: t('engine.monthlyFee'), pick: (a) => a.monthlyFee },
    { id: 'first-month', label: t('engine.firstMonth'), pick: (a) => a.firstMonth.total },
    { id: 'regular-month', label: t('engine.regularMonth'), pick: (a) => a.regularMonth.total },
    { id: 'settlement', label: t('engine.settlement', { n: months }), pick: (a) => a.settlement.total },
  ];
  const cell = (a: CourseAnswer | null | undefined, pick: (a: Extract<CourseAnswer, { ok: true }>) => number) => (a && a.ok ? yen(pick(a)) : '—');
  return (
    <section className="engine-panel" data-testid="engine-panel">
      <h2>{t('engine.title')}</h2>
      {after && <p className="engine-course">{after.ok ? after.name : after.code}</p>}
      <label className="engine-months">
        {t('engine.months')}
        <input type="number" min={1} max={120} value={months} onChange={(e) => setMonths(Math.min(120, Math.max(1, Number(e.target.value) || 1)))} data-testid="engine-months" />
      </label>
      {failure && (
        <p className="error-text" data-testid="engine-failure">
          {errorLine(failure.error, lang)}
        </p>
      )}
      {after && !after.ok && (
        <div data-testid="engine-invalid">
          <p className="error-text">{t('engine.invalid', { decision: t(`decision.${after.decision}` as MessageKey) })}</p>
          {/* The panel, not the user, wrote the case: it says which contract it asked about and what the user can change. */}
          <p className="muted small">{t('engine.invalidCase', { date: after.asOf, n: after.months })}</p>
          <InvalidErrors errors={after.errors} at={after} testId="engine-errors" />
        </div>
      )}
      {after && after.ok && (
        <>
          <p className="muted small">{t('engine.start', { date: after.settlement.startDate })}</p>
          {/* A course new in the draft: said once, its 変更前 cells left empty (the sentence in each squeezed the labels to a word a line). */}
          {hasBase && !before && (
            <p className="muted small" data-testid="engine-no-base">
              {t('engine.noBase')}
            </p>
          )}
          <table className="engine-table">
            <thead>
              <tr>
                <th />
                {hasBase && <th>{t('engine.before')}</th>}
                <th>{hasBase ? t('engine.after') : ''}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const b = before && before.ok ? r.pick(before) : null;
                const a = r.pick(after);
                const differs = hasBase && b !== null && b !== a;
                return (
                  <tr key={r.id} data-testid={`engine-${r.id}`} className={differs ? 'engine-differs' : undefined}>
                    <th scope="row">{r.label}</th>
                    {hasBase && <td data-testid={`engine-${r.id}-before`}>{cell(before, r.pick)}</td>}
                    <td data-testid={`engine-${r.id}-after`}>
                      {yen(a)}
                      {differs && <span className="delta">{a - b! > 0 ? ` (+${yen(a - b!)})` : ` (−${yen(b! - a)})`}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {after.settlement.basisCourse && <p className="small">{t('engine.basis', { name: after.settlement.basisCourse })}</p>}
          <p className="small">
            {t('engine.clauses')}: {[...new Set([...after.firstMonth.clauses, ...after.settlement.clauses])].join('、')}
          </p>
        </>
      )}
    </section>
  );
}
