import { useEffect, useRef, useState } from 'react';
import type { WorkspaceInfo } from '../../api/contract.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { MessageKey } from '../i18n/messages.js';
import { ExplorerPage } from '../explorer/explorer-page.js';
import { RulesPage } from '../rules/rules-page.js';
import { ScenariosPage } from '../scenarios/scenarios-page.js';
import { TariffsPage } from '../tariffs/tariffs-page.js';
import { useApi } from './api-context.js';
import { ErrorBanner, type ShownError } from './error-banner.js';
import { LiveNote, TeamBadge } from '../team/live-updates.js';
import { useTeam, useTeamText } from '../team/team-context.js';
import { UsersPage } from '../team/users-page.js';
import { ReadOnlyProvider } from './read-only-context.js';
import { confirmLeaving } from './unsaved-edits.js';
import { currentPlace, readPlace, showPlace, type Place } from './place.js';

/** The pages of the studio. Rules, Explorer and Scenarios arrive with their issues; the navigation already has their places. */
const PAGES: { id: string; label: MessageKey; ready: boolean }[] = [
  { id: 'tariffs', label: 'nav.tariffs', ready: true },
  { id: 'rules', label: 'nav.rules', ready: true },
  { id: 'explorer', label: 'nav.explorer', ready: true },
  { id: 'scenarios', label: 'nav.scenarios', ready: true },
];

export function App() {
  const api = useApi();
  const { t, lang, setLang } = useI18n();
  const [info, setInfo] = useState<WorkspaceInfo | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  // The page the address names (a reload, a shared link: shell/place.ts), else the Tariff page.
  const [page, setPage] = useState(() => {
    const named = currentPlace().page;
    return PAGES.some((p) => p.id === named) ? named : 'tariffs';
  });
  const { me } = useTeam();
  const tt = useTeamText();
  // What each page left open (the Rules page's draft, tab, decision and rule), given back when the user returns to it.
  const left = useRef(new Map<string, Place['params']>());
  // Another page unmounts this one: typed, unsaved text would be lost, so the user is asked first.
  const go = (to: string) => {
    if (to === page || !confirmLeaving(t('unsaved.leave'))) return;
    const here = currentPlace();
    if (here.page === page) left.current.set(page, here.params);
    showPlace({ page: to, params: left.current.get(to) ?? {} });
    setPage(to);
  };
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  // The address names the page open; the page adds what it selected (the Rules page: its version, tab, decision and rule).
  // The studio's first page, opened with no place named, keeps the address as it was opened (no `#tariffs`).
  useEffect(() => {
    const named = currentPlace().page;
    if (named !== page && !(named === '' && page === 'tariffs')) showPlace({ page, params: {} });
  }, [page]);
  // A link pasted into this window's address bar changes only the hash (no reload): the page it names opens afresh
  // (`visit` remounts it to read the new place), asking first when typed text would be lost; declined, the address goes back.
  const [visit, setVisit] = useState(0);
  useEffect(() => {
    const onHash = (e: HashChangeEvent) => {
      const to = currentPlace();
      if (!PAGES.some((p) => p.id === to.page)) return;
      if (!confirmLeaving(t('unsaved.leave'))) {
        showPlace(readPlace(new URL(e.oldURL).hash));
        return;
      }
      setPage(to.page);
      setVisit((v) => v + 1);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [t]);
  useEffect(() => {
    api.workspace.info({}).then(setInfo, (e: unknown) => setError({ error: e }));
  }, [api]);
  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('appTitle')}</h1>
        <span className="workspace-file" title={info?.file}>
          {t('workspace.label')}: {info ? info.file.split(/[\\/]/u).pop() : '…'}
        </span>
        <TeamBadge />
        <button type="button" className="lang-switch" onClick={() => setLang(lang === 'ja' ? 'en' : 'ja')} data-testid="lang-switch">
          {t('lang.switch')}
        </button>
      </header>
      <nav className="app-nav" aria-label={t('nav.label')}>
        {PAGES.map((p) => (
          <button
            key={p.id}
            type="button"
            className={p.id === page ? 'nav-item active' : 'nav-item'}
            disabled={!p.ready}
            aria-current={p.id === page ? 'page' : undefined}
            onClick={() => go(p.id)}
            data-testid={`nav-${p.id}`}
          >
            {t(p.label)}
            {!p.ready && <small>{t('nav.soon')}</small>}
          </button>
        ))}
        {me?.role === 'admin' && (
          <button
            type="button"
            className={page === 'users' ? 'nav-item active' : 'nav-item'}
            aria-current={page === 'users' ? 'page' : undefined}
            onClick={() => go('users')}
            data-testid="nav-users"
          >
            {tt('nav.users')}
          </button>
        )}
      </nav>
      <ReadOnlyProvider value={info?.readOnly === true}>
        <main className="app-main">
          {info?.readOnly && (
            <div className="banner banner-warning" role="status" data-testid="read-only-banner">
              <p>{t('workspace.readOnly', { file: info.file.split(/[\\/]/u).pop() ?? info.file })}</p>
            </div>
          )}
          <LiveNote />
          {error && <ErrorBanner shown={error} onClose={() => setError(null)} />}
          {info && page === 'tariffs' && <TariffsPage key={visit} info={info} />}
          {info && page === 'rules' && <RulesPage key={visit} info={info} />}
          {info && page === 'explorer' && <ExplorerPage key={visit} info={info} />}
          {info && page === 'scenarios' && <ScenariosPage key={visit} />}
          {page === 'users' && me?.role === 'admin' && <UsersPage />}
        </main>
      </ReadOnlyProvider>
    </div>
  );
}
