import { useLive } from './live-updates.js';
import { useTeamText } from './team-context.js';

/** Under a stale-save refusal (DRAFT_CONFLICT) or a stale approval (REVIEW_STALE): load the colleague's changes; nothing of theirs is overwritten. */
export function ConflictReload({ onDone }: { onDone: () => void }) {
  const { reloadAll } = useLive();
  const tt = useTeamText();
  return (
    <button
      type="button"
      className="primary"
      onClick={() => {
        reloadAll();
        onDone();
      }}
      data-testid="conflict-reload"
    >
      {tt('conflict.reload')}
    </button>
  );
}
