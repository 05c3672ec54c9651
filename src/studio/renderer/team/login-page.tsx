import { useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import type { TeamUserView } from './team-context.js';
import { tokyoTime } from '../ui/tokyo-time.js';
import { useTeamText } from './team-context.js';
import type { TeamMessageKey } from '../i18n/team-messages.js';

type SignedIn = (user: TeamUserView, csrf: string) => void;

/** The team server's login page (ja/en). The password goes to auth/login once and is never kept. */
export function LoginPage({ onSignedIn }: { onSignedIn: SignedIn }) {
  return (
    <div className="login-page" data-testid="login-page">
      <LoginForm onSignedIn={onSignedIn} />
    </div>
  );
}

/** The sign-in form: of the login page, and of the dialog shown when a session ends with the studio open (`initialName`, `note` above the fields). */
export function LoginForm({ onSignedIn, initialName = '', note, headingId }: { onSignedIn: SignedIn; initialName?: string; note?: ReactNode; headingId?: string }) {
  const { t, lang, setLang } = useI18n();
  const tt = useTeamText();
  const [name, setName] = useState(initialName);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  // The refusal's message key and variables: rendered when shown, so a switch of language rewrites it.
  const [error, setError] = useState<{ key: TeamMessageKey; vars: Record<string, string> } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(new URL('auth/login', window.location.href), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name, password }),
        credentials: 'same-origin',
      });
      const body = (await res.json()) as { ok: true; value: TeamUserView & { csrf: string } } | { ok: false; error: { code: string; message: string } };
      if (body.ok) {
        setPassword('');
        onSignedIn({ name: body.value.name, role: body.value.role, expiresAt: body.value.expiresAt }, body.value.csrf);
        return;
      }
      const code = body.error.code;
      const lockedUntil = /until (\d{4}-\d\d-\d\dT[\d:.]+Z)/u.exec(body.error.message)?.[1];
      const until = lockedUntil ? tokyoTime(lockedUntil, 'minutes') : '';
      setError(
        code === 'LOGIN_FAILED' || code === 'ACCOUNT_LOCKED' || code === 'LOGIN_RATE_LIMITED'
          ? { key: `login.${code}`, vars: { until } }
          : { key: 'login.other', vars: { message: body.error.message } },
      );
    } catch {
      // No answer (the server stopped, a proxy's error page): the browser's own English ("Failed to fetch") names nothing more.
      setError({ key: 'login.unreachable', vars: {} });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="login-card" onSubmit={(e) => void submit(e)}>
      <div className="login-head">
        <h1 id={headingId}>{tt('login.title')}</h1>
        <button type="button" className="lang-switch" onClick={() => setLang(lang === 'ja' ? 'en' : 'ja')} data-testid="lang-switch">
          {t('lang.switch')}
        </button>
      </div>
      {note ?? <p className="muted">{tt('login.lead')}</p>}
      <label>
        {tt('login.name')}
        <input
          type="text"
          autoComplete="username"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={64}
          data-testid="login-name"
          autoFocus={initialName === ''}
        />
      </label>
      <label>
        {tt('login.password')}
        <input
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
          maxLength={1024}
          data-testid="login-password"
          autoFocus={initialName !== ''}
        />
      </label>
      {error && (
        <p className="banner banner-error" role="alert" data-testid="login-error">
          {tt(error.key, error.vars)}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy} data-testid="login-submit">
        {busy ? tt('login.busy') : tt('login.submit')}
      </button>
    </form>
  );
}
