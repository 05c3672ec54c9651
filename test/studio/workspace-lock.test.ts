import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
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
});
