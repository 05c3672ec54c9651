import { useEffect, useMemo, useState } from 'react';
import type { CaseFolder, RegressionView as Report, RuleVersionDetail } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import { DataTable } from '../ui/data-table.js';
import { AUDIT_WORDS } from '../i18n/audit-messages.js';
import { outcomeLabelKey, outputLabelKey } from '../explorer/output-labels.js';
import { ruleTitleById } from '../i18n/rule-texts.js';
import { EVENT_LABELS_JA } from '../../../engine/review/event-labels.js';
import type { DecisionName } from '../../../engine/rule-types.js';
import { useCaseCaption } from './case-caption.js';
import { invalidAt } from '../i18n/invalid-error-ja.js';
import { InvalidErrors } from '../ui/invalid-errors.js';

/**
 * Every case file run against the draft and the approved version in force; for each case whose
 * answer changes: the case's name, each field that changed with its label (the outcome as the
 * page words it, money in yen, clauses), the rules that fired on each side by title, and both
 * answers as JSON folded for whoever needs them.
 */
type Change = Report['changed'][number];
type Answer = Change['before'];
const MONEY = /amount|tax|total|subtotal|paid|fee|outstanding|unapplied|difference|refund|charge/iu;

function useAnswerText() {
  const { t, lang, yen } = useI18n();
  const w = AUDIT_WORDS[lang];
  const label = (decision: string, k: string): string => {
    if (k === 'outcome') return t('explorer.outcome');
    if (k === 'clauses') return t('engine.clauses');
    const key = outputLabelKey(decision, k);
    return key ? t(key) : k;
  };
  const value = (decision: string, k: string, v: unknown): string => {
    if (v === undefined || v === null) return w.none;
    if (k === 'outcome' && typeof v === 'string') {
      const key = outcomeLabelKey(decision, v);
      return key ? `${t(key)}（${v}）` : v;
    }
    if (typeof v === 'number') return MONEY.test(k) ? yen(v) : v.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');
    if (typeof v === 'boolean') return v ? w.yes : w.no;
    if (typeof v === 'string') return v;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.length ? v.join(lang === 'ja' ? '、' : ', ') : w.none;
    return w.structured;
  };
  return { label, value };
}

