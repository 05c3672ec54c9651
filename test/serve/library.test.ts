import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderRelease, scratch, writeRelease } from './helpers.js';

const root = join(__dirname, '..', '..');

describe('the engine as a library', () => {
  it('npm run build:engine, then the documented example imports "tariff-studio" and "tariff-studio/node" and answers', () => {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-engine.mjs')], { cwd: root, stdio: 'pipe' });
    const file = writeRelease(scratch(), 'r.json', folderRelease());
    const out = execFileSync(process.execPath, [join(root, 'docs', 'examples', 'embed-engine.mjs'), file], { cwd: root, encoding: 'utf8' });
    const r = JSON.parse(out) as { release: string; outcome: string; amount: number; clauses: string[] };
    expect(r.release).toMatch(/^r-[0-9a-f]{16}$/);
    expect(r).toMatchObject({ outcome: 'settle', amount: 14000 });
    expect(r.clauses).toContain('別紙6');
  });
});
