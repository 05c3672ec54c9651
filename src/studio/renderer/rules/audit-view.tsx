import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { AuditEntryView, AuditVerdict } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import { tokyoTime } from '../ui/tokyo-time.js';
import { DataTable } from '../ui/data-table.js';
import { auditDiff } from '../ui/audit-diff.js';
import { auditSentence, targetText } from '../ui/audit-sentence.js';
import { AUDIT_WORDS } from '../i18n/audit-messages.js';

/**
 * The audit log, each entry as a sentence in the page's language (when in JST, who, what, to which
 * version; for an edit what changed from what to what), the stored before/after folded under it
 * (the fields that changed, as JSON), and whether the log's hash chain holds.
 */
const Lines = ({ lines }: { lines: string[] }) => (
  <>
    {lines.map((l, i) => (
      <div key={i}>{l}</div>
    ))}
  </>
);

export function AuditView({ onError }: { onError: (e: unknown) => void }) {
  const api = useApi();
  const { t, lang } = useI18n();
  const [entries, setEntries] = useState<AuditEntryView[]>([]);
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null);
  const [effective, setEffective] = useState<ReadonlyMap<string, string>>(new Map());
  // One version's (or user's, scenario's…) history: the entries about the target chosen under 対象.
  const [target, setTarget] = useState('');
  const targetId = useId();
  const targets = useMemo(() => {
    const seen = new Map<string, string>();
    for (const e of entries) if (!seen.has(e.target)) seen.set(e.target, targetText(e, lang, (x) => effective.get(x)));
    return [...seen].sort((a, b) => a[1].localeCompare(b[1], lang));
  }, [entries, effective, lang]);
  const shown = target ? entries.filter((e) => e.target === target) : entries;
  const load = useCallback(() => {
    api.audit.list({ limit: 200 }).then((r) => setEntries(r.entries), onError);
    // Which version an entry is about, by its effective date (a discarded draft has none left to show).
    Promise.all([api.rules.list({}), api.tariffs.list({})]).then(
      ([r, tv]) => setEffective(new Map([...r.versions.map((v): [string, string] => [`rule:${v.id}`, v.effective]), ...tv.versions.map((v): [string, string] => [`tariff:${v.id}`, v.effective])])),
      onError,
    );
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
        <label htmlFor={targetId}>{t('audit.target')}</label>
        <select id={targetId} value={target} onChange={(ev) => setTarget(ev.target.value)} data-testid="audit-target">
          <option value="">{t('audit.allTargets', { n: entries.length })}</option>
          {targets.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
        {target && (
          <span className="muted small" data-testid="audit-shown">
            {t('audit.shown', { shown: shown.length, n: entries.length })}
          </span>
        )}
        {verdict && (
          <span className={verdict.ok ? 'check-ok' : 'error-text'} data-testid="audit-verdict">
            {verdict.ok ? t('audit.holds', { n: verdict.entries }) : t('audit.broken', { seq: verdict.brokenAt ?? 0, reason: verdict.reason ?? '' })}
          </span>
        )}
      </div>
      <DataTable
        className="changes audit-table"
        testId="audit-entries"
        rows={shown}
        rowKey={(e) => e.seq}
        rowProps={(e) => ({ title: e.hash })}
        columns={[
          { key: 'seq', header: '#', cell: (e) => e.seq },
          { key: 'at', header: t('audit.at'), cell: (e) => tokyoTime(e.at) },
          { key: 'actor', header: t('audit.actor'), cell: (e) => e.actor },
          { key: 'action', header: t('audit.action'), cellClass: 'mono small muted', cell: (e) => e.action },
          {
            key: 'what',
            header: t('audit.what'),
            cell: (e) => {
              const text = auditSentence(e, lang, (target) => effective.get(target));
              const diff = auditDiff(e.before, e.after);
              return (
                <>
                  <div data-testid="audit-sentence">{text.sentence}</div>
                  {text.changes.length > 0 && (
                    <ul className="audit-changes" data-testid="audit-changes">
                      {text.changes.map((c, i) => (
                        <li key={i}>{c}</li>
                      ))}
                    </ul>
                  )}
                  {e.comment && (
                    <div className="small">
                      {t('review.comment')}: {e.comment}
                    </div>
                  )}
                  {(diff.before.length > 0 || diff.after.length > 0) && (
                    <details className="audit-raw" data-testid="audit-raw">
                      <summary className="muted small">{AUDIT_WORDS[lang].raw}</summary>
                      <div className="mono audit-json" data-testid="audit-context">
                        <Lines lines={diff.context} />
                      </div>
                      <div className="mono audit-json">
                        {t('change.before')}: <Lines lines={diff.before} />
                      </div>
                      <div className="mono audit-json">
                        {t('change.after')}: <Lines lines={diff.after} />
                      </div>
                    </details>
                  )}
                </>
              );
            },
          },
        ]}
      />
    </div>
  );
}
