import { resolve } from 'node:path';
import { parseFlags } from './parse-flags.js';
import { isRole, ROLES } from '../studio/api/roles.js';
import { checkPasswordStrength } from '../studio/team/passwords.js';
import { addUser, checkUserName, listUsers, mustFind, resetPassword, setUserDisabled, setUserRole } from '../studio/team/user-store.js';
import { backupWorkspace, checkWorkspace } from '../studio/workspace/workspace-backup.js';
import { networkFsWarning } from '../studio/workspace/network-fs.js';
import { openWorkspace } from '../studio/workspace/open-workspace.js';
import { closeWorkspace, type Workspace } from '../studio/workspace/workspace.js';
import type { Command, Io } from './main.js';
import { DEFAULT_RULES, DEFAULT_TARIFFS, ownWorkspaceHint, UsageError } from './options.js';
import { readPassword } from './read-password.js';
import { withStudioErrors } from './studio-errors.js';
import { plural } from '../io/plural.js';

/**
 * `tariff users …` (the team server's accounts) and `tariff workspace backup|check`. The users
 * commands take the workspace's writer lock: stop the team server first, or let an admin manage
 * users in the studio. Backup and check only read, so they run while the server writes.
 */
const needWorkspace = (v: string | undefined, cmd: string): string => {
  // Backup and check are for a desktop user's own workspace too; users are a team server's.
  if (!v) throw new UsageError(`tariff ${cmd} needs --workspace FILE${cmd.startsWith('workspace') ? ownWorkspaceHint() : ''}`);
  return resolve(v);
};

async function withUsers(io: Io, cmd: string, file: string, fn: (ws: Workspace) => Promise<number>): Promise<number> {
  return withStudioErrors(io, cmd, async () => {
    // The first `users add` of a new team creates its workspace from rules/ and tariffs/, as the studio would.
    const { ws } = openWorkspace(file, {
      lock: `tariff ${cmd}`,
      actor: `tariff ${cmd}`,
      ...(cmd === 'users add' ? { seed: { rulesDir: DEFAULT_RULES, tariffsDir: DEFAULT_TARIFFS } } : {}),
    });
    try {
      return await fn(ws);
    } finally {
      closeWorkspace(ws);
    }
  });
}

const one = (positionals: string[], cmd: string): string => {
  if (positionals.length !== 1) throw new UsageError(`tariff ${cmd} needs exactly one user NAME`);
  return positionals[0]!;
};

export const usersAddCommand: Command = {
  summary: 'add a user of the team server with a role (password typed at the terminal, or the first line of stdin)',
  usage: `tariff users add NAME --role ${ROLES.join('|')} --workspace FILE\n  The password is never an argument: type it (twice) or pipe it as the first line of stdin.`,
  async run(args, io) {
    const { values, positionals } = parseFlags({ args, options: { role: { type: 'string' }, workspace: { type: 'string' } }, allowPositionals: true, strict: true });
    const name = one(positionals, 'users add');
    if (!values.role || !isRole(values.role)) throw new UsageError(`tariff users add needs --role ${ROLES.join('|')}${values.role === undefined ? '' : `, got "${values.role}"`}`);
    const file = needWorkspace(values.workspace, 'users add');
    const role = values.role;
    // The name and the password are checked before the workspace is opened: a refused password
    // never leaves a new workspace behind (the first users add of a team creates it).
    let password = '';
    const refused = await withStudioErrors(io, 'users add', async () => {
      checkUserName(name);
      password = await readPassword(`Password for ${name}: `);
      checkPasswordStrength(password);
      return 0;
    });
    if (refused) return refused;
    return withUsers(io, 'users add', file, async (ws) => {
      const u = await addUser(ws, { name, role, password });
      io.out(`added ${u.name} (${u.role})`);
      return 0;
    });
  },
};

export const usersListCommand: Command = {
  summary: 'list the users of a team workspace with their role and state',
  usage: 'tariff users list --workspace FILE',
  async run(args, io) {
    const { values } = parseFlags({ args, options: { workspace: { type: 'string' } }, strict: true });
    const file = needWorkspace(values.workspace, 'users list');
    return withStudioErrors(io, 'users list', async () => {
      const { ws } = openWorkspace(file);
      try {
        const users = listUsers(ws);
        if (!users.length) io.out('no users yet: add one with tariff users add NAME --role admin --workspace FILE');
        for (const u of users)
          io.out(`${u.name}\t${u.role}\t${u.disabled ? 'disabled' : u.lockedUntil && u.lockedUntil > new Date().toISOString() ? `locked until ${u.lockedUntil}` : 'active'}`);
        return 0;
      } finally {
        closeWorkspace(ws);
      }
    });
  },
};

