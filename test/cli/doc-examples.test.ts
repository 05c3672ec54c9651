import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { loadScenario } from '../../src/camera-sim/scenario-loader.js';
import { DEFAULT_MAX_CONTRACT_MONTHS, runSize } from '../../src/camera-sim/run-size.js';
import { XLSX_LEDGER_LIMIT } from '../../src/camera-sim/export-output.js';
import { main } from '../../src/cli/main.js';
import { DEFAULT_RULES, DEFAULT_TARIFFS, PROJECT_ROOT } from '../../src/cli/options.js';
import { loadRegistry } from '../../src/io/folder-store.js';
import { scratchFiles } from './run-tariff.js';
import { ed25519Keys, folderRelease, writeRelease } from '../serve/helpers.js';

/**
 * The examples of README.md and docs/*.md, run as a new user runs them (`npx tariff …` is
 * `node bin/tariff.mjs …` from the project folder), so that the docs cannot drift from the program.
 * Only the cheap ones run here: the simulations are checked against the run-size limits they would
 * meet (nothing is simulated), and the one server is started on a free port and stopped.
 */
const read = (file: string): string => readFileSync(join(PROJECT_ROOT, file), 'utf8');
const README = read('README.md');
const DOCS = ['README.md', 'CONTRIBUTING.md', ...spawnSync('git', ['ls-files', 'docs/*.md'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).stdout.split('\n').filter(Boolean)];

/** `npx tariff ARGS` as the docs write it, run from the project folder. */
const npxTariff = (args: string[], input?: string) =>
  spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'tariff.mjs'), ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', ...(input !== undefined ? { input } : {}) });