/** One side's answer: the outcome and every field that changed, labelled; the fields that moved marked. */
function AnswerFields({ o, fields }: { o: Answer; fields: readonly string[] }) {
  const { label, value } = useAnswerText();
  const decision = String(o.decision);
  const shown = fields.includes('outcome') ? fields : ['outcome', ...fields];
  return (
    <dl className="answer-fields small">
      {shown.map((k) => (
        <div key={k}>
          <dt>{label(decision, k)}</dt>
          <dd>
            {fields.includes(k) ? (
              <mark className="changed-field" data-field={k}>
                {value(decision, k, o[k])}
              </mark>
            ) : (
              value(decision, k, o[k])
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The rules that fired, in order, by title (the catalog's Japanese on the Japanese page), each with its clause. */
function TraceList({ o, names }: { o: Answer; names: ReadonlyMap<string, string> }) {
  const { t, lang } = useI18n();
  const labels: Record<string, string> = Object.hasOwn(EVENT_LABELS_JA, String(o.decision)) ? EVENT_LABELS_JA[o.decision as DecisionName] : {};
  if (!o.trace.length) return <p className="muted small">{t('regression.noRuleFired')}</p>;
  return (
    <ol className="trace-list small" data-testid="regression-trace">
      {o.trace.map((tr, i) => (
        <li key={i}>
          {ruleTitleById(tr.rule, names, lang) ?? tr.rule}（{tr.clause}）{lang === 'ja' && Object.hasOwn(labels, tr.event) ? ` → ${labels[tr.event]}` : ''}{' '}
          <code className="muted small">{tr.rule}</code>
        </li>
      ))}
    </ol>
  );
}
const NO_NAMES: ReadonlyMap<string, string> = new Map();

const fileName = (p: string) => p.split(/[\\/]/u).slice(-2).join('/');

function ChangeRows({ list, testId, names }: { list: Change[]; testId: string; names: ReadonlyMap<string, string> }) {
  const { t, lang } = useI18n();
  // The case by its decision and facts in the page's language; its name in the file stays beside it, as written.
  const caption = useCaseCaption();
  const { label } = useAnswerText();
  // The approved side's rules by the catalog's titles (the draft may have retitled them); the draft's by its own.
  const side = (o: Answer, c: Change, own: ReadonlyMap<string, string>) => (
    <>
      <AnswerFields o={o} fields={c.changedFields} />
      {/* Why an answer is invalid, said as the explorer says it (the engine's English folded beneath). */}
      {o.outcome === 'invalid' && o.errors && o.errors.length > 0 && <InvalidErrors errors={o.errors} at={invalidAt(o, c)} testId="regression-errors" />}
      <div className="muted small">{t('regression.rulesFired')}</div>
      <TraceList o={o} names={own} />
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
              <div data-testid="regression-case-caption">{caption(c)}</div>
              <div className="small muted" data-testid="regression-case-name">
                {/* A case without a name is `case N` in the answer (the CLI's words): said in the page's language. */}
                {c.name === `case ${c.index + 1}` ? t('regression.unnamed', { n: c.index + 1 }) : t('regression.caseName', { name: c.name })}
              </div>
              <div className="mono small muted">{fileName(c.file)}</div>
              <div className="muted small" data-testid="regression-changed-fields">
                {t('regression.changedFields', { fields: c.changedFields.map((f) => label(String(c.before.decision), f)).join(lang === 'ja' ? '、' : ', ') })}
              </div>
              <details className="small" data-testid="regression-json">
                <summary>{t('regression.json')}</summary>
                <pre className="mono json-view">{JSON.stringify({ before: c.before, after: c.after }, null, 2)}</pre>
              </details>
            </>
          ),
        },
        { key: 'before', header: t('regression.before'), cellClass: 'before-side', cell: (c) => side(c.before, c, NO_NAMES) },
        { key: 'after', header: t('regression.after'), cellClass: 'after-side', cell: (c) => side(c.after, c, names) },
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
  const names = useMemo(() => new Map(Object.values(detail.version.decisions).flatMap((f) => f.rules.map((r): [string, string] => [r.id, r.name]))), [detail]);
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
  // The tab answers at once: a reviewer who opens it (from the review's "回帰テストを見る", say) reads which cases change without a second click.
  const id = detail.summary.id;
  const revision = detail.summary.revision;
  useEffect(() => {
    let live = true;
    setRunning(true);
    api.rules
      .regression({ id })
      .then(
        (r) => live && setReport(r),
        (e: unknown) => live && onError(e),
      )
      .finally(() => live && setRunning(false));
    return () => {
      live = false;
    };
  }, [api, id, revision, onError]);
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
          <Breakdown list={[...report.failing, ...report.changed]} />
          {/* What was not read, said in the page's language; the reader's English (the reason, the line and column) beneath. */}
          {report.unreadable.map((u) => (
            <p key={u.file} className="error-text small" data-testid="regression-unreadable">
              {t('regression.unreadable', { file: u.file })}
              <br />
              <span className="error-detail" lang="en">
                {u.message}
              </span>
            </p>
          ))}
          {report.failing.length > 0 && (
            <div className="banner banner-error">
              <strong>{t('regression.failing', { n: report.failing.length })}</strong>
              <ChangeRows list={report.failing} testId="regression-failing" names={names} />
            </div>
          )}
          {report.changed.length === 0 ? <p className="muted">{t('regression.none')}</p> : <ChangeRows list={report.changed} testId="regression-changed" names={names} />}
        </>
      )}
    </div>
  );
}

/** The cases whose answer changes, counted by decision and, within each, by file: where to look first among a hundred cases. */
function Breakdown({ list }: { list: readonly Change[] }) {
  const { t, lang } = useI18n();
  if (!list.length) return null;
  const byDecision = new Map<string, Map<string, number>>();
  for (const c of list) {
    const d = String(c.before.decision);
    const files = byDecision.get(d) ?? new Map<string, number>();
    files.set(fileName(c.file), (files.get(fileName(c.file)) ?? 0) + 1);
    byDecision.set(d, files);
  }
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const decisionLabel = (d: string) => (Object.hasOwn(EVENT_LABELS_JA, d) ? `${t(`decision.${d as DecisionName}`)}（${d}）` : d);
  return (
    <div className="small" data-testid="regression-breakdown">
      <strong>{t('regression.breakdown')}</strong>
      <ul className="changes-compact">
        {[...byDecision]
          .sort((a, b) => total(b[1]) - total(a[1]))
          .map(([d, files]) => (
            <li key={d} data-testid="regression-breakdown-decision">
              {t('regression.byDecision', {
                decision: decisionLabel(d),
                n: total(files),
                files: [...files]
                  .sort((a, b) => b[1] - a[1])
                  .map(([f, n]) => t('regression.byFile', { file: f, n }))
                  .join(lang === 'ja' ? '、' : ', '),
              })}
            </li>
          ))}
      </ul>
    </div>
  );
}
