import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupWorkspace, checkWorkspace } from '../../src/studio/workspace/workspace-backup.js';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { StudioError } from '../../src/tariff-model/studio-error.js';
import { startTeamStudio } from '../../src/studio/server/team-mode.js';
import { createLoginService, DEFAULT_LOGIN_POLICY } from '../../src/studio/team/login.js';
import { hashPassword, verifyPassword } from '../../src/studio/team/passwords.js';
import { addUser, listUsers } from '../../src/studio/team/user-store.js';
import { anchorFileOf } from '../../src/studio/workspace/audit-anchor.js';
import { ERROR_ADVICE_JA } from '../../src/studio/renderer/i18n/error-advice.js';
import { teamJa } from '../../src/studio/renderer/i18n/team-messages.js';
import { listAudit } from '../../src/studio/workspace/audit-log.js';
import { fsTypeOf, isNetworkFs, networkFsWarning, parseMounts } from '../../src/studio/workspace/network-fs.js';
import { openWorkspace } from '../../src/studio/workspace/open-workspace.js';
import { createTariffDraft, saveTariffDraft } from '../../src/studio/workspace/tariff-store.js';
import { lockFileOf } from '../../src/studio/workspace/workspace-lock.js';
import { closeWorkspace } from '../../src/studio/workspace/workspace.js';
import { freshWorkspace, KIM_PASSWORD, scratch, SEED, teamServerOn, workspaceWithKim } from './helpers.js';

