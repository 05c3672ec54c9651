import type { EditLine } from '../../api/contract.js';
import { useI18n } from '../i18n/i18n-context.js';
import { changeText } from './edit-line-text.js';

/**
 * A scenario side's edits as sentences in the page's language (edit-line-text.ts), one item per
 * edit: what it changes, from what to what. An edit over many courses shows its first few and
 * folds the rest; an edit that cannot apply says why.
 */
const SHOWN = 3;

/** A sentence whose short "3,680円 → 3,180円" is kept on one line. */
function Sentence({ text }: { text: string }) {
  const m = /^(.*?)(\S+ → \S+)$/u.exec(text);
  if (!m || m[2]!.length > 32) return <span className="scn-edit-change">{text}</span>;
  return (
    <span className="scn-edit-change">
      {m[1]}
      <span className="amounts">{m[2]}</span>
    </span>
  );
}

export function EditLineText({ line, testId }: { line: EditLine; testId?: string }) {
  const { t, yen, lang } = useI18n();
  const words = { t, yen, lang };
  const texts = line.changes.map((c) => changeText(c, words));
  return (
    <div className="scn-edit-line" data-testid={testId}>
      {line.problem !== null ? (
        <span className="scn-edit-problem" role="note">
          {t('se.problem', { problem: line.problem })}
        </span>
      ) : texts.length === 0 ? (
        <span className="muted">{t('se.noChange')}</span>
      ) : (
        <>
          {line.percent !== undefined && (
            <span className="scn-edit-percent" data-percent={line.percent}>
              {t('se.percentLead', { pct: `${line.percent > 0 ? '+' : line.percent < 0 ? '−' : ''}${Math.abs(line.percent).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 6 })}%` })}
            </span>
          )}
          {texts.slice(0, SHOWN).map((x, i) => (
            <Sentence key={i} text={x} />
          ))}
          {texts.length > SHOWN && (
            <details>
              <summary className="small">{t('se.more', { n: texts.length - SHOWN })}</summary>
              {texts.slice(SHOWN).map((x, i) => (
                <Sentence key={i} text={x} />
              ))}
            </details>
          )}
        </>
      )}
      {line.note && <span className="muted small">{t('se.note', { note: line.note })}</span>}
    </div>
  );
}

export function EditLinesView({ lines, testId }: { lines: readonly EditLine[]; testId: string }) {
  const { t } = useI18n();
  if (!lines.length)
    return (
      <p className="muted small" data-testid={testId}>
        {t('se.noEdits')}
      </p>
    );
  return (
    <ol className="scn-edit-lines" data-testid={testId}>
      {lines.map((l) => (
        <li key={l.index}>
          <EditLineText line={l} />
        </li>
      ))}
    </ol>
  );
}
