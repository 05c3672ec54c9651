import { useEffect, useState } from 'react';
import { fieldLabelJa, INTERPRETATION_FIELD_LABELS_JA, RULE_FIELD_LABELS_JA } from '../../../engine/review/event-labels.js';
import { ruleSentence } from '../../../engine/review/rule-sentences.js';
import type { ParameterUnit, RuleDoc } from '../../../engine/rule-types.js';
import type { ParameterChange, RuleChange } from '../../../engine/review/version-diff.js';
import type { RuleDiff, RuleVersionDetail, RuleVersionSummary, VersionSummary } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import { interpretationValueDescription, ruleTitle } from '../i18n/rule-texts.js';
import { interpretationWords } from './interpretation-words.js';
import { interpretationLabelKey } from '../explorer/output-labels.js';
import { PARAMETER_TEXTS } from '../i18n/rule-text-messages.js';
import { parameterValueText } from '../../../engine/review/parameter-texts.js';
import { DataTable } from '../ui/data-table.js';
import { diffTariff, type TariffChange } from '../../../tariff-model/tariff-diff.js';
import { ChangeTable } from '../tariffs/change-table.js';
import { useVersionLabel, VersionSelect } from '../ui/version-list.js';
import { TermsText } from '../ui/terms-text.js';
import { textDiff, type TextPart } from '../ui/text-diff.js';

/** Any two rule versions (and optionally two tariff versions) side by side, clause by clause, with the clause text of each changed rule. */

/**
 * One changed value as a reader wants it: a text in quotes (a rule's old and new title), yes/no, a
 * number; a structure (conditions, an event) folded as JSON under one line, the rule's sentence
 * above saying what it does.
 */
