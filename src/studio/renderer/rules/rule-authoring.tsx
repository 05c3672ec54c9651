import { useEffect, useState } from 'react';
import type { DecisionName, RuleDoc } from '../../../engine/rule-types.js';
import type { RegressionView, RuleVersionDetail } from '../../api/contract.js';
import type { Saved } from '../../api/contract.js';
import { useApi } from '../shell/api-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useQuoteCheck } from './use-quote-check.js';
import { useCaseCaption } from './case-caption.js';
import { QuoteCheckList } from './quote-check-list.js';
import { Dialog } from '../ui/dialog.js';
import { TermsText } from '../ui/terms-text.js';
import { useRuleSaves } from './rule-saves.js';
import { shortText, type WaitingInput } from '../team/waiting-inputs.js';

/**
 * Rule authoring in a draft: add (template of the decision or a duplicate) with its clause and
 * a verbatim quote checked against the terms as you type and picked from the article's text;
 * delete; move up or down (priority). Each change saves at once and the draft reloads.
 */
export function RuleAuthoringBar({ detail, decision, rule, onChange, onError, onSelect }: { detail: RuleVersionDetail; decision: DecisionName; rule: RuleDoc; onChange: (d: RuleVersionDetail) => void; onError: (e: unknown) => void; onSelect: (ruleId: string) => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [adding, setAdding] = useState<'template' | 'duplicate' | null>(null);
  const { save } = useRuleSaves();
  const ref = { id: detail.summary.id, decision, ruleId: rule.id };
  // One save of the Rules page's queue (rule-saves.tsx), on the revision shown; `inputs`, what it writes that was typed.
  const run = async (f: (revision: number) => Promise<Saved>, select?: string, inputs: WaitingInput[] = []) => {
    try {
      const s = await save({ versionId: detail.summary.id, revision: detail.summary.revision, inputs, send: f, madeRevision: (r) => r.revision });
      onChange(await api.rules.get({ id: s.id }));
      if (select) onSelect(select);
    } catch (e) {
      onError(e);
    }
  };
  return (
    <div className="row-ops rule-ops" role="group" aria-label={t('ra.add')}>
      <button type="button" onClick={() => setAdding('template')} data-testid="ra-add">
        {t('ra.add')}
      </button>
      <button type="button" onClick={() => setAdding('duplicate')} data-testid="ra-duplicate">
        {t('ra.duplicate')}
      </button>
      <button type="button" onClick={() => void run((revision) => api.authoring.moveRule({ ...ref, revision, direction: 'up' }))} aria-label={t('ra.up')} title={t('ra.up')} data-testid="ra-up">
        ↑
      </button>
      <button type="button" onClick={() => void run((revision) => api.authoring.moveRule({ ...ref, revision, direction: 'down' }))} aria-label={t('ra.down')} title={t('ra.down')} data-testid="ra-down">
        ↓
      </button>
      <button type="button" className="danger" onClick={() => window.confirm(t('ra.confirmDelete', { id: rule.id })) && void run((revision) => api.authoring.deleteRule({ ...ref, revision }))} data-testid="ra-delete">
        {t('ra.delete')}
      </button>
      {adding && (
        <AddRuleDialog
          detail={detail}
          decision={decision}
          from={adding === 'duplicate' ? rule : null}
          onCancel={() => setAdding(null)}
          onAdd={(ruleId, clause, quote) =>
            void run(
              async (revision) => {
                const s = await api.authoring.addRule({ id: detail.summary.id, revision, decision, ruleId, from: adding === 'duplicate' ? rule.id : null, clause, quote });
                setAdding(null);
                return s;
              },
              ruleId.includes('/') ? ruleId : `${decision}/${ruleId}`,
              [
                { key: `${t(`decision.${decision}`)}・${ruleId}`, header: t('save.field.clause'), text: clause },
                { key: `${t(`decision.${decision}`)}・${ruleId}`, header: t('save.field.quote'), text: shortText(quote) },
              ],
            )
          }
        />
      )}
    </div>
  );
}

function AddRuleDialog({ detail, decision, from, onAdd, onCancel }: { detail: RuleVersionDetail; decision: DecisionName; from: RuleDoc | null; onAdd: (ruleId: string, clause: string, quote: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [ruleId, setRuleId] = useState(from ? `${from.id.split('/')[1] ?? 'rule'}-copy` : '');
  const [clause, setClause] = useState(from?.clause ?? '');
  const [quote, setQuote] = useState(from?.quote ?? '');
  const check = useQuoteCheck(detail.summary.id, clause, quote);
  const pick = () => {
    const sel = window.getSelection()?.toString().replace(/\s*\n\s*/gu, '') ?? '';
    if (sel.trim()) setQuote(sel.trim());
  };
  return (
    <Dialog
      title={t('ra.title')}
      testId="add-rule-dialog"
      className="add-rule"
      onCancel={onCancel}
      onSubmit={() => onAdd(ruleId, clause, quote)}
      submit={{ label: t('ra.add'), testId: 'ra-submit', disabled: !check || check.issues.length > 0 }}
    >
        <p className="small">
          {t('ra.start')}: {from ? t('ra.copyOf', { id: from.id }) : t('ra.template')} ({decision})
        </p>
        <label>
          {t('ra.id')}
          <input type="text" autoFocus required value={ruleId} onChange={(e) => setRuleId(e.target.value)} data-testid="ra-id" />
        </label>
        <label>
          {t('ra.clause')}
          <input type="text" required value={clause} onChange={(e) => setClause(e.target.value)} data-testid="ra-clause" />
        </label>
        {check?.articleText && (
          <div className="quote-picker">
            <p className="small muted" id="ra-picker-help">
              {t('ra.picker')}
            </p>
            <TermsText text={check.articleText} tabIndex={0} aria-describedby="ra-picker-help" onMouseUp={pick} onKeyUp={pick} data-testid="ra-article" />
          </div>
        )}
        <label>
          {t('ra.quote')}
          <textarea required rows={3} value={quote} onChange={(e) => setQuote(e.target.value)} data-testid="ra-quote" />
        </label>
        <QuoteCheckList check={check} testId="ra-check" />
    </Dialog>
  );
}

/** The regression of the case files, run by itself a moment after each change of the draft; which cases change answer. */
export function AutoRegression({ detail }: { detail: RuleVersionDetail }) {
  const api = useApi();
  const { t } = useI18n();
  const caption = useCaseCaption();
  const [view, setView] = useState<RegressionView | null>(null);
  const [running, setRunning] = useState(false);
  const { id, revision } = detail.summary;
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      setRunning(true);
      api.rules.regression({ id }).then(
        (v) => {
          if (live) {
            setView(v);
            setRunning(false);
          }
        },
        () => live && setRunning(false),
      );
    }, 1200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, id, revision]);
  return (
    <section className="auto-regression small" data-testid="auto-regression" aria-live="polite">
      <strong>{t('ra.auto')}</strong>{' '}
      {running && !view ? (
        <span className="muted">{t('ra.autoRunning')}</span>
      ) : view ? (
        <>
          <span data-testid="auto-regression-result">{t('ra.autoResult', { total: view.total, changed: view.changed.length, failing: view.failing.length })}</span>
          {running && <span className="muted"> · {t('ra.autoRunning')}</span>}
          <ul className="case-list" tabIndex={0} aria-label={t('tr.regression')}>
            {view.changed.slice(0, 20).map((c) => (
              <li key={`${c.file}#${c.index}`} title={c.name}>
                {c.file.split('/').pop()} › {caption(c)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
