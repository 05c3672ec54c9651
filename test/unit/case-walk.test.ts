import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASE_WALK_LIMITS, listCaseFiles, type CaseWalkLimits } from '../../src/io/case-files.js';
import { expectDataLoadError } from '../data-load-error.js';
import { scratch } from '../studio/helpers.js';

/**
 * Reading a case folder is capped (folders, names, .json files, depth), reads only files (a pipe
 * or a device named *.json would wait forever) and lists a normal folder exactly as before: every
 * *.json, recursively, in name order.
 */

/** The listing of the spec (case-files.md: "a directory is read recursively, in name order"), written plainly. */
const naive = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? naive(p) : name.endsWith('.json') ? [p] : [];
    });

const mkfifo = (p: string): void => void execFileSync('mkfifo', [p]);
const LIMITS = (over: Partial<CaseWalkLimits>): CaseWalkLimits => ({ ...CASE_WALK_LIMITS, ...over });

describe('listCaseFiles: the walk of a case folder', () => {
  it('lists a normal folder as the spec reads it: every *.json, recursively, in name order (test/cases too)', () => {
    const dir = scratch('walk-');
    for (const p of ['b', 'a/z', 'a/y', 'c.d']) mkdirSync(join(dir, p), { recursive: true });
    for (const f of ['b.json', 'a.json', 'a/z/1.json', 'a/y/2.json', 'a/readme.md', 'c.d/x.json', 'B.json', 'b/ü.json', 'b/10.json', 'b/9.json']) writeFileSync(join(dir, f), '{}');
    symlinkSync(join(dir, 'a', 'y'), join(dir, 'link'));
    const got = listCaseFiles([dir]);
    expect(got).toEqual(naive(dir));
    expect(got.map((p) => p.slice(dir.length + 1))).toEqual([
      'B.json',
      'a/y/2.json',
      'a/z/1.json',
      'a.json',
      'b/10.json',
      'b/9.json',
      'b/ü.json',
      'b.json',
      'c.d/x.json',
      'link/2.json',
    ]);
    expect(listCaseFiles(['test/cases'])).toEqual(naive('test/cases'));
  });

  it.each([
    ['folders', { folders: 3 }, 'it holds more than 3 folders'],
    ['names', { entries: 5 }, 'it holds more than 5 files and folders'],
    ['.json files', { files: 2 }, 'it holds more than 2 .json files'],
    ['depth', { depth: 1 }, 'its folders nest more than 1 deep'],
  ])('refuses a folder past its limit of %s with CASE_FOLDER_TOO_LARGE naming the folder, the limit and what to do', (_what, over, words) => {
    const dir = scratch('big-');
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    mkdirSync(join(dir, 'c'));
    for (const f of ['1.json', '2.json', 'a/3.json', 'a/b/4.json', 'c/5.txt']) writeFileSync(join(dir, f), '{}');
    const e = expectDataLoadError(() => listCaseFiles([dir], LIMITS(over)));
    expect(e.code).toBe('CASE_FOLDER_TOO_LARGE');
    expect(e.errors).toHaveLength(1);
    expect(e.errors[0]!.file).toBe(dir);
    expect(e.errors[0]!.message).toMatch(
      new RegExp(
        `^is too large a folder to read for case files: ${words} \\(stopped at ${dir}/.*; every folder inside a case folder is read\\)\\. Give the folder that holds your case files \\(such as test/cases\\), not a folder above it such as / or your home folder$`,
      ),
    );
    // Within every limit, the same folder is listed.
    expect(listCaseFiles([dir], LIMITS({ folders: 4, entries: 8, files: 4, depth: 2 }))).toHaveLength(4);
  });

  it('refuses a folder holding more folders than the default limit', () => {
    const dir = scratch('many-');
    for (let i = 0; i <= CASE_WALK_LIMITS.folders; i++) mkdirSync(join(dir, `d${i}`));
    const e = expectDataLoadError(() => listCaseFiles([dir]));
    expect(e.code).toBe('CASE_FOLDER_TOO_LARGE');
    expect(e.errors[0]!.message).toContain(`it holds more than ${CASE_WALK_LIMITS.folders.toLocaleString('en')} folders`);
  });

  it('a named pipe or a device named *.json in a folder is refused, never read (it would wait forever); one not named *.json is passed over', () => {
    const dir = scratch('fifo-');
    writeFileSync(join(dir, 'a.json'), '{}');
    mkfifo(join(dir, 'pipe'));
    expect(listCaseFiles([dir])).toEqual([join(dir, 'a.json')]);
    mkdirSync(join(dir, 'sub'));
    mkfifo(join(dir, 'sub', 'p.json'));
    const e = expectDataLoadError(() => listCaseFiles([dir]));
    expect(e.code).toBe('CASE_PATH_NOT_FILE');
    expect(e.errors[0]).toMatchObject({
      file: join(dir, 'sub', 'p.json'),
      message: 'is a named pipe (FIFO), not a file: reading it could wait forever. Remove it from the case folder, or rename it so it does not end in .json',
    });
    const dev = scratch('dev-');
    symlinkSync('/dev/zero', join(dev, 'zero.json'));
    expect(expectDataLoadError(() => listCaseFiles([dev])).errors[0]!.message).toMatch(/^is a character device, not a file/);
  });

  it("a path given that is not a folder is taken as it is (a file, or a pipe such as the shell's <(…)), without reading it", () => {
    const dir = scratch('given-');
    mkfifo(join(dir, 'given.json'));
    expect(listCaseFiles([join(dir, 'given.json'), '-'])).toEqual([join(dir, 'given.json'), '-']);
  });

  it('a symbolic link loop is still CASE_PATH_LOOP', () => {
    const dir = scratch('loop-');
    writeFileSync(join(dir, 'a.json'), '{}');
    symlinkSync(dir, join(dir, 'again'));
    expect(expectDataLoadError(() => listCaseFiles([dir])).code).toBe('CASE_PATH_LOOP');
  });

  it('a dangling link or a loop of links not named *.json is no case file: passed over, as any other file (one named *.json is still refused)', () => {
    const dir = scratch('dangling-');
    writeFileSync(join(dir, 'a.json'), '{}');
    symlinkSync(join(dir, 'nowhere'), join(dir, 'README'));
    symlinkSync(join(dir, '.#b'), join(dir, '.#b'));
    expect(listCaseFiles([dir])).toEqual([join(dir, 'a.json')]);
    symlinkSync(join(dir, 'nowhere'), join(dir, 'c.json'));
    expect(expectDataLoadError(() => listCaseFiles([dir])).errors[0]).toMatchObject({ code: 'FILE_UNREADABLE', file: join(dir, 'c.json') });
  });

  it.each(['/proc', '/sys', '/'])('%s ends in a located error (a loop, an unreadable entry, or too large), never a walk of the whole disk', (root) => {
    const e = expectDataLoadError(() => listCaseFiles([root]));
    expect(['CASE_FOLDER_TOO_LARGE', 'CASE_PATH_LOOP', 'FILE_UNREADABLE', 'CASE_PATH_NOT_FILE']).toContain(e.code);
    expect(e.errors[0]!.file.startsWith(root)).toBe(true);
  });
});
