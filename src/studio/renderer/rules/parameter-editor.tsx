import { useState } from 'react';
import type { DecisionName, Parameter } from '../../../engine/rule-types.js';
import type { RuleVersionDetail } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import { parameterDescription } from '../i18n/rule-texts.js';
import { useQuoteCheck } from './use-quote-check.js';
import { QuoteCheckList } from './quote-check-list.js';
import { EditableRow, RowEditorForm } from './editable-row.js';

/**
 * The parameters of a decision (the constants: 14.6 %, 15 days); in a draft each is edited: its
 * value (of the type it has: a number, or a decimal kept as a string), its clause and its
 * verbatim quote, checked against the terms as you type (`authoring.checkQuote`) and by the server
 * on save (`authoring.setParameter`, as files on disk).
 */
export function ParametersSection({ detail, decision, onChange, onError }: { detail: RuleVersionDetail; decision: DecisionName; onChange: (d: RuleVersionDetail) => void; onError: (e: unknown) => void }) {
  const { t, lang } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  const params = detail.version.decisions[decision].parameters ?? {};
  const isDraft = detail.summary.status === 'draft';
  if (Object.keys(params).length === 0) return null;
  return (
    <section data-testid="parameters">
      <h4>{t('rules.parameters')}</h4>
      <table className="changes">
        <tbody>
          {Object.entries(params).map(([k, p]) => (
            <EditableRow
              key={k}
              testId={`param-row-${k}`}
              cells={
                <>
                  <td className="mono">{k}</td>
                  <td data-testid={`param-value-${k}`}>{String(p.value)}</td>
                  <td className="clause-cell">{p.clause}</td>
                  <td className="muted" data-testid={`param-text-${k}`}>
                    {p.description === undefined ? '' : parameterDescription(decision, k, p.description, lang)}
                  </td>
                </>
              }
              editable={isDraft}
              open={editing === k}
              onToggle={() => setEditing(editing === k ? null : k)}
              toggle={{ text: t('pe.edit'), label: t('pe.editLabel', { name: k }), testId: `param-edit-${k}` }}
              colSpan={5}
              editor={
                <ParameterEditor
                  key={`${decision}-${k}-${detail.summary.revision}`}
                  detail={detail}
                  decision={decision}
                  name={k}
                  param={p}
                  onCancel={() => setEditing(null)}
                  onError={onError}
                  onSaved={(d) => {
                    setEditing(null);
                    onChange(d);
                  }}
                />
              }
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ParameterEditor({
  detail,
  decision,
  name,
  param,
  onSaved,
  onError,
  onCancel,
}: {
  detail: RuleVersionDetail;
  decision: DecisionName;
  name: string;
  param: Parameter;
  onSaved: (d: RuleVersionDetail) => void;
  onError: (e: unknown) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const { t } = useI18n();
  const [value, setValue] = useState(String(param.value));
  const [clause, setClause] = useState(param.clause);
  const [quote, setQuote] = useState(param.quote);
  const check = useQuoteCheck(detail.summary.id, clause, quote);
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
      save={() => api.authoring.setParameter({ id: detail.summary.id, revision: detail.summary.revision, decision, name, valueJson, clause, quote })}
      onSaved={onSaved}
      onError={onError}
      onCancel={onCancel}
    >
      <label>
        {t('pe.value')} ({typeof param.value === 'string' ? t('pe.valueHelpString') : t('pe.valueHelpNumber')})
        <input type="text" className="mono" inputMode="decimal" required value={value} onChange={(e) => setValue(e.target.value)} data-testid="pe-value" />
      </label>
      <label>
        {t('ra.clause')}
        <input type="text" required value={clause} onChange={(e) => setClause(e.target.value)} data-testid="pe-clause" />
      </label>
      <label className="grow">
        {t('ra.quote')}
        <textarea required rows={2} value={quote} onChange={(e) => setQuote(e.target.value)} data-testid="pe-quote" />
      </label>
      <QuoteCheckList check={check} testId="pe-check" />
    </RowEditorForm>
  );
}
