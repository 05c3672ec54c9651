import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { scratchFiles, tariff } from './run-tariff.js';

/**
 * An operator's sweep of every `tariff` command with the inputs people get wrong (docs/cli.md):
 * each refusal is one located message with a code or the command's usage, exit 2, and nothing
 * written or destroyed on the way.
 */
const PASSWORD = 'correct horse battery staple';

/** A workspace made as an operator makes one: `tariff users add` with the password on stdin. */
const newWorkspace = (dir: string, name = 'ws.sqlite'): string => {
  const file = join(dir, name);
  const r = tariff(['users', 'add', 'admin', '--role', 'admin', '--workspace', file], `${PASSWORD}\n`);
  expect(r.status, r.stderr).toBe(0);
  return file;
};

describe('tariff workspace export never replaces what is not an export', () => {
  let dir: string;
  let ws: string;
  beforeAll(() => {
    dir = scratchFiles('cli5-export-').dir;
    ws = newWorkspace(dir);
  });

  it('refuses a --rules folder of the user’s own (it would have been deleted) and leaves it whole', () => {
    const mine = join(dir, 'documents');
    mkdirSync(mine);
    writeFileSync(join(mine, 'keep.txt'), 'mine');
    const r = tariff(['workspace', 'export', '--workspace', ws, '--rules', mine, '--tariffs', join(dir, 't1')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^tariff workspace export: EXPORT_TARGET_IN_USE: --rules .*documents is a folder that holds other files and no index.json; .*Nothing was written\n/u);
    expect(r.stderr).toContain('Give a new or empty folder');
    expect(readFileSync(join(mine, 'keep.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(dir, 't1'))).toBe(false);
  });

  it('refuses a --tariffs path that is a file, and keeps the file', () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'notes');
    const r = tariff(['workspace', 'export', '--workspace', ws, '--rules', join(dir, 'r2'), '--tariffs', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('EXPORT_TARGET_IN_USE: --tariffs');
    expect(readFileSync(file, 'utf8')).toBe('notes');
  });

  it('refuses --rules and --tariffs that overlap', () => {
    const r = tariff(['workspace', 'export', '--workspace', ws, '--rules', join(dir, 'o'), '--tariffs', join(dir, 'o', 'tariffs')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('EXPORT_TARGET_OVERLAP');
  });

  it('writes new folders, and replaces folders it wrote before (index.json), with no staging folder left', () => {
    const args = ['workspace', 'export', '--workspace', ws, '--rules', join(dir, 'out', 'rules'), '--tariffs', join(dir, 'out', 'tariffs')];
    expect(tariff(args).status).toBe(0);
    const again = tariff(args);
    expect(again.status, again.stderr).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['audit-anchor.json', 'rules', 'tariffs']);
  });
});

describe('a workspace path that is not a workspace is refused with words, and left as it was', () => {
  let dir: string;
  beforeAll(() => {
    dir = scratchFiles('cli5-ws-').dir;
  });

  it('an empty file: users list, users disable and workspace check refuse it (WORKSPACE_FOREIGN) and it stays 0 bytes', () => {
    const empty = join(dir, 'empty.sqlite');
    writeFileSync(empty, '');
    for (const args of [
      ['users', 'list', '--workspace', empty],
      ['users', 'disable', 'x', '--workspace', empty],
      ['workspace', 'check', '--workspace', empty],
      ['workspace', 'backup', '--workspace', empty, '--out', join(dir, 'copy.sqlite')],
    ]) {
      const r = tariff(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`WORKSPACE_FOREIGN: ${empty} is an empty file, not a Tariff Studio workspace`);
    }
    expect(readFileSync(empty).length).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['empty.sqlite']);
  });

  it('an empty file is where users add creates the team’s workspace (as for a missing one)', () => {
    const file = join(dir, 'touched.sqlite');
    writeFileSync(file, '');
    newWorkspace(dir, 'touched.sqlite');
    expect(tariff(['workspace', 'check', '--workspace', file]).status).toBe(0);
  });

  it('a folder: one line saying so (not SQLite’s "disk I/O error"), and no backup side file', () => {
    const folder = join(dir, 'folder.sqlite');
    mkdirSync(folder);
    for (const args of [
      ['workspace', 'check', '--workspace', folder],
      ['workspace', 'backup', '--workspace', folder, '--out', join(dir, 'b.sqlite')],
      ['users', 'list', '--workspace', folder],
      ['audit', 'verify', '--workspace', folder],
    ]) {
      const r = tariff(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`WORKSPACE_UNREADABLE: ${folder} is a folder, not a workspace file`);
    }
    expect(readdirSync(dir).filter((n) => n.startsWith('b.sqlite'))).toEqual([]);
  });

  it('a file that is not SQLite: workspace check and backup say WORKSPACE_FOREIGN, and so do the commands that open it for writing', () => {
    const text = join(dir, 'notes.sqlite');
    writeFileSync(text, 'not a database, only some words that fill more than a header of one hundred bytes.'.repeat(3));
    for (const args of [
      ['workspace', 'check', '--workspace', text],
      ['workspace', 'backup', '--workspace', text, '--out', join(dir, 'c.sqlite')],
      ['users', 'list', '--workspace', text],
      ['release', 'build', '--workspace', text, '--out', join(dir, 'c.json')],
    ]) {
      const r = tariff(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`WORKSPACE_FOREIGN: ${text} is not a Tariff Studio workspace`);
    }
    expect(readdirSync(dir).filter((n) => n.startsWith('c.sqlite'))).toEqual([]);
  });
});

describe('flags: given twice, or a plain argument where none is taken', () => {
  it.each([
    [['courses', '--date', '2024-01-01', '--date', '2025-01-01'], '--date'],
    [['users', 'list', '--workspace=a.sqlite', '--workspace', 'b.sqlite'], '--workspace'],
    [['release', 'build', '--rules', 'r', '--tariffs', 't', '--out', 'a.json', '--out', 'b.json'], '--out'],
    [['test', 'x.json', '--rules', 'a', '--rules', 'b'], '--rules'],
  ])('tariff %j: refused naming %s, exit 2, before anything runs', (args, flag) => {
    const r = tariff(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^tariff ${args[0]}(?: ${args[1]})?: ${flag} is given more than once; give it once`, 'u'));
    expect(r.stderr).toContain('Usage: tariff');
    expect(r.stdout).toBe('');
  });

  it('a token given twice is refused without echoing either value', () => {
    const r = tariff(['serve', 'hash-token', 'billing', '--token', 'first-secret-token-aaaa', '--token', 'second-secret-token-bbbb']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--token is given more than once');
    expect(r.stderr + r.stdout).not.toMatch(/secret-token/u);
  });

  it('a flag without a value may repeat (test --fast --fast)', () => {
    const r = tariff(['test', '--fast', '--fast', '-'], JSON.stringify({ decision: 'surcharge', asOf: '2025-01-01', facts: { evadedAmount: 100 }, expect: { amount: 200 } }));
    expect(r.stdout).toBe('1 passed, 0 failed\n');
    expect(r.status).toBe(0);
  });

  it('a plain argument to a command that takes none says which one', () => {
    const r = tariff(['users', 'list', 'extra', '--workspace', 'w.sqlite']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^tariff users list: takes no plain argument \("extra" given\); give only the options below\n\nUsage: tariff users list/u);
  });
});

describe('dates, data folders and files that cannot be read: located, with what to do', () => {
  let dir: string;
  beforeAll(() => {
    dir = scratchFiles('cli5-files-').dir;
    mkdirSync(join(dir, 'folder.json'));
    const built = tariff(['release', 'build', '--rules', join(PROJECT_ROOT, 'rules'), '--tariffs', join(PROJECT_ROOT, 'tariffs'), '--out', join(dir, 'release.json')]);
    expect(built.status, built.stderr).toBe(0);
  });

  it('notice --version with a date that does not exist says so (not "is required")', () => {
    const r = tariff(['notice', '--version', '2023-02-30']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^tariff notice: --version must be a date YYYY-MM-DD that exists, got "2023-02-30"\n/u);
  });

  it('courses and coverage before the first version: the command, the date, and what to give', () => {
    const c = tariff(['courses', '--date', '2020-01-01']);
    expect(c.status).toBe(2);
    expect(c.stderr).toBe('tariff courses: no tariff is in force on 2020-01-01; the first takes effect on 2023-09-19: give --date on or after it\n');
    const v = tariff(['coverage', '--version', '2020-01-01']);
    expect(v.status).toBe(2);
    expect(v.stderr).toBe('tariff coverage: no rule version is in force on 2020-01-01; the first takes effect on 2023-09-19: give --version on or after it\n');
  });

  it('coverage and notice check --rules as test and decide do (a folder without index.json)', () => {
    for (const args of [
      ['coverage', '--rules', dir],
      ['notice', '--version', '2023-09-19', '--rules', dir],
    ]) {
      const r = tariff(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`--rules ${dir} is a folder without index.json; give the rules/ folder, the one holding index.json`);
    }
  });

  it('release verify on a folder: exit 2 on stderr, as its usage says for a file that cannot be read', () => {
    const r = tariff(['release', 'verify', join(dir, 'folder.json')]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`tariff release verify: FILE_UNREADABLE\n  ${join(dir, 'folder.json')}: is a folder, not a file; give a file here\n`);
  });

  it('key, token, anchor and workbook files that are not there are named in words, never Node’s "ENOENT: …, open"', () => {
    const missing = join(dir, 'missing.pem');
    const cases: [string[], string][] = [
      [['release', 'verify', join(dir, 'release.json'), '--public-key', missing], `${missing}: the public key does not exist (or is a broken symbolic link); check the path`],
      [['serve', '--release', join(dir, 'release.json'), '--port', '0', '--tokens', join(dir, 'folder.json')], 'the token file is a folder, not a file; give a file here'],
      [['tariffs', 'import', missing, '--workspace', join(dir, 'ws.sqlite')], `FILE_UNREADABLE: ${missing} does not exist (or is a broken symbolic link); check the path`],
    ];
    for (const [args, words] of cases) {
      const r = tariff(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(words);
      expect(r.stderr).not.toMatch(/no such file or directory, open|illegal operation on a directory|\n\s+at /u);
    }
  });

  it('tariffs export into a missing folder: one line naming the file asked for, not its side file', () => {
    const out = join(dir, 'no-such-folder', 'tariff.xlsx');
    const r = tariff(['tariffs', 'export', '--version', '2023-09-19', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`tariff tariffs export: ENOENT: cannot open ${out}; no such file or folder: check the path, or create the folder first\n`);
  });
});

describe('users and tokens: nothing made on a refusal, nothing secret or raw echoed', () => {
  let dir: string;
  beforeAll(() => {
    dir = scratchFiles('cli5-users-').dir;
  });

  it('users add with no password, or one too short, creates no workspace and does not echo it', () => {
    const file = join(dir, 'team.sqlite');
    const none = tariff(['users', 'add', 'kato', '--role', 'legal', '--workspace', file], '');
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^tariff users add: no password on stdin: pipe it as the first line/u);
    const short = tariff(['users', 'add', 'kato', '--role', 'legal', '--workspace', file], 'hunter2\n');
    expect(short.status).toBe(2);
    expect(short.stderr).toMatch(/^tariff users add: PASSWORD_TOO_SHORT: the password has 7 characters; at least 10 are needed\n/u);
    expect(short.stderr + short.stdout).not.toContain('hunter2');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a user name with a terminal escape is refused before the password is read, and written escaped', () => {
    const r = tariff(['users', 'add', 'e\u001b[31mvil', '--role', 'pm', '--workspace', join(dir, 'team.sqlite')], `${PASSWORD}\n`);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('BAD_USER_NAME: "e\\u001b[31mvil" is not a user name');
    expect(r.stderr).not.toContain('\u001b');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('users reset-password of an unknown user says so before any password is read (stdin left unread: no "no password" error)', () => {
    const ws = newWorkspace(dir, 'reset.sqlite');
    const r = tariff(['users', 'reset-password', 'nobody', '--workspace', ws], '');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('tariff users reset-password: USER_NOT_FOUND: no user named "nobody" in this workspace\nList the users with `tariff users list`.\n');
  });

  it('serve hash-token --token - with nothing on stdin asks for a token, not a password', () => {
    const r = tariff(['serve', 'hash-token', 'billing', '--token', '-'], '');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^tariff serve hash-token: no token on stdin: pipe it as the first line/u);
  });
});

describe('tariff serve: numbers within bounds, in digits', () => {
  it.each([
    ['--workers', '1000', 'from 1 to 64'],
    ['--workers', '0', 'from 1 to 64'],
    ['--batch-threads', '500', 'from 0 to 64'],
    ['--max-body', '1e3', 'from 1 to 268,435,456'],
    ['--max-body', '999999999999', 'from 1 to 268,435,456'],
    ['--max-batch', '0x10', 'from 1 to 100,000'],
  ])('%s %s is refused before the service starts', (flag, value, range) => {
    const r = tariff(['serve', '--release', join(PROJECT_ROOT, 'package.json'), '--port', '0', flag, value]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^tariff serve: ${flag} must be a whole number ${range}\\b.*, got "${value}"\\n\\nUsage: tariff serve`, 'u'));
    expect(r.stdout).toBe('');
  });
});

describe('help', () => {
  it('tariff users (no sub-command): exit 2, the sub-commands listed with their summaries in one column', () => {
    const r = tariff(['users']);
    expect(r.status).toBe(2);
    const rows = r.stderr.split('\n').filter((l) => l.startsWith('  tariff users '));
    expect(rows).toHaveLength(6);
    const column = (l: string): number => /^ {2}tariff users \S+ {2,}/u.exec(l)?.[0].length ?? -1;
    expect(new Set(rows.map(column)).size, rows.join('\n')).toBe(1);
  });
});

describe('an empty value is not a number', () => {
  it.each([
    [['simulate', 'scenario.json', '--out', 'a.json', '--workers='], 'tariff simulate: --workers must be a whole number from 0 to 64'],
    [['studio', '--web', '--port=', '--workspace', 'never.sqlite'], 'tariff studio: --port must be a port number 0-65535, got ""'],
    [['studio', '--serve', '--workspace', 'never.sqlite', '--required-approvals='], 'tariff studio: --required-approvals must be 1-10, got ""'],
    [['studio', '--serve', '--workspace', 'never.sqlite', '--tls-cert=', '--tls-key='], 'tariff studio: --tls-cert needs a file name (a PEM file), got ""'],
  ])('tariff %j is refused (it ran with 0, a free port, or no value)', (args, words) => {
    const r = tariff(args);
    expect(r.status).toBe(2);
    expect(r.stderr.startsWith(words), r.stderr).toBe(true);
  });

  it('serve --release on an empty folder says it holds no release file (nothing "above" to see)', () => {
    const dir = scratchFiles('cli5-rel-').dir;
    const r = tariff(['serve', '--release', dir, '--port', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `tariff serve: NO_RELEASE\n  ${dir}: no valid release in this directory: it holds no *.json file; build one into it with tariff release build --out DIR/release.json\n`,
    );
  });

  it('serve --release on a folder of broken releases names each file and why on standard error, not only in the log lines of standard output', () => {
    const { dir } = scratchFiles('cli5-rel-bad-');
    writeFileSync(join(dir, 'a.json'), '{"not": "a release"');
    const r = tariff(['serve', '--release', dir, '--port', '0']);
    expect(r.status).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('tariff serve: NO_RELEASE');
    expect(lines[1]).toContain(`${dir}: no valid release in this directory: none of its 1 *.json file(s) is a valid release (each is named below)`);
    expect(lines[2]).toMatch(new RegExp(`^  ${join(dir, 'a.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not a valid release \\(RELEASE_JSON\\): `));
    expect(r.stderr).not.toContain('lines above');
  });
});

describe('secrets given where they do not belong are never echoed', () => {
  it.each(['ftp://kato:s3cret-pw@studio.example.com/', 'https://kato:s3cret-pw@studio.example.com/'])('studio --server %s: refused, the password not written back', (url) => {
    const r = tariff(['studio', '--server', url, '--web']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^tariff studio: --server: /u);
    expect(r.stderr + r.stdout).not.toContain('s3cret-pw');
  });
});

describe('standard input', () => {
  it('tariff test - -: a usage error (the second - read nothing and was called an empty file)', () => {
    const r = tariff(['test', '-', '-'], JSON.stringify({ decision: 'surcharge', asOf: '2025-01-01', facts: { evadedAmount: 1 }, expect: { amount: 2 } }));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^tariff test: takes - \(standard input\) once; give the other case files by name\n\nUsage: tariff test/u);
    expect(r.stdout).toBe('');
  });
});

describe('broken JSON: the position named, the file’s own bytes never written to the terminal', () => {
  it('a file of NUL bytes, or one starting with an ESC: the token written as \\uXXXX, V8’s quote of the text left out', () => {
    const files = scratchFiles('cli5-json-');
    const cases: [string, string | Buffer, string][] = [
      ['nul.json', Buffer.alloc(4000), "Unexpected token '\\u0000'"],
      ['esc.json', '\u001b[31mRED', "Unexpected token '\\u001b'"],
    ];
    for (const [name, data, words] of cases) {
      const file = files.write(name, data);
      const r = tariff(['test', file]);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`tariff test: JSON_SYNTAX\n  ${file}: not valid JSON at line 1, column 1: ${words}. Fix the syntax there (a JSON validator or editor shows it).\n`);
    }
  });
});
