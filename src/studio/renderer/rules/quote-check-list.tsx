import type { QuoteCheck } from '../../api/contract.js';
import { useI18n } from '../i18n/i18n-context.js';
import { RuleIssueItems } from './rule-issue-list.js';

/** What the quote check found, announced as it changes: ✓ when the clause and quote hold, else each issue with its code. */
export function QuoteCheckList({ check, testId }: { check: QuoteCheck | null; testId: string }) {
  const { t } = useI18n();
  return (
    <ul className="check-issues small" data-testid={testId} aria-live="polite">
      {check && check.issues.length === 0 && <li className="check-ok">✓ {t('ra.quoteOk')}</li>}
      {check && <RuleIssueItems issues={check.issues.map((i) => ({ ...i, severity: 'error' as const }))} />}
    </ul>
  );
}
