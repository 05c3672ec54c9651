import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchData } from '../unit/helpers.js';
import { BIN, SPEC_EXAMPLE } from './run-tariff.js';

/**
 * A device or a pipe where a JSON file is expected: a device never ends (/dev/zero filled the heap
 * until V8 aborted), and a pipe in rules/ or tariffs/ waits for a writer that never comes. Each is
 * a located error with exit 2, never a crash or a hang. A pipe given on the command line (the
 * shell's <(…)) is still read.
 */
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000 });

describe('devices and pipes where a JSON file is expected', () => {
  it('tariff decide /dev/zero: exit 2, "is a character device", not an out-of-memory abort', () => {
    const r = run(['decide', '/dev/zero']);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('tariff decide: FILE_NOT_REGULAR\n  /dev/zero: is a character device, not a file: reading it would never end. Give a case file.\n');
  });

  it('a rule or tariff file that is a named pipe (or a link to a device): exit 2 with its path, without waiting for a writer', () => {
    for (const [kind, name, make] of [
      ['tariffs', 'courses.json', (p: string) => execFileSync('mkfifo', [p])],
      ['rules', 'approval.json', (p: string) => execFileSync('ln', ['-s', '/dev/zero', p])],
    ] as const) {
      const d = scratchData();
      const file = join(d[kind], '2023-09-19', name);
      rmSync(file);
      make(file);
      const r = run(['validate', '--rules', d.rules, '--tariffs', d.tariffs]);
      expect(r.signal, name).toBeNull();
      expect(r.status, name).toBe(2);
      expect(r.stderr, name).toMatch(
        new RegExp(
          `2023-09-19/${name.replace('.', '\\.')}: is a (named pipe \\(FIFO\\)|character device), not a file: reading it (could wait forever|would never end)\\. Put the file itself here \\(git checkout -- FILE\\)\\.\\n$`,
          'u',
        ),
      );
    }
  });

  it('a case file given as a pipe (the shell’s <(…)) is still read', async () => {
    const dir = scratchData().dir;
    const fifo = join(dir, 'case.json');
    execFileSync('mkfifo', [fifo]);
    const child = spawn(process.execPath, [BIN, 'decide', fifo], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    // The writer: opens the pipe once the reader has (a blocking open on both sides).
    execFileSync('sh', ['-c', `printf '%s' "$1" > "$2"`, 'sh', JSON.stringify(SPEC_EXAMPLE), fifo]);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ outcome: 'settle', amount: 14000 });
  });

  it.each([
    ['serve', '--release', 'RELEASE', '--tokens', '/dev/zero', '--port', '0'],
    ['release', 'verify', 'RELEASE', '--public-key', '/dev/zero'],
    ['release', 'build', '--out', 'OUT', '--sign', '/dev/zero'],
    ['tariffs', 'import', '/dev/zero', '--workspace', 'WS', '--dry-run'],
    ['audit', 'verify', '--workspace', 'WS', '--since-anchor', '/dev/zero'],
  ])('tariff %s %s … with /dev/zero for a key, a token file, a workbook or an anchor file: exit 2 in words', (...args) => {
    const dir = scratchData().dir;
    const release = join(dir, 'release.json');
    const ws = join(dir, 'studio.sqlite');
    if (args.includes('RELEASE')) expect(run(['release', 'build', '--out', release]).status).toBe(0);
    if (args.includes('WS')) expect(run(['tariffs', 'export', '--version', '2023-09-19', '--workspace', ws, '--out', join(dir, 'book.xlsx')]).status).toBe(0);
    const r = run(args.map((a) => (a === 'RELEASE' ? release : a === 'WS' ? ws : a === 'OUT' ? join(dir, 'out.json') : a)));
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('/dev/zero');
    expect(r.stderr).toContain('is a device or a socket, not a file: reading it would never end; give a file here');
  });

  it('a password piped from a stream that never ends (/dev/zero) is cut at 16 KB: exit 2, no user added', () => {
    const ws = join(scratchData().dir, 'team.sqlite');
    const r = spawnSync('sh', ['-c', `"$0" "$1" users add bob --role pm --workspace "$2" < /dev/zero`, process.execPath, BIN, ws], { encoding: 'utf8', timeout: 30_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('tariff users add: the first line of stdin is longer than 16,384 bytes: pipe the password alone, as one line');
  });
});
