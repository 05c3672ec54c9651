import { useI18n } from '../i18n/i18n-context.js';

/**
 * What an editor holding unsaved typing says when the draft moved on beneath it (someone saved it
 * meanwhile, seen after a reload): from which revision to which, and the choice of keeping the
 * typing on the current draft or discarding it. The rule and the parameter editors show it alike;
 * `testId` is the prefix of their test ids (`rule`, `pe`).
 */
export function UnsavedStaleBanner({ from, to, onKeep, onDiscard, testId }: { from: number; to: number; onKeep: () => void; onDiscard: () => void; testId: string }) {
  const { t } = useI18n();
  return (
    <div className="banner banner-warning" role="status" data-testid={`${testId}-unsaved-stale`}>
      <p>{t('rules.unsavedStale', { from, to })}</p>
      <div className="dialog-actions start">
        <button type="button" onClick={onKeep} data-testid={`${testId}-keep-mine`}>
          {t('rules.keepMine')}
        </button>
        <button type="button" onClick={onDiscard} data-testid={`${testId}-discard-mine`}>
          {t('rules.discardMine')}
        </button>
      </div>
    </div>
  );
}
