import { Fragment, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { BRIDGE_GLOBAL, type LocalSession } from '../../api/bridge.js';
import { signedInAgain, teamSession } from '../transport/team-session.js';
import { LoginPage } from './login-page.js';
import { ServerWaitingNote } from './server-waiting-note.js';
import { SessionEndedDialog } from './session-ended-dialog.js';
import { TeamProvider, type TeamUserView } from './team-context.js';

/**
 * Decides what the page is: the desktop app (the preload bridge) or `--web` (its auth/session
 * answers LocalSession: no sign-in) render the studio as before; a team server shows the login page until the user is
 * signed in. When the session ends while the studio is open (it expired, or an admin disabled
 * the user, changed their role or set a new password), the studio stays as it is beneath a
 * sign-in dialog: what was typed is kept, and the calls refused meanwhile are sent again once
 * the same user signed in (team-session.ts). Someone else signing in there gets a fresh studio.
 * While the server does not answer (a restart), a note says the calls made meanwhile wait.
 */
type GateState = { kind: 'checking' } | { kind: 'local' } | { kind: 'login' } | { kind: 'team'; me: TeamUserView; ended: boolean };

export function TeamGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<GateState>({ kind: 'checking' });
  useEffect(() => {
    if ((window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL]) return setState({ kind: 'local' });
    let live = true;
    fetch(new URL('auth/session', window.location.href), { credentials: 'same-origin' })
      .then(async (res) => {
        const body = (await res.json().catch(() => null)) as { ok: boolean; value?: (TeamUserView & { csrf: string }) | LocalSession; error?: { code: string } } | null;
        if (!live) return;
        if (res.ok && body?.ok && body.value && !('signIn' in body.value)) {
          teamSession.csrf = body.value.csrf;
          setState({ kind: 'team', me: { name: body.value.name, role: body.value.role, expiresAt: body.value.expiresAt }, ended: false });
        } else if (res.status === 401 && body?.error?.code === 'UNAUTHENTICATED') setState({ kind: 'login' });
        else setState({ kind: 'local' });
      })
      .catch(() => live && setState({ kind: 'local' }));
    return () => {
      live = false;
    };
  }, []);
  const onTeam = state.kind === 'team' || state.kind === 'login';
  useEffect(() => {
    if (!onTeam) return;
    teamSession.onSignedOut = () => {
      teamSession.csrf = null;
      setState((s) => (s.kind === 'team' ? { ...s, ended: true } : s));
    };
    return () => {
      teamSession.onSignedOut = null;
    };
  }, [onTeam]);
  const logout = useCallback(() => {
    const csrf = teamSession.csrf;
    void fetch(new URL('auth/logout', window.location.href), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(csrf ? { 'X-CSRF-Token': csrf } : {}) },
      body: '{}',
      credentials: 'same-origin',
    }).finally(() => {
      teamSession.csrf = null;
      setState({ kind: 'login' });
    });
  }, []);
  const team = useMemo(() => ({ me: state.kind === 'team' ? state.me : null, logout }), [state, logout]);
  if (state.kind === 'checking') return null;
  if (state.kind === 'login')
    return (
      <LoginPage
        onSignedIn={(me, csrf) => {
          teamSession.csrf = csrf;
          setState({ kind: 'team', me, ended: false });
        }}
      />
    );
  if (state.kind === 'local') return <TeamProvider value={team}>{children}</TeamProvider>;
  const previous = state.me;
  return (
    <TeamProvider value={team}>
      {/* A new person gets a new studio: nothing of the previous user's page is shown or sent as theirs. */}
      <Fragment key={previous.name}>{children}</Fragment>
      <ServerWaitingNote />
      {state.ended && (
        <SessionEndedDialog
          previous={previous.name}
          onSignedIn={(me, csrf) => {
            teamSession.csrf = csrf;
            const same = me.name === previous.name;
            setState({ kind: 'team', me, ended: false });
            void signedInAgain(same ? 'same' : 'other');
          }}
        />
      )}
    </TeamProvider>
  );
}
