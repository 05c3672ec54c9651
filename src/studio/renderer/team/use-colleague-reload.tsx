import { useCallback, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import type { PageText } from '../shell/error-banner.js';
import { useTeam } from './team-context.js';

/** Who last changed a version and its revision, as a version's detail says them (tariff and rule versions alike). */
export type LoadedVersion = { changedBy: string | null; revision: number };

export type ColleagueReload = {
  /** Asked and not yet loaded: the page says so, and review steps wait (they would be refused as stale again). */
  reloading: boolean;
  /** 「相手の変更を読み込む」 was pressed (ErrorBanner's `onReload`). */
  ask: () => void;
  /** Another version was chosen: the reload asked for is no longer the page's news. */
  cancel: () => void;
  /** At the start of a version's load: whether it is the load a reload asked for (pass it to `loaded` or `failed`). */
  begin: () => boolean;
  /** The load of `begin` ended with the version: the note to show (whose change, which revision), or null when no reload was asked. */
  loaded: (asked: boolean, version: LoadedVersion) => PageText | null;
  /** The load of `begin` failed: the page stops saying it is loading (the error says why). */
  failed: (asked: boolean) => void;
};

/**
 * 「相手の変更を読み込む」 under a stale refusal, on a page of versions (Tariff, Rules): until the
 * version is read again the page says it is loading the colleague's change, then that it is loaded,
 * whose change it is (the signed-in user's own other save is not named) and which revision.
 */
export function useColleagueReload(): ColleagueReload {
  const { me } = useTeam();
  const [reloading, setReloading] = useState(false);
  const asked = useRef(false);
  const ask = useCallback(() => {
    asked.current = true;
    setReloading(true);
  }, []);
  const cancel = useCallback(() => {
    asked.current = false;
    setReloading(false);
  }, []);
  const begin = useCallback(() => asked.current, []);
  const myName = me?.name;
  const loaded = useCallback(
    (wasAsked: boolean, { changedBy, revision }: LoadedVersion): PageText | null => {
      if (!wasAsked) return null;
      asked.current = false;
      setReloading(false);
      const by = changedBy !== null && changedBy !== myName ? changedBy : null;
      return (tr) => (by ? tr('reload.loadedBy', { by, revision }) : tr('reload.loaded', { revision }));
    },
    [myName],
  );
  const failed = useCallback(
    (wasAsked: boolean) => {
      if (wasAsked) cancel();
    },
    [cancel],
  );
  return { reloading, ask, cancel, begin, loaded, failed };
}

/** The page's line while the colleague's change is being loaded. */
export function ReloadingNote({ reload, testId }: { reload: ColleagueReload; testId: string }) {
  const { t } = useI18n();
  if (!reload.reloading) return null;
  return (
    <div className="banner banner-info" role="status" data-testid={testId}>
      {t('reload.loading')}
    </div>
  );
}
