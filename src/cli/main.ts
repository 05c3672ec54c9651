import { statSync } from 'node:fs';
import type { ParseArgsConfig } from 'node:util';
import { parseFlags } from './parse-flags.js';
import { collectErrors, DataLoadError, type DataError } from '../engine/errors.js';
import { listCaseFiles, readCaseFile, type CaseFile } from '../io/case-files.js';
import { fileProblem } from '../io/file-problem.js';
import { programInfo } from '../io/program-info.js';
import { coverageErrors, loadVersionCoverage, quoteErrors } from '../io/coverage-file.js';
import { decide } from '../engine/decide.js';
import { isIsoDate, todayInTokyo } from '../engine/dates.js';
import { UsageError } from './options.js';
import { folderRegistry } from './data-folder.js';
import { formatFailure, runCaseFiles } from './run-cases.js';
import { extraCommands } from './commands.js';
import { plural } from '../io/plural.js';

export { AJV_FORMATS, AJV_OPTIONS } from '../engine/ajv.js';
export { PRECOMPILED_SCHEMAS, usePrecompiledValidators } from '../engine/precompiled-schemas.js';

/** `tariff`: the command line of Tariff Studio. Exit codes: 0 ok, 1 a case failed, 2 unusable input. */
export type Io = { out: (s: string) => void; err: (s: string) => void };
export type Command = { summary: string; usage: string; run: (args: string[], io: Io) => Promise<number> };

