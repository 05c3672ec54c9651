import { dirname } from 'node:path';

/**
 * What the program was doing with a path when the file system refused, which decides how the
 * refusal is put into words:
 * - `read`: a file the user named was being read; the words follow its name ("x.json: does not exist…").
 * - `write`: the output file a flag named (`--out`) was being created; the words are about its folder.
 * - `any`: anything else (an atomic write, a workspace, a folder); a whole line led by the code
 *   ("EACCES: cannot open /x; …"), or nothing when the error is not the file system's.
 */
export type FileUse = { readonly use: 'read' } | { readonly use: 'write'; readonly file: string; readonly flag: string } | { readonly use: 'any' };

type Words = {
  /** After the file's name, when it was being read. */
  readonly read?: string;
  /** Why the output file cannot be created, from its folder, the error's code and the flag that named it. */
  readonly write?: (folder: string, code: string, flag: string) => string;
  /** The advice after `CODE: cannot SYSCALL PATH; `. */
  readonly any?: string;
};

const noFolder = (folder: string, _code: string, flag: string): string => `the folder ${folder} does not exist; create it or choose another ${flag}`;
const notWritable = (folder: string, code: string): string => `the folder ${folder} cannot be written (${code}); choose a folder you may write to`;
const MAY_NOT = 'this user may not use that path: choose another or change its permissions';

/** The one table of file-system refusals the project puts into words (codes not in it get a general phrase). */
const WORDS: Readonly<Record<string, Words>> = {
  ENOENT: { read: 'does not exist (or is a broken symbolic link); check the path', write: noFolder, any: 'no such file or folder: check the path, or create the folder first' },
  ENOTDIR: {
    read: 'is not there: a part of the path before it is a file, not a folder; check the path',
    write: noFolder,
    any: 'a part of the path is a file, not a folder: check the path',
  },
  EISDIR: { read: 'is a folder, not a file; give a file here', any: 'the path is a folder: give a file name inside it' },
  ELOOP: { read: 'is a symbolic link that leads back to itself (a loop); remove or fix the link' },
  EACCES: { read: 'cannot be read: permission denied; check its permissions', write: notWritable, any: MAY_NOT },
  EPERM: { read: 'cannot be read: permission denied; check its permissions', write: notWritable, any: MAY_NOT },
  EROFS: { write: notWritable, any: 'the file system is read-only: choose a path on a writable one' },
  ENOSPC: { any: 'the disk is full: free some space or choose another disk' },
  // Raised by readFileWithin (read-file.ts): a device or a socket, whose reading would never end.
  ENOTREGULAR: { read: 'is a device or a socket, not a file: reading it would never end; give a file here' },
};

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * A file-system error in words a user acts on, never Node's "ENOENT: …, open 'x'". For `read` and
 * `write` always a phrase (an unknown error keeps its message); for `any` a whole line, or
 * undefined when `e` is not a refusal of the file system (a bug keeps its stack).
 */
export function fileProblem(e: unknown, how: { readonly use: 'read' } | { readonly use: 'write'; readonly file: string; readonly flag: string }): string;
export function fileProblem(e: unknown, how: { readonly use: 'any' }): string | undefined;
export function fileProblem(e: unknown, how: FileUse): string | undefined {
  const { code, syscall, path } = (e ?? {}) as NodeJS.ErrnoException;
  const words = typeof code === 'string' ? WORDS[code] : undefined;
  switch (how.use) {
    case 'read':
      // EFBIG from readFileWithin carries its own words (the bound and the size).
      if (code === 'EFBIG' && typeof syscall !== 'string') return `is too large to be the file meant here (${messageOf(e)}); check the path`;
      return words?.read ?? `cannot be read: ${messageOf(e)}`;
    case 'write':
      return words?.write?.(dirname(how.file), String(code), how.flag) ?? `${messageOf(e)}; choose another ${how.flag}`;
    case 'any': {
      if (!(e instanceof Error) || typeof code !== 'string' || !/^E[A-Z]+$/u.test(code)) return undefined;
      // An ENOENT not raised by a system call (no syscall to name) keeps its own message.
      if (typeof syscall !== 'string') return code === 'ENOENT' ? e.message : undefined;
      // An atomic write's temporary file (FILE.PID.tmp, FILE.tmp-PID, FILE.partial-PID, FILE.writing-PID),
      // or a file inside a folder being staged (DIR.writing-PID/…), is named as the file or folder asked for.
      const shown = path?.replace(/\.(?:\d+\.tmp|tmp-\d+|partial-\d+|writing-\d+)(?:\/.*)?$/u, '');
      return `${code}: cannot ${syscall}${shown ? ` ${shown}` : ''}; ${words?.any ?? 'check the path and try again'}`;
    }
  }
}
