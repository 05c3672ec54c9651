import { useCallback, useEffect, useState } from 'react';
import type { AuditEntryView, AuditVerdict } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';
import { useI18n } from '../i18n/i18n-context.js';

/** The audit log (who, when, what, before/after) and whether its hash chain holds. */
const compact = (v: unknown): string => (v === null || v === undefined ? '' : JSON.stringify(v));

export function AuditView({ onError }: { onError: (e: unknown) => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [entries, setEntries] = useState<AuditEntryView[]>([]);
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null);
  const load = useCallback(() => {
    api.audit.list({ limit: 200 }).then((r) => setEntries(r.entries), onError);
  }, [api, onError]);
  useEffect(load, [load]);
  const verify = async () => {
    try {
      setVerdict(await api.audit.verify({}));
      load();
    } catch (e) {
      onError(e);
    }
  };
  return (
    <div className="audit-view" data-testid="audit-view">
      <div className="filter-bar">
        <button type="button" className="primary" onClick={() => void verify()} data-testid="audit-verify">
          {t('audit.verify')}
        </button>
        {verdict && (
          <span className={verdict.ok ? 'check-ok' : 'error-text'} data-testid="audit-verdict">
            {verdict.ok ? t('audit.holds', { n: verdict.entries }) : t('audit.broken', { seq: verdict.brokenAt ?? 0, reason: verdict.reason ?? '' })}
          </span>
        )}
      </div>
      <table className="changes audit-table" data-testid="audit-entries">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('audit.at')}</th>
            <th>{t('audit.actor')}</th>
            <th>{t('audit.action')}</th>
            <th>{t('audit.target')}</th>
            <th>{t('change.before')}</th>
            <th>{t('change.after')}</th>
            <th>{t('review.comment')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq} title={e.hash}>
              <td>{e.seq}</td>
              <td>{e.at.replace('T', ' ').slice(0, 19)}</td>
              <td>{e.actor}</td>
              <td className="mono">{e.action}</td>
              <td className="mono">{e.target}</td>
              <td className="mono audit-json">{compact(e.before)}</td>
              <td className="mono audit-json">{compact(e.after)}</td>
              <td>{e.comment ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