function Value({ v }: { v: unknown }) {
  const { t, lang } = useI18n();
  if (v === undefined || v === null) return <>—</>;
  if (isShown(v)) return <>{v.shown}</>;
  if (typeof v === 'string') return <>{/^-?\d+(\.\d+)?$/u.test(v) ? v : lang === 'ja' ? `「${v}」` : `“${v}”`}</>;
  if (typeof v === 'boolean') return <>{t(v ? 'diff.yes' : 'diff.no')}</>;
  if (typeof v === 'number') return <>{v.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US')}</>;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return <>{v.length ? v.join(lang === 'ja' ? '、' : ', ') : '—'}</>;
  return (
    <details data-testid="diff-json">
      <summary className="small">{t('diff.json')}</summary>
      <pre className="mono json-view">{JSON.stringify(v, null, 2)}</pre>
    </details>
  );
}

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
  // The tariff versions' changes cell by cell, as the tariff page and the Excel import show them
  // (table, code, column in the page's language, yen as yen, a row added or deleted as one line).
  const [tariffChanges, setTariffChanges] = useState<TariffChange[] | null>(null);
  useEffect(() => {
    setTariffChanges(null);
    if (tFrom === null || tTo === null) return;
    let live = true;
    Promise.all([api.tariffs.get({ id: tFrom }), api.tariffs.get({ id: tTo })]).then(([a, b]) => live && setTariffChanges(diffTariff(a.version, b.version)), onError);
    return () => {
      live = false;
    };
  }, [api, tFrom, tTo, onError]);
  // A tariff picked on one side only: the other side starts as the version it came from (or the draft made from it).
  const pickTariff = (side: 'from' | 'to', id: number | null) => {
    if (side === 'to') {
      setTTo(id);
      const base = tariffs.find((v) => v.id === id)?.basedOn ?? null;
      if (tFrom === null && base !== null) setTFrom(base);
    } else {
      setTFrom(id);
      const child = id === null ? undefined : tariffs.find((v) => v.basedOn === id);
      if (tTo === null && child) setTTo(child.id);
    }
  };
  const label = useVersionLabel();
  const fieldLabel = (labels: Record<string, string>, field: string) => (lang === 'ja' && Object.hasOwn(labels, field) ? `${fieldLabelJa(labels, field)}（${field}）` : field);
  // A parameter by its name in the page's language (the catalog's), its code beside it.
  const parameterName = (decision: string, name: string) => {
    const key = `${decision}.${name}`;
    return lang === 'ja' && Object.hasOwn(PARAMETER_TEXTS, key) ? `${PARAMETER_TEXTS[key]!.ja}（${key}）` : key;
  };
  // A rule's title (`name`) as the rule list shows it: the catalog's Japanese for the shipped English, an edited title as written.
  const titled = (id: string, field: string, v: unknown) => (field === 'name' && typeof v === 'string' ? ruleTitle({ id, name: v }, lang) : v);
  // Interpretations read by their titles and values' words (the opened version's, a changed one's own on each side), as on the Rules page.
  const wordsOf = (side: 'before' | 'after') => {
    const changed = new Map((diff?.interpretations ?? []).flatMap((i) => (i[side] ? [[i.name, i[side]!] as const] : [])));
    return interpretationWords([...detail.version.interpretations.filter((i) => !changed.has(i.name)), ...changed.values()], lang, t);
  };
  const sentence = (r: RuleDoc | undefined, c: RuleChange, side: 'before' | 'after') => (r ? ruleSentence(r, c.decision, lang, wordsOf(side)) : '—');
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
          <VersionSelect testId="diff-tariff-from" versions={tariffs} value={tFrom} onChange={(id) => pickTariff('from', id)} optional label={`${t('diff.tariffs')} ${t('diff.from')}`} />
          →
          <VersionSelect testId="diff-tariff-to" versions={tariffs} value={tTo} onChange={(id) => pickTariff('to', id)} optional label={`${t('diff.tariffs')} ${t('diff.to')}`} />
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
              {/* Two tariff versions compared: only the rules are the same; their differences are below. */}
              {t(tFrom !== null && tTo !== null && tFrom !== tTo ? 'diff.sameRules' : 'diff.same')}
            </p>
          )}
          {(tFrom === null) !== (tTo === null) && (
            <p className="banner banner-warning small" data-testid="diff-tariff-pick-both">
              {t('diff.tariffPickBoth')}
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
                  <pre className="sentence before-side">{sentence(c.before, c, 'before')}</pre>
                </div>
                <div>
                  <h4>{label(diff.to)}</h4>
                  <pre className="sentence after-side">{sentence(c.after, c, 'after')}</pre>
                </div>
              </div>
              {c.changes.length > 0 && <FieldChanges rows={c.changes.map((f) => ({ key: f.field, label: fieldLabel(RULE_FIELD_LABELS_JA, f.field), before: titled(c.id, f.field, f.before), after: titled(c.id, f.field, f.after) }))} />}
            </article>
          ))}
          {/* Each changed parameter once: its values beside the clause it applies and the sentence it quotes, as a changed rule is shown. */}
          {diff.parameters.map((p) => (
            <ParameterCard key={`${p.decision}.${p.name}`} p={p} name={parameterName(p.decision, p.name)} clauseText={diff.clauseTexts[p.clause]} />
          ))}
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
          {tariffChanges && (
            <section className="diff-tariffs" data-testid="diff-tariffs">
              <h3>{t('diff.tariffChanges')}</h3>
              <ChangeTable changes={tariffChanges} testId="diff-tariff-changes" />
            </section>
          )}
        </>
      )}
    </div>
  );
}

/** A value already written as the reader reads it (a parameter's value with its unit). */
type Shown = { shown: string };
const isShown = (v: unknown): v is Shown => typeof v === 'object' && v !== null && typeof (v as Partial<Shown>).shown === 'string';

