import { useEffect, useState } from 'react';
import type { InForceView } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import { errorLine } from '../i18n/error-advice.js';
import { ChangeTable } from '../tariffs/change-table.js';
import { DateField } from '../ui/date-field.js';

/** Which tariff and rule versions are in force on a chosen date, what differs from today, and what is scheduled. */
export function InForcePanel({ today, refresh }: { today: string; refresh: number }) {
  const api = useApi();
  const { t, lang } = useI18n();
  const [date, setDate] = useState(today);
  const [view, setView] = useState<InForceView | null>(null);
  // Said in the page's language when shown (errorLine): the server gone is said in Japanese on a Japanese page.
  const [error, setError] = useState<{ error: unknown } | null>(null);
  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/u.test(date)) return;
    let live = true;
    api.lifecycle.inForce({ date }).then(
      (v) => {
        if (live) {
          setView(v);
          setError(null);
        }
      },
      (e: unknown) => live && setError({ error: e }),
    );
    return () => {
      live = false;
    };
  }, [api, date, refresh]);
  const name = (v: InForceView['tariffToday']) => (v ? `${v.effective}${v.title ? ` ${v.title}` : ''}` : t('if.none'));
  return (
    <section className="in-force" data-testid="in-force" aria-label={t('if.title')}>
      <h2>{t('if.title')}</h2>
      <DateField className="small" label={t('if.date')} required value={date} onChange={setDate} testId="in-force-date" />
      {error && <p className="error-text small">{errorLine(error.error, lang)}</p>}
      {/* While the date is wrong or unfinished the answer for the last good date is not shown beside it. */}
      {view && date !== '' && (
        <>
          <dl className="small in-force-list">
            <dt>{t('if.tariff')}</dt>
            <dd data-testid="in-force-tariff">{name(view.tariffOnDate)}</dd>
            <dt>{t('if.rules')}</dt>
            <dd data-testid="in-force-rules">{name(view.rulesOnDate)}</dd>
          </dl>
          <p className="small muted">{t('if.today', { date: view.today })}</p>
          <p className="small" data-testid="in-force-diff">
            {t('if.diff', { t: view.tariffChanges.length, r: view.ruleChanges.length })}
          </p>
          {view.tariffChanges.length > 0 && <ChangeTable changes={view.tariffChanges} testId="in-force-changes" compact />}
          {view.ruleChanges.length > 0 && (
            <ul className="small">
              {view.ruleChanges.map((c) => (
                <li key={c.key}>
                  {c.kind}: {c.key}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('if.scheduled')}</h3>
          {view.scheduled.length === 0 ? (
            <p className="small muted">{t('if.noneScheduled')}</p>
          ) : (
            <ul className="small" data-testid="in-force-scheduled">
              {view.scheduled.map((v) => (
                <li key={`${v.kind}${v.id}`}>
                  {v.effective} {t(v.kind === 'tariff' ? 'if.tariff' : 'if.rules')} ({t(`status.${v.status}`)})
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
