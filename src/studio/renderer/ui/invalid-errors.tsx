import type { FieldError } from '../../../engine/errors.js';
import { useI18n } from '../i18n/i18n-context.js';
import { invalidErrorJa, type InvalidErrorContext } from '../i18n/invalid-error-ja.js';

/**
 * The errors of an `invalid` answer (the explorer's, the engine panel's). On the Japanese page each
 * says which field (its label) and what to enter, in Japanese, from the error's code and pointer;
 * the JSON pointer and the code stay beside it, and the engine's own English message is one click
 * away (folded). An error the studio cannot say again shows the engine's message as it is.
 */
export function InvalidErrors({ errors, at, testId }: { errors: readonly FieldError[]; at: InvalidErrorContext; testId: string }) {
  const { t, lang } = useI18n();
  return (
    <ul className="check-issues invalid-errors" data-testid={testId}>
      {errors.map((e, i) => {
        const ja = lang === 'ja' ? invalidErrorJa(e, at) : undefined;
        return (
          <li key={i} className="error-text" data-testid={`${testId}-item`} data-code={e.code}>
            {ja ? (
              <>
                {ja.label !== null && <strong>{ja.label}: </strong>}
                {ja.text}
              </>
            ) : (
              e.message
            )}{' '}
            <code className="muted small" data-testid={`${testId}-pointer`}>
              {e.path || '/'}
            </code>
            {e.code && <code className="muted small"> {e.code}</code>}
            {ja && (
              <details className="small invalid-original">
                <summary>{t('invalid.original')}</summary>
                <span lang="en">{e.message}</span>
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
