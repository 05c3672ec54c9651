import { useCallback, useEffect, useState } from 'react';
import type { AuditEntryView, AuditVerdict } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import { tokyoTime } from '../ui/tokyo-time.js';
import { DataTable } from '../ui/data-table.js';
import { auditDiff } from '../ui/audit-diff.js';

/** The audit log (who, when, what, before/after: the fields that changed) and whether its hash chain holds. */
const Lines = ({ lines }: { lines: string[] }) => (
  <>
    {lines.map((l, i) => (
      <div key={i}>{l}</div>
    ))}
  </>
);

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
      <DataTable
        className="changes audit-table"
        testId="audit-entries"
        rows={entries}
        rowKey={(e) => e.seq}
        rowProps={(e) => ({ title: e.hash })}
        columns={[
          { key: 'seq', header: '#', cell: (e) => e.seq },
          { key: 'at', header: t('audit.at'), cell: (e) => tokyoTime(e.at) },
          { key: 'actor', header: t('audit.actor'), cell: (e) => e.actor },
          { key: 'action', header: t('audit.action'), cellClass: 'mono', cell: (e) => e.action },
          {
            key: 'target',
            header: t('audit.target'),
            cellClass: 'mono',
            cell: (e) => (
              <>
                {e.target}
                <div className="muted small" data-testid="audit-context">
                  <Lines lines={auditDiff(e.before, e.after).context} />
                </div>
              </>
            ),
          },
          { key: 'before', header: t('change.before'), cellClass: 'mono audit-json', cell: (e) => <Lines lines={auditDiff(e.before, e.after).before} /> },
          { key: 'after', header: t('change.after'), cellClass: 'mono audit-json', cell: (e) => <Lines lines={auditDiff(e.before, e.after).after} /> },
          { key: 'comment', header: t('review.comment'), cell: (e) => e.comment ?? '' },
        ]}
      />
    </div>
  );
}
