import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { BRIDGE_GLOBAL } from '../../api/bridge.js';
import { teamSession } from '../transport/team-session.js';
import { LoginPage } from './login-page.js';
import { TeamProvider, type TeamUserView } from './team-context.js';

/**
 * Decides what the page is: the desktop app (the preload bridge) or `--web` (no auth/session
 * route) render the studio as before; a team server shows the login page until the user is
 * signed in, and again when the session ends.
 */
type GateState = { kind: 'checking' } | { kind: 'local' } | { kind: 'login'; expired: boolean } | { kind: 'team'; me: TeamUserView };

export function TeamGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<GateState>({ kind: 'checking' });
  useEffect(() => {
    if ((window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL]) return setState({ kind: 'local' });
    let live = true;
    fetch(new URL('auth/session', window.location.href), { credentials: 'same-origin' })
      .then(async (res) => {
        const body = (await res.json().catch(() => null)) as { ok: boolean; value?: TeamUserView & { csrf: string }; error?: { code: string } } | null;
        if (!live) return;
        if (res.ok && body?.ok && body.value) {
          teamSession.csrf = body.value.csrf;
          setState({ kind: 'team', me: { name: body.value.name, role: body.value.role, expiresAt: body.value.expiresAt } });
        } else if (res.status === 401 && body?.error?.code === 'UNAUTHENTICATED') setState({ kind: 'login', expired: false });
        else setState({ kind: 'local' });
      })
      .catch(() => live && setState({ kind: 'local' }));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    teamSession.onSignedOut = () => {
      teamSession.csrf = null;
      setState((s) => (s.kind === 'team' ? { kind: 'login', expired: true } : s));
    };
    return () => {
      teamSession.onSignedOut = null;
    };
  }, []);
  const logout = useCallback(() => {
    const csrf = teamSession.csrf;
    void fetch(new URL('auth/logout', window.location.href), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(csrf ? { 'X-CSRF-Token': csrf } : {}) },
      body: '{}',
      credentials: 'same-origin',
    }).finally(() => {
      teamSession.csrf = null;
      setState({ kind: 'login', expired: false });
    });
  }, []);
  const team = useMemo(() => ({ me: state.kind === 'team' ? state.me : null, logout }), [state, logout]);
  if (state.kind === 'checking') return null;
  if (state.kind === 'login')
    return (
      <LoginPage
        expired={state.expired}
        onSignedIn={(me, csrf) => {
          teamSession.csrf = csrf;
          setState({ kind: 'team', me });
        }}
      />
    );
  return <TeamProvider value={team}>{children}</TeamProvider>;
}