/** The lines of every ```sh block of a doc. */
const shellLines = (text: string): string[] => [...text.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n'));

/** A command line split into words (single quotes kept together), without its `# comment`. */
const words = (line: string): string[] => (line.replace(/\s+#.*$/, '').match(/'[^']*'|\S+/g) ?? []).map((w) => w.replace(/^'(.*)'$/s, '$1'));

describe('README § A first run, exactly as written', () => {
  it('npx tariff courses --date 2025-01-01 | head -3: code, name and monthly fee of the courses in force', () => {
    expect(README).toContain('npx tariff courses --date 2025-01-01 | head -3\n');
    const r = npxTariff(['courses', '--date', '2025-01-01']);
    expect(r.status).toBe(0);
    for (const line of r.stdout.split('\n').slice(0, 3)) expect(line).toMatch(/^[A-Z0-9-]+\t.+\t[\d,]+ 円／月$/u);
  });

  it('npx tariff test test/cases ends "N passed, 0 failed" with the N README gives as today’s count at least', () => {
    const said = /npx tariff test test\/cases +# (\d+) passed, 0 failed/.exec(README);
    expect(said, 'README shows the line test test/cases ends with').not.toBeNull();
    const r = npxTariff(['test', 'test/cases']);
    expect(r.status, r.stdout).toBe(0);
    const last = /^(\d+) passed, 0 failed$/m.exec(r.stdout.trim().split('\n').at(-1) ?? '');
    expect(last, r.stdout).not.toBeNull();
    expect(Number(last![1])).toBeGreaterThanOrEqual(Number(said![1]));
  });

  it('the /tmp/q.json case: decide answers as the comment says, test passes it', () => {
    const heredoc = /cat > \/tmp\/q\.json <<'JSON'\n([\s\S]*?)\nJSON\n/.exec(README);
    expect(heredoc).not.toBeNull();
    const q = scratchFiles('readme-q-').write('q.json', heredoc![1]!);
    expect(README).toContain('npx tariff decide /tmp/q.json      # outcome settle, amount 14000, tax 1400, basisCourse 1年, clauses, trace');
    const decided = npxTariff(['decide', q]);
    expect(decided.status, decided.stderr).toBe(0);
    const answer = JSON.parse(decided.stdout) as { outcome: string; amount: number; tax: number; basisCourse: string; clauses: string[]; trace: unknown[] };
    expect(answer).toMatchObject({ outcome: 'settle', amount: 14000, tax: 1400 });
    expect(answer.basisCourse).toContain('1年');
    expect(answer.clauses.length).toBeGreaterThan(0);
    expect(answer.trace.length).toBeGreaterThan(0);
    expect(README).toContain('npx tariff test /tmp/q.json        # 1 passed, 0 failed');
    const tested = npxTariff(['test', q]);
    expect([tested.status, tested.stdout]).toEqual([0, '1 passed, 0 failed\n']);
  });
});

describe('tariff --help and docs/cli.md', () => {
  it('every command the help lists has --help (exit 0, its usage first), and tariff help COMMAND says the same', async () => {
    const help = npxTariff(['--help']);
    expect(help.status).toBe(0);
    const commands = [...help.stdout.matchAll(/^ {2}([a-z]+(?: [a-z-]+)?) {2,}/gm)].map((m) => m[1]!);
    expect(commands).toEqual(expect.arrayContaining(['test', 'decide', 'validate', 'courses', 'coverage', 'simulate', 'release build', 'serve hash-token', 'users add']));
    // In this process (main is what bin/tariff.mjs runs): a process per command would take a minute here.
    for (const c of commands) {
      const out: string[] = [];
      const status = await main([...c.split(' '), '--help'], { out: (t) => out.push(t), err: (t) => out.push(`stderr: ${t}`) });
      expect([c, status]).toEqual([c, 0]);
      expect(out.join('\n').startsWith(`tariff ${c}`), `${c}: ${out.join('\n')}`).toBe(true);
    }
    expect(npxTariff(['help', 'test']).stdout).toBe(npxTariff(['test', '--help']).stdout);
  });

  it("docs/cli.md's table of every command names each command tariff --help lists, and no other", () => {
    const listed = [...npxTariff(['--help']).stdout.matchAll(/^ {2}([a-z]+(?: [a-z-]+)?) {2,}/gm)].map((m) => m[1]!);
    const cli = read('docs/cli.md');
    const table = cli.slice(cli.indexOf('## Every command'), cli.indexOf('## Commands and exit codes'));
    const named: string[] = [];
    for (const row of table.split('\n').filter((l) => l.startsWith('| `'))) {
      // `tariff users add`, `list`, … : a bare word is a sub-command of the group named before it.
      let group = '';
      for (const [, span] of row.split(' | ')[0]!.matchAll(/`([^`]+)`/g)) {
        const words = span!.split(' ');
        if (words[0] === 'tariff') {
          group = words.length === 3 ? words[1]! : '';
          named.push(words.slice(1).join(' '));
        } else named.push(`${group} ${span}`);
      }
    }
    expect([...named].sort()).toEqual([...listed].sort());
  });

  it('tariff alone prints the help on stderr, exit 2; the exit codes of test, decide and validate are in their --help', async () => {
    const alone = npxTariff([]);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toContain('Usage: tariff COMMAND');
    for (const c of ['test', 'decide', 'validate']) {
      const out: string[] = [];
      await main([c, '--help'], { out: (t) => out.push(t), err: (t) => out.push(t) });
      expect(out.join('\n')).toContain('or the command is misused');
    }
  });
});

describe('the simulations the docs show stay within the limits they would meet', () => {
  const registry = loadRegistry(DEFAULT_RULES, DEFAULT_TARIFFS);
  const lines = ['README.md', 'docs/scenarios.md'].flatMap((doc) =>
    shellLines(read(doc))
      .map((line) => ({ doc, line, w: words(line) }))
      .filter(({ w }) => w.join(' ').match(/^(npx tariff|node bin\/tariff\.mjs) simulate /)),
  );

  it('README and docs/scenarios.md show simulations', () => {
    expect(lines.length).toBeGreaterThanOrEqual(5);
  });

  it('each is under the default --max-contract-months, and a workbook ledger under its limit (no RUN_TOO_LARGE, no OUTPUT_TOO_LARGE)', () => {
    for (const { doc, line, w } of lines) {
      const args = w.slice(w.indexOf('simulate') + 1);
      const rs = loadScenario(join(PROJECT_ROOT, args[0]!), registry);
      const flag = (name: string) => args.includes(name);
      const value = (name: string) => (flag(name) ? args[args.indexOf(name) + 1] : undefined);
      const replications = value('--replications');
      const size = runSize(rs, {
        replications: replications ? Number(replications) : (rs.scenario.replications ?? 1),
        replicationsFrom: replications ? '--replications' : rs.scenario.replications ? 'scenario' : 'default',
        sensitivity: !flag('--no-sensitivity') && (flag('--sensitivity') || rs.scenario.sensitivity !== undefined),
        ledger: flag('--ledger'),
        verify: flag('--verify'),
      });
      expect(size.contractMonths, `${doc}: ${line}`).toBeLessThanOrEqual(DEFAULT_MAX_CONTRACT_MONTHS);
      if (flag('--ledger') && value('--out')?.endsWith('.xlsx'))
        expect(rs.scenario.fleet.size * rs.scenario.horizon.months, `${doc}: ${line}`).toBeLessThanOrEqual(XLSX_LEDGER_LIMIT);
    }
  });
});

describe('README § Releases and the decision service', () => {
  it("release build and verify as written (the program's rules/ and tariffs/ when no folder is given), then the curl body answered by tariff serve", async () => {
    const out = join(scratchFiles('readme-release-').dir, 'release.json');
    expect(README).toContain("npx tariff release build --out release.json   # the program's rules/ and tariffs/");
    const built = npxTariff(['release', 'build', '--out', out]);
    expect(built.status, built.stderr).toBe(0);
    expect(built.stdout).toMatch(
      /release r-[0-9a-f]{16}\n {2}sha256 [0-9a-f]{64}\n {2}packed from rules .*rules \(the program's own\) and tariffs .*tariffs \(the program's own\)\n/,
    );
    const verified = npxTariff(['release', 'verify', out]);
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toContain('holds: sha256');

    const curl = README.split('\n').find((l) => l.startsWith('curl ') && l.includes('/v1/decisions/'));
    expect(curl, 'README shows a curl call of tariff serve').toBeDefined();
    const cw = words(curl!);
    const body = cw[cw.indexOf('-d') + 1]!;
    const path = new URL(cw.at(-1)!).pathname;
    expect(new URL(cw.at(-1)!).port).toBe('8787');
    const serve = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'tariff.mjs'), 'serve', '--release', out, '--port', '0', '--batch-threads', '0'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const lines = createInterface({ input: serve.stdout });
        lines.on('line', (l) => {
          const e = JSON.parse(l) as { event?: string; url?: string };
          if (e.event === 'listening' && e.url) resolve(e.url);
        });
        serve.on('exit', (code) => reject(new Error(`tariff serve exited ${code}`)));
      });
      const res = await fetch(new URL(path, url), { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const answer = (await res.json()) as { outcome: string; amount?: number };
      expect([res.status, answer.outcome], JSON.stringify(answer)).toEqual([200, 'settle']);
      expect(answer.amount).toBe(14000);
    } finally {
      serve.kill('SIGTERM');
      await new Promise((resolve) => (serve.exitCode !== null ? resolve(null) : serve.on('exit', resolve)));
    }
  });

  it('docs/decision-service.md’s systemd unit: its ExecStart, in its WorkingDirectory (this checkout), serves its files; its KillSignal stops it, exit 0', async () => {
    const unit = /```ini\n(# \/etc\/systemd\/system\/tariff-decisions\.service\n[\s\S]*?)```/.exec(read('docs/decision-service.md'));
    expect(unit, 'docs/decision-service.md shows a systemd unit for tariff serve').not.toBeNull();
    const setting = (key: string): string => new RegExp(`^${key}=(.*)$`, 'm').exec(unit![1]!)![1]!;
    expect(setting('WorkingDirectory')).toBe('/opt/tariff-studio');
    // /srv/tariff, the service's files, made here: a signed release, its public key, a token file.
    const srv = scratchFiles('unit-').dir;
    mkdirSync(join(srv, 'releases'));
    const keys = ed25519Keys(srv, 'release');
    writeRelease(join(srv, 'releases'), 'r.json', folderRelease('2026-01-01T00:00:00.000Z', keys.privateKey));
    writeFileSync(join(srv, 'tokens.txt'), 'billing sha256:' + '0'.repeat(64) + '\n');
    const [node, ...args] = words(setting('ExecStart')).map((w) => w.replaceAll('/srv/tariff', srv));
    expect(node).toBe('/usr/bin/node');
    args[args.indexOf('--port') + 1] = '0';
    const serve = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => serve.once('exit', resolve));
    const listening = await new Promise<Record<string, unknown>>((resolve, reject) => {
      createInterface({ input: serve.stdout }).on('line', (l) => {
        const e = JSON.parse(l) as Record<string, unknown>;
        if (e.event === 'listening') resolve(e);
      });
      void exited.then((code) => reject(new Error(`tariff serve exited ${code}`)));
    });
    expect(listening).toMatchObject({ auth: 'bearer tokens', trustProxy: ['127.0.0.1'] });
    expect(String(listening.url)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    serve.kill(setting('KillSignal') as NodeJS.Signals);
    expect(await exited).toBe(0);
  });

  it('hash-token prints the token once on stderr and its line for --tokens on stdout', () => {
    const r = npxTariff(['serve', 'hash-token', 'billing']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^billing scrypt:[^:\s]+:[^:\s]+\n$/);
    expect(r.stderr).toMatch(/^token for billing \(shown once, give it to the client\): \S+\n$/);
  });

  it('docs/decision-service.md’s library example is docs/examples/embed-engine.mjs (which test/serve/library.test.ts runs)', () => {
    const block = /```js\n([\s\S]*?)```/.exec(read('docs/decision-service.md'))![1]!;
    const example = read('docs/examples/embed-engine.mjs');
    const code = (text: string) =>
      text
        .split('\n')
        .filter((l) => l.trim() !== '' && !l.trim().startsWith('//') && !l.startsWith('console.log'))
        .map((l) => l.replace("loadReleaseFile('release.json')", 'loadReleaseFile(process.argv[2])'));
    expect(code(block)).toEqual(code(example));
  });
});

describe('what the docs name exists', () => {
  it('docs/case-files.md is the contract ../shared/spec/case-files.md below its note', () => {
    const copy = read('docs/case-files.md');
    const contract = join(PROJECT_ROOT, '..', 'shared', 'spec', 'case-files.md');
    const body = copy.slice(copy.indexOf('# Case files: the engine'));
    expect(copy.startsWith('> A copy of `../shared/spec/case-files.md`')).toBe(true);
    // A clone without ../shared has only the copy; where the contract is (the team's checkouts, CI) they are one text.
    if (existsSync(contract)) expect(body).toBe(readFileSync(contract, 'utf8'));
  });

  it('every file or folder a doc names in `backticks` is in the repository (build outputs and generated files aside)', () => {
    const files = spawnSync('git', ['ls-files'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    const known = new Set(files.flatMap((f) => f.split('/').map((_, i, p) => p.slice(0, i + 1).join('/'))));
    const missing: string[] = [];
    for (const doc of DOCS.filter((d) => d !== 'docs/case-files.md')) {
      for (const [, token] of read(doc).matchAll(/`([^`\s]+)`/g)) {
        const t = token!.replace(/[),.:;]+$/, '').replace(/\/$/, '');
        const pathLike = /\.(ts|tsx|js|mjs|cjs|json|md|txt|yml|sh)$/.test(t) || /^(src|test|docs|bench|scripts|rules|tariffs|eslint|bin|scenarios)\//.test(t);
        if (!pathLike || /[*<>{}…|]|NAME|DATE|FILE|VERSION/.test(t) || /^(dist|\.\.\/shared\/)/.test(t) || t === 'audit-anchor.json' || t.startsWith('release-')) continue;
        if (known.has(t) || files.some((f) => f.endsWith(`/${t}`))) continue;
        missing.push(`${doc}: ${t}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every "§ Title" a doc points to is a heading or a bold lead of the doc it names (its own when it names none)', () => {
    const targets = (doc: string): string[] => {
      const text = read(doc).replace(/```[\s\S]*?```/g, '');
      return [...[...text.matchAll(/^#+ (.+)$/gm)].map((m) => m[1]!), ...[...text.matchAll(/\*\*([^*]+?)\*\*/g)].map((m) => m[1]!.replace(/[.:]$/, ''))].map((t) => t.trim());
    };
    const broken: string[] = [];
    let seen = 0;
    for (const doc of DOCS) {
      // `docs/X.md` § Title, or § Title alone for a section of the same doc. The title may run onto the next
      // line (its first line begins a title) or the sentence go on after it in lower case (§ Speed has …).
      for (const [, named, title] of read(doc).matchAll(/(?:`?([\w/.-]+\.md)`? )?§ ([A-Z][^.;,()`\n]*)/g)) {
        const target = named ?? doc;
        const ref = title!.trim();
        seen++;
        if (!existsSync(join(PROJECT_ROOT, target))) broken.push(`${doc}: ${target} (no such doc)`);
        else if (!targets(target).some((t) => t.startsWith(ref) || (ref.startsWith(t) && /^ [a-z]/.test(ref.slice(t.length))))) broken.push(`${doc}: ${target} § ${ref}`);
      }
    }
    expect(seen).toBeGreaterThan(30);
    expect(broken).toEqual([]);
  });
});
