import { useEffect, useState } from 'react';
import { fieldLabelJa, INTERPRETATION_FIELD_LABELS_JA, RULE_FIELD_LABELS_JA } from '../../../engine/review/event-labels.js';
import { ruleSentence } from '../../../engine/review/rule-sentences.js';
import type { RuleDoc } from '../../../engine/rule-types.js';
import type { RuleChange } from '../../../engine/review/version-diff.js';
import type { RuleDiff, RuleVersionDetail, RuleVersionSummary, VersionSummary } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import { interpretationValueDescription, ruleTitle } from '../i18n/rule-texts.js';
import { interpretationLabelKey } from '../explorer/output-labels.js';
import { DataTable } from '../ui/data-table.js';
import { useVersionLabel, VersionSelect } from '../ui/version-list.js';
import { TermsText } from '../ui/terms-text.js';

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
  const label = useVersionLabel();
  const fieldLabel = (labels: Record<string, string>, field: string) => (lang === 'ja' && Object.hasOwn(labels, field) ? `${fieldLabelJa(labels, field)}（${field}）` : field);
  const sentence = (r: RuleDoc | undefined, c: RuleChange) => (r ? ruleSentence(r, c.decision, lang) : '—');
  return (
    <div className="diff-view" data-testid="diff-view">
      <div className="filter-bar">
        <label className="checkbox">
          {t('diff.from')}
          <VersionSelect testId="diff-from" versions={versions} value={from} onChange={(id) => setFrom(id!)} />
        </label>
        <label className="checkbox">
          {t('diff.to')}
          <VersionSelect testId="diff-to" versions={versions} value={to} onChange={(id) => setTo(id!)} />
        </label>
        <label className="checkbox">
          {t('diff.tariffs')}
          <VersionSelect testId="diff-tariff-from" versions={tariffs} value={tFrom} onChange={setTFrom} optional />
          →
          <VersionSelect testId="diff-tariff-to" versions={tariffs} value={tTo} onChange={setTTo} optional />
        </label>
      </div>
      {!diff ? (
        <p className="muted">{t('loading')}</p>
      ) : (
        <>
          <p className="muted small" data-testid="diff-summary">
            {t('diff.summary', { rules: diff.rules.length, params: diff.parameters.length, interps: diff.interpretations.length, tariffs: diff.tariffs.length })}
          </p>
          {from === to && (
            <p className="banner banner-info small" data-testid="diff-same">
              {t('diff.same')}
            </p>
          )}
          {diff.rules.map((c) => (
            <article key={`${c.decision}/${c.id}`} className="diff-card" data-testid={`diff-rule-${c.id}`}>
              <h3>
                {c.clause} <span data-testid="diff-rule-title">{ruleTitle((c.after ?? c.before)!, lang)}</span> <span className={`badge diff-${c.kind}`}>{t(`diff.${c.kind}`)}</span>{' '}
                <code className="muted small">{c.id}</code>
              </h3>
              <TermsText text={diff.clauseTexts[c.clause] ?? t('rules.noClauseText')} />
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
              {c.changes.length > 0 && <FieldChanges rows={c.changes.map((f) => ({ key: f.field, label: fieldLabel(RULE_FIELD_LABELS_JA, f.field), before: f.before, after: f.after }))} mono />}
            </article>
          ))}
          {diff.parameters.length > 0 && (
            <FieldChanges
              testId="diff-parameters"
              caption={t('rules.parameters')}
              rows={diff.parameters.map((p) => ({ key: `${p.decision}.${p.name}`, label: `${p.clause} ${p.decision}.${p.name}`, before: p.before?.value, after: p.after?.value }))}
            />
          )}
          {diff.interpretations.map((i) => (
            <article key={i.name} className="diff-card" data-testid={`diff-interp-${i.name}`}>
              <h3>
                {t('rules.interpretation')} {interpretationLabelKey(i.name) !== null && `${t(interpretationLabelKey(i.name)!)} `}
                <code className="small">{i.name}</code> <span className={`badge diff-${i.kind}`}>{t(`diff.${i.kind}`)}</span> <span className="muted small">{(i.after ?? i.before)!.clauses.join('・')}</span>
              </h3>
              {(i.after ?? i.before)!.clauses.map((c) => diff.clauseTexts[c] && <TermsText key={c} text={diff.clauseTexts[c]} />)}
              <FieldChanges
                rows={i.changes
                  .filter((f) => f.field === 'default' || f.field === 'defaultDescription')
                  .map((f) => ({
                    key: f.field,
                    label: fieldLabel(INTERPRETATION_FIELD_LABELS_JA, f.field),
                    // A default's description reads in the page's language, as the interpretations table shows it.
                    before: f.field === 'defaultDescription' && i.before && typeof f.before === 'string' ? interpretationValueDescription(i.name, i.before.default, f.before, lang) : f.before,
                    after: f.field === 'defaultDescription' && i.after && typeof f.after === 'string' ? interpretationValueDescription(i.name, i.after.default, f.after, lang) : f.after,
                  }))}
              />
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
                      <BeforeAfter before={f.before} after={f.after} />
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

/** The before and after cells of one changed value. */
function BeforeAfter({ before, after, mono }: { before: unknown; after: unknown; mono?: boolean }) {
  return (
    <>
      <td className={mono ? 'before mono' : 'before'}>{show(before)}</td>
      <td className={mono ? 'after mono' : 'after'}>{show(after)}</td>
    </>
  );
}

/** Changed values, one row each: what changed (a row header), before, after. */
function FieldChanges({ rows, mono, caption, testId }: { rows: readonly { key: string; label: string; before: unknown; after: unknown }[]; mono?: boolean; caption?: string; testId?: string }) {
  return (
    <DataTable
      headless
      rows={rows}
      rowKey={(r) => r.key}
      {...(caption !== undefined ? { caption } : {})}
      {...(testId !== undefined ? { testId } : {})}
      columns={[
        { key: 'field', header: '', rowHeader: true, cell: (r) => r.label },
        { key: 'before', header: '', cellClass: mono ? 'before mono' : 'before', cell: (r) => show(r.before) },
        { key: 'after', header: '', cellClass: mono ? 'after mono' : 'after', cell: (r) => show(r.after) },
      ]}
    />
  );
}
