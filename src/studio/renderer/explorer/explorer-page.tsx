import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLiveTick } from '../team/live-updates.js';
import { TOKYO_OFFSET } from '../../../engine/dates.js';
import type { DecisionName, Interpretation, ParameterUnit } from '../../../engine/rule-types.js';
import type { DecisionForm, ExploreResult, FactField, RuleVersionSummary, VersionSummary, WorkspaceInfo } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';
import { ErrorBanner, type ShownError } from '../shell/error-banner.js';
import { useI18n } from '../i18n/i18n-context.js';
import { DateField } from '../ui/date-field.js';
import { VersionSelect } from '../ui/version-list.js';
import { download } from '../tariffs/base64.js';
import { useCallRefusal } from '../team/use-call-refusal.js';
import { toFacts, type FormValues } from './fact-values.js';
import { TermsText } from '../ui/terms-text.js';
import { InvalidErrors } from '../ui/invalid-errors.js';
import { versionInForceOn } from '../versions/force-note.js';
import { interpretationLabelKey, outcomeLabelKey, outputLabelKey } from './output-labels.js';
import { EVENT_LABELS_JA } from '../../../engine/review/event-labels.js';
import { factValueLabel } from '../../../engine/review/fact-labels.js';
import { traceFactText } from './trace-fact-text.js';
import { interpretationWords } from '../rules/interpretation-words.js';
import { interpretationValueDescription, ownValueDescription, ruleTitleById } from '../i18n/rule-texts.js';

/**
 * The decision explorer: pick a decision, fill its facts in a form generated from its schema,
 * choose the versions (drafts too) and interpretations, and read the answer with the clauses'
 * text, the trace and the interpretations relied on. Save it as a case file.
 */
type Values = FormValues;
const SKIP = new Set(['decision', 'asOf', 'outcome', 'clauses', 'trace', 'interpretations', 'versions', 'name', 'errors']);

const JSON_PLACEHOLDER: Record<string, string> = {
  bills: '[{"id": "2025-01", "dueDate": "2025-01-31", "amount": 11000}]',
  payments: '[{"date": "2025-02-10", "amount": 11000}]',
};

/** The version a form starts with: the one in force on the asOf date, else the newest approved, else the first listed. */
const defaultVersion = (versions: readonly { id: number; effective: string; status: string }[], asOf: string): number | null =>
  (versionInForceOn(versions, asOf) ?? versions.find((v) => v.status === 'approved') ?? versions[0])?.id ?? null;

function FactInput({
  field,
  value,
  onChange,
  datalist,
  optionLabel,
}: {
  field: FactField;
  value: string | boolean | undefined;
  onChange: (v: string | boolean) => void;
  datalist?: string;
  /** An enum value as the page shows it: its label with the code beside it; the code stays the option's value. */
  optionLabel: (code: string) => string;
}) {
  const id = `fact-${field.name}`;
  if (field.kind === 'boolean') return <input type="checkbox" id={id} checked={value === true} onChange={(e) => onChange(e.target.checked)} data-testid={id} />;
  if (field.kind === 'enum')
    return (
      <select id={id} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} data-testid={id}>
        {field.options.map((o) => (
          <option key={String(o)} value={o ?? ''}>
            {o === null ? '—' : optionLabel(o)}
          </option>
        ))}
      </select>
    );
  if (field.kind === 'json')
    return (
      <textarea
        id={id}
        rows={3}
        className="mono"
        value={String(value ?? '')}
        onChange={(e) => onChange(e.target.value)}
        placeholder={JSON_PLACEHOLDER[field.name] ?? '[]'}
        data-testid={id}
      />
    );
  const type = field.kind === 'integer' ? 'number' : 'text';
  const placeholder =
    field.kind === 'datetime' ? `2024-05-01T09:00:00${TOKYO_OFFSET}` : field.kind === 'list' ? (field.name === 'options' ? 'event-api, pipe-mount@2025-03' : 'A, B') : '';
  return (
    <input
      type={type}
      id={id}
      value={String(value ?? '')}
      onChange={(e) => onChange(e.target.value)}
      placeholder={placeholder}
      {...(datalist ? { list: datalist } : {})}
      data-testid={id}
    />
  );
}

