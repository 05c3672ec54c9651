import { useEffect, useState } from 'react';
import type { CoverageView as Report, RuleVersionDetail } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import { coverageNote, ruleTitleById } from '../i18n/rule-texts.js';
import { DataTable } from '../ui/data-table.js';
import { TermsText } from '../ui/terms-text.js';

/** Clause coverage of a rule version (as `tariff coverage` prints it): every paragraph with its status and text, filterable to what is not encoded. */
type Filter = 'all' | 'not-encoded';

export function CoverageView({ detail, onError }: { detail: RuleVersionDetail; onError: (e: unknown) => void }) {
  const api = useApi();
  const { t, lang } = useI18n();
  const [report, setReport] = useState<Report | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  useEffect(() => {
    let live = true;
    api.rules.coverage({ id: detail.summary.id }).then((r) => live && setReport(r), onError);
    return () => {
      live = false;
    };
  }, [api, detail.summary.id, detail.summary.revision, onError]);
  if (!report) return null;
  const names = new Map(Object.values(detail.version.decisions).flatMap((f) => f.rules.map((r) => [r.id, r.name] as const)));
  const rows = filter === 'all' ? report.rows : report.rows.filter((r) => r.status === 'not-encoded' || r.status === 'unclassified');
  return (
    <section className="coverage-view" data-testid="coverage-view">
      <p data-testid="coverage-summary">
        <strong>{t('coverage.summary', { encoded: String(report.encoded), deciding: String(report.deciding) })}</strong>
      </p>
      <label>
        {t('coverage.filter')}{' '}
        <select value={filter} onChange={(e) => setFilter(e.target.value as Filter)} data-testid="coverage-filter">
          <option value="all">{t('coverage.filter.all')}</option>
          <option value="not-encoded">{t('coverage.filter.not-encoded')}</option>
        </select>
      </label>
      {report.problems.length > 0 && (
        <section>
          <h4>{t('coverage.problems')}</h4>
          <ul className="check-issues" data-testid="coverage-problems">
            {report.problems.map((p, i) => (
              <li key={i} className="error-text">
                <code>{p.pointer}</code> {p.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.findings.length > 0 && (
        <section>
          <h4>{t('coverage.findings')}</h4>
          <ul data-testid="coverage-findings">
            {report.findings.map((f, i) => (
              <li key={i}>
                {t('coverage.finding', { at: f.at, cited: f.cited, citedTitle: f.citedTitle, actualTitle: f.actualTitle ?? '—' })}
                {f.titleBelongsTo.length > 0 && <> — {t('coverage.findingOwner', { citedTitle: f.citedTitle, owners: f.titleBelongsTo.join('、') })}</>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <DataTable
        className="changes coverage-table"
        testId="coverage-table"
        rows={rows}
        rowKey={(r) => r.ref}
        rowProps={(r) => ({ 'data-testid': 'coverage-row', 'data-status': r.status })}
        empty={
          <p className="muted" data-testid="coverage-none">
            {t('coverage.none')}
          </p>
        }
        columns={[
          {
            key: 'clause',
            header: t('coverage.clause'),
            cell: (r) => (
              <details>
                <summary className="mono">{r.ref}</summary>
                <TermsText text={r.text} />
              </details>
            ),
          },
          { key: 'title', header: t('coverage.title'), cell: (r) => r.title },
          { key: 'status', header: t('coverage.status'), cell: (r) => <span className={`badge coverage-${r.status}`}>{t(`coverage.status.${r.status}`)}</span> },
          {
            key: 'detail',
            header: t('coverage.detail'),
            cellClass: 'small',
            cell: (r) => (
              <>
                {r.rules.map((id) => (
                  <div key={id} data-testid="coverage-rule">
                    {ruleTitleById(id, names, lang) ?? ''} <code className="muted">{id}</code>
                  </div>
                ))}
                {r.note && <div className="muted">{r.status === 'encoded' ? t('coverage.engine', { note: coverageNote(r.ref, r.note, lang) }) : coverageNote(r.ref, r.note, lang)}</div>}
              </>
            ),
          },
        ]}
      />
    </section>
  );
}
