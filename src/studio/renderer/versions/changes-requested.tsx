import { useEffect, useState } from 'react';
import type { VersionSummary } from '../../api/contract.js';
import type { ReviewStepView } from '../../api/contract/shared.js';
import { useApi } from '../shell/api-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import { tokyoTime } from '../ui/tokyo-time.js';

/**
 * Above a draft that a reviewer sent back (lifecycle.requestTariffChanges, rules.requestChanges):
 * who asked, when (Japan time), what must change, and what to do next. Gone once it is submitted
 * again (the request stays in the review history). A rule version's detail carries its review
 * steps (`steps`); a tariff version's are fetched (lifecycle.reviewSteps).
 */
export function ChangesRequested({
  summary,
  steps,
  testId = 'tr-changes-requested',
}: {
  summary: Pick<VersionSummary, 'id' | 'status' | 'revision'>;
  steps?: readonly ReviewStepView[];
  testId?: string;
}) {
  const api = useApi();
  const { t } = useI18n();
  const [fetched, setLast] = useState<ReviewStepView | null>(null);
  const last = steps ? (steps.at(-1) ?? null) : fetched;
  useEffect(() => {
    setLast(null);
    if (summary.status !== 'draft' || steps) return;
    let live = true;
    api.lifecycle.reviewSteps({ id: summary.id }).then(
      (r) => live && setLast(r.steps.at(-1) ?? null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, summary.id, summary.status, summary.revision, steps]);
  if (summary.status !== 'draft' || last?.step !== 'changes-requested') return null;
  return (
    <div className="banner banner-warning changes-requested" role="status" data-testid={testId}>
      <p>
        <strong>{t('tr.changesRequested', { name: last.reviewer, at: tokyoTime(last.at, 'minutes') })}</strong>
      </p>
      <p>
        {t('tr.changesRequestedWhat')} <q data-testid={`${testId}-comment`}>{last.comment}</q>
      </p>
      <p>{t('tr.changesRequestedNext')}</p>
    </div>
  );
}