describe('one writer per workspace', () => {
  it('refuses a second studio on the same workspace with who holds it, and frees it on close', () => {
    const file = join(scratch('lock-'), 'ws.sqlite');
    const a = openWorkspace(file, { seed: SEED, lock: 'the team server (tariff studio --serve)' });
    try {
      let err: StudioError | undefined;
      try {
        openWorkspace(file, { lock: 'the desktop studio' });
      } catch (e) {
        err = e as StudioError;
      }
      expect(err?.code).toBe('WORKSPACE_LOCKED');
      expect(err?.message).toContain(`is already open for writing by the team server (tariff studio --serve) (pid ${process.pid} on `);
      expect(err?.hint).toContain('tariff studio --serve');
      // Readers need no lock.
      expect(checkWorkspace(file).integrity).toEqual(['ok']);
    } finally {
      closeWorkspace(a.ws);
    }
    expect(existsSync(lockFileOf(file))).toBe(false);
    const b = openWorkspace(file, { lock: 'the desktop studio' });
    closeWorkspace(b.ws);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const file = join(scratch('lock-'), 'ws.sqlite');
    closeWorkspace(openWorkspace(file, { seed: SEED }).ws);
    const dead = spawn(process.execPath, ['-e', '0']);
    const pid = dead.pid!;
    await new Promise((r) => dead.once('exit', r));
    writeFileSync(lockFileOf(file), JSON.stringify({ pid, host: (await import('node:os')).hostname(), purpose: 'a crashed studio', since: '2025-01-01T00:00:00Z' }));
    const { ws } = openWorkspace(file, { lock: 'the desktop studio' });
    closeWorkspace(ws);
  });

  it('detects a workspace on a network file system from the mount table', () => {
    const mounts = parseMounts('/dev/sda1 / ext4 rw 0 0\nserver:/export /mnt/shared nfs4 rw 0 0\n//nas/team /mnt/smb cifs rw 0 0\n');
    expect(fsTypeOf('/mnt/shared/studio', mounts)).toBe('nfs4');
    expect(fsTypeOf('/mnt/sharedx', mounts)).toBe('ext4');
    expect(isNetworkFs(fsTypeOf('/mnt/smb/a', mounts))).toBe(true);
    expect(isNetworkFs(fsTypeOf('/home/me', mounts))).toBe(false);
    const dir = scratch('mounts-');
    const table = join(dir, 'mounts');
    writeFileSync(table, `/dev/sda1 / ext4 rw 0 0\nserver:/export ${dir} nfs rw 0 0\n`);
    expect(networkFsWarning(join(dir, 'ws.sqlite'), table)).toMatch(/is on a network file system \(nfs\)\. SQLite's locks are not reliable there/u);
    writeFileSync(table, '/dev/sda1 / ext4 rw 0 0\n');
    expect(networkFsWarning(join(dir, 'ws.sqlite'), table)).toBeUndefined();
  });
});

describe('backup and check', () => {
  it('backs up a workspace while it is being written, into a copy that passes the integrity check', async () => {
    const ws = freshWorkspace();
    let draft = createTariffDraft(ws, { from: 1, effective: '2030-05-01', title: 'busy' });
    let writes = 0;
    let stop = false;
    const writer = (async () => {
      while (!stop && writes < 200) {
        draft = saveTariffDraft(ws, { id: draft.id, revision: draft.revision, version: draft.version, action: 'tariff.draft.edited', before: null, after: { n: writes } });
        writes++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const out = join(scratch('backup-'), 'copy.sqlite');
    const r = await backupWorkspace(ws.file, out);
    stop = true;
    await writer;
    expect(r.check).toBe('ok');
    expect(writes).toBeGreaterThan(0);
    const check = checkWorkspace(out);
    expect(check).toMatchObject({ integrity: ['ok'], foreignKeys: 0, audit: { ok: true } });
    const copy = openWorkspace(out);
    try {
      const n = (copy.ws.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'tariff.draft.edited'").get() as { n: number }).n;
      const rev = (copy.ws.db.prepare('SELECT revision FROM tariff_versions WHERE id = ?').get(draft.id) as { revision: number }).revision;
      // A consistent snapshot: the draft's revision matches the edits the audit saw.
      expect(rev).toBe(n + 1);
    } finally {
      closeWorkspace(copy.ws);
    }
  });

  it('a damaged workspace: check and backup say to keep the file and open a checked copy of a backup, never to replace it', async () => {
    const ws = freshWorkspace();
    closeWorkspace(ws);
    const damaged = join(scratch('damaged-'), 'ws.sqlite');
    writeFileSync(damaged, readFileSync(ws.file).subarray(0, 8192));
    const attempts: (() => unknown)[] = [() => checkWorkspace(damaged), () => backupWorkspace(damaged, join(scratch('backup-'), 'copy.sqlite'))];
    for (const attempt of attempts) {
      const err = await Promise.resolve()
        .then(attempt)
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(err).toMatchObject({ code: 'WORKSPACE_CORRUPT', hint: expect.stringMatching(/^Keep this file \(do not delete or replace it: it holds the saved work\)/u) });
    }
  });

  it('refuses to back up over the workspace itself', async () => {
    const ws = freshWorkspace();
    await expect(backupWorkspace(ws.file, ws.file)).rejects.toMatchObject({ code: 'BACKUP_OVER_SOURCE' });
  });

  it('refuses to back up over another workspace in use, or a file that is no workspace, and leaves it whole; replaces an older backup', async () => {
    const ws = freshWorkspace();
    // Another workspace the studio uses (its FILE.anchors beside it): its saved work would be lost,
    // and its anchors would then call its audit log rewritten.
    const other = freshWorkspace();
    closeWorkspace(other);
    expect(existsSync(anchorFileOf(other.file))).toBe(true);
    const before = readFileSync(other.file);
    await expect(backupWorkspace(ws.file, other.file)).rejects.toMatchObject({
      code: 'BACKUP_OVER_WORKSPACE',
      message: `${other.file} is a workspace in use (it has ${anchorFileOf(other.file)}): a backup over it would replace its saved work`,
    });
    expect(readFileSync(other.file).equals(before)).toBe(true);
    const notes = join(scratch('backup-'), 'notes.txt');
    writeFileSync(notes, 'my notes');
    await expect(backupWorkspace(ws.file, notes)).rejects.toMatchObject({ code: 'BACKUP_OVER_FILE', message: `${notes} exists and is not a workspace backup` });
    expect(readFileSync(notes, 'utf8')).toBe('my notes');
    const touched = join(scratch('backup-'), 'touched.sqlite');
    writeFileSync(touched, '');
    await expect(backupWorkspace(ws.file, touched)).resolves.toMatchObject({ check: 'ok' });
    const old = join(scratch('backup-'), 'nightly.sqlite');
    await backupWorkspace(ws.file, old);
    await expect(backupWorkspace(ws.file, old)).resolves.toMatchObject({ check: 'ok' });
    expect(readdirSync(dirname(old)).sort()).toEqual(['nightly.sqlite']);
  });
});

describe('users and passwords', () => {
  it('hashes with scrypt, verifies, refuses a short password, and keeps no password in the workspace', async () => {
    const h = await hashPassword('a long enough secret');
    expect(h).toMatch(/^scrypt\$16384\$8\$5\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/u);
    expect(await verifyPassword('a long enough secret', h)).toBe(true);
    expect(await verifyPassword('a long enough secreT', h)).toBe(false);
    expect(await verifyPassword('x', 'not a hash')).toBe(false);
    await expect(hashPassword('short')).rejects.toMatchObject({ code: 'PASSWORD_TOO_SHORT' });
    const ws = freshWorkspace();
    await addUser(ws, { name: 'kato', role: 'legal', password: 'a long enough secret' });
    // The way out is named where the admin is: the studio's Users page (the CLI is refused while the server runs).
    await expect(addUser(ws, { name: 'KATO', role: 'pm', password: 'a long enough secret' })).rejects.toMatchObject({
      code: 'USER_EXISTS',
      hint: "Choose another name. To give that user a new password, use Set a new password on the studio's Users page, or `tariff users reset-password` while the team server is stopped.",
    });
    expect(ERROR_ADVICE_JA['USER_EXISTS']).toContain(`「${teamJa['users.reset']}」`);
    await expect(addUser(ws, { name: 'x y', role: 'pm', password: 'a long enough secret' })).rejects.toMatchObject({ code: 'BAD_USER_NAME' });
    await expect(addUser(ws, { name: 'ok', role: 'boss', password: 'a long enough secret' })).rejects.toMatchObject({ code: 'BAD_ROLE' });
    const dump = JSON.stringify(ws.db.prepare('SELECT * FROM users').all()) + JSON.stringify(listAudit(ws, 100));
    expect(dump).not.toContain('a long enough secret');
    expect(listUsers(ws)).toEqual([expect.objectContaining({ name: 'kato', role: 'legal', disabled: false })]);
  });

  it('`tariff users add` reads the password from stdin, never from its arguments, and `users list` shows the user', async () => {
    const file = join(scratch('cli-users-'), 'ws.sqlite');
    const run = (args: string[], stdin: string) =>
      new Promise<{ code: number; out: string; err: string }>((resolve) => {
        const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'tariff.mjs'), ...args], { cwd: PROJECT_ROOT });
        let out = '';
        let err = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (err += c.toString()));
        child.on('exit', (code) => resolve({ code: code ?? -1, out, err }));
        child.stdin.end(stdin);
      });
    const added = await run(['users', 'add', 'sato', '--role', 'finance', '--workspace', file], 'piped password 1\n');
    expect(added).toMatchObject({ code: 0, out: 'added sato (finance)\n' });
    expect(added.out + added.err).not.toContain('piped password 1');
    expect(await run(['users', 'add', 'sato2', '--role', 'finance', '--password', 'x', '--workspace', file], '')).toMatchObject({ code: 2 });
    expect((await run(['users', 'list', '--workspace', file], '')).out).toBe('sato\tfinance\tactive\n');
    // The only user is the only admin once made one, and then keeps the role.
    expect(await run(['users', 'set-role', 'sato', '--role', 'admin', '--workspace', file], '')).toMatchObject({ code: 0, out: 'sato is admin\n' });
    expect((await run(['users', 'set-role', 'sato', '--role', 'pm', '--workspace', file], '')).err).toContain(
      'LAST_ADMIN: sato is the only enabled admin: cannot change their role\n',
    );
    expect((await run(['users', 'disable', 'sato', '--workspace', file], '')).err).toContain('LAST_ADMIN: sato is the only enabled admin: cannot disable them\n');
    expect((await run(['users', 'set-role', 'sato', '--role', 'owner', '--workspace', file], '')).err).toContain('got "owner"');
    expect((await run(['workspace', 'check', '--workspace', file], '')).out).toContain('integrity_check: ok');
  }, 60_000);
});

describe('login rate limit and Secure cookies', () => {
  it('rate-limits sign-in attempts per address and logs it to the audit once', async () => {
    const ws = await workspaceWithKim();
    const server = await teamServerOn(ws, { policy: { ipAttempts: 3 } });
    try {
      const attempt = () =>
        fetch(new URL('auth/login', server.url), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: server.url.slice(0, -1) },
          body: JSON.stringify({ name: 'kim', password: 'wrong guess!!' }),
        }).then((r) => r.status);
      expect([await attempt(), await attempt(), await attempt(), await attempt(), await attempt()]).toEqual([401, 401, 401, 429, 429]);
      expect(listAudit(ws, 10).filter((e) => e.action === 'login.rate-limited')).toHaveLength(1);
      // The 429 says when to come back (the rest of the 5-minute window, in seconds).
      const limited = await fetch(new URL('auth/login', server.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: server.url.slice(0, -1) },
        body: JSON.stringify({ name: 'kim', password: 'wrong guess!!' }),
      });
      expect(limited.status).toBe(429);
      const wait = Number(limited.headers.get('retry-after'));
      expect(wait).toBeGreaterThanOrEqual(1);
      expect(wait).toBeLessThanOrEqual(300);
    } finally {
      await server.close();
    }
  });

  it('reads at most 4 KB for a sign-in, before anyone is known, and says so', async () => {
    const server = await teamServerOn(freshWorkspace());
    try {
      const r = await fetch(new URL('auth/login', server.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: server.url.slice(0, -1) },
        body: JSON.stringify({ name: 'kim', password: 'x'.repeat(5000) }),
      });
      expect(r.status).toBe(413);
      const body = (await r.json()) as { error: { code: string; message: string; hint: string } };
      expect(body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'the request is larger than the 4 KB limit of a sign-in (a user name and a password)' });
      expect(body.error.hint).not.toContain('workbook');
    } finally {
      await server.close();
    }
  });

  it('rate-limits sign-in attempts per user name too, from any address, and logs it once without echoing an unknown name', async () => {
    const ws = await workspaceWithKim();
    let now = Date.parse('2026-01-01T00:00:00Z');
    const login = createLoginService(ws, { ...DEFAULT_LOGIN_POLICY, userAttempts: 3, ipAttempts: 100, maxFailures: 100 }, () => now);
    const statuses: number[] = [];
    // Four addresses, one name: the fourth attempt on "kim" is refused whatever the address.
    for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4']) {
      const r = await login('kim', 'wrong guess!!', ip);
      statuses.push(r.ok ? 200 : r.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const refused = await login('KIM', KIM_PASSWORD, '10.0.0.9');
    expect(refused).toMatchObject({ ok: false, code: 'LOGIN_RATE_LIMITED' });
    expect(refused.ok ? '' : refused.message).toContain('for this user name');
    expect(refused).toMatchObject({ retryAfterSeconds: 300, message: 'too many login attempts for this user name; wait 5 minutes and try again' });
    // Another name is not affected; an unknown name is limited too, and the audit does not repeat it.
    expect(await login('nobody', 'x', '10.0.0.1')).toMatchObject({ status: 401 });
    for (let i = 0; i < 4; i++) await login('my secret password', 'x', '10.0.0.5');
    const limited = listAudit(ws, 20).filter((e) => e.action === 'login.rate-limited');
    expect(limited.map((e) => e.target).sort()).toEqual(['user:(no such user)', 'user:kim']);
    expect(JSON.stringify(listAudit(ws, 50))).not.toContain('my secret password');
    // After the window the name may try again.
    now += DEFAULT_LOGIN_POLICY.ipWindowMinutes * 60_000 + 1;
    expect(await login('kim', KIM_PASSWORD, '10.0.0.1')).toMatchObject({ ok: true });
  });

  it('marks the cookie Secure (and __Host-) when the studio is reached over https behind a proxy', async () => {
    const server = await teamServerOn(await workspaceWithKim(), { origins: ['https://studio.example.com'] });
    try {
      const send = (host: string) =>
        new Promise<{ status: number; cookie: string | undefined }>((resolve, reject) => {
          const req = request(
            new URL('auth/login', server.url),
            { method: 'POST', headers: { Host: host, Origin: 'https://studio.example.com', 'Content-Type': 'application/json' } },
            (res) => {
              res.resume();
              resolve({ status: res.statusCode ?? 0, cookie: res.headers['set-cookie']?.[0] });
            },
          );
          req.on('error', reject);
          req.end(JSON.stringify({ name: 'kim', password: KIM_PASSWORD }));
        });
      const r = await send('studio.example.com');
      expect(r.status).toBe(200);
      expect(r.cookie).toMatch(/^__Host-tariff_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/u);
      expect((await send('evil.example')).status).toBe(403);
      expect((await send(`studio.example.com.evil.example`)).status).toBe(403);
    } finally {
      await server.close();
    }
  });
});

