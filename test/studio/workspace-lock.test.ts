import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/studio/workspace/open-workspace.js';
import { lockFileOf } from '../../src/studio/workspace/workspace-lock.js';
import { closeWorkspace } from '../../src/studio/workspace/workspace.js';
import { scratch, SEED } from './helpers.js';

describe('the workspace lock', () => {
  // A parent that never waits: its child, once it exits, stays a zombie (state Z) until the parent ends.
  const parent = spawn('sh', ['-c', 'sleep 0.1 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
  afterAll(() => {
    parent.kill('SIGKILL');
  });

  it('takes over a lock whose process has exited but is not yet reaped (kill -9, then a restart at once)', async () => {
    const zombie = await new Promise<number>((ok) => parent.stdout.once('data', (d: Buffer) => ok(Number(d.toString().trim()))));
    await new Promise((r) => setTimeout(r, 400));
    const file = join(scratch('lock-zombie-'), 'ws.sqlite');
    closeWorkspace(openWorkspace(file, { seed: SEED }).ws);
    writeFileSync(lockFileOf(file), JSON.stringify({ pid: zombie, host: hostname(), purpose: 'a killed studio', since: '2025-01-01T00:00:00Z' }));
    const { ws } = openWorkspace(file, { lock: 'the desktop studio' });
    closeWorkspace(ws);
    expect(zombie).toBeGreaterThan(0);
  });

  it('creates the folder of a new workspace before its lock (the default path on a new machine: ~/.local/share/Tariff Studio/ does not exist yet)', () => {
    const file = join(scratch('lock-new-folder-'), 'not', 'yet', 'ws.sqlite');
    const { ws, created } = openWorkspace(file, { seed: SEED, lock: 'the desktop studio' });
    expect(created).toBe(true);
    expect(existsSync(lockFileOf(file))).toBe(true);
    closeWorkspace(ws);
    expect(existsSync(lockFileOf(file))).toBe(false);
  });

  it('refuses a path through a file with a workspace error that says what to do, not a raw ENOTDIR', () => {
    const parentFile = join(scratch('lock-folder-is-file-'), 'plain-file');
    writeFileSync(parentFile, 'x');
    expect(() => openWorkspace(join(parentFile, 'ws.sqlite'), { seed: SEED, lock: 'the desktop studio' })).toThrow(
      expect.objectContaining({ code: 'WORKSPACE_UNWRITABLE', message: expect.stringContaining('a part of its path is a file'), hint: expect.stringContaining('--workspace') }),
    );
  });
});
