import { useEffect, useState } from 'react';
import { ruleSentence } from '../../../engine/rule-sentences.js';
import type { RuleDoc } from '../../../engine/rule-types.js';
import type { RuleChange } from '../../../engine/version-diff.js';
import type { RuleDiff, RuleVersionDetail, RuleVersionSummary, VersionSummary } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';
import { useI18n } from '../i18n/i18n-context.js';

/** Any two rule versions (and optionally two tariff versions) side by side, clause by clause, with the clause text of each changed rule. */
const show = (v: unknown): string => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

export function DiffView({ detail, versions, onError }: { detail: RuleVersionDetail; versions: RuleVersionSummary[]; onError: (e: unknown) => void }) {
  const api = useApi();
  const { t, lang } = useI18n();
  const [from, setFrom] = useState<number>(detail.base?.id ?? detail.summary.id);
  const [to, setTo] = useState<number>(detail.summary.id);
  const [tariffs, setTariffs] = useState<VersionSummary[]>([]);
  const [tFrom, setTFrom] = useState<number | null>(null);
  const [tTo, setTTo] = useState<number | null>(null);
  const [diff, setDiff] = useState<RuleDiff | null>(null);
  useEffect(() => {
    api.tariffs.list({}).then((r) => setTariffs(r.versions), onError);
  }, [api, onError]);
  useEffect(() => {
    if ((tFrom === null) !== (tTo === null)) return;
    api.rules.diff({ from, to, tariffFrom: tFrom, tariffTo: tTo }).then(setDiff, onError);
  }, [api, from, to, tFrom, tTo, onError]);
  const label = (v: { effective: string; status: string; id: number }) => `${v.effective} ${t(`status.${v.status}` as 'status.draft')} #${v.id}`;
  const sentence = (r: RuleDoc | undefined, c: RuleChange) => (r ? ruleSentence(r, c.decision, lang) : '—');
  return (
    <div className="diff-view" data-testid="diff-view">
      <div className="filter-bar">
        <label className="checkbox">
          {t('diff.from')}
          <select value={from} onChange={(e) => setFrom(Number(e.target.value))} data-testid="diff-from">
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {label(v)}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          {t('diff.to')}
          <select value={to} onChange={(e) => setTo(Number(e.target.value))} data-testid="diff-to">
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {label(v)}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          {t('diff.tariffs')}
          <select value={tFrom ?? ''} onChange={(e) => setTFrom(e.target.value ? Number(e.target.value) : null)} data-testid="diff-tariff-from">
            <option value="">—</option>
            {tariffs.map((v) => (
              <option key={v.id} value={v.id}>
                {label(v)}
              </option>
            ))}
          </select>
          →
          <select value={tTo ?? ''} onChange={(e) => setTTo(e.target.value ? Number(e.target.value) : null)} data-testid="diff-tariff-to">
            <option value="">—</option>
            {tariffs.map((v) => (
              <option key={v.id} value={v.id}>
                {label(v)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!diff ? (
        <p className="muted">{t('loading')}</p>
      ) : (
        <>
          <p className="muted small" data-testid="diff-summary">
            {t('diff.summary', { rules: diff.rules.length, params: diff.parameters.length, interps: diff.interpretations.length, tariffs: diff.tariffs.length })}
          </p>
          {diff.rules.map((c) => (
            <article key={`${c.decision}/${c.id}`} className="diff-card" data-testid={`diff-rule-${c.id}`}>
              <h3>
                {c.clause} <span className={`badge diff-${c.kind}`}>{t(`diff.${c.kind}`)}</span> <code className="muted small">{c.id}</code>
              </h3>
              <pre className="terms">{diff.clauseTexts[c.clause] ?? t('rules.noClauseText')}</pre>
              <div className="side-by-side">
                <div>
                  <h4>{label(diff.from)}</h4>
                  <pre className="sentence before-side">{sentence(c.before, c)}</pre>
                </div>
                <div>
                  <h4>{label(diff.to)}</h4>
                  <pre className="sentence after-side">{sentence(c.after, c)}</pre>
                </div>
              </div>
              {c.changes.length > 0 && (
                <table className="changes">
                  <tbody>
                    {c.changes.map((f) => (
                      <tr key={f.field}>
                        <th>{f.field}</th>
                        <td className="before mono">{show(f.before)}</td>
                        <td className="after mono">{show(f.after)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </article>
          ))}
          {diff.parameters.length > 0 && (
            <table className="changes" data-testid="diff-parameters">
              <caption>{t('rules.parameters')}</caption>
              <tbody>
                {diff.parameters.map((p) => (
                  <tr key={`${p.decision}.${p.name}`}>
                    <th>
                      {p.clause} {p.decision}.{p.name}
                    </th>
                    <td className="before">{show(p.before?.value)}</td>
                    <td className="after">{show(p.after?.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {diff.interpretations.map((i) => (
            <article key={i.name} className="diff-card" data-testid={`diff-interp-${i.name}`}>
              <h3>
                {t('rules.interpretation')} {i.name} <span className={`badge diff-${i.kind}`}>{t(`diff.${i.kind}`)}</span> <span className="muted small">{(i.after ?? i.before)!.clauses.join('・')}</span>
              </h3>
              {(i.after ?? i.before)!.clauses.map((c) => diff.clauseTexts[c] && <pre key={c} className="terms">{diff.clauseTexts[c]}</pre>)}
              <table className="changes">
                <tbody>
                  {i.changes
                    .filter((f) => f.field === 'default' || f.field === 'defaultDescription')
                    .map((f) => (
                      <tr key={f.field}>
                        <th>{f.field}</th>
                        <td className="before">{show(f.before)}</td>
                        <td className="after">{show(f.after)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </article>
          ))}
          {diff.tariffs.length > 0 && (
            <table className="changes" data-testid="diff-tariffs">
              <caption>{t('diff.tariffChanges')}</caption>
              <tbody>
                {diff.tariffs.flatMap((r) =>
                  (r.changes.length ? r.changes : [{ field: '(row)', before: undefined, after: undefined }]).map((f) => (
                    <tr key={`${r.table}/${r.key}/${f.field}`}>
                      <td>{r.table}</td>
                      <td className="mono">{r.key}</td>
                      <td>{r.label}</td>
                      <td>
                        {t(`diff.${r.kind}`)} {f.field}
                      </td>
                      <td className="before">{show(f.before)}</td>
                      <td className="after">{show(f.after)}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
