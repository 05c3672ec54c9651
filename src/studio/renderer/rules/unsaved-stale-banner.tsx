import { useI18n } from '../i18n/i18n-context.js';
import { useTeam } from '../team/team-context.js';

/**
 * What an editor holding unsaved typing says when the draft moved on beneath it (someone saved it
 * meanwhile, seen after a reload): from which revision to which, and the choice of keeping the
 * typing on the current draft or discarding it. The rule and the parameter editors show it alike;
 * `testId` is the prefix of their test ids (`rule`, `pe`). `by`: who made the draft's latest change
 * (RuleVersionDetail.changedBy): on a team server a colleague is named, and the signed-in user's
 * own save (another tab or window) is said to be theirs; with no team server, the other save is said
 * to come from another window or tab on the workspace, or a tariff command (not "someone else").
 */
export function UnsavedStaleBanner({
  from,
  to,
  by,
  onKeep,
  onDiscard,
  testId,
}: {
  from: number;
  to: number;
  by: string | null;
  onKeep: () => void;
  onDiscard: () => void;
  testId: string;
}) {
  const { t } = useI18n();
  const { me } = useTeam();
  // Without a team server (the desktop app, --web) there is no one else: the other save came from another window or tab on the same workspace, or a tariff command.
  const text = !me
    ? t('rules.unsavedStaleLocal', { from, to })
    : by === null
      ? t('rules.unsavedStale', { from, to })
      : by === me.name
        ? t('rules.unsavedStaleMine', { from, to })
        : t('rules.unsavedStaleBy', { by, from, to });
  return (
    <div className="banner banner-warning" role="status" data-testid={`${testId}-unsaved-stale`}>
      <p>{text}</p>
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
