import { useLive } from './live-updates.js';
import { useTeamText } from './team-context.js';

/** Under a stale-save refusal (DRAFT_CONFLICT) or a stale approval (REVIEW_STALE): load the colleague's changes; nothing of theirs is overwritten. `onReload`: the page's own note that the reload is under way (it says when it is done). */
export function ConflictReload({ onDone, onReload }: { onDone: () => void; onReload?: (() => void) | undefined }) {
  const { reloadAll } = useLive();
  const tt = useTeamText();
  return (
    <button
      type="button"
      className="primary"
      onClick={() => {
        onReload?.();
        reloadAll();
        onDone();
      }}
      data-testid="conflict-reload"
    >
      {tt('conflict.reload')}
    </button>
  );
}
