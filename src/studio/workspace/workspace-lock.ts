import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { StudioError } from '../../tariff-model/studio-error.js';

/**
 * One process owns a workspace for writing: the desktop studio, `--web` or the team server.
 * The owner keeps `<workspace>.lock` (created with O_EXCL) holding its pid, host and purpose;
 * a second studio is refused with who holds it. A lock left by a process that no longer runs
 * on this host is taken over. Readers (`workspace backup`, `workspace check`) take no lock:
 * SQLite's WAL lets them read while the owner writes.
 */
export type LockHolder = { pid: number; host: string; purpose: string; since: string };
export type WorkspaceLock = { file: string; release(): void };

export const lockFileOf = (workspace: string): string => `${workspace}.lock`;

/** A process that has exited but not yet been reaped by its parent (Linux: state Z or X in /proc/PID/stat) holds nothing. */
const exited = (pid: number): boolean => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return /^[ZX]/u.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return false;
  }
};

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return !exited(pid);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const readHolder = (file: string): LockHolder | undefined => {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    return typeof h.pid === 'number' && typeof h.host === 'string'
      ? { pid: h.pid, host: h.host, purpose: String(h.purpose ?? 'a studio'), since: String(h.since ?? '?') }
      : undefined;
  } catch {
    return undefined;
  }
};

export function acquireWorkspaceLock(workspace: string, purpose: string): WorkspaceLock {
  const file = lockFileOf(workspace);
  const me: LockHolder = { pid: process.pid, host: hostname(), purpose, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      try {
        writeSync(fd, JSON.stringify(me));
      } finally {
        closeSync(fd);
      }
      let released = false;
      return {
        file,
        release: () => {
          if (released) return;
          released = true;
          const h = readHolder(file);
          if (h && h.pid === me.pid && h.host === me.host) rmSync(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new StudioError('WORKSPACE_LOCK_FAILED', `cannot create the lock file ${file}: ${(e as Error).message}`, [], 'Check that the folder of the workspace is writable.');
      const h = readHolder(file);
      const stale = h === undefined ? !existsSync(file) : h.host === me.host && !alive(h.pid);
      if (stale) {
        rmSync(file, { force: true });
        continue;
      }
      const who = h ? `${h.purpose} (pid ${h.pid} on ${h.host}, since ${h.since})` : 'another process (the lock file is unreadable)';
      throw new StudioError(
        'WORKSPACE_LOCKED',
        `${workspace} is already open for writing by ${who}; a second writer could corrupt it`,
        [],
        h && h.host !== me.host
          ? `Close the studio on ${h.host}, or connect to it as a team server (tariff studio --serve). If that process no longer runs, delete ${file}.`
          : h && purpose.startsWith('tariff users') && h.purpose.includes('team server')
            ? // The users of a running team server are managed in it: an admin's Users page makes the same changes, with the same audit entries.
              `Sign in to the team server as an admin and do it on its Users page (ユーザー), or stop the server first. To read it meanwhile, use tariff workspace backup.`
            : `Close that studio first, or work on the same workspace together through a team server (tariff studio --serve, see docs/team.md). To read it meanwhile, use tariff workspace backup.`,
      );
    }
  }
  throw new StudioError('WORKSPACE_LOCKED', `${workspace} is locked (${file}) and the lock could not be taken over`, [], `Delete ${file} if no studio uses the workspace.`);
}
