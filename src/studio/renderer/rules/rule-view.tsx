import { ruleSentence } from '../../../engine/review/rule-sentences.js';
import { DECISIONS, type DecisionName } from '../../../engine/rule-types.js';
import type { RuleVersionDetail } from '../../api/contract.js';
import { useI18n } from '../i18n/i18n-context.js';
import { ruleTitle } from '../i18n/rule-texts.js';
import { InterpretationsSection } from './interpretation-editor.js';
import { interpretationWords } from './interpretation-words.js';
import { ParametersSection } from './parameter-editor.js';
import { RuleEditor } from './rule-editor.js';
import type { UnsavedRules } from './unsaved-rules.js';
import { AutoRegression, RuleAuthoringBar } from './rule-authoring.js';
import { TermsText } from '../ui/terms-text.js';

/** The rules of a version, decision by decision: the clause's text from the terms beside the rule, its conditions as sentences, and in a draft the editor. */
export function RuleView({
  detail,
  onChange,
  onError,
  unsaved,
  decision,
  ruleId,
  onPick,
  allInterps,
  onAllInterps,
}: {
  detail: RuleVersionDetail;
  onChange: (d: RuleVersionDetail) => void;
  onError: (e: unknown) => void;
  unsaved: UnsavedRules;
  /** The decision and rule open (the Rules page keeps them, in the address too); a rule id the version lacks opens its first rule. */
  decision: DecisionName;
  ruleId: string | null;
  onPick: (decision: DecisionName, ruleId: string | null) => void;
  /** Every named interpretation listed, not only those the decision reads. */
  allInterps: boolean;
  onAllInterps: (all: boolean) => void;
}) {
  const { t, lang } = useI18n();
  const setRuleId = (id: string | null) => onPick(decision, id);
  const file = detail.version.decisions[decision];
  const rule = file.rules.find((r) => r.id === ruleId) ?? file.rules[0]!;
  const isDraft = detail.summary.status === 'draft';
  const changed = new Set(detail.changedRules);
  return (
    <div className="rule-view">
      <nav className="rule-nav" aria-label={t('rules.decisions')}>
        <select value={decision} onChange={(e) => onPick(e.target.value as DecisionName, null)} data-testid="decision-select" aria-label={t('rules.decision')}>
          {DECISIONS.map((d) => (
            <option key={d} value={d}>
              {t(`decision.${d}`)} ({d})
            </option>
          ))}
        </select>
        <ul>
          {file.rules.map((r) => (
            <li key={r.id}>
              <button type="button" className={r.id === rule.id ? 'rule-item selected' : 'rule-item'} onClick={() => setRuleId(r.id)} data-testid={`rule-${r.id}`}>
                <span className="rule-clause">{r.clause}</span>
                {changed.has(r.id) && <span className="badge changes-badge has-changes">{t('rules.changed')}</span>}
                {r.discretionary && <span className="badge" title={t('rules.discretionary')}>{lang === 'ja' ? '任意' : 'may'}</span>}
                <span className="rule-name" data-testid="rule-title">{ruleTitle(r, lang)}</span>
              </button>
            </li>
          ))}
        </ul>
        {isDraft && <RuleAuthoringBar detail={detail} decision={decision} rule={rule} onChange={onChange} onError={onError} onSelect={setRuleId} />}
        {isDraft && <AutoRegression detail={detail} />}
      </nav>
      <div className="rule-detail">
        <div className="rule-columns">
          <section className="clause-box" data-testid="clause-text">
            <h3>
              {t('rules.clauseText')} — {rule.clause}
            </h3>
            <TermsText text={detail.clauseTexts[rule.clause] ?? t('rules.noClauseText')} />
            {(rule.alsoCites ?? []).map((c) => (
              <details key={c}>
                <summary>{c}</summary>
                <TermsText text={detail.clauseTexts[c] ?? t('rules.noClauseText')} />
              </details>
            ))}
          </section>
          <section className="rule-box">
            <h3>
              <span data-testid="rule-card-title">{ruleTitle(rule, lang)}</span> <code className="muted small">{rule.id}</code>
            </h3>
            <blockquote className="quote">{rule.quote}</blockquote>
            {rule.discretionary && <p className="muted small" data-testid="rule-discretionary">{t('rules.discretionary')}</p>}
            <pre className="sentence" data-testid="rule-sentence">{ruleSentence(rule, decision, lang, interpretationWords(detail.version.interpretations, lang, t))}</pre>
            {!isDraft && (
              <details>
                <summary>{t('rules.json')}</summary>
                <pre className="mono json-view">{JSON.stringify(rule, null, 2)}</pre>
              </details>
            )}
          </section>
        </div>
        {isDraft && <RuleEditor key={`${detail.summary.id}-${rule.id}-${detail.summary.revision}`} detail={detail} decision={decision} rule={rule} onSaved={onChange} onError={onError} unsaved={unsaved} />}
        <ParametersSection detail={detail} decision={decision} onChange={onChange} onError={onError} unsaved={unsaved} />
        <InterpretationsSection detail={detail} decision={decision} showAll={allInterps} onShowAll={onAllInterps} onChange={onChange} onError={onError} />
      </div>
    </div>
  );
}
