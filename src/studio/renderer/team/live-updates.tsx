import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTeam, useTeamText } from './team-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import { liveAction } from './live-actions.js';
import { onSignedInAgain, seenAt, waitForSignIn } from '../transport/team-session.js';
import { useApi } from '../shell/api-context.js';
import { tokyoTime } from '../ui/tokyo-time.js';

/**
 * Live updates on a team server: one EventSource on `events`; a change made by someone else
 * bumps its domain's counter, and the pages that show that domain reload (their effects depend
 * on useLiveTick). A small note says who changed what. `reloadAll` is the "load their changes"
 * of a stale-save refusal. A stream the server refuses to reopen (the session ended) brings up
 * the sign-in dialog (team-gate.tsx). In the desktop app and --web nothing is opened.
 */
type Change = { call: string; domain: string; id: number | null; by: string; at: string };
/** What the page loaded after the same user signed in again: the changes others made while the session was over (from the audit log). */
type Resume = { since: string | null; count: number; by: string[] } | null;
type Live = { ticks: Record<string, number>; last: Change | null; resume: Resume; reloadAll: () => void; dismiss: () => void };

const LiveContext = createContext<Live>({ ticks: {}, last: null, resume: null, reloadAll: () => undefined, dismiss: () => undefined });

/** Audit actions that change nothing a page shows. */
const NOT_CHANGES = new Set(['login', 'logout', 'login.locked', 'login.rate-limited']);

/** Domains whose pages also reload on a change of another domain (a workbook import makes a tariff draft; a tariff review step may approve rules too; rule authoring edits a rule draft). */
const ALSO: Record<string, string[]> = { workbook: ['tariffs'], lifecycle: ['tariffs', 'rules'], authoring: ['rules'] };

export function LiveProvider({ children }: { children: ReactNode }) {
  const { me } = useTeam();
  const [ticks, setTicks] = useState<Record<string, number>>({});
  const [last, setLast] = useState<Change | null>(null);
  const [resume, setResume] = useState<Resume>(null);
  const api = useApi();
  // Signed in again as the same user: no live event reached this page while the session was over
  // (the server drops the stream of an ended session), so every page reloads what it shows from the
  // server, once the changes that waited for the sign-in are saved (or refused as stale: the page
  // says so, with who changed the draft). A note says what others changed meanwhile.
  useEffect(
    () =>
      onSignedInAgain(({ outcome, since }) => {
        if (outcome !== 'same') return;
        setTicks((t) => ({ ...t, all: (t['all'] ?? 0) + 1 }));
        setLast(null);
        setResume({ since, count: 0, by: [] });
        api.audit.list({ limit: 1000 }).then(
          ({ entries }) => {
            const missed = entries.filter((e) => (since === null || e.at > since) && e.actor !== me?.name && !NOT_CHANGES.has(e.action));
            setResume({ since, count: missed.length, by: [...new Set(missed.map((e) => e.actor))] });
          },
          () => undefined,
        );
      }),
    [api, me?.name],
  );
  useEffect(() => {
    if (!me) return;
    const source = new EventSource(new URL('events', window.location.href));
    source.addEventListener('change', (ev) => {
      const c = JSON.parse((ev as MessageEvent<string>).data) as Change;
      seenAt(c.at);
      if (c.by === me.name) return;
      setTicks((t) => {
        const next = { ...t };
        for (const d of [c.domain, ...(ALSO[c.domain] ?? [])]) next[d] = (next[d] ?? 0) + 1;
        return next;
      });
      setLast(c);
    });
    // The server ends the stream of a session that ended (an admin disabled the user, changed their
    // role or set a new password; or it expired) and refuses to reopen it: the page says so now,
    // not at the user's next click.
    let closed = false;
    source.addEventListener('error', () => {
      if (closed || source.readyState !== EventSource.CLOSED) return;
      void fetch(new URL('auth/session', window.location.href), { credentials: 'same-origin' }).then(
        (res) => {
          if (!closed && res.status === 401) void waitForSignIn(false);
        },
        () => undefined,
      );
    });
    return () => {
      closed = true;
      source.close();
    };
  }, [me]);
  const reloadAll = useCallback(() => setTicks((t) => ({ ...t, all: (t['all'] ?? 0) + 1 })), []);
  const dismiss = useCallback(() => {
    setLast(null);
    setResume(null);
  }, []);
  const value = useMemo(() => ({ ticks, last, resume, reloadAll, dismiss }), [ticks, last, resume, reloadAll, dismiss]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export const useLive = (): Live => useContext(LiveContext);

/** A number that changes when someone else changed `domain` (or a reload of everything was asked): put it in a loading effect's dependencies. */
export function useLiveTick(domain: string): number {
  const { ticks } = useContext(LiveContext);
  return (ticks[domain] ?? 0) + (ticks['all'] ?? 0);
}

/** The "changed by …" note under the header. */
export function LiveNote() {
  const { last, resume, dismiss } = useLive();
  const tt = useTeamText();
  const { lang, t } = useI18n();
  if (resume && !last) {
    const since = resume.since ? tokyoTime(resume.since) : '—';
    return (
      <div className="banner banner-info live-note" role="status" data-testid="resume-note">
        {resume.count > 0 ? tt('resume.changes', { n: resume.count, by: resume.by.join(lang === 'ja' ? '、' : ', '), since }) : tt('resume.none', { since })}
        <button type="button" className="banner-close" onClick={dismiss} aria-label={t('action.close')}>
          ×
        </button>
      </div>
    );
  }
  if (!last) return null;
  // Japan time, as every other time of the studio (the browser's own zone may be another).
  const time = tokyoTime(last.at).slice('2026-01-01 '.length);
  return (
    <div className="banner banner-info live-note" role="status" data-testid="live-note">
      {tt('live.changed', { by: last.by, what: `${liveAction(last.call, lang)}${last.id !== null ? ` #${last.id}` : ''}`, time })}
      <button type="button" className="banner-close" onClick={dismiss} aria-label={t('action.close')}>
        ×
      </button>
    </div>
  );
}

/** The signed-in user and the sign-out button, in the header. */
export function TeamBadge() {
  const { me, logout } = useTeam();
  const tt = useTeamText();
  if (!me) return null;
  return (
    <span className="team-badge" data-testid="team-badge">
      {tt('team.signedIn', { name: me.name, role: tt(`role.${me.role}`) })}
      <button type="button" onClick={logout} data-testid="logout">
        {tt('team.logout')}
      </button>
    </span>
  );
}