const dataOptions = {
  rules: { type: 'string' },
  tariffs: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Opts = NonNullable<ParseArgsConfig['options']>;
const parse = (args: string[], options: Opts) => {
  const r = parseFlags({ args, options, allowPositionals: true, strict: true });
  return { values: r.values as Record<string, string | boolean | undefined>, positionals: r.positionals };
};

const readAll = (paths: string[]): CaseFile[] => {
  // Standard input is read once: a second - would read nothing and be called an empty file.
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('takes - (standard input) once; give the other case files by name');
  // Every file is read before a refusal, so one run names every broken file (not the first only).
  const files: CaseFile[] = [];
  const errors: DataError[] = [];
  for (const p of listCaseFiles(paths)) {
    const file = collectErrors(errors, () => readCaseFile(p));
    if (file) files.push(file);
  }
  if (errors.length) throw new DataLoadError(errors[0]!.code, errors);
  return files;
};

/** The remarks on case files that do not stop a run (a misspelt key of a case), one line each on stderr. */
const warnAbout = (command: string, files: CaseFile[], io: Io): void => {
  for (const f of files) for (const w of f.warnings) io.err(`tariff ${command}: warning ${w.code}: ${f.file} ${w.pointer}: ${w.message}`);
};

/** `tariff decide` reads one file: a folder is a usage error that points at `tariff test`. */
const oneCaseFile = (path: string): CaseFile => {
  let folder = false;
  try {
    folder = path !== '-' && statSync(path).isDirectory();
  } catch {
    // A path that cannot be looked at: readCaseFile names what is wrong with it.
  }
  if (folder) throw new UsageError(`takes one case file, and ${path} is a folder (tariff test PATH runs every case file of a folder, and tariff decide prints one file's outputs)`);
  return readCaseFile(path);
};

/** A command, or a loader of one (the heavier commands load when used). */
export type CommandEntry = Command | (() => Promise<Command>);
const commandOf = async (c: CommandEntry): Promise<Command> => (typeof c === 'function' ? c() : c);

export const COMMANDS: Record<string, CommandEntry> = {
  test: {
    summary: 'run every case that has `expect`; print one line per failing case, then "N passed, N failed"',
    usage:
      'tariff test PATH... [--rules DIR] [--tariffs DIR] [--fast]\n  PATH: case files (*.json) or folders, read recursively in name order; - reads one case file from standard input.\n  --fast: answer with the compiled rules instead of json-rules-engine (same answers).\n  Exit 0 when all pass, 1 when any fails, 2 when a file cannot be read or the command is misused.',
    async run(args, io) {
      const { values, positionals } = parse(args, { ...dataOptions, fast: { type: 'boolean' } });
      if (!positionals.length) throw new UsageError('needs at least one PATH (a case file or a folder of them)');
      const { registry } = folderRegistry(values);
      const files = readAll(positionals);
      warnAbout('test', files, io);
      if (!files.some((f) => f.cases.length)) {
        io.err(`tariff test: NO_CASES: no case file (*.json) in ${positionals.join(', ')}; give case files, or folders that hold them`);
        return 2;
      }
      const results = await runCaseFiles(registry, files, todayInTokyo(), values.fast === true);
      const cases = files.flatMap((f) => f.cases);
      const checked = results.filter((_r, i) => cases[i]?.expect !== undefined);
      const failed = checked.filter((r) => r.mismatch);
      for (const r of failed) io.out(formatFailure(r));
      if (!checked.length)
        io.err(
          `tariff test: ${cases.length === 1 ? 'the one case has no' : `none of the ${plural(cases.length, 'case')} has`} "expect", so nothing was checked; add "expect" to pin an answer down (tariff decide FILE prints the outputs)`,
        );
      io.out(`${checked.length - failed.length} passed, ${failed.length} failed`);
      return failed.length ? 1 : 0;
    },
  },
  decide: {
    summary: "print each case's full output as JSON",
    usage:
      'tariff decide FILE [--rules DIR] [--tariffs DIR]\n  Prints the output of each case of FILE (an object for a file of one case, an array otherwise); FILE - reads standard input.\n  Exit 0 when every case was answered (an invalid case is an answer: outcome "invalid" with its errors), 2 when the file cannot be read or the command is misused.',
    async run(args, io) {
      const { values, positionals } = parse(args, dataOptions);
      if (positionals.length !== 1)
        throw new UsageError(
          `needs exactly one FILE, got ${positionals.length ? positionals.length : 'none'}${positionals.length > 1 ? ' (run it once per file, or tariff test for many)' : ''}`,
        );
      const { registry } = folderRegistry(values);
      const file = oneCaseFile(positionals[0]!);
      warnAbout('decide', [file], io);
      const today = todayInTokyo();
      if (file.single) {
        io.out(JSON.stringify(await decide(registry, file.cases[0]!, { today }), null, 2));
        return 0;
      }
      // An array is written case by case, as JSON.stringify(outputs, null, 2) would write it, so no
      // one string holds every output (a file of a million cases would pass V8's string limit). Lines
      // are split at \n only: a name may hold U+2028, which a /^/m pattern would take for a line end.
      io.out('[');
      for (const [i, c] of file.cases.entries()) {
        const text = JSON.stringify(await decide(registry, c, { today }), null, 2)
          .split('\n')
          .map((l) => `  ${l}`)
          .join('\n');
        io.out(i < file.cases.length - 1 ? `${text},` : text);
      }
      io.out(']');
      return 0;
    },
  },
  validate: {
    summary: 'check every rule and tariff file (and case files given) against their schemas',
    usage:
      'tariff validate [PATH...] [--rules DIR] [--tariffs DIR]\n  Prints each error with its file and JSON pointer. Rules are also checked against the terms: every quote is the text of the clause it cites, every paragraph is classified in coverage.json.\n  PATH: case files (or folders of them; - for standard input): their JSON, shape and keys, and each case decided; the errors of an invalid answer are errors here, unless its expect has "outcome": "invalid".\n  Ends "ok: …; 0 errors" or "invalid: …; 1 error" (N errors). Exit 0 when all is valid, 1 when an error is found, 2 when a file cannot be read or loaded, or the command is misused.',
    async run(args, io) {
      const { values, positionals } = parse(args, dataOptions);
      const { rulesDir, registry } = folderRegistry(values);
      let bad = 0;
      // Clause coverage: every paragraph of the terms classified in each version's coverage.json.
      for (const v of registry.ruleVersions) {
        let errors;
        try {
          // …and every rule's quote is the terms' own text, from the clause it cites.
          const coverage = loadVersionCoverage(rulesDir, v);
          errors = [...coverageErrors(coverage), ...quoteErrors(coverage)];
        } catch (e) {
          if (!(e instanceof DataLoadError)) throw e;
          errors = e.errors;
        }
        for (const e of errors) {
          bad += 1;
          io.out(`${e.file}${e.pointer ? ` ${e.pointer}` : ''}: ${e.message}`);
        }
      }
      const files = readAll(positionals);
      for (const f of files) {
        for (const w of f.warnings) {
          bad += 1;
          io.out(`${f.file} ${w.pointer}: ${w.message}`);
        }
        for (const [i, c] of f.cases.entries()) {
          // A case whose expect pins an invalid outcome is invalid on purpose (it tests the errors).
          if (c.expect?.outcome === 'invalid') continue;
          const out = await decide(registry, { ...c, expect: undefined }, { today: todayInTokyo() });
          if (out.outcome === 'invalid')
            for (const e of out.errors ?? []) {
              bad += 1;
              io.out(`${f.file} ${f.single ? '' : `/${i}`}${e.path}: ${e.message}`);
            }
        }
      }
      io.out(
        `${bad ? 'invalid' : 'ok'}: ${plural(registry.ruleVersions.length, 'rule version')}, ${plural(registry.tariffVersions.length, 'tariff version')}${
          files.length
            ? `, ${plural(
                files.reduce((a, f) => a + f.cases.length, 0),
                'case',
              )}`
            : ''
        }; ${plural(bad, 'error')}`,
      );
      return bad ? 1 : 0;
    },
  },
  courses: {
    summary: 'list the courses in force on a date: code, name, monthly fee',
    usage: 'tariff courses [--date YYYY-MM-DD] [--rules DIR] [--tariffs DIR]',
    async run(args, io) {
      const { values } = parse(args, { ...dataOptions, date: { type: 'string' } });
      const date = String(values.date ?? todayInTokyo());
      if (!isIsoDate(date)) throw new UsageError(`--date must be a date YYYY-MM-DD that exists, got "${date}"`);
      const { registry } = folderRegistry(values);
      const t = registry.tariffInForce(date);
      if (!t) {
        io.err(`tariff courses: no tariff is in force on ${date}; the first takes effect on ${registry.firstEffective('tariffs') ?? '(none)'}: give --date on or after it`);
        return 2;
      }
      for (const c of t.courses) io.out(`${c.code}\t${c.name}\t${c.monthlyFee.toLocaleString('ja-JP')} 円／月`);
      return 0;
    },
  },
  ...extraCommands,
};

const help = async (): Promise<string> => {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = await Promise.all(Object.entries(COMMANDS).map(async ([n, c]) => `  ${n.padEnd(width)}  ${(await commandOf(c)).summary}`));
  return [
    'tariff: executable どこでも“me”REC terms',
    '',
    'Usage: tariff COMMAND [ARGS...]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `tariff COMMAND --help` (or `tariff help COMMAND`) for a command’s options.',
  ].join('\n');
};

/**
 * node:util parseArgs's messages, reworded to name the flag and the command (its own "To
 * specify a positional argument starting with a '-' …" advice is noise for a mistyped flag).
 */
const argsProblem = (e: Error & { code: string }, command: string): string => {
  const flag = /'(-[^' ]*)/.exec(e.message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${flag}; tariff ${command} takes the options below`;
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return `takes no plain argument (${JSON.stringify(/'(.*)'\. This command/su.exec(e.message)?.[1] ?? '')} given); give only the options below`;
  if (/argument missing/.test(e.message)) return `${flag} needs a value (${flag} VALUE)`;
  if (/does not take an argument/.test(e.message)) return `${flag} takes no value; write ${flag} alone`;
  // `--workers -1`: a value that starts with a dash reads as another flag.
  if (/argument is ambiguous/.test(e.message)) return `${flag} needs a value, and one starting with "-" reads as a flag: write ${flag}=VALUE if you meant it`;
  return e.message;
};

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V') {
    io.out(`tariff ${programInfo().version}`);
    return 0;
  }
  // `tariff help COMMAND` is `tariff COMMAND --help`.
  if (name === 'help' && rest.length) return main([...rest, '--help'], io);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    // Without a command it is a usage error: the help goes to stderr and the exit is 2.
    (name ? io.out : io.err)(await help());
    return name ? 0 : 2;
  }
  let entry = COMMANDS[name];
  let args = rest;
  let full = name;
  // A two-word command (serve hash-token) wins over its one-word prefix (serve).
  if (rest[0] && COMMANDS[`${name} ${rest[0]}`]) {
    full = `${name} ${rest[0]}`;
    entry = COMMANDS[full];
    args = rest.slice(1);
  }
  if (!entry) {
    // The first word of two-word commands (release build, release verify): list them.
    const words = Object.keys(COMMANDS).filter((k) => k.startsWith(`${name} `));
    if (words.length) {
      const width = Math.max(...words.map((k) => k.length));
      const lines = await Promise.all(words.map(async (k) => `  tariff ${k.padEnd(width)}  ${(await commandOf(COMMANDS[k]!)).summary}`));
      const asked = rest.length === 0 || rest[0] === '--help' || rest[0] === '-h';
      const text = `${asked ? '' : `tariff ${name}: unknown command "${rest[0]}"\n\n`}tariff ${name} has these commands:\n${lines.join('\n')}\n\nRun \`tariff ${words[0]} --help\` for a command’s options.`;
      if (rest[0] === '--help' || rest[0] === '-h') {
        io.out(text);
        return 0;
      }
      io.err(text);
      return 2;
    }
    io.err(`tariff: unknown command "${name}"\n\n${await help()}`);
    return 2;
  }
  const command = await commandOf(entry);
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`${command.usage}\n\n${command.summary}`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof DataLoadError) {
      io.err(`tariff ${full}: ${e.code}\n${e.errors.map((x) => `  ${x.file}${x.pointer ? ` ${x.pointer}` : ''}: ${x.message}`).join('\n')}`);
      return 2;
    }
    if (e instanceof UsageError || (e instanceof Error && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS'))) {
      const message =
        e instanceof UsageError
          ? e.message.startsWith(`tariff ${full} `)
            ? e.message.slice(`tariff ${full} `.length)
            : e.message
          : argsProblem(e as Error & { code: string }, full);
      io.err(`tariff ${full}: ${message}\n\nUsage: ${command.usage}`);
      return 2;
    }
    // A refusal of the file system (ENOENT, EACCES, EROFS, ENOSPC, EISDIR…): one line, no stack.
    const refused = fileProblem(e, { use: 'any' });
    if (refused) {
      io.err(`tariff ${full}: ${refused}`);
      return 2;
    }
    throw e;
  }
}
