import { useEffect, useRef, useState } from 'react';
import type { Condition, DecisionName, RuleDoc } from '../../../engine/rule-types.js';
import type { FactOffer, RuleCheck, RuleVersionDetail } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import { RuleIssueItems } from './rule-issue-list.js';
import { ConditionEditor } from './condition-editor.js';
import { unsavedKey, type UnsavedRules } from './unsaved-rules.js';
import { UnsavedStaleBanner } from './unsaved-stale-banner.js';
import { useRuleSaves } from './rule-saves.js';
import { shortText } from '../team/waiting-inputs.js';
import { useQuoteCheck } from './use-quote-check.js';
import { QuoteCheckList } from './quote-check-list.js';
import { ruleSentence } from '../../../engine/review/rule-sentences.js';
import { interpretationWords } from './interpretation-words.js';

/**
 * Editing one rule of a draft: the structured editor and the JSON side by side, both checked by
 * the studio as you type (schema, facts, the whole version) and rendered as sentences. Save
 * is refused while any error stands; nothing is saved until then.
 */
const pretty = (r: unknown): string => JSON.stringify(r, null, 2);

const parsedRule = (text: string): RuleDoc | null => {
  try {
    const v = JSON.parse(text) as RuleDoc;
    return v && typeof v === 'object' && v.conditions && typeof v.conditions === 'object' && v.event && typeof v.event === 'object' ? v : null;
  } catch {
    return null;
  }
};