const toggle = (disabled: boolean): Command => ({
  summary: disabled ? 'disable a user (their sessions end at once)' : 'enable a disabled user again',
  usage: `tariff users ${disabled ? 'disable' : 'enable'} NAME --workspace FILE`,
  async run(args, io) {
    const { values, positionals } = parseFlags({ args, options: { workspace: { type: 'string' } }, allowPositionals: true, strict: true });
    const cmd = `users ${disabled ? 'disable' : 'enable'}`;
    const name = one(positionals, cmd);
    return withUsers(io, cmd, needWorkspace(values.workspace, cmd), async (ws) => {
      const u = setUserDisabled(ws, name, disabled);
      io.out(`${u.name} is ${u.disabled ? 'disabled' : 'enabled'}`);
      return 0;
    });
  },
});
export const usersDisableCommand = toggle(true);
export const usersEnableCommand = toggle(false);

export const usersSetRoleCommand: Command = {
  summary: "change a user's role (their sessions end, so it applies at once; the last enabled admin keeps the role)",
  usage: `tariff users set-role NAME --role ${ROLES.join('|')} --workspace FILE`,
  async run(args, io) {
    const { values, positionals } = parseFlags({ args, options: { workspace: { type: 'string' }, role: { type: 'string' } }, allowPositionals: true, strict: true });
    const name = one(positionals, 'users set-role');
    if (!values.role || !isRole(values.role))
      throw new UsageError(`tariff users set-role needs --role ${ROLES.join('|')}${values.role === undefined ? '' : `, got "${values.role}"`}`);
    const role = values.role;
    return withUsers(io, 'users set-role', needWorkspace(values.workspace, 'users set-role'), async (ws) => {
      const u = setUserRole(ws, name, role);
      io.out(`${u.name} is ${u.role}`);
      return 0;
    });
  },
};

export const usersResetPasswordCommand: Command = {
  summary: "set a user's password (lifts a lockout, ends their sessions)",
  usage: 'tariff users reset-password NAME --workspace FILE\n  The password is typed at the terminal (twice) or read from the first line of stdin.',
  async run(args, io) {
    const { values, positionals } = parseFlags({ args, options: { workspace: { type: 'string' } }, allowPositionals: true, strict: true });
    const name = one(positionals, 'users reset-password');
    return withUsers(io, 'users reset-password', needWorkspace(values.workspace, 'users reset-password'), async (ws) => {
      // An unknown name is said before the password is typed (twice), not after.
      mustFind(ws, name);
      const password = await readPassword(`New password for ${name}: `);
      const u = await resetPassword(ws, name, password);
      io.out(`password of ${u.name} set`);
      return 0;
    });
  },
};

export const workspaceBackupCommand: Command = {
  summary: "copy a workspace with SQLite's online backup (safe while the studio or the team server writes)",
  usage: 'tariff workspace backup --workspace FILE --out FILE\n  The copy is checked (integrity_check) and renamed into place only when complete.',
  async run(args, io) {
    const { values } = parseFlags({ args, options: { workspace: { type: 'string' }, out: { type: 'string' } }, strict: true });
    const file = needWorkspace(values.workspace, 'workspace backup');
    if (!values.out) throw new UsageError('tariff workspace backup needs --out FILE');
    const out = resolve(values.out);
    return withStudioErrors(io, 'workspace backup', async () => {
      const r = await backupWorkspace(file, out);
      io.out(`backed up ${file} to ${out} (${plural(r.pages, 'page')}, integrity ${r.check})`);
      return 0;
    });
  },
};

export const workspaceCheckCommand: Command = {
  summary: "check a workspace: SQLite's integrity_check, foreign keys and the audit log's hash chain (read-only)",
  usage: 'tariff workspace check --workspace FILE\n  Exit 0 when all hold, 1 when any fails.',
  async run(args, io) {
    const { values } = parseFlags({ args, options: { workspace: { type: 'string' } }, strict: true });
    const file = needWorkspace(values.workspace, 'workspace check');
    return withStudioErrors(io, 'workspace check', async () => {
      const warn = networkFsWarning(file);
      if (warn) io.err(warn);
      const r = checkWorkspace(file);
      const ok = r.integrity.length === 1 && r.integrity[0] === 'ok';
      io.out(`integrity_check: ${ok ? 'ok' : r.integrity.join('; ')}`);
      io.out(`foreign keys: ${r.foreignKeys === 0 ? 'ok' : `${r.foreignKeys} broken references`}`);
      io.out(`audit log: ${r.audit.ok ? `ok (${plural(r.audit.entries, 'entry', 'entries')})` : `broken at entry ${r.audit.brokenAt}: ${r.audit.reason}`}`);
      return ok && r.foreignKeys === 0 && r.audit.ok ? 0 : 1;
    });
  },
};