/** Changed values, one row each: what changed (a row header), before, after. */
function FieldChanges({ rows, caption, testId }: { rows: readonly { key: string; label: string; before: unknown; after: unknown }[]; caption?: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <DataTable
      className="changes field-changes"
      rows={rows}
      rowKey={(r) => r.key}
      {...(caption !== undefined ? { caption } : {})}
      {...(testId !== undefined ? { testId } : {})}
      columns={[
        { key: 'field', header: t('diff.field'), rowHeader: true, cell: (r) => r.label },
        // Two texts (a quote, a title): the characters that changed are marked on each side, not the whole text struck through.
        { key: 'before', header: t('change.before'), cellClass: (r) => (isText(r.before) && isText(r.after) ? 'before text-diff' : 'before'), cell: (r) => (isText(r.before) && isText(r.after) ? <TextDiff before={r.before} after={r.after} side="before" /> : <Value v={r.before} />) },
        { key: 'after', header: t('change.after'), cellClass: (r) => (isText(r.before) && isText(r.after) ? 'after text-diff' : 'after'), cell: (r) => (isText(r.before) && isText(r.after) ? <TextDiff before={r.before} after={r.after} side="after" /> : <Value v={r.after} />) },
      ]}
    />
  );
}

/** A text (not a number written as text: a rate such as "14.6" reads as a number). */
const isText = (v: unknown): v is string => typeof v === 'string' && !/^-?\d+(\.\d+)?$/u.test(v);

/** One side of a changed text in quotes, the characters not on the other side marked (deleted on the before side, inserted on the after side). */
function TextDiff({ before, after, side }: { before: string; after: string; side: 'before' | 'after' }) {
  const { lang } = useI18n();
  const parts: TextPart[] = textDiff(before, after)[side];
  const Mark = side === 'before' ? 'del' : 'ins';
  return (
    <span data-testid={`diff-text-${side}`}>
      {lang === 'ja' ? '「' : '“'}
      {parts.map((p, i) => (p.changed ? <Mark key={i} className="text-change">{p.text}</Mark> : <span key={i}>{p.text}</span>))}
      {lang === 'ja' ? '」' : '”'}
    </span>
  );
}

/**
 * A changed parameter as a reviewer weighs it: the clause's text from the terms, the sentence the
 * parameter quotes, and, when that sentence prints the old value and not the new one (年 14.6％ with
 * the rate now 14.0), a warning that the terms' own text says otherwise: the terms need the same change.
 */
function ParameterCard({ p, name, clauseText }: { p: ParameterChange; name: string; clauseText: string | undefined }) {
  const { t, lang } = useI18n();
  // The value with its unit (14.6％, 15日), shown as written and never quoted as a text.
  // The unit is the catalog's, else the one the parameter's file declares (a parameter a draft added).
  const unitValue = (v: unknown, unit: ParameterUnit | undefined): Shown | undefined => (v === undefined ? undefined : { shown: parameterValueText(`${p.decision}.${p.name}`, v, lang, unit) });
  const now = p.after ?? p.before!;
  const before = p.before === undefined ? undefined : String(p.before.value);
  const after = p.after === undefined ? undefined : String(p.after.value);
  // The quote prints the old value as a number of its own (14.6 in 年 14.6％, not in 114.65) and not the new one.
  const prints = (text: string, v: string) => new RegExp(`(^|[^0-9.])${v.replace(/[.]/gu, '\\.')}($|[^0-9])`, 'u').test(text.normalize('NFKC'));
  const stale = before !== undefined && after !== undefined && before !== after && prints(now.quote, before) && !prints(now.quote, after);
  return (
    <article className="diff-card" data-testid={`diff-param-${p.decision}.${p.name}`}>
      <h3>
        {p.clause} {name} <span className={`badge diff-${p.before && p.after ? 'changed' : p.after ? 'added' : 'removed'}`}>{t(`diff.${p.before && p.after ? 'changed' : p.after ? 'added' : 'removed'}`)}</span>
      </h3>
      <FieldChanges testId="diff-param-values" rows={[{ key: 'value', label: t('diff.paramValue'), before: unitValue(p.before?.value, p.before?.unit), after: unitValue(p.after?.value, p.after?.unit) }]} />
      <TermsText text={clauseText ?? t('rules.noClauseText')} data-testid="diff-param-clause" />
      <blockquote className="quote small" data-testid="diff-param-quote">
        {now.quote}
      </blockquote>
      {stale && (
        <p className="banner banner-warning small" data-testid="diff-param-stale-quote">
          {t('diff.paramQuoteStale', { before, after })}
        </p>
      )}
    </article>
  );
}
