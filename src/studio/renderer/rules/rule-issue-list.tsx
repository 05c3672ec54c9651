import type { Issue } from '../../../tariff-model/issue.js';
import { useI18n } from '../i18n/i18n-context.js';
import { ruleIssueJa } from '../i18n/rule-issue-ja.js';

/**
 * The issues of a rule (the editor's check, a quote check), each with its code: on the Japanese
 * page what is wrong and what to do in Japanese first, the English message (pointer and detail)
 * beneath it; on the English page the message alone.
 */
export function RuleIssueItems({ issues, warningClass = 'muted' }: { issues: readonly Issue[]; warningClass?: string }) {
  const { lang } = useI18n();
  return (
    <>
      {issues.map((i, n) => {
        const ja = lang === 'ja' ? ruleIssueJa(i) : undefined;
        return (
          <li key={n} className={i.severity === 'error' ? 'error-text' : warningClass} data-code={i.code}>
            <code>{i.code}</code> {ja ?? i.message}
            {ja && (
              <span className="error-detail small" lang="en" data-testid="rule-issue-detail">
                {' '}
                {i.message}
              </span>
            )}
          </li>
        );
      })}
    </>
  );
}
