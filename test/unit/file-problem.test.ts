import { describe, expect, it } from 'vitest';
import { fileProblem } from '../../src/io/file-problem.js';

const errno = (code: string, syscall?: string, path?: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: raw node message`), { code, ...(syscall ? { syscall } : {}), ...(path ? { path } : {}) });

describe('fileProblem: one table turns a refusal of the file system into words', () => {
  it('read: the words that follow the name of the file being read', () => {
    expect(fileProblem(errno('ENOENT', 'open'), { use: 'read' })).toBe('does not exist (or is a broken symbolic link); check the path');
    expect(fileProblem(errno('ENOTDIR', 'open'), { use: 'read' })).toBe('is not there: a part of the path before it is a file, not a folder; check the path');
    expect(fileProblem(errno('EISDIR', 'read'), { use: 'read' })).toBe('is a folder, not a file; give a file here');
    expect(fileProblem(errno('ELOOP', 'stat'), { use: 'read' })).toBe('is a symbolic link that leads back to itself (a loop); remove or fix the link');
    expect(fileProblem(errno('EACCES', 'open'), { use: 'read' })).toBe('cannot be read: permission denied; check its permissions');
    expect(fileProblem(errno('EPERM', 'open'), { use: 'read' })).toBe('cannot be read: permission denied; check its permissions');
    expect(fileProblem(errno('EIO', 'read'), { use: 'read' })).toBe('cannot be read: EIO: raw node message');
  });

  it('write: why the output file a flag names cannot be created, said of its folder', () => {
    const out = { use: 'write', file: '/srv/runs/fleet.xlsx', flag: '--out' } as const;
    expect(fileProblem(errno('ENOENT', 'open'), out)).toBe('the folder /srv/runs does not exist; create it or choose another --out');
    expect(fileProblem(errno('ENOTDIR', 'open'), out)).toBe('the folder /srv/runs does not exist; create it or choose another --out');
    for (const code of ['EACCES', 'EPERM', 'EROFS'])
      expect(fileProblem(errno(code, 'open'), out)).toBe(`the folder /srv/runs cannot be written (${code}); choose a folder you may write to`);
    expect(fileProblem(errno('ENOSPC', 'open'), out)).toBe('ENOSPC: raw node message; choose another --out');
  });

  it('any: one line led by the code, naming the call and the file asked for (not the atomic write’s temporary name)', () => {
    expect(fileProblem(errno('ENOENT', 'open', '/srv/out/release.json.4242.tmp'), { use: 'any' })).toBe(
      'ENOENT: cannot open /srv/out/release.json; no such file or folder: check the path, or create the folder first',
    );
    expect(fileProblem(errno('EROFS', 'mkdir', '/mnt/ro/x'), { use: 'any' })).toBe('EROFS: cannot mkdir /mnt/ro/x; the file system is read-only: choose a path on a writable one');
    expect(fileProblem(errno('ELOOP', 'stat', '/a'), { use: 'any' })).toBe('ELOOP: cannot stat /a; check the path and try again');
  });

  it('any: an ENOENT with no system call keeps its message; anything that is not the file system’s is left alone', () => {
    expect(fileProblem(errno('ENOENT'), { use: 'any' })).toBe('ENOENT: raw node message');
    expect(fileProblem(errno('EACCES'), { use: 'any' })).toBeUndefined();
    expect(fileProblem(new Error('boom'), { use: 'any' })).toBeUndefined();
    expect(fileProblem(Object.assign(new Error('x'), { code: 'ERR_INVALID_ARG_TYPE', syscall: 'open' }), { use: 'any' })).toBeUndefined();
    expect(fileProblem({ code: 'ENOENT', syscall: 'open' }, { use: 'any' })).toBeUndefined();
    expect(fileProblem(undefined, { use: 'any' })).toBeUndefined();
  });
});
