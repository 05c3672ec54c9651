import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { stopsOnHangup } from '../../src/io/hangup.js';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { STOP_SIGNALS, untilStopSignal } from '../../src/cli/studio-serve.js';
import { lockFileOf } from '../../src/studio/workspace/workspace-lock.js';
import { folderRelease, writeRelease } from '../serve/helpers.js';

/**
 * Closing the terminal a long-running command runs in sends it SIGHUP, which ends node at once
 * unless the command listens for it: the workspace's lock left behind, the last log lines lost.
 * `tariff studio --web`, `tariff studio --serve` and `tariff serve` stop on it as on SIGTERM while
 * they have a terminal. Started with `nohup` (none of standard input, output and error a terminal)
 * they go on, as nohup promises: node resets the SIGHUP that nohup ignored, so without this the
 * service stopped when the operator's terminal closed.
 *
 * Each command runs on a pseudo-terminal of its own (util-linux `script`), as in a terminal window;
 * `exec sh -c 'echo PID:$$; exec …'` prints the pid the command then runs as, the leader of its group
 * (`exec` because `script` runs its command with `$SHELL -c`, and `/bin/sh` when SHELL is unset, as
 * in CI: dash forks for it rather than exec, and the pid printed would not lead the group).
 */
const BIN = join(PROJECT_ROOT, 'bin', 'tariff.mjs');
const dir = mkdtempSync(join(tmpdir(), 'sighup-'));
const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

type Run = {
  child: ChildProcess;
  pid: number;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once `text` is in the output; rejects if the command exits first. */
  until: (text: string) => Promise<void>;
};

/**
 * Starts `tariff ARGS` on a terminal (`nohup`: under nohup, its output in `log`), and resolves once
 * `ready` is in what it wrote (rejects if it exits first).
 */