describe('the team studio as started by the CLI', () => {
  it('confines case folders to cases/ beside the workspace by default, created at start', async () => {
    const dir = scratch('team-');
    const team = await startTeamStudio({ workspace: join(dir, 'ws.sqlite'), seed: SEED, host: '127.0.0.1', port: 0, staticDir: dir });
    try {
      expect(team.caseRoots).toEqual([join(dir, 'cases')]);
      expect(existsSync(join(dir, 'cases'))).toBe(true);
    } finally {
      await team.stop();
    }
  });

  it('creates the workspace (and its -wal, -shm, backups) readable by its owner only, and tightens one created readable by all', async () => {
    const dir = scratch('private-');
    const file = join(dir, 'ws.sqlite');
    const team = await startTeamStudio({ workspace: file, seed: SEED, host: '127.0.0.1', port: 0, staticDir: dir });
    try {
      await addUser(team.ws, { name: 'kim', role: 'pm', password: 'a long enough secret' });
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect((statSync(f).mode & 0o777).toString(8), f).toBe('600');
      await backupWorkspace(file, join(dir, 'copy.sqlite'));
      expect((statSync(join(dir, 'copy.sqlite')).mode & 0o777).toString(8)).toBe('600');
    } finally {
      await team.stop();
    }
    // A workspace an earlier version left readable by all is made private when the team server opens it.
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o644);
    const again = await startTeamStudio({ workspace: file, seed: SEED, host: '127.0.0.1', port: 0, staticDir: dir });
    try {
      expect(again.warnings).toEqual([]);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) expect((statSync(f).mode & 0o777).toString(8), f).toBe('600');
    } finally {
      await again.stop();
    }
  });
});
