import { useEffect, useState } from 'react';
import { PARAMETER_UNITS, type DecisionName, type Parameter, type ParameterUnit } from '../../../engine/rule-types.js';
import type { RuleVersionDetail } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import { parameterDescription } from '../i18n/rule-texts.js';
import { PARAMETER_TEXTS, parameterUnit, parameterUnitText, parameterValueText, unitName } from '../../../engine/review/parameter-texts.js';
import { useQuoteCheck } from './use-quote-check.js';
import { QuoteCheckList } from './quote-check-list.js';
import { EditableRow, EditableTable, RowEditorForm } from './editable-row.js';
import { unsavedKey, type UnsavedRules } from './unsaved-rules.js';
import { UnsavedStaleBanner } from './unsaved-stale-banner.js';
import { shortText } from '../team/waiting-inputs.js';

/**
 * The parameters of a decision (the constants: 14.6 %, 15 days); in a draft each is edited: its
 * value (of the type it has: a number, or a decimal kept as a string), its clause and its
 * verbatim quote, checked against the terms as you type (`authoring.checkQuote`) and by the server
 * on save (`authoring.setParameter`, as files on disk). What is typed and not saved is kept in the
 * Rules page's `unsaved` (as the rule editor's): a reload that brings a newer revision (after
 * signing in again) opens the editor again with it.
 */
export function ParametersSection({
  detail,
  decision,
  onChange,
  onError,
  unsaved,
}: {
  detail: RuleVersionDetail;
  decision: DecisionName;
  onChange: (d: RuleVersionDetail) => void;
  onError: (e: unknown) => void;
  unsaved: UnsavedRules;
}) {
  const { t, lang } = useI18n();
  const params = detail.version.decisions[decision].parameters ?? {};
  const [editing, setEditing] = useState<string | null>(() => Object.keys(params).find((k) => unsaved.has(parameterKey(detail.summary.id, decision, k))) ?? null);
  const isDraft = detail.summary.status === 'draft';
  if (Object.keys(params).length === 0) return null;
  return (
    <EditableTable testId="parameters" title={t('rules.parameters')} className="changes">
          {Object.entries(params).map(([k, p]) => (
            <EditableRow
              key={k}
              testId={`param-row-${k}`}
              cells={
                <>
                  <td className="mono">{k}</td>
                  <td>
                    <span className="param-value" data-testid={`param-value-${k}`}>{parameterValueText(`${decision}.${k}`, p.value, lang, p.unit)}</span>
                    {/* A parameter a draft added, with no unit declared: "7" alone could be days or months; the table says the unit is missing. */}
                    {parameterUnit(`${decision}.${k}`, p.unit) === undefined && (
                      <div className="small warning-text" data-testid={`param-unit-missing-${k}`} title={isDraft ? t('pe.unitMissingHint') : undefined}>
                        {t('pe.unitMissing')}
                        {isDraft && <span className="muted">（{t('pe.unitMissingHint')}）</span>}
                      </div>
                    )}
                  </td>
                  <td className="clause-cell">{p.clause}</td>
                  <td className="muted">
                    <span data-testid={`param-text-${k}`}>{p.description === undefined ? '' : parameterDescription(decision, k, p.description, lang)}</span>
                    {/* The sentence of the terms the value comes from, as a rule shows its quote: what a reviewer checks the value against. */}
                    <details className="param-quote" data-testid={`param-quote-${k}`}>
                      <summary>{t('pe.quoteShown', { clause: p.clause })}</summary>
                      <blockquote className="quote small">{p.quote}</blockquote>
                    </details>
                  </td>
                </>
              }
              editable={isDraft}
              open={editing === k}
              onToggle={() => {
                if (editing !== null) unsaved.delete(parameterKey(detail.summary.id, decision, editing));
                setEditing(editing === k ? null : k);
              }}
              toggle={{ text: t('pe.edit'), label: t('pe.editLabel', { name: k }), testId: `param-edit-${k}` }}
              colSpan={5}
              editor={
                <ParameterEditor
                  key={`${decision}-${k}-${detail.summary.revision}`}
                  detail={detail}
                  decision={decision}
                  name={k}
                  param={p}
                  unsaved={unsaved}
                  onCancel={() => {
                    unsaved.delete(parameterKey(detail.summary.id, decision, k));
                    setEditing(null);
                  }}
                  onError={onError}
                  onSaved={(d) => {
                    setEditing(null);
                    onChange(d);
                  }}
                />
              }
            />
          ))}
    </EditableTable>
  );
}

/** A parameter's key in the Rules page's unsaved edits (beside the rules' own, unsaved-rules.ts). */
const parameterKey = (versionId: number, decision: DecisionName, name: string): string => unsavedKey(versionId, decision, `parameter:${name}`);
type KeptParameter = { value: string; clause: string; quote: string; unit?: ParameterUnit | '' };