export function ExplorerPage({ info }: { info: WorkspaceInfo }) {
  const api = useApi();
  const { t, lang, yen } = useI18n();
  // On a team server a case file is written into a folder on the server by legal only (the download is for everyone).
  const noSave = useCallRefusal()('explorer.saveCase');
  const [forms, setForms] = useState<DecisionForm[]>([]);
  const [ruleVersions, setRuleVersions] = useState<RuleVersionSummary[]>([]);
  const [tariffVersions, setTariffVersions] = useState<VersionSummary[]>([]);
  const [decision, setDecision] = useState('lateInterest');
  // Until the user picks one, each version is the one in force on the asOf date (a saved case then passes `tariff test`).
  const [ruleChoice, setRuleChoice] = useState<number | null>(null);
  const [tariffChoice, setTariffChoice] = useState<number | null>(null);
  const [asOf, setAsOf] = useState(info.today);
  const ruleId = ruleChoice ?? defaultVersion(ruleVersions, asOf);
  const tariffId = tariffChoice ?? defaultVersion(tariffVersions, asOf);
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, Values>>({});
  const [interps, setInterps] = useState<Record<string, string>>({});
  const [ctx, setCtx] = useState<{
    courses: { code: string; name: string }[];
    interpretations: Interpretation[];
    rules: { id: string; name: string }[];
    parameterUnits: Record<string, ParameterUnit>;
  } | null>(null);
  const [result, setResult] = useState<ExploreResult | null>(null);
  // The case as sent with the answer shown: an invalid answer's errors are said from its facts (the value found) and its decision's schema.
  const [sent, setSent] = useState<{ facts: Record<string, unknown>; asOf: string; interpretations: Record<string, string>; schema: object } | null>(null);
  const [folder, setFolder] = useState('');
  const [fileName, setFileName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const showError = useCallback((e: unknown) => setError({ error: e }), []);

  // Versions someone else created or approved (live, or loaded after signing in again) join the choices; the facts typed stay.
  const versionsTick = useLiveTick('rules') + useLiveTick('tariffs');
  useEffect(() => {
    Promise.all([api.explorer.decisions({}), api.rules.list({}), api.tariffs.list({})]).then(([d, r, tv]) => {
      setForms(d.decisions);
      setRuleVersions(r.versions);
      setTariffVersions(tv.versions);
    }, showError);
  }, [api, showError, versionsTick]);
  useEffect(() => {
    if (ruleId === null || tariffId === null) return;
    api.explorer.context({ ruleVersionId: ruleId, tariffVersionId: tariffId }).then(setCtx, showError);
  }, [api, ruleId, tariffId, showError, versionsTick]);

  const form = forms.find((f) => f.name === decision);
  const vals = values[decision] ?? {};
  const ruleNames = useMemo(() => new Map((ctx?.rules ?? []).map((r) => [r.id, r.name])), [ctx]);
  const relevant = useMemo(() => (ctx?.interpretations ?? []).filter((i) => i.alternatives.length > 0), [ctx]);
  const run = async () => {
    if (!form || ruleId === null || tariffId === null) return;
    try {
      const chosen = Object.fromEntries(Object.entries(interps).filter(([, v]) => v));
      const facts = toFacts(form.fields, vals);
      const r = await api.explorer.decide({ decision, asOf, facts, ruleVersionId: ruleId, tariffVersionId: tariffId, interpretations: chosen, name });
      setResult(r);
      setSent({ facts, asOf, interpretations: chosen, schema: form.schema });
      setSaved(null);
      setError(null);
      setFileName((f) => f || `${decision}-${asOf}.json`);
    } catch (e) {
      showError(e);
    }
  };
  const saveToFolder = async () => {
    if (!result) return;
    try {
      setSaved((await api.explorer.saveCase({ folder, fileName, caseJson: result.caseJson })).file);
    } catch (e) {
      showError(e);
    }
  };
  const out = result?.output;
  const fields = out ? Object.entries(out).filter(([k]) => !SKIP.has(k)) : [];
  const showField = (k: string, v: unknown): string =>
    typeof v === 'number' && /amount|tax|total|subtotal|paid|fee|outstanding|unapplied|difference|refund|charge/iu.test(k) ? yen(v) : typeof v === 'string' ? v : JSON.stringify(v);
  // A field's label in the page's language, its key beside it in small monospace so a reader can match the JSON.
  const labelled = (path: string, key: string) => {
    const label = outputLabelKey(typeof out?.decision === 'string' ? out.decision : decision, path);
    return label ? (
      <>
        {t(label)} <code className="muted small field-key">{key}</code>
      </>
    ) : (
      <code>{key}</code>
    );
  };
  const interpName = (name: string) => {
    const label = interpretationLabelKey(name);
    return label ? (
      <>
        {t(label)} <code className="small">{name}</code>
      </>
    ) : (
      <code>{name}</code>
    );
  };
  const outcomeLabel = out ? outcomeLabelKey(typeof out.decision === 'string' ? out.decision : decision, out.outcome) : null;
  // What a traced event does, in Japanese (the engine's review phrases); null for a type the decision does not list.
  const eventLabel = (type: string): string | null => {
    const d = typeof out?.decision === 'string' ? out.decision : decision;
    const labels: Record<string, string> = Object.hasOwn(EVENT_LABELS_JA, d) ? EVENT_LABELS_JA[d as DecisionName] : {};
    return Object.hasOwn(labels, type) ? labels[type]! : null;
  };
  // What the value relied on means, in the page's language (the version's own description when the catalog has none).
  const valueText = (name: string, value: string) => {
    const i = ctx?.interpretations.find((x) => x.name === name);
    const own = i ? ownValueDescription(i, value) : undefined;
    return own === undefined ? null : <span className="muted"> — {interpretationValueDescription(name, value, own, lang)}</span>;
  };
  // An array of objects (paymentAllocation's allocations and bills, monthlyCharge's lines) as a table whose columns are labelled too.
  const showValue = (k: string, v: unknown) => {
    const rows = Array.isArray(v) && v.length > 0 && v.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r)) ? (v as Record<string, unknown>[]) : null;
    if (!rows) return <td className="mono">{showField(k, v)}</td>;
    const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    return (
      <td>
        <table className="changes small" data-testid={`explorer-field-${k}`}>
          <thead>
            <tr>
              {cols.map((c) => (
                <th key={c}>{labelled(`${k}.${c}`, c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {cols.map((c) => (
                  <td key={c} className="mono">
                    {showField(c, r[c])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </td>
    );
  };

  return (
    <div className="explorer-page">
      <section className="explorer-form" aria-label={t('explorer.form')}>
        <h2>{t('nav.explorer')}</h2>
        <label>
          {t('rules.decision')}
          <select
            value={decision}
            onChange={(e) => {
              setDecision(e.target.value);
              setResult(null);
            }}
            data-testid="explorer-decision"
          >
            {forms.map((f) => (
              <option key={f.name} value={f.name}>
                {t(`decision.${f.name}` as 'decision.approval')} ({f.name})
              </option>
            ))}
          </select>
        </label>
        <div className="form-row">
          <label className="grow">
            {t('explorer.ruleVersion')}
            <VersionSelect testId="explorer-rule-version" versions={ruleVersions} value={ruleId} onChange={(id) => setRuleChoice(Number(id))} />
          </label>
          <label className="grow">
            {t('explorer.tariffVersion')}
            <VersionSelect testId="explorer-tariff-version" versions={tariffVersions} value={tariffId} onChange={(id) => setTariffChoice(Number(id))} />
          </label>
        </div>
        <div className="form-row">
          <DateField label={t('explorer.asOf')} required value={asOf} onChange={setAsOf} testId="explorer-asof" />
          <label className="grow">
            {t('explorer.name')}
            <input type="text" value={name} onChange={(e) => setName(e.target.value)} data-testid="explorer-name" />
          </label>
        </div>
        <fieldset className="facts-form" data-testid="facts-form">
          <legend>{t('explorer.facts')}</legend>
          {form?.fields.map((f) => {
            const label = (
              <span>
                {lang === 'ja' ? f.ja : f.en} <code className="muted small">{f.name}</code>
                {f.required && <span className="error-text"> *</span>}
                {f.kind === 'list' && <span className="muted small"> {t('explorer.listHelp')}</span>}
              </span>
            );
            const onChange = (v: string | boolean) => setValues({ ...values, [decision]: { ...vals, [f.name]: v } });
            // A date or month fact is typed and shown as YYYY-MM-DD (YYYY-MM), as the case files write it, whatever the browser's locale.
            if (f.kind === 'date' || f.kind === 'month')
              return (
                <DateField
                  key={f.name}
                  kind={f.kind}
                  className="fact-field"
                  label={label}
                  required={f.required}
                  value={String(vals[f.name] ?? '')}
                  onChange={onChange}
                  testId={`fact-${f.name}`}
                />
              );
            return (
              <label key={f.name} className={f.kind === 'boolean' ? 'fact-field fact-bool' : 'fact-field'}>
                {label}
                <FactInput
                  field={f}
                  value={vals[f.name]}
                  onChange={onChange}
                  optionLabel={(code) => {
                    const l = factValueLabel(decision, f.name, code, lang);
                    return l === undefined ? code : `${l} (${code})`;
                  }}
                  {...(f.kind === 'course' ? { datalist: 'explorer-courses' } : {})}
                />
              </label>
            );
          })}
          <datalist id="explorer-courses">
            {ctx?.courses.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </datalist>
        </fieldset>
        {relevant.length > 0 && (
          // Fifteen dropdowns pushed 判定する below the window at 1280×800: folded, they say how many are changed.
          <details className="interp-choices" data-testid="explorer-interps-choice">
            <summary>{t('explorer.interpsSummary', { n: relevant.length, changed: relevant.filter((i) => interps[i.name]).length })}</summary>
            <fieldset className="facts-form">
              <legend>{t('rules.interpretations')}</legend>
              {relevant.map((i) => (
                <label key={i.name} className="fact-field">
                  <span>
                    {interpName(i.name)} <span className="muted small">{i.clauses.join('・')}</span>
                  </span>
                  <select value={interps[i.name] ?? ''} onChange={(e) => setInterps({ ...interps, [i.name]: e.target.value })} data-testid={`explorer-interp-${i.name}`}>
                    <option value="">{t('explorer.defaultInterp', { value: i.default })}</option>
                    {[i.default, ...i.alternatives.map((a) => a.value)].map((v) => (
                      <option key={v} value={v} title={interpretationValueDescription(i.name, v, ownValueDescription(i, v) ?? '', lang)}>
                        {v}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </fieldset>
          </details>
        )}
        <button type="button" className="primary" onClick={() => void run()} disabled={asOf === ''} data-testid="explorer-run">
          {t('explorer.run')}
        </button>
      </section>
      <section className="explorer-result" aria-live="polite">
        {error && <ErrorBanner shown={error} onClose={() => setError(null)} />}
        {!out ? (
          <p className="muted">{t('explorer.help')}</p>
        ) : (
          <>
            <h3>
              {t('explorer.outcome')}:{' '}
              <span className={`outcome outcome-${out.outcome}`} data-testid="explorer-outcome">
                {outcomeLabel !== null && `${t(outcomeLabel)} `}
                <code className="small">{out.outcome}</code>
              </span>
              {out.discretionary === true && (
                <span className="badge" data-testid="explorer-discretionary">
                  {' '}
                  {t('explorer.discretionary')}
                </span>
              )}
              {out.versions && <span className="muted small"> — {t('explorer.versions', { rules: out.versions.rules, tariffs: out.versions.tariffs })}</span>}
            </h3>
            {out.errors && out.errors.length > 0 && (
              <InvalidErrors
                errors={out.errors}
                at={{ decision: typeof out.decision === 'string' ? out.decision : decision, ...(sent ?? { facts: {} }), ...(ctx ? { courses: ctx.courses } : {}) }}
                testId="explorer-errors"
              />
            )}
            {fields.length > 0 && (
              <table className="changes" data-testid="explorer-fields">
                <tbody>
                  {fields.map(([k, v]) => (
                    <tr key={k} data-testid={`explorer-field-row-${k}`}>
                      <th>{labelled(k, k)}</th>
                      {showValue(k, v)}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <h4>{t('engine.clauses')}</h4>
            <div data-testid="explorer-clauses">
              {out.clauses.map((c) => (
                <details key={c} open>
                  <summary>{c}</summary>
                  <TermsText text={result.clauseTexts[c] ?? t('rules.noClauseText')} />
                </details>
              ))}
            </div>
            <h4>{t('regression.trace')}</h4>
            <table className="changes" data-testid="explorer-trace">
              <tbody>
                {out.trace.map((tr, i) => (
                  <tr key={i}>
                    <td>
                      {ruleTitleById(tr.rule, ruleNames, lang) ?? ''} <code className="muted small">{tr.rule}</code>
                    </td>
                    <td className="clause-cell">{tr.clause}</td>
                    <td>
                      {lang === 'ja' && eventLabel(tr.event) !== null && `${eventLabel(tr.event)!} `}
                      <code className="small">{tr.event}</code>
                    </td>
                    <td>
                      <TraceFacts
                        decision={typeof out.decision === 'string' ? out.decision : decision}
                        facts={tr.facts}
                        units={ctx?.parameterUnits ?? {}}
                        interpretations={ctx?.interpretations ?? []}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h4>{t('explorer.reliedOn')}</h4>
            {Object.keys(out.interpretations).length === 0 ? (
              <p className="small" data-testid="explorer-interps">
                —
              </p>
            ) : (
              <ul className="small" data-testid="explorer-interps">
                {Object.entries(out.interpretations).map(([k, v]) => (
                  <li key={k}>
                    {interpName(k)} = <code>{v}</code>
                    {valueText(k, v)}
                  </li>
                ))}
              </ul>
            )}
            <div className="save-case">
              <h4>{t('explorer.save')}</h4>
              {!result.pinnedToApproved && <p className="banner banner-warning small">{t('explorer.notPinned')}</p>}
              <div className="filter-bar">
                <input type="text" value={fileName} onChange={(e) => setFileName(e.target.value)} aria-label={t('explorer.fileName')} data-testid="explorer-file-name" />
                <button type="button" onClick={() => download(new Blob([result.caseJson], { type: 'application/json' }), fileName || 'case.json')} data-testid="explorer-download">
                  {t('explorer.download')}
                </button>
              </div>
              <div className="filter-bar">
                <input
                  type="text"
                  className="grow-input"
                  value={folder}
                  onChange={(e) => setFolder(e.target.value)}
                  placeholder={t('regression.folderPath')}
                  data-testid="explorer-folder"
                />
                <button
                  type="button"
                  disabled={!folder.trim() || !fileName.trim() || noSave !== null}
                  aria-describedby={noSave ? 'explorer-role-note' : undefined}
                  onClick={() => void saveToFolder()}
                  data-testid="explorer-save-folder"
                >
                  {t('explorer.saveToFolder')}
                </button>
              </div>
              {noSave && (
                <p className="muted small" id="explorer-role-note" data-testid="explorer-role-note">
                  {noSave}
                </p>
              )}
              {saved && (
                <p className="check-ok small" data-testid="explorer-saved">
                  {t('explorer.saved', { file: saved })}
                </p>
              )}
            </div>
          </>
        )}
      </section>
    </div>
  );
}

/**
 * The facts a traced rule read, as a reviewer reads them: each fact's label in the page's language
 * (its name beside it, to match the JSON), its value with its unit (a parameter a draft added: the
 * unit its file declares, `units`) or the terms' words for an enum value; the facts as JSON one click away.
 */
function TraceFacts({
  decision,
  facts,
  units,
  interpretations,
}: {
  decision: string;
  facts: Record<string, unknown>;
  units: Record<string, ParameterUnit>;
  interpretations: Interpretation[];
}) {
  const { t, lang } = useI18n();
  const words = interpretationWords(interpretations, lang, t);
  const entries = Object.entries(facts).map(
    ([k, v]) => [k, traceFactText(decision, k, v, lang, words, Object.hasOwn(units, `${decision}.${k}`) ? units[`${decision}.${k}`] : undefined)] as const,
  );
  return (
    <>
      {entries.length > 0 && (
        <table className="trace-facts small" data-testid="trace-facts">
          <tbody>
            {entries.map(([k, text]) => (
              <tr key={k}>
                <th scope="row">
                  {text.label} <code className="muted small">{k}</code>
                </th>
                <td>{text.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <details className="trace-facts-json" data-testid="trace-facts-json">
        <summary className="small">{t('explorer.traceJson')}</summary>
        <pre className="mono small">{JSON.stringify(facts)}</pre>
      </details>
    </>
  );
}
