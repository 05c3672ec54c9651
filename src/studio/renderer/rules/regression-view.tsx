import { useEffect, useState } from 'react';
import type { CaseFolder, RegressionView as Report, RuleVersionDetail } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import { DataTable } from '../ui/data-table.js';

/** Every case file run against the draft and the approved version in force; the cases whose answer changes, both answers and traces. */
type Change = Report['changed'][number];
const HIDDEN = new Set(['trace', 'versions', 'name', 'asOf', 'decision', 'interpretations', 'clauses', 'errors']);
/** An answer as `outcome  key=value …`, the fields whose value changed marked (the reviewer sees at once what moved). */
function AnswerLine({ o, changed }: { o: Change['before']; changed: ReadonlySet<string> }) {
  const parts: [string, string][] = [
    ['outcome', String(o.outcome)],
    ...Object.entries(o)
      .filter(([k]) => !HIDDEN.has(k) && k !== 'outcome')
      .map(([k, v]): [string, string] => [k, `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`]),
  ];
  return (
    <div className="mono small">
      {parts.map(([k, text], i) => (
        <span key={k}>
          {i > 0 && '  '}
          {changed.has(k) ? (
            <mark className="changed-field" data-field={k}>
              {text}
            </mark>
          ) : (
            text
          )}
        </span>
      ))}
    </div>
  );
}
const fileName = (p: string) => p.split(/[\\/]/u).slice(-2).join('/');

function ChangeRows({ list, testId }: { list: Change[]; testId: string }) {
  const { t } = useI18n();
  const side = (o: Change['before'], changed: ReadonlySet<string>) => (
    <>
      <AnswerLine o={o} changed={changed} />
      <details>
        <summary>{t('regression.trace')}</summary>
        <pre className="mono json-view">{JSON.stringify({ clauses: o.clauses, trace: o.trace, errors: o.errors }, null, 2)}</pre>
      </details>
    </>
  );
  return (
    <DataTable
      className="changes regression-table"
      testId={testId}
      rows={list}
      rowKey={(c) => `${c.file}#${c.index}`}
      rowProps={() => ({ 'data-testid': 'regression-row' })}
      columns={[
        {
          key: 'case',
          header: t('regression.case'),
          cell: (c) => (
            <>
              <div className="mono small">{fileName(c.file)}</div>
              <div>{c.name}</div>
              <div className="muted small" data-testid="regression-changed-fields">
                {t('regression.changedFields', { fields: c.changedFields.join(', ') })}
              </div>
            </>
          ),
        },
        { key: 'before', header: t('regression.before'), cellClass: 'before-side', cell: (c) => side(c.before, new Set(c.changedFields)) },
        { key: 'after', header: t('regression.after'), cellClass: 'after-side', cell: (c) => side(c.after, new Set(c.changedFields)) },
      ]}
    />
  );
}

export function RegressionView({ detail, onError }: { detail: RuleVersionDetail; onError: (e: unknown) => void }) {
  const api = useApi();
  const { t, lang } = useI18n();
  const [report, setReport] = useState<Report | null>(null);
  const [running, setRunning] = useState(false);
  const [folders, setFolders] = useState<CaseFolder[]>([]);
  const [newFolder, setNewFolder] = useState('');
  useEffect(() => {
    api.rules.caseFolders({}).then((r) => setFolders(r.folders), onError);
  }, [api, onError]);
  const run = async () => {
    setRunning(true);
    try {
      setReport(await api.rules.regression({ id: detail.summary.id }));
    } catch (e) {
      onError(e);
    } finally {
      setRunning(false);
    }
  };
  /** Saves the folder list; false when refused (a folder added too large to read, say), the typed path then stays in its box. */
  const saveFolders = async (paths: string[]): Promise<boolean> => {
    try {
      const own = paths.filter((p) => !p.replace(/\\/gu, '/').endsWith('/test/cases'));
      setFolders((await api.rules.setCaseFolders({ folders: own })).folders);
      return true;
    } catch (e) {
      onError(e);
      return false;
    }
  };
  const addFolder = async () => {
    if (await saveFolders([...folders.map((f) => f.path), newFolder.trim()])) setNewFolder('');
  };
  return (
    <div className="regression-view" data-testid="regression-view">
      <section className="folders">
        <h4>{t('regression.folders')}</h4>
        <ul className="changes-compact">
          {folders.map((f) => (
            <li key={f.path} className={f.exists && !f.problem ? '' : 'error-text'} data-testid="case-folder">
              <span className="mono">{f.path}</span> —{' '}
              {!f.exists ? (
                t('regression.missing')
              ) : f.problem ? (
                <span data-testid="case-folder-problem">
                  {t('regression.folderProblem')} <code>{f.problem.code}</code> {f.problem.message}
                </span>
              ) : (
                t('regression.files', { n: f.files })
              )}
              {!f.path.replace(/\\/gu, '/').endsWith('/test/cases') && (
                <button type="button" className="icon-button" onClick={() => void saveFolders(folders.map((x) => x.path).filter((p) => p !== f.path))} aria-label={t('rules.remove')}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
        <div className="filter-bar">
          <input type="text" value={newFolder} onChange={(e) => setNewFolder(e.target.value)} placeholder={t('regression.folderPath')} className="grow-input" data-testid="case-folder-input" />
          <button type="button" disabled={!newFolder.trim()} onClick={() => void addFolder()} data-testid="case-folder-add">
            {t('regression.addFolder')}
          </button>
          <button type="button" className="primary" onClick={() => void run()} disabled={running} data-testid="regression-run">
            {running ? t('regression.running') : t('regression.run')}
          </button>
        </div>
      </section>
      {report && (
        <>
          <p data-testid="regression-summary">
            {t('regression.summary', { total: report.total.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US'), changed: report.changed.length, failing: report.failing.length, baseline: report.baseline.effective, version: report.version.effective })}
          </p>
          {report.unreadable.map((u) => (
            <p key={u.file} className="error-text small">
              {u.file}: {u.message}
            </p>
          ))}
          {report.failing.length > 0 && (
            <div className="banner banner-error">
              <strong>{t('regression.failing', { n: report.failing.length })}</strong>
              <ChangeRows list={report.failing} testId="regression-failing" />
            </div>
          )}
          {report.changed.length === 0 ? <p className="muted">{t('regression.none')}</p> : <ChangeRows list={report.changed} testId="regression-changed" />}
        </>
      )}
    </div>
  );
}
