import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ed25519Keys } from '../serve/helpers.js';
import { scratchFiles, SPEC_EXAMPLE, tariff } from './run-tariff.js';

/**
 * tariff release build --out replaces an older release (a build a day is the usual way), never
 * another file: a workspace given by mistake held saved work, a case file someone's cases.
 */
describe('tariff release build --out', () => {
  it('refuses a file that is not a release (a workspace, a case file) and leaves it whole; exit 2', () => {
    const f = scratchFiles('tariff-release-out-');
    const ws = join(f.dir, 'studio.sqlite');
    expect(tariff(['tariffs', 'export', '--version', '2023-09-19', '--workspace', ws, '--out', join(f.dir, 'book.xlsx')]).status).toBe(0);
    const cases = f.write('cases.json', SPEC_EXAMPLE);
    for (const out of [ws, cases]) {
      const before = readFileSync(out);
      const r = tariff(['release', 'build', '--out', out]);
      expect(r.status, out).toBe(2);
      expect(r.stderr, out).toBe(
        `tariff release build: RELEASE_OUT_NOT_RELEASE: ${out} exists and is not a release file (tariff-release/1); it is left as it was\nGive --out a new file, or an older release to replace.\n`,
      );
      expect(readFileSync(out).equals(before), out).toBe(true);
    }
  });

  it('replaces an older release, and writes into an empty file', () => {
    const f = scratchFiles('tariff-release-out-');
    const out = join(f.dir, 'release.json');
    expect(tariff(['release', 'build', '--out', out]).status).toBe(0);
    copyFileSync(out, join(f.dir, 'older.json'));
    expect(tariff(['release', 'build', '--out', out]).status).toBe(0);
    expect(tariff(['release', 'verify', out]).status).toBe(0);
    const empty = join(f.dir, 'empty.json');
    writeFileSync(empty, '');
    expect(tariff(['release', 'build', '--out', empty]).status).toBe(0);
  });
});

describe('--public-key given the private key', () => {
  it('release verify and serve refuse it in words: the private key belongs only where releases are signed', () => {
    const f = scratchFiles('tariff-private-as-public-');
    const { privateKey } = ed25519Keys(f.dir, 'release');
    const out = join(f.dir, 'release.json');
    expect(tariff(['release', 'build', '--out', out, '--sign', privateKey]).status).toBe(0);
    for (const [command, args] of [
      ['release verify', ['release', 'verify', out, '--public-key', privateKey]],
      ['serve', ['serve', '--release', out, '--public-key', privateKey, '--port', '0']],
    ] as const) {
      const r = tariff([...args]);
      expect(r.status, command).toBe(2);
      expect(r.stderr, command).toBe(
        `tariff ${command}: KEY_INVALID\n  ${privateKey}: is a private key; give its public key (openssl pkey -in ${privateKey} -pubout -out release.pub), and keep the private key only where releases are signed\n`,
      );
    }
  });
});

describe('operator slips with release build', () => {
  it('--out the releases folder itself: RELEASE_OUT_FOLDER with a file name inside it, before anything is built (it said "EISDIR: cannot rename")', () => {
    const f = scratchFiles('tariff-release-out-');
    const r = tariff(['release', 'build', '--out', f.dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`tariff release build: RELEASE_OUT_FOLDER: --out ${f.dir} is a folder\nGive a file name inside it, e.g. --out ${join(f.dir, 'release.json')}.\n`);
  });

  it('--sign given the public key: KEY_INVALID saying --sign takes the private key (it said "DECODER routines::unsupported")', () => {
    const f = scratchFiles('tariff-public-as-private-');
    const { publicKey } = ed25519Keys(f.dir, 'release');
    const r = tariff(['release', 'build', '--out', join(f.dir, 'release.json'), '--sign', publicKey]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`tariff release build: KEY_INVALID\n  ${publicKey}: is a public key; --sign takes the private key it was made from (release.key)`);
    expect(r.stderr).not.toContain('DECODER');
  });
});
