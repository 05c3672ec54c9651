import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { SPEC_EXAMPLE, scratchFiles, tariff } from './run-tariff.js';

/** The edges a new user hits with case files and the `tariff` command line: each error says what, where and what to do. */
const { dir, write } = scratchFiles('tariff-cli-edges-');
const SURCHARGE = { name: 'surcharge of 100', asOf: '2025-02-28', decision: 'surcharge', facts: { evadedAmount: 100 }, expect: { amount: 200 } };

describe('case files in another encoding', () => {
  it('Shift_JIS text is refused with the file, line and column of the first byte that is not UTF-8; exit 2', () => {
    // {"name": "年", …} with 年 in Shift_JIS (0x94 0x4E): read as UTF-8 it used to become U+FFFD and fail as an unknown course.
    const head = Buffer.from('{\n  "name": "');
    const tail = Buffer.from('", "decision": "surcharge", "facts": {"evadedAmount": 100}, "expect": {"amount": 200}}');
    const file = write('sjis.json', Buffer.concat([head, Buffer.from([0x94, 0x4e]), tail]));
    for (const cmd of ['test', 'decide', 'validate']) {
      const r = tariff([cmd, file]);
      expect(r.status, cmd).toBe(2);
      expect(r.stdout, cmd).toBe('');
      expect(r.stderr, cmd).toContain('FILE_ENCODING');
      expect(r.stderr, cmd).toContain(`${file}: is not UTF-8 text: byte 0x94 at line 2, column 12`);
      expect(r.stderr, cmd).toContain('Save the file as UTF-8');
    }
  });

  it('the place of a bad first byte, and of a bad byte after a UTF-8 byte order mark, is counted from the start of the text', () => {
    const first = write('latin1-first.json', Buffer.concat([Buffer.from([0xe9]), Buffer.from('\n{"decision": "surcharge"}\n')]));
    expect(tariff(['test', first]).stderr).toContain(`${first}: is not UTF-8 text: byte 0xE9 at line 1, column 1 (byte 0)`);
    const afterBom = write('latin1-bom.json', Buffer.concat([Buffer.from('\uFEFF{"name": "caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]));
    expect(tariff(['test', afterBom]).stderr).toContain(`${afterBom}: is not UTF-8 text: byte 0xE9 at line 1, column 14 (byte 16)`);
  });

  it('UTF-16 text (with its byte order mark) is refused as UTF-16, not as a syntax error at a garbled character', () => {
    const file = write('utf16.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(SURCHARGE), 'utf16le')]));
    const r = tariff(['test', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`FILE_ENCODING\n  ${file}: is UTF-16 text`);
  });

  it('UTF-16 without a byte order mark, and UTF-32, are named as such (not a syntax error at line 1, column 2, nor UTF-32 called UTF-16)', () => {
    const text = JSON.stringify(SURCHARGE);
    const utf32le = Buffer.alloc(text.length * 4);
    for (const [i, ch] of [...text].entries()) utf32le.writeUInt32LE(ch.codePointAt(0)!, i * 4);
    for (const [name, bytes, encoding] of [
      ['utf16le.json', Buffer.from(text, 'utf16le'), 'UTF-16LE'],
      ['utf16be.json', Buffer.from(text, 'utf16le').swap16(), 'UTF-16BE'],
      ['utf32le.json', utf32le, 'UTF-32LE'],
      ['utf32-bom.json', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32le]), 'UTF-32'],
    ] as const) {
      const file = write(name, bytes);
      const r = tariff(['decide', file]);
      expect(r.status, name).toBe(2);
      expect(r.stderr, name).toContain(`FILE_ENCODING\n  ${file}: is ${encoding} text (`);
    }
  });

  it('a UTF-8 byte order mark and CRLF line ends are read as plain JSON; a syntax error after them is placed without the mark', () => {
    const ok = write('bom-crlf.json', `\uFEFF${JSON.stringify(SPEC_EXAMPLE, null, 2).replace(/\n/g, '\r\n')}\r\n`);
    const r = tariff(['test', ok]);
    expect(r.stdout).toBe('1 passed, 0 failed\n');
    expect(r.status).toBe(0);
    const bad = write('bom-crlf-bad.json', '\uFEFF{"decision": "surcharge",\r\n"facts": {"evadedAmount": 100},}\r\n');
    const b = tariff(['test', bad]);
    expect(b.status).toBe(2);
    expect(b.stderr).toContain(`${bad}: not valid JSON at line 2, column 32`);
  });
});

describe('JSON written by hand', () => {
  it.each([
    ['a comment', '{\n  // a note\n  "decision": "surcharge"\n}', 'line 2, column 3', 'JSON has no comments: remove it'],
    ['single quotes', "{'decision': 'surcharge'}", 'line 1, column 2', 'JSON strings and keys take double quotes'],
    ['a trailing comma', '[\n  {"decision": "surcharge"},\n]\n', 'line 3, column 1', 'JSON allows no comma before ]: remove the last comma.'],
    ['a cut-off file', '{"decision": "surcharge", "facts": {"evadedAmount": 100}', 'line 1, column 57', 'The text ends too early'],
    ['an empty file', '\n', 'line 2, column 1', 'The file is empty: write a case'],
  ])('%s: exit 2, the place, and what to do, on one line', (what, text, where, advice) => {
    const file = write(`hand-${what.replace(/ /g, '-')}.json`, text);
    const r = tariff(['test', file]);
    expect(r.status).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('tariff test: JSON_SYNTAX');
    expect(lines[1]).toContain(`${file}: not valid JSON at ${where}: `);
    expect(lines[1]).toContain(advice);
  });
});

describe('keys of a case', () => {
  it('a misspelt key ("expected") is warned about on stderr with file, pointer and the key it resembles; the run says nothing was checked', () => {
    const file = write('typo.json', [{ ...SURCHARGE, expect: undefined, expected: { amount: 300 } }]);
    const r = tariff(['test', file]);
    expect(r.stdout).toBe('0 passed, 0 failed\n');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`tariff test: warning CASE_UNKNOWN_KEY: ${file} /0/expected: unknown key "expected" of a case, ignored: did you mean "expect"?`);
    expect(r.stderr).toContain('the one case has no "expect", so nothing was checked');
    const v = tariff(['validate', file]);
    expect(v.status).toBe(1);
    expect(v.stdout).toContain(`${file} /0/expected: unknown key "expected"`);
    expect(v.stdout.trim().split('\n').at(-1)).toMatch(/^invalid: .*; 1 error$/);
  });

  it('free-text keys that resemble no key of a case (description, source) pass without a word', () => {
    const file = write('notes.json', { ...SURCHARGE, description: 'evaded 100 → 200', source: '第26条' });
    const r = tariff(['test', file]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('1 passed, 0 failed\n');
  });

  it.each([
    ['null', null],
    ['an array', [{ amount: 200 }]],
    ['number', 200],
  ])('an "expect" that is %s is an error of the file at its pointer, exit 2 (not a failure printing the whole output)', (got, value) => {
    const file = write(`expect-${got.replace(' ', '-')}.json`, [SURCHARGE, { ...SURCHARGE, expect: value }]);
    const r = tariff(['test', file]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`CASE_EXPECT_SHAPE\n  ${file} /1/expect: "expect" must be an object of output fields`);
    expect(r.stderr).toContain(`got ${got}`);
  });
});

describe('one line per failing case', () => {
  it('a case name with a line break or a tab is written escaped, so the failure stays on one line', () => {
    const file = write('multiline-name.json', { ...SURCHARGE, name: 'two\nlines\tand a tab', expect: { amount: 201 } });
    const r = tariff(['test', file]);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')).toEqual([`FAIL ${file} › two\\nlines\\tand a tab: /amount expected 201, actual 200`, '0 passed, 1 failed', '']);
  });
});

describe('paths', () => {
  it('decide on a folder is a usage error that points at tariff test; exit 2', () => {
    const r = tariff(['decide', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`tariff decide: takes one case file, and ${dir} is a folder (tariff test PATH runs every case file of a folder`);
    expect(r.stderr).toContain('Usage: tariff decide FILE');
  });

  it('a file that does not exist is named with what to check, for decide as for test', () => {
    for (const cmd of ['decide', 'test']) {
      const r = tariff([cmd, `${dir}/nope.json`]);
      expect(r.status, cmd).toBe(2);
      expect(r.stderr, cmd).toContain(`FILE_UNREADABLE\n  ${dir}/nope.json: does not exist (or is a broken symbolic link)`);
      expect(r.stderr, cmd).not.toContain('ENOENT');
    }
  });

  it('a folder with no case file in it names the folder and what to give instead; exit 2', () => {
    const empty = `${dir}/empty-suite`;
    mkdirSync(`${empty}/sub`, { recursive: true });
    writeFileSync(`${empty}/readme.txt`, 'cases go here');
    const r = tariff(['test', empty]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`tariff test: NO_CASES: no case file (*.json) in ${empty}; give case files, or folders that hold them\n`);
  });

  it('a quoted pattern (*.json) that the shell did not expand is named as such, with the folder to give instead', () => {
    const r = tariff(['test', `${dir}/*.json`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${dir}/*.json: does not exist: a pattern such as *.json is expanded by the shell, not by tariff; give the folder instead`);
  });

  it('decide on a symbolic link loop says it is a loop, not a raw ELOOP', () => {
    const link = `${dir}/self.json`;
    symlinkSync(link, link);
    const r = tariff(['decide', link]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${link}: is a symbolic link that leads back to itself (a loop); remove or fix the link`);
  });

  it('- reads a case file from standard input, for test and decide; its errors name <stdin>', () => {
    const t = tariff(['test', '-'], JSON.stringify(SPEC_EXAMPLE));
    expect(t.stdout).toBe('1 passed, 0 failed\n');
    expect(t.status).toBe(0);
    const d = tariff(['decide', '-'], JSON.stringify([SURCHARGE]));
    expect(d.status).toBe(0);
    expect(JSON.parse(d.stdout)).toMatchObject([{ outcome: 'charge', amount: 200 }]);
    const bad = tariff(['decide', '-'], '{"decision": ');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('<stdin>: not valid JSON at line 1, column 14');
  });
});

describe('the command line itself', () => {
  it.each(['test', 'decide', 'validate', 'courses'])('tariff %s with an unknown flag names the flag and the command, shows its usage, exit 2', (cmd) => {
    const r = tariff([cmd, '--bogus', write('flag.json', SURCHARGE)]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`tariff ${cmd}: unknown option --bogus`);
    expect(r.stderr).toContain(`Usage: tariff ${cmd}`);
    expect(r.stderr).not.toContain('To specify a positional argument');
  });

  it('--rules and --tariffs that do not name a folder of versions say what to give, before anything is loaded', () => {
    const file = write('data-flags.json', SURCHARGE);
    const missing = tariff(['test', file, '--rules', `${dir}/no-rules`]);
    expect(missing.status).toBe(2);
    expect(missing.stderr.split('\n')[0]).toBe(
      `tariff test: --rules ${dir}/no-rules is not a folder that exists; give the rules/ folder, the one holding index.json (the project's own is ${PROJECT_ROOT}/rules)`,
    );
    expect(tariff(['decide', file, '--tariffs', dir]).stderr).toContain(`tariff decide: --tariffs ${dir} is a folder without index.json; give the tariffs/ folder`);
    expect(tariff(['courses', '--rules', file]).stderr).toContain(`tariff courses: --rules ${file} is a file; give the rules/ folder`);
    expect(tariff(['decide', `${file}/x.json`]).stderr).toContain(`${file}/x.json: is not there: a part of the path before it is a file, not a folder`);
  });

  it('a flag without its value, or a value on a flag that takes none, says so', () => {
    const file = write('flag.json', SURCHARGE);
    expect(tariff(['test', file, '--rules']).stderr).toContain('tariff test: --rules needs a value');
    expect(tariff(['test', '--fast=yes', file]).stderr).toContain('tariff test: --fast takes no value');
    const dashed = tariff(['simulate', '--workers', '-1', file]);
    expect(dashed.status).toBe(2);
    expect(dashed.stderr).toContain('tariff simulate: --workers needs a value, and one starting with "-" reads as a flag: write --workers=VALUE if you meant it');
  });

  it('a usage error names the command once', () => {
    const r = tariff(['decide']);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('tariff decide: needs exactly one FILE, got none');
    expect(tariff(['test']).stderr.split('\n')[0]).toBe('tariff test: needs at least one PATH (a case file or a folder of them)');
  });

  it('tariff help COMMAND is tariff COMMAND --help; tariff alone shows the help on stderr with exit 2', () => {
    for (const cmd of ['test', 'decide']) {
      const viaHelp = tariff(['help', cmd]);
      expect(viaHelp.status).toBe(0);
      expect(viaHelp.stdout).toBe(tariff([cmd, '--help']).stdout);
      expect(viaHelp.stdout.startsWith(`tariff ${cmd} `)).toBe(true);
    }
    const bare = tariff([]);
    expect(bare.status).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toContain('Usage: tariff COMMAND');
  });

  it('the command list lines up, two-word commands included', () => {
    const lines = tariff(['--help']).stdout.split('\n');
    const rows = lines.slice(lines.indexOf('Commands:') + 1, lines.indexOf('', lines.indexOf('Commands:')));
    const summaryColumn = (name: string): number => {
      const row = rows.find((r) => r.startsWith(`  ${name} `)) ?? '';
      return 2 + name.length + (/^ +/.exec(row.slice(2 + name.length))?.[0].length ?? 0);
    };
    const columns = new Set(['test', 'decide', 'workspace export', 'serve hash-token', 'users reset-password'].map(summaryColumn));
    expect(columns.size).toBe(1);
  });

  it('--version prints the version', () => {
    const r = tariff(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^tariff \d+\.\d+\.\d+/);
  });
});

describe('a file too large to read', () => {
  it('is refused before it is read, with its size and what to do; exit 2', () => {
    // A sparse file: 600 MB long, no disk used, and never read (the size is checked first).
    const file = write('huge.json', '');
    truncateSync(file, 600 * 2 ** 20);
    const r = tariff(['test', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`FILE_TOO_LARGE\n  ${file}: is 600 MB, more than the 512 MB a JSON file can be read in; split it into several files in a folder`);
  });
});

describe('what a failing case says', () => {
  it('a case without "decision" says it is missing; a name that is not text is shown as written', () => {
    const file = write('no-decision.json', [
      { name: 42, decision: 'surcharge', facts: { evadedAmount: 100 }, expect: { amount: 1 } },
      { name: 'no decision', facts: { evadedAmount: 100 }, expect: { outcome: 'charge' } },
    ]);
    const lines = tariff(['test', file]).stdout.split('\n');
    expect(lines[0]).toBe(`FAIL ${file} › 42: /amount expected 1, actual 200`);
    expect(lines[1]).toContain(`FAIL ${file} › no decision: /outcome expected "charge", actual "invalid" [errors: /decision missing decision; use one of approval,`);
  });
});

describe('tariff validate on case files', () => {
  it('a case that expects an invalid outcome is invalid on purpose and is no error; another invalid case is, with file and pointer', () => {
    const bad = { decision: 'surcharge', facts: { evadedAmount: '100' } };
    const file = write('validate.json', [
      { ...bad, name: 'on purpose', expect: { outcome: 'invalid' } },
      { ...bad, name: 'by mistake', expect: { outcome: 'charge' } },
    ]);
    const r = tariff(['validate', file]);
    expect(r.stdout.split('\n')).toEqual([`${file} /1/facts/evadedAmount: must be integer, got string "100"`, 'invalid: 1 rule version, 1 tariff version, 2 cases; 1 error', '']);
    expect(r.status).toBe(1);
  });

  it("the project's own cases validate clean", () => {
    const r = tariff(['validate', `${PROJECT_ROOT}/test/cases`]);
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^ok: .*; 0 errors$/);
    expect(r.status).toBe(0);
  });
});

describe('tariff decide on a file of many cases', () => {
  it('writes each output as it is decided, the same JSON text as one array, never one string of every output', async () => {
    const cases = [SPEC_EXAMPLE, { ...SURCHARGE, name: 'two\nlines\u2028and a line separator' }, { ...SURCHARGE, facts: { evadedAmount: 0 } }];
    const chunks: string[] = [];
    const code = await main(['decide', write('many-outputs.json', cases)], { out: (s) => chunks.push(s), err: () => undefined });
    expect(code).toBe(0);
    const text = chunks.join('\n');
    const parsed = JSON.parse(text) as { outcome: string; name?: string }[];
    expect(parsed.map((o) => o.outcome)).toEqual(['settle', 'charge', 'none']);
    expect(parsed[1]!.name).toBe(cases[1]!.name);
    expect(text).toBe(JSON.stringify(parsed, null, 2));
    expect(chunks.filter((c) => c.includes('"outcome"')).every((c) => c.split('"outcome"').length === 2)).toBe(true);
  });
});