export function RuleEditor({
  detail,
  decision,
  rule,
  onSaved,
  onError,
  unsaved,
}: {
  detail: RuleVersionDetail;
  decision: DecisionName;
  rule: RuleDoc;
  onSaved: (d: RuleVersionDetail) => void;
  onError: (e: unknown) => void;
  unsaved: UnsavedRules;
}) {
  const api = useApi();
  const { t, lang } = useI18n();
  const { save: queueSave } = useRuleSaves();
  const key = unsavedKey(detail.summary.id, decision, rule.id);
  // What was typed before this editor was mounted again (a reload brought a newer revision), with the revision it was typed on.
  const [kept] = useState(() => unsaved.get(key) ?? null);
  const [base, setBase] = useState(kept?.revision ?? detail.summary.revision);
  const [draft, setDraft] = useState<RuleDoc>(() => (kept && parsedRule(kept.json)) || rule);
  const [json, setJson] = useState(kept?.json ?? pretty(rule));
  // The draft moved on since the text was typed: saving it would be refused (DRAFT_CONFLICT); the user chooses first.
  const stale = base !== detail.summary.revision;
  useEffect(() => {
    if (json.trim() !== pretty(rule)) unsaved.set(key, { json, revision: base });
    else unsaved.delete(key);
  }, [json, rule, base, key, unsaved]);
  const [check, setCheck] = useState<RuleCheck | null>(null);
  // The text the last check read: its preview is rendered here, naming the interpretations as the page does.
  const [checkedJson, setCheckedJson] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const seq = useRef(0);
  // The clause and quote as typed in the structured editor, checked against the terms as in the add-rule dialog.
  const quoteCheck = useQuoteCheck(detail.summary.id, draft.clause, draft.quote);
  const facts: FactOffer[] = detail.facts[decision] ?? [];
  const events = detail.eventTypes[decision] ?? [];

  // The parent keys this editor by version, revision and rule, so a new rule or a saved revision
  // mounts a fresh editor; a re-fetch of the same revision must not wipe what is being typed.

  useEffect(() => {
    const n = ++seq.current;
    const timer = setTimeout(() => {
      api.rules.checkRule({ id: detail.summary.id, revision: detail.summary.revision, decision, ruleId: rule.id, ruleJson: json }).then(
        (c) => {
          if (n === seq.current) {
            setCheck(c);
            setCheckedJson(json);
          }
        },
        (e: unknown) => onError(e),
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [api, json, detail.summary.id, detail.summary.revision, decision, rule.id, onError]);

  const fromStructured = (r: RuleDoc) => {
    setDraft(r);
    setJson(pretty(r));
  };
  const fromJson = (text: string) => {
    setJson(text);
    // Unparsable JSON: the check shows where it breaks; the structured view keeps the last good rule.
    const v = parsedRule(text);
    if (v) setDraft(v);
  };
  const discardMine = () => {
    fromStructured(rule);
    setBase(detail.summary.revision);
  };
  const errors = check?.issues.filter((i) => i.severity === 'error') ?? [];
  // The check's sentence (the server renders one for a rule it could read), with the version's interpretations
  // by their titles and values' words as the rule's card shows them; the server's own when the text cannot be read here.
  const preview = (): string | null => {
    if (!check?.sentence) return null;
    const checked = checkedJson === null ? null : parsedRule(checkedJson);
    if (checked) {
      try {
        return ruleSentence(checked, decision, lang, interpretationWords(detail.version.interpretations, lang, t));
      } catch {
        // A shape the server read but the sentence here cannot: the server's sentence below.
      }
    }
    return lang === 'ja' ? check.sentence.ja : check.sentence.en;
  };
  const changed = json.trim() !== pretty(rule);
  const save = async () => {
    setSaving(true);
    try {
      // On the revision the text was typed on: if the draft moved on, the server refuses it (DRAFT_CONFLICT) rather than lose the other change.
      const saved = await queueSave({
        versionId: detail.summary.id,
        revision: base,
        inputs: [{ key: `${t(`decision.${decision}`)}・${rule.id}`, header: t('save.field.rule'), text: shortText(json) }],
        send: (revision) => api.rules.saveRule({ id: detail.summary.id, revision, decision, ruleId: rule.id, ruleJson: json }),
        madeRevision: (d) => d.summary.revision,
      });
      unsaved.delete(key);
      onSaved(saved);
    } catch (e) {
      onError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="rule-editor" data-testid="rule-editor">
      {stale && changed && <UnsavedStaleBanner from={base} to={detail.summary.revision} by={detail.changedBy} onKeep={() => setBase(detail.summary.revision)} onDiscard={discardMine} testId="rule" />}
      <div className="rule-editor-panes">
        <div className="rule-structured">
          {/* What the rule encodes, edited here as its conditions are (not only in the JSON): the clause, and the terms' sentence quoted verbatim. */}
          <h4>{t('rules.clauseAndQuote')}</h4>
          <label className="rule-field">
            {t('ra.clause')}
            <input type="text" value={draft.clause} onChange={(e) => fromStructured({ ...draft, clause: e.target.value })} data-testid="rule-clause" />
          </label>
          <label className="rule-field">
            {t('ra.quote')}
            <textarea rows={4} value={draft.quote} onChange={(e) => fromStructured({ ...draft, quote: e.target.value })} data-testid="rule-quote" />
          </label>
          <QuoteCheckList check={quoteCheck} testId="rule-quote-check" />
          <h4>{t('rules.conditions')}</h4>
          <ConditionEditor cond={draft.conditions as Condition} facts={facts} onChange={(c) => fromStructured({ ...draft, conditions: c as RuleDoc['conditions'] })} />
          <h4>{t('rules.event')}</h4>
          <div className="cond-leaf">
            <input type="text" list="event-types" value={draft.event.type} onChange={(e) => fromStructured({ ...draft, event: { ...draft.event, type: e.target.value } })} aria-label={t('rules.eventType')} data-testid="event-type" />
            <datalist id="event-types">
              {events.map((ev) => (
                <option key={ev} value={ev} />
              ))}
            </datalist>
            <ParamsInput params={draft.event.params} label={t('ra.params')} onChange={(params) => fromStructured({ ...draft, event: params ? { ...draft.event, params } : { type: draft.event.type } })} />
          </div>
        </div>
        <label className="rule-json">
          <span>{t('rules.json')}</span>
          <textarea className="mono" spellCheck={false} value={json} onChange={(e) => fromJson(e.target.value)} data-testid="rule-json" />
        </label>
      </div>
      <div className="rule-check" data-testid="rule-check">
        {check === null ? (
          <span className="muted small">{t('rules.checking')}</span>
        ) : check.issues.length === 0 ? (
          <span className="check-ok">✓ {t('rules.valid')}</span>
        ) : (
          <ul className="check-issues">
            <RuleIssueItems issues={check.issues} />
          </ul>
        )}
        {check?.sentence && (
          <pre className="sentence sentence-preview" data-testid="rule-sentence-preview">
            {preview()}
          </pre>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={discardMine} disabled={!changed || saving} data-testid="rule-revert">
          {t('rules.revert')}
        </button>
        <button type="button" className="primary" onClick={() => void save()} disabled={!changed || saving || check === null || errors.length > 0} data-testid="rule-save">
          {t('rules.save')}
        </button>
      </div>
    </div>
  );
}

/** The event's params as JSON, applied to the rule whenever the text is a JSON object (or blank). */
function ParamsInput({ params, label, onChange }: { params: Record<string, unknown> | undefined; label: string; onChange: (p: Record<string, unknown> | undefined) => void }) {
  const [text, setText] = useState(params ? JSON.stringify(params) : '');
  const [bad, setBad] = useState(false);
  return (
    <input
      type="text"
      className={`mono${bad ? ' cell-error' : ''}`}
      aria-label={label}
      aria-invalid={bad}
      placeholder={label}
      value={text}
      data-testid="event-params"
      onChange={(e) => {
        setText(e.target.value);
        if (!e.target.value.trim()) {
          setBad(false);
          onChange(undefined);
          return;
        }
        try {
          const v = JSON.parse(e.target.value) as unknown;
          const ok = typeof v === 'object' && v !== null && !Array.isArray(v);
          setBad(!ok);
          if (ok) onChange(v as Record<string, unknown>);
        } catch {
          setBad(true);
        }
      }}
    />
  );
}
