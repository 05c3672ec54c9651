import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { STOP_SIGNALS, untilStopSignal } from '../../src/cli/studio-serve.js';
import { lockFileOf } from '../../src/studio/workspace/workspace-lock.js';
import { folderRelease, writeRelease } from '../serve/helpers.js';

/**
 * Closing the terminal a long-running command runs in sends it SIGHUP, which ends node at once
 * unless the command listens for it: the workspace's lock left behind, the last log lines lost.
 * `tariff studio --web`, `tariff studio --serve` and `tariff serve` stop on it as on SIGTERM.
 */
const BIN = join(PROJECT_ROOT, 'bin', 'tariff.mjs');
const dir = mkdtempSync(join(tmpdir(), 'sighup-'));

type Run = { child: ChildProcess; output: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> };

/** Starts `tariff ARGS` and resolves once `ready` is in its stdout (rejects if it exits first). */
const start = async (args: string[], ready: RegExp): Promise<Run> => {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let out = '';
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (ready.test(out)) resolve();
    });
    void exited.then(() => reject(new Error(`tariff ${args.join(' ')} exited before it was ready:\n${out}`)));
  });
  return { child, output: () => out, exited };
};

describe('SIGHUP (the terminal closed) stops a long-running command cleanly, as SIGTERM does', () => {
  it.each([
    ['--web', 'web.sqlite', ['--web', '--port', '0'], 'Tariff Studio stopped; every saved change is in the workspace.'],
    ['--serve', 'team.sqlite', ['--serve', '--listen', '127.0.0.1:0'], 'Tariff Studio team server stopped; every saved change is in the workspace.'],
  ])('tariff studio %s: the clean-stop line, exit 0, the lock released', async (_mode, file, args, stopped) => {
    const workspace = join(dir, file);
    const run = await start(['studio', ...args, '--workspace', workspace], /Press Ctrl\+C to stop\./u);
    expect(existsSync(lockFileOf(workspace))).toBe(true);
    run.child.kill('SIGHUP');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.output()).toContain(stopped);
    expect(existsSync(lockFileOf(workspace))).toBe(false);
  });

  it('tariff serve, alone and with --workers 2: the stopping and stopped lines (the log flushed), exit 0', async () => {
    const release = writeRelease(dir, 'release.json', folderRelease());
    // With --workers 2, ready once both workers listen (each logs its own line).
    for (const [extra, ready] of [
      [[], /"event":"listening"/u],
      [['--workers', '2'], /"event":"listening"[\s\S]*"event":"listening"/u],
    ] as const) {
      const run = await start(['serve', '--release', release, '--port', '0', '--batch-threads', '0', ...extra], ready);
      run.child.kill('SIGHUP');
      expect(await run.exited, extra.join(' ')).toEqual({ code: 0, signal: null });
      expect(run.output()).toContain('"event":"stopping","signal":"SIGHUP"');
      expect(run.output()).toMatch(/"event":"stopped"[^\n]*\n$/u);
    }
  });
});

describe('untilStopSignal (tariff studio --web and --serve)', () => {
  it('after the first stop signal, a repeated SIGHUP (a closing terminal sends more than one) is ignored, while a second Ctrl+C or SIGTERM still ends the process at once', async () => {
    const before = Object.fromEntries(STOP_SIGNALS.map((s) => [s, process.listeners(s)]));
    onTestFinished(() => {
      for (const s of STOP_SIGNALS) for (const l of process.listeners(s)) if (!before[s]!.includes(l)) process.off(s, l);
    });
    const stopped = untilStopSignal();
    for (const s of STOP_SIGNALS) expect(process.listenerCount(s), s).toBe(before[s]!.length + 1);
    process.emit('SIGHUP', 'SIGHUP');
    await stopped;
    // SIGINT and SIGTERM are back to what they were (node's default: the process ends); SIGHUP keeps a listener, so node does not end it.
    expect(process.listenerCount('SIGINT')).toBe(before.SIGINT!.length);
    expect(process.listenerCount('SIGTERM')).toBe(before.SIGTERM!.length);
    expect(process.listenerCount('SIGHUP')).toBe(before.SIGHUP!.length + 1);
    // A second wait (the studio is started once per process, but the listener is not added twice).
    const again = untilStopSignal();
    process.emit('SIGTERM', 'SIGTERM');
    await again;
    expect(process.listenerCount('SIGHUP')).toBe(before.SIGHUP!.length + 1);
  });
});
