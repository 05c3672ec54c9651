import { useMemo, useState } from 'react';
import { useUnsavedEdits } from '../shell/unsaved-edits.js';
import type { DecisionName, Interpretation } from '../../../engine/rule-types.js';
import { interpretationsRead } from '../../../engine/rule-references.js';
import type { RuleVersionDetail } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import { interpretationDescription, interpretationValueDescription, ownValueDescription } from '../i18n/rule-texts.js';
import { interpretationLabelKey } from '../explorer/output-labels.js';
import { EditableRow, EditableTable, RowEditorForm } from './editable-row.js';
import { engineValuesOf, formOf, interpretationOf, type InterpretationForm } from './interpretation-form.js';
import { useRuleSaves } from './rule-saves.js';
import { shortText, type WaitingInput } from '../team/waiting-inputs.js';

/**
 * The named interpretations of a rule version; in a draft each is switched (its default) and
 * edited: its description, the description of each value, the default, alternatives added and
 * removed (not a value the engine's code branches on, nor the default). The server checks the
 * result as interpretations.json on disk is (`authoring.editInterpretation`); a refusal shows
 * each issue with its JSON pointer and nothing is saved.
 */
export function InterpretationsSection({
  detail,
  decision,
  showAll,
  onShowAll,
  onChange,
  onError,
}: {
  detail: RuleVersionDetail;
  decision: DecisionName;
  showAll: boolean;
  onShowAll: (all: boolean) => void;
  onChange: (d: RuleVersionDetail) => void;
  onError: (e: unknown) => void;
}) {
  const api = useApi();
  const { t, lang } = useI18n();
  // Those the decision picked reads (its code's and its rules' `interpretation.X`, rule-references.ts), all of them one click away.
  const read = useMemo(() => new Set(interpretationsRead(detail.version.decisions[decision], decision)), [detail, decision]);
  const { save } = useRuleSaves();
  const [editing, setEditing] = useState<string | null>(null);
  // A default switched and not saved yet (the team server may be restarting): the list shows it, marked, until its save ends.
  const [switching, setSwitching] = useState<Readonly<Record<string, string>>>({});
  const isDraft = detail.summary.status === 'draft';
  const switchInterpretation = async (name: string, value: string) => {
    setSwitching((s) => ({ ...s, [name]: value }));
    try {
      onChange(
        await save({
          versionId: detail.summary.id,
          revision: detail.summary.revision,
          inputs: [{ key: name, header: t('save.field.default'), text: value }],
          send: (revision) => api.rules.setInterpretation({ id: detail.summary.id, revision, name, value }),
          madeRevision: (d) => d.summary.revision,
        }),
      );
    } catch (e) {
      onError(e);
    } finally {
      setSwitching(({ [name]: _done, ...rest }) => rest);
    }
  };
  const all = detail.version.interpretations;
  // The one being edited stays while its editor is open, whatever decision is picked.
  const shown = showAll ? all : all.filter((i) => read.has(i.name) || i.name === editing);
  const words = { decision: t(`decision.${decision}`), n: all.filter((i) => read.has(i.name)).length, total: all.length };
  const note = (
    <p className="muted small interp-scope" data-testid="interps-scope">
      {showAll ? t('rules.interpsAll', words) : words.n === 0 ? t('rules.interpsReadNone', words) : t('rules.interpsRead', words)}{' '}
      <button type="button" className="link-button" aria-pressed={showAll} onClick={() => onShowAll(!showAll)} data-testid="interps-show-all">
        {showAll ? t('rules.interpsShowRead', words) : t('rules.interpsShowAll')}
      </button>
    </p>
  );
  return (
    <EditableTable testId="interpretations" title={t('rules.interpretations')} className="changes interp-table" note={note}>
          {shown.map((i) => (
            <EditableRow
              key={i.name}
              testId={`interp-row-${i.name}`}
              cells={
                <>
                  <td>
                    {interpretationLabelKey(i.name) !== null && <div data-testid={`interp-label-${i.name}`}>{t(interpretationLabelKey(i.name)!)}</div>}
                    <code className="small">{i.name}</code>
                  </td>
                  <td className="clause-cell">{i.clauses.join("・")}</td>
                  <td>
                    {isDraft && i.alternatives.length > 0 ? (
                      <select
                        aria-label={i.name}
                        value={switching[i.name] ?? i.default}
                        onChange={(e) => void switchInterpretation(i.name, e.target.value)}
                        className={switching[i.name] !== undefined ? 'input-pending' : undefined}
                        title={switching[i.name] !== undefined ? t('save.pendingCell') : undefined}
                        data-pending={switching[i.name] !== undefined ? 'true' : undefined}
                        data-testid={`interp-${i.name}`}
                      >
                        {[i.default, ...i.alternatives.map((a) => a.value)].map((v) => (
                          <option key={v} value={v}>
                            {v}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <strong>{i.default}</strong>
                    )}
                  </td>
                  <td data-testid={`interp-text-${i.name}`}>
                    <div className="small">{interpretationDescription(i, lang)}</div>
                    {/* The value the list shows: while a switch waits for the server, the new choice's description, not the old default's. */}
                    <div className="muted" data-testid={`interp-value-text-${i.name}`}>
                      {interpretationValueDescription(i.name, switching[i.name] ?? i.default, ownValueDescription(i, switching[i.name] ?? i.default) ?? '', lang)}
                    </div>
                  </td>
                </>
              }
              editable={isDraft}
              open={editing === i.name}
              onToggle={() => setEditing(editing === i.name ? null : i.name)}
              toggle={{ text: t('ie.edit'), label: t('ie.editLabel', { name: i.name }), testId: `interp-edit-${i.name}` }}
              colSpan={5}
              editor={
                <InterpretationEditor
                  key={`${i.name}-${detail.summary.revision}`}
                  detail={detail}
                  interp={i}
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
    </EditableTable>
  );
}

function InterpretationEditor({ detail, interp, onSaved, onError, onCancel }: { detail: RuleVersionDetail; interp: Interpretation; onSaved: (d: RuleVersionDetail) => void; onError: (e: unknown) => void; onCancel: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [form, setForm] = useState<InterpretationForm>(() => formOf(interp));
  const [newValue, setNewValue] = useState('');
  const [newDescription, setNewDescription] = useState('');
  // Typed and not saved (the form moved from the interpretation, or a value half added): closing or leaving asks first.
  const [opened] = useState(() => JSON.stringify(formOf(interp)));
  useUnsavedEdits(JSON.stringify(form) !== opened || newValue.trim() !== '' || newDescription.trim() !== '');
  const engine = engineValuesOf(interp.name);
  const setRow = (value: string, description: string) => setForm({ ...form, values: form.values.map((v) => (v.value === value ? { ...v, description } : v)) });
  const canAdd = newValue.trim() !== '' && !form.values.some((v) => v.value === newValue.trim());
  const add = () => {
    if (!canAdd) return;
    setForm({ ...form, values: [...form.values, { value: newValue.trim(), description: newDescription }] });
    setNewValue('');
    setNewDescription('');
  };
  return (
    <RowEditorForm
      className="interp-editor"
      label={t('ie.title', { name: interp.name })}
      testId="interp-editor"
      saveText={t('ie.save')}
      saveTestId="ie-save"
      draft={{ id: detail.summary.id, revision: detail.summary.revision }}
      inputs={editedInputs(interp, form, t)}
      save={(revision) => api.authoring.editInterpretation({ id: detail.summary.id, revision, name: interp.name, interpretation: interpretationOf(interp, form) })}
      onSaved={onSaved}
      onError={onError}
      onCancel={onCancel}
    >
      <p className="muted small">{t('ie.help')}</p>
      <label className="grow">
        {t('ie.description')}
        <textarea rows={2} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} data-testid="ie-description" />
      </label>
      <table className="changes">
        <caption className="small">{t('ie.values')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ie.default')}</th>
            <th scope="col">{t('ie.value')}</th>
            <th scope="col">{t('ie.valueDescription')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('ie.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {form.values.map((v) => {
            const locked = engine.includes(v.value) ? t('ie.engineValue') : v.value === form.defaultValue ? t('ie.defaultValue') : null;
            return (
              <tr key={v.value} data-testid={`ie-row-${v.value}`}>
                <td>
                  <input
                    type="radio"
                    name={`ie-default-${interp.name}`}
                    checked={form.defaultValue === v.value}
                    onChange={() => setForm({ ...form, defaultValue: v.value })}
                    aria-label={`${t('ie.default')}: ${v.value}`}
                    data-testid={`ie-default-${v.value}`}
                  />
                </td>
                <td className="mono">{v.value}</td>
                <td>
                  <input type="text" value={v.description} onChange={(e) => setRow(v.value, e.target.value)} aria-label={`${t('ie.valueDescription')}: ${v.value}`} data-testid={`ie-desc-${v.value}`} />
                </td>
                <td>
                  <button
                    type="button"
                    className="small-button"
                    disabled={locked !== null}
                    title={locked ?? t('ie.remove')}
                    aria-label={`${t('ie.remove')}: ${v.value}${locked ? ` (${locked})` : ''}`}
                    onClick={() => setForm({ ...form, values: form.values.filter((x) => x !== v) })}
                    data-testid={`ie-remove-${v.value}`}
                  >
                    {t('ie.remove')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="inline-form">
        <label>
          {t('ie.newValue')}
          <input type="text" className="mono" value={newValue} onChange={(e) => setNewValue(e.target.value)} data-testid="ie-new-value" />
        </label>
        <label className="grow">
          {t('ie.newDescription')}
          <input type="text" value={newDescription} onChange={(e) => setNewDescription(e.target.value)} data-testid="ie-new-description" />
        </label>
        <button type="button" onClick={add} disabled={!canAdd} data-testid="ie-add">
          + {t('ie.addAlternative')}
        </button>
      </div>
    </RowEditorForm>
  );
}

/** What an edited interpretation changes, as a waiting save names it: its description, its default, each value added or described anew. */
function editedInputs(interp: Interpretation, form: InterpretationForm, t: ReturnType<typeof useI18n>['t']): WaitingInput[] {
  const before = formOf(interp);
  const described = new Map(before.values.map((v) => [v.value, v.description]));
  return [
    ...(form.description !== before.description ? [{ key: interp.name, header: t('save.field.description'), text: shortText(form.description) }] : []),
    ...(form.defaultValue !== before.defaultValue ? [{ key: interp.name, header: t('save.field.default'), text: form.defaultValue }] : []),
    ...form.values.filter((v) => described.get(v.value) !== v.description).map((v) => ({ key: interp.name, header: v.value, text: shortText(v.description) })),
  ];
}