const start = async (args: string[], ready: RegExp, nohupLog?: string): Promise<Run> => {
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  const shell = `echo PID:$$; exec ${nohupLog ? `nohup ${command} > ${quote(nohupLog)}` : command}`;
  const child = spawn('script', ['-qec', `exec sh -c ${quote(shell)}`, '/dev/null'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let terminal = '';
  const output = (): string => terminal + (nohupLog && existsSync(nohupLog) ? readFileSync(nohupLog, 'utf8') : '');
  child.stdout.on('data', (c: Buffer) => (terminal += c.toString()));
  child.stderr.on('data', (c: Buffer) => (terminal += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let gone = false;
  void exited.then(() => (gone = true));
  onTestFinished(() => {
    const pid = /PID:(\d+)/u.exec(terminal)?.[1];
    if (!gone && pid) process.kill(-Number(pid), 'SIGKILL');
  });
  const until = async (seen: (out: string) => boolean, what: string): Promise<void> => {
    while (!seen(output())) {
      if (gone) throw new Error(`tariff ${args.join(' ')} exited before ${what}:\n${output()}`);
      await new Promise((ok) => setTimeout(ok, 20));
    }
  };
  await until((out) => ready.test(out), 'it was ready');
  return { child, pid: Number(/PID:(\d+)/u.exec(terminal)![1]), output, exited, until: (text) => until((out) => out.includes(text), `it wrote ${text}`) };
};

/** What `tariff serve`'s `listening` line gives as its address. */
const urlOf = (out: string): string => /"event":"listening","url":"([^"]+)"/u.exec(out)![1]!;

describe('SIGHUP with a terminal (it closed) stops a long-running command cleanly, as SIGTERM does', () => {
  it.each([
    ['--web', 'web.sqlite', ['--web', '--port', '0'], 'Tariff Studio stopped; every saved change is in the workspace.'],
    ['--serve', 'team.sqlite', ['--serve', '--listen', '127.0.0.1:0'], 'Tariff Studio team server stopped; every saved change is in the workspace.'],
  ])('tariff studio %s: the clean-stop line, exit 0, the lock released', async (_mode, file, args, stopped) => {
    const workspace = join(dir, file);
    const run = await start(['studio', ...args, '--workspace', workspace], /Press Ctrl\+C to stop\./u);
    expect(existsSync(lockFileOf(workspace))).toBe(true);
    process.kill(run.pid, 'SIGHUP');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.output()).toContain(stopped);
    expect(existsSync(lockFileOf(workspace))).toBe(false);
  });

  it('tariff serve, alone and with --workers 2 (the whole group signalled, as a closing terminal does): the stopping and stopped lines (the log flushed), exit 0', async () => {
    const release = writeRelease(dir, 'release.json', folderRelease());
    // With --workers 2, ready once both workers listen (each logs its own line).
    for (const [extra, ready] of [
      [[], /"event":"listening"/u],
      [['--workers', '2'], /"event":"listening"[\s\S]*"event":"listening"/u],
    ] as const) {
      const run = await start(['serve', '--release', release, '--port', '0', '--batch-threads', '0', ...extra], ready);
      expect(run.output()).toContain('"sighup":"stops the service (a terminal is attached)"');
      process.kill(-run.pid, 'SIGHUP');
      expect(await run.exited, extra.join(' ')).toEqual({ code: 0, signal: null });
      expect(run.output()).toContain('"event":"stopping","signal":"SIGHUP"');
      expect(run.output()).toMatch(/"event":"stopped"[^\n]*\r?\n$/u);
      expect(run.output()).not.toContain('worker.exited');
    }
  });
});

describe('started with nohup, a long-running command goes on after SIGHUP, says so, and stops on SIGTERM', () => {
  it('tariff serve, alone and with --workers 2: one hangup.ignored line, still answering, then SIGTERM: stopped, exit 0', async () => {
    const release = writeRelease(dir, 'release.json', folderRelease());
    for (const [extra, ready] of [
      [[], /"event":"listening"/u],
      [['--workers', '2'], /"event":"listening"[\s\S]*"event":"listening"/u],
    ] as const) {
      const log = join(dir, `serve${extra.length}.log`);
      const run = await start(['serve', '--release', release, '--port', '0', '--batch-threads', '0', ...extra], ready, log);
      expect(run.output()).toContain('"sighup":"ignored (no terminal attached, as under nohup)"');
      process.kill(-run.pid, 'SIGHUP');
      await run.until('"event":"hangup.ignored"');
      const health = await fetch(`${urlOf(run.output())}healthz`);
      expect(health.status, extra.join(' ')).toBe(200);
      expect(run.output()).not.toContain('"event":"stopping"');
      expect(run.output().match(/"event":"hangup.ignored"/gu)).toHaveLength(1);
      expect(run.output()).toContain('stop it with SIGTERM');
      process.kill(run.pid, 'SIGTERM');
      expect(await run.exited, extra.join(' ')).toEqual({ code: 0, signal: null });
      expect(run.output()).toContain('"event":"stopping","signal":"SIGTERM"');
      expect(run.output()).toMatch(/"event":"stopped"[^\n]*\n$/u);
    }
  });

  it('tariff studio --serve: the note on stderr, the workspace still locked and served; SIGTERM then stops it cleanly', async () => {
    const workspace = join(dir, 'nohup-team.sqlite');
    const log = join(dir, 'team.log');
    const run = await start(['studio', '--serve', '--listen', '127.0.0.1:0', '--workspace', workspace], /Press Ctrl\+C to stop\./u, log);
    process.kill(-run.pid, 'SIGHUP');
    await run.until('SIGHUP ignored');
    expect(existsSync(lockFileOf(workspace))).toBe(true);
    const url = /^\s+(http:\/\/127\.0\.0\.1:\d+\/)/mu.exec(run.output())![1]!;
    expect((await fetch(url)).status).toBeLessThan(500);
    process.kill(run.pid, 'SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.output()).toContain('Tariff Studio team server stopped; every saved change is in the workspace.');
    expect(existsSync(lockFileOf(workspace))).toBe(false);
  });
});

describe('tariff serve --help says how it stops', () => {
  it('SIGTERM or Ctrl+C, SIGHUP only with a terminal', () => {
    const help = spawnSync(process.execPath, [BIN, 'serve', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Stops on SIGTERM or Ctrl+C, after the requests in flight, exit 0;');
    expect(help.stdout).toContain('on SIGHUP too while a terminal is attached (under nohup, with no terminal, SIGHUP is logged and ignored).');
  });
});

describe('stopsOnHangup: whether the process still has a terminal', () => {
  it('any of standard input, output and error a terminal: SIGHUP stops; none (nohup): it does not', () => {
    expect(stopsOnHangup(() => false)).toBe(false);
    for (const fd of [0, 1, 2])
      expect(
        stopsOnHangup((n) => n === fd),
        `fd ${fd}`,
      ).toBe(true);
  });
});

describe('untilStopSignal (tariff studio --web and --serve)', () => {
  const restoreListeners = () => {
    const before = Object.fromEntries(STOP_SIGNALS.map((s) => [s, process.listeners(s)]));
    onTestFinished(() => {
      for (const s of STOP_SIGNALS) for (const l of process.listeners(s)) if (!before[s]!.includes(l)) process.off(s, l);
    });
    return before;
  };

  it('after the first stop signal, a repeated SIGHUP (a closing terminal sends more than one) is ignored, while a second Ctrl+C or SIGTERM still ends the process at once', async () => {
    const before = restoreListeners();
    const stopped = untilStopSignal(true);
    for (const s of STOP_SIGNALS) expect(process.listenerCount(s), s).toBe(before[s]!.length + 1);
    process.emit('SIGHUP', 'SIGHUP');
    await stopped;
    // SIGINT and SIGTERM are back to what they were (node's default: the process ends); SIGHUP keeps a listener, so node does not end it.
    expect(process.listenerCount('SIGINT')).toBe(before.SIGINT!.length);
    expect(process.listenerCount('SIGTERM')).toBe(before.SIGTERM!.length);
    expect(process.listenerCount('SIGHUP')).toBe(before.SIGHUP!.length + 1);
    // A second wait (the studio is started once per process, but the listener is not added twice).
    const again = untilStopSignal(true);
    process.emit('SIGTERM', 'SIGTERM');
    await again;
    expect(process.listenerCount('SIGHUP')).toBe(before.SIGHUP!.length + 1);
  });

  it('without a terminal, SIGHUP is noted each time and does not stop; SIGTERM does', async () => {
    restoreListeners();
    const notes: string[] = [];
    let stopped = false;
    const until = untilStopSignal(false, () => notes.push('ignored')).then(() => (stopped = true));
    process.emit('SIGHUP', 'SIGHUP');
    process.emit('SIGHUP', 'SIGHUP');
    await new Promise((ok) => setImmediate(ok));
    expect(stopped).toBe(false);
    expect(notes).toEqual(['ignored', 'ignored']);
    process.emit('SIGTERM', 'SIGTERM');
    await until;
    expect(stopped).toBe(true);
  });
});
