import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useLiveTick } from './live-updates.js';
import type { UserView } from '../../api/contract.js';
import { ROLES, type Role } from '../../api/roles.js';
import { useApi } from '../shell/api-context.js';
import { ErrorBanner, type ShownError } from '../shell/error-banner.js';
import { DataTable } from '../ui/data-table.js';
import { tokyoTime } from '../ui/tokyo-time.js';
import { useTeam, useTeamText } from './team-context.js';

/** The admin's page of a team server: every user with role and state; add, disable or enable, set a new password. Passwords go to the server once and are never shown. */
type TeamText = ReturnType<typeof useTeamText>;

export function UsersPage() {
  const api = useApi();
  const tt = useTeamText();
  const { me } = useTeam();
  const [users, setUsers] = useState<UserView[]>([]);
  const [error, setError] = useState<ShownError | null>(null);
  // What was done, rendered when shown (its message key and variables), so it follows a switch of language.
  const [note, setNote] = useState<((text: TeamText) => string) | null>(null);
  const [form, setForm] = useState<{ name: string; role: Role; password: string }>({ name: '', role: 'pm', password: '' });
  const [reset, setReset] = useState<{ name: string; password: string } | null>(null);
  const reload = useCallback(
    () =>
      api.team.users({}).then(
        (r) => setUsers(r.users),
        (e: unknown) => setError({ error: e }),
      ),
    [api],
  );
  // Another admin's change (live, or loaded after signing in again) is shown.
  const liveTick = useLiveTick('team');
  useEffect(() => {
    void reload();
  }, [reload, liveTick]);
  const act = async (f: () => Promise<(text: TeamText) => string>) => {
    setError(null);
    setNote(null);
    try {
      const done = await f();
      // The note shows with the list as it now is (a role or a lock told before the row shows it would contradict it).
      await reload();
      setNote(() => done);
    } catch (e) {
      setError({ error: e });
    }
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      const u = await api.team.addUser(form);
      setForm({ name: '', role: form.role, password: '' });
      return (tx: TeamText) => tx('users.added', { name: u.name });
    });
  };
  return (
    <div className="users-page" data-testid="users-page">
      <h2>{tt('users.title')}</h2>
      {error && <ErrorBanner shown={error} onClose={() => setError(null)} />}
      {note && (
        <p className="banner banner-ok" role="status" data-testid="users-note">
          {note(tt)}
        </p>
      )}
      <DataTable
        testId="users-table"
        rows={users}
        rowKey={(u) => u.name}
        rowProps={(u) => ({ 'data-testid': `user-${u.name}` })}
        columns={[
          { key: 'name', header: tt('login.name'), cell: (u) => u.name },
          {
            key: 'role',
            header: tt('users.role'),
            // Another user's role is changed here (their sessions end); one's own is not.
            cell: (u) =>
              u.name === me?.name ? (
                tt(`role.${u.role}`)
              ) : (
                <select
                  value={u.role}
                  aria-label={tt('users.roleOf', { name: u.name })}
                  data-testid={`user-role-${u.name}`}
                  onChange={(e) => {
                    const role = e.target.value as Role;
                    // Their sessions end at once: asked first (arrow keys on the list would otherwise change it at every step).
                    if (!window.confirm(tt('users.confirmRole', { name: u.name, role: tt(`role.${role}`) }))) return;
                    void act(async () => (await api.team.setUserRole({ name: u.name, role }), (tx: TeamText) => tx('users.roleNote', { name: u.name, role: tx(`role.${role}`) })));
                  }}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {tt(`role.${r}`)}
                    </option>
                  ))}
                </select>
              ),
          },
          {
            key: 'state',
            header: tt('users.state'),
            cell: (u) =>
              u.disabled
                ? tt('users.disabled')
                : u.lockedUntil && u.lockedUntil > new Date().toISOString()
                  ? tt('users.locked', { until: tokyoTime(u.lockedUntil, 'minutes') })
                  : tt('users.active'),
          },
          {
            key: 'actions',
            header: <span className="visually-hidden">{tt('users.actions')}</span>,
            cellClass: 'users-actions',
            cell: (u) => (
              <>
                {u.name !== me?.name && (
                  <button
                    type="button"
                    onClick={() => {
                      if (!u.disabled && !window.confirm(tt('users.confirmDisable', { name: u.name }))) return;
                      void act(
                        async () => (
                          await api.team.setUserDisabled({ name: u.name, disabled: !u.disabled }),
                          (tx: TeamText) => tx(u.disabled ? 'users.enabledNote' : 'users.disabledNote', { name: u.name })
                        ),
                      );
                    }}
                    data-testid={`user-toggle-${u.name}`}
                  >
                    {u.disabled ? tt('users.enable') : tt('users.disable')}
                  </button>
                )}
                <button type="button" onClick={() => setReset({ name: u.name, password: '' })} data-testid={`user-reset-${u.name}`}>
                  {tt('users.reset')}
                </button>
              </>
            ),
          },
        ]}
      />
      {reset && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void act(async () => {
              await api.team.resetPassword(reset);
              setReset(null);
              return (tx: TeamText) => tx('users.resetNote', { name: reset.name });
            });
          }}
        >
          <PasswordField
            label={tt('users.newPassword', { name: reset.name })}
            value={reset.password}
            onChange={(password) => setReset({ ...reset, password })}
            testId="reset-password"
          />
          <button type="submit" className="primary">
            {tt('users.reset')}
          </button>
        </form>
      )}
      <h3>{tt('users.add')}</h3>
      <form className="inline-form" onSubmit={add}>
        <label>
          {tt('login.name')}
          <input type="text" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required maxLength={64} data-testid="new-user-name" />
        </label>
        <label>
          {tt('users.role')}
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })} data-testid="new-user-role">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tt(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <PasswordField label={tt('login.password')} value={form.password} onChange={(password) => setForm({ ...form, password })} testId="new-user-password" />
        <button type="submit" className="primary" data-testid="new-user-add">
          {tt('users.add')}
        </button>
      </form>
      <p className="muted small">{tt('users.help')}</p>
      {/* An admin choosing a role sees what it allows (as call-roles.ts enforces it on the server). */}
      <h3>{tt('users.rolesTitle')}</h3>
      <p className="small">{tt('users.rolesLead')}</p>
      <dl className="role-list" data-testid="users-roles">
        {ROLES.map((r) => (
          <div key={r} data-role={r}>
            <dt>{tt(`role.${r}`)}</dt>
            <dd>{tt(`users.roleCan.${r}`)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** A new password, typed once: never shown, never kept after it is sent. */
function PasswordField({ label, value, onChange, testId }: { label: string; value: string; onChange: (v: string) => void; testId: string }) {
  return (
    <label>
      {label}
      <input type="password" autoComplete="new-password" value={value} onChange={(e) => onChange(e.target.value)} required data-testid={testId} />
    </label>
  );
}