function ParameterEditor({
  detail,
  decision,
  name,
  param,
  unsaved,
  onSaved,
  onError,
  onCancel,
}: {
  detail: RuleVersionDetail;
  decision: DecisionName;
  name: string;
  param: Parameter;
  unsaved: UnsavedRules;
  onSaved: (d: RuleVersionDetail) => void;
  onError: (e: unknown) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const { t, lang } = useI18n();
  const key = parameterKey(detail.summary.id, decision, name);
  // A shipped parameter's unit is the catalog's (fixed: its clause counts it so); one the catalog does not know is declared here.
  const catalogued = Object.hasOwn(PARAMETER_TEXTS, `${decision}.${name}`);
  // What was typed before this editor was mounted again (a reload brought a newer revision), with the revision it was typed on.
  const [kept] = useState(() => {
    const k = unsaved.get(key);
    return k ? { ...(JSON.parse(k.json) as KeptParameter), revision: k.revision } : null;
  });
  const [base, setBase] = useState(kept?.revision ?? detail.summary.revision);
  const [value, setValue] = useState(kept?.value ?? String(param.value));
  const [clause, setClause] = useState(kept?.clause ?? param.clause);
  const [quote, setQuote] = useState(kept?.quote ?? param.quote);
  const [declared, setDeclared] = useState<ParameterUnit | ''>(kept?.unit ?? param.unit ?? '');
  const unit = parameterUnitText(`${decision}.${name}`, lang, declared || undefined);
  const unitChanged = !catalogued && declared !== (param.unit ?? '');
  const changed = value !== String(param.value) || clause !== param.clause || quote !== param.quote || unitChanged;
  useEffect(() => {
    if (changed) unsaved.set(key, { json: JSON.stringify({ value, clause, quote, unit: declared } satisfies KeptParameter), revision: base });
    else unsaved.delete(key);
  }, [changed, value, clause, quote, declared, base, key, unsaved]);
  // The draft moved on since the text was typed: saving it would be refused (DRAFT_CONFLICT); the user chooses first.
  const stale = base !== detail.summary.revision && changed;
  const discardMine = () => {
    setValue(String(param.value));
    setClause(param.clause);
    setQuote(param.quote);
    setDeclared(param.unit ?? '');
    setBase(detail.summary.revision);
  };
  const check = useQuoteCheck(detail.summary.id, clause, quote);
  // The parameter as a waiting save names it (team/waiting-inputs.tsx): its decision and its name.
  const item = `${t(`decision.${decision}`)}・${name}`;
  // The value keeps its type: a decimal kept as a string ("14.6") is sent as a JSON string.
  const valueJson = typeof param.value === 'string' ? JSON.stringify(value.trim()) : value.trim();
  return (
    <RowEditorForm
      className="param-editor inline-form"
      label={t('pe.editLabel', { name })}
      testId="param-editor"
      saveText={t('pe.save')}
      saveTestId="pe-save"
      canSave={!!check && check.issues.length === 0}
      draft={{ id: detail.summary.id, revision: base }}
      inputs={[
        ...(value !== String(param.value) ? [{ key: item, header: t('save.field.value'), text: value.trim() }] : []),
        ...(clause !== param.clause ? [{ key: item, header: t('save.field.clause'), text: clause }] : []),
        ...(quote !== param.quote ? [{ key: item, header: t('save.field.quote'), text: shortText(quote) }] : []),
        ...(unitChanged ? [{ key: item, header: t('pe.unit'), text: declared ? unitName(declared, lang) : t('pe.unitNone') }] : []),
      ]}
      save={(revision) =>
        api.authoring.setParameter({ id: detail.summary.id, revision, decision, name, valueJson, clause, quote, ...(catalogued ? {} : { unit: declared === '' ? null : declared }) })
      }
      onSaved={(d) => {
        unsaved.delete(key);
        onSaved(d);
      }}
      onError={onError}
      onCancel={onCancel}
    >
      {stale && <UnsavedStaleBanner from={base} to={detail.summary.revision} by={detail.changedBy} onKeep={() => setBase(detail.summary.revision)} onDiscard={discardMine} testId="pe" />}
      <label>
        {t('pe.value')} ({typeof param.value === 'string' ? t('pe.valueHelpString') : t('pe.valueHelpNumber')})
        <span className="input-with-unit">
          <input type="text" className="mono" inputMode="decimal" required value={value} onChange={(e) => setValue(e.target.value)} data-testid="pe-value" />
          {/* The unit the value is in (％, 日, 営業日), from the parameters' catalog or as declared below. */}
          {unit && <span data-testid="pe-unit">{unit}</span>}
        </span>
      </label>
      {!catalogued && (
        <label title={t('pe.unitHelp')}>
          {t('pe.unit')}
          <select className="unit-select" value={declared} onChange={(e) => setDeclared(e.target.value as ParameterUnit | '')} aria-describedby="pe-unit-help" data-testid="pe-unit-select">
            <option value="">{t('pe.unitNone')}</option>
            {PARAMETER_UNITS.map((u) => (
              <option key={u} value={u}>
                {unitName(u, lang)}
              </option>
            ))}
          </select>
          <span id="pe-unit-help" className="muted small">
            {t('pe.unitHelp')}
          </span>
        </label>
      )}
      <label>
        {t('ra.clause')}
        <input type="text" required value={clause} onChange={(e) => setClause(e.target.value)} data-testid="pe-clause" />
      </label>
      <label className="grow">
        {t('ra.quote')}
        <textarea required rows={4} value={quote} onChange={(e) => setQuote(e.target.value)} data-testid="pe-quote" />
      </label>
      <QuoteCheckList check={check} testId="pe-check" />
    </RowEditorForm>
  );
}
