import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileProblem } from '../../src/io/file-problem.js';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { scratchFiles, tariff } from './run-tariff.js';

/** What the CLI prints for a refusal of the file system (main.ts): fileProblem's `any`. */
const fileSystemRefusal = (e: unknown): string | undefined => fileProblem(e, { use: 'any' });
const errno = (code: string, syscall: string, path?: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: x`), { code, syscall, ...(path ? { path } : {}) });

describe('tariff: what the file system refuses is one line that says what to do, never a stack', () => {
  it('names the code, the call and the file asked for (not the atomic write’s temporary name)', () => {
    expect(fileSystemRefusal(errno('EACCES', 'open', '/srv/out/release.json.4242.tmp'))).toBe(
      'EACCES: cannot open /srv/out/release.json; this user may not use that path: choose another or change its permissions',
    );
    expect(fileSystemRefusal(errno('ENOSPC', 'write'))).toBe('ENOSPC: cannot write; the disk is full: free some space or choose another disk');
    expect(fileSystemRefusal(errno('EMFILE', 'open', '/a'))).toBe('EMFILE: cannot open /a; check the path and try again');
    expect(fileSystemRefusal(errno('ENOENT', 'open', '/srv/out/b.sqlite.partial-4242'))).toBe(
      'ENOENT: cannot open /srv/out/b.sqlite; no such file or folder: check the path, or create the folder first',
    );
  });

  it('leaves any other error alone (a bug keeps its stack)', () => {
    expect(fileSystemRefusal(new Error('boom'))).toBeUndefined();
    expect(fileSystemRefusal(Object.assign(new Error('x'), { code: 'ERR_INVALID_ARG_TYPE' }))).toBeUndefined();
    expect(fileSystemRefusal('EACCES')).toBeUndefined();
  });

  it('release build into a folder no one may write (sysfs): exit 2 and one line', () => {
    const r = tariff(['release', 'build', '--rules', join(PROJECT_ROOT, 'rules'), '--tariffs', join(PROJECT_ROOT, 'tariffs'), '--out', '/sys/tariff-release.json']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
    expect(r.stderr).toMatch(/^tariff release build: E[A-Z]+: cannot open \/sys\/tariff-release\.json; /u);
  });

  it('release build into a folder that does not exist: exit 2, one line naming the file asked for, never the temporary FILE.PID.tmp', () => {
    const out = join(scratchFiles('refusal-').dir, 'no-such-folder', 'release.json');
    const r = tariff(['release', 'build', '--rules', join(PROJECT_ROOT, 'rules'), '--tariffs', join(PROJECT_ROOT, 'tariffs'), '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`tariff release build: ENOENT: cannot open ${out}; no such file or folder: check the path, or create the folder first\n`);
  });
});
