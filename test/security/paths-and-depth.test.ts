import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_TARIFFS, PROJECT_ROOT } from '../../src/cli/options.js';
import { startStudioServer } from '../../src/studio/server/http-server.js';
import { cleanLeftovers, openWorkspace } from '../../src/studio/workspace/open-workspace.js';
import { closeWorkspace } from '../../src/studio/workspace/workspace.js';
import { freshStudio, scratch, SEED } from '../studio/helpers.js';
import { runCli } from './helpers.js';

/** Attack 10 and the extras: symbolic link loops, unreadable folders, JSON nested thousands deep, escaping index.json, empty case files, half-created workspaces. */
const CASE = { name: 'ok', asOf: '2025-02-28', decision: 'surcharge', facts: { evadedAmount: 1000 }, expect: { outcome: 'charge' } };
/** JSON text of {"a": {"a": … 1}} nested `depth` deep (JSON.stringify itself overflows on such a value). */
const nested = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const restore: string[] = [];
afterAll(() => restore.forEach((d) => chmodSync(d, 0o755)));

describe('tariff test and validate on hostile folders and files', () => {
  it('a symbolic link loop is a located error with exit 2', async () => {
    const dir = scratch('loop-');
    writeFileSync(join(dir, 'a.json'), JSON.stringify(CASE));
    symlinkSync(dir, join(dir, 'again'));
    for (const cmd of ['test', 'validate']) {
      const r = await runCli(cmd, dir);
      expect(r.code, cmd).toBe(2);
      expect(r.err).toMatch(/CASE_PATH_LOOP\n {2}.*again: leads back to/);
    }
    const self = join(scratch('self-'), 'self');
    symlinkSync(self, self);
    const r = await runCli('test', self);
    expect(r.code).toBe(2);
    expect(r.err).toContain('CASE_PATH_LOOP');
  });

  it('an unreadable folder is a located error with exit 2 (run as a user who cannot read it)', () => {
    const dir = scratch('unreadable-');
    chmodSync(dir, 0o755);
    const inner = join(dir, 'secret');
    mkdirSync(inner);
    writeFileSync(join(inner, 'a.json'), JSON.stringify(CASE));
    chmodSync(inner, 0o000);
    restore.push(inner);
    const home = scratch('home-');
    chmodSync(home, 0o777);
    const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'tariff.mjs'), 'test', dir], {
      encoding: 'utf8',
      cwd: home,
      env: { ...process.env, HOME: home },
      ...(process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}),
    });
    expect(r.stderr).toMatch(/FILE_UNREADABLE\n {2}.*secret: the folder cannot be read/);
    expect(r.status).toBe(2);
  });

  it.each([
    ['expect', JSON.stringify(CASE).replace('"expect":{"outcome":"charge"}', `"expect":${nested(5000)}`), '/expect'],
    ['facts', JSON.stringify(CASE).replace('"evadedAmount":1000', `"evadedAmount":${nested(5000)}`), '/facts/evadedAmount'],
  ])('%s nested thousands deep: CASE_TOO_DEEP at its pointer, exit 2, for test, validate and decide', async (_what, text, pointer) => {
    const file = join(scratch('deep-'), 'deep.json');
    writeFileSync(file, text);
    for (const cmd of ['test', 'validate', 'decide']) {
      const r = await runCli(cmd, file);
      expect(r.code, cmd).toBe(2);
      expect(r.err).toMatch(new RegExp(`CASE_TOO_DEEP\\n  .*deep\\.json ${pointer}/a/a`));
    }
  });

  it('a case file that holds no case, or a folder with none, is an error', async () => {
    const dir = scratch('empty-cases-');
    writeFileSync(join(dir, 'none.json'), '[]');
    const r = await runCli('test', join(dir, 'none.json'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/CASE_FILE_EMPTY\n {2}.*none\.json: holds no case/);
    const empty = scratch('no-files-');
    const r2 = await runCli('test', empty);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('NO_CASES');
  });

  it('an index.json version folder that leaves its root is refused', async () => {
    const tariffs = join(scratch('escape-'), 'tariffs');
    cpSync(DEFAULT_TARIFFS, tariffs, { recursive: true });
    const index = JSON.parse(readFileSync(join(tariffs, 'index.json'), 'utf8')) as { versions: { dir: string }[] };
    for (const dir of ['../../etc', '/etc', '2023-09-19/../../x']) {
      index.versions[0]!.dir = dir;
      writeFileSync(join(tariffs, 'index.json'), JSON.stringify(index));
      const r = await runCli('validate', '--tariffs', tariffs);
      expect(r.code, dir).toBe(2);
      expect(r.err).toMatch(/index\.json \/versions\/0\/dir: ".*" leaves the folder/);
    }
  });
});

describe('the studio API on deep payloads', () => {
  it('facts nested thousands deep get 400 over HTTP, and the server keeps serving', async () => {
    const { dispatch } = freshStudio();
    const server = await startStudioServer({ dispatch });
    try {
      const body = `{"decision":"surcharge","asOf":"2025-02-28","facts":{"evadedAmount":${'{"a":'.repeat(20000)}1${'}'.repeat(20000)}},"interpretations":{}}`;
      const r = await fetch(`${server.url}api/explorer.decide`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      expect(r.status).toBe(400);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_DEEP');
      expect((await fetch(`${server.url}api/tariffs.list`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('an interrupted workspace creation', () => {
  it('leaves side files of a dead process, which the next open removes', () => {
    const dir = scratch('leftover-');
    const file = join(dir, 'ws.sqlite');
    for (const f of ['ws.sqlite.creating-999999', 'ws.sqlite.creating-999999-wal', 'ws.sqlite.creating-999999-shm']) writeFileSync(join(dir, f), 'half');
    writeFileSync(join(dir, `ws.sqlite.creating-${process.ppid}`), 'a live process');
    const { ws } = openWorkspace(file, { seed: SEED, actor: 'tester' });
    closeWorkspace(ws);
    expect(cleanLeftovers(file)).toEqual([]);
    expect(readFileSync(join(dir, `ws.sqlite.creating-${process.ppid}`), 'utf8')).toBe('a live process');
    expect(
      spawnSync('ls', [dir], { encoding: 'utf8' })
        .stdout.split('\n')
        .filter((n) => n.includes('999999')),
    ).toEqual([]);
  });
});
