import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, DEFAULT_TARIFFS } from '../../src/cli/options.js';
import { canonicalJson } from '../../src/engine/canonical-json.js';
import type { ReleaseFile } from '../../src/engine/release-types.js';
import { loadReleaseFile } from '../../src/io/release-file.js';
import { verifyAudit } from '../../src/studio/workspace/audit-log.js';
import { openWorkspace } from '../../src/studio/workspace/open-workspace.js';
import { closeWorkspace } from '../../src/studio/workspace/workspace.js';
import { parseTokenFile, TokenChecker } from '../../src/serve/tokens.js';
import { expectDataLoadError, thrownDataLoadError } from '../data-load-error.js';
import { BIN, ed25519Keys, folderRelease, reseal, scratch, tariff, writeRelease } from './helpers.js';

const codeOf = (fn: () => unknown): string => thrownDataLoadError(fn)?.code ?? 'no error';
const read = (file: string): ReleaseFile => JSON.parse(readFileSync(file, 'utf8')) as ReleaseFile;

describe('canonical JSON', () => {
  it('sorts keys at every depth, ignores indentation and refuses what JSON cannot carry', () => {
    expect(canonicalJson({ b: [{ z: 1, a: 'x' }], a: null })).toBe('{"a":null,"b":[{"a":"x","z":1}]}');
    expect(canonicalJson(JSON.parse('{ "y": 1,\n  "x": 2 }'))).toBe(canonicalJson({ x: 2, y: 1 }));
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/not a JSON number/);
  });
});

describe('tariff release build / verify', () => {
  it('packs the approved versions of the folders with a manifest, and verify says it holds', () => {
    const dir = scratch();
    const out = join(dir, 'r.json');
    const b = tariff('release', 'build', '--rules', DEFAULT_RULES, '--tariffs', DEFAULT_TARIFFS, '--out', out);
    expect(b.stderr).toBe('');
    expect(b.status).toBe(0);
    const r = read(out);
    expect(b.stdout).toContain(`release ${r.id}`);
    expect(r.content.manifest).toMatchObject({ source: 'folders', auditHead: null, program: { name: 'tariff-studio' } });
    expect(r.content.manifest.versions).toEqual([
      { kind: 'rules', effective: '2023-09-19', status: 'approved', approvedBy: 'legal', approvedAt: null },
      { kind: 'tariffs', effective: '2023-09-19', status: 'approved', approvedBy: null, approvedAt: null },
    ]);
    const v = tariff('release', 'verify', out);
    expect(v.status).toBe(0);
    expect(v.stdout).toContain(`release ${r.id} holds`);
  });

  it("without --workspace or folders packs the program's own rules/ and tariffs/ (as tariff validate reads them) and says so; a folder given is packed and named", () => {
    const dir = scratch();
    const bare = tariff('release', 'build', '--out', join(dir, 'bare.json'));
    expect(bare.stderr).toBe('');
    expect(bare.status).toBe(0);
    expect(bare.stdout).toContain(`  packed from rules ${DEFAULT_RULES} (the program's own) and tariffs ${DEFAULT_TARIFFS} (the program's own)\n`);
    const explicit = tariff('release', 'build', '--rules', DEFAULT_RULES, '--tariffs', DEFAULT_TARIFFS, '--out', join(dir, 'explicit.json'));
    expect(explicit.status).toBe(0);
    const { builtAt: _b, ...bareManifest } = read(join(dir, 'bare.json')).content.manifest;
    const { builtAt: _e, ...explicitManifest } = read(join(dir, 'explicit.json')).content.manifest;
    expect(bareManifest).toEqual(explicitManifest);
    expect(read(join(dir, 'bare.json')).content.rules).toEqual(read(join(dir, 'explicit.json')).content.rules);
    expect(read(join(dir, 'bare.json')).content.tariffs).toEqual(read(join(dir, 'explicit.json')).content.tariffs);
    // Another rules folder with the program's tariffs: the output names each one packed.
    const data = join(dir, 'data');
    cpSync(DEFAULT_RULES, join(data, 'rules'), { recursive: true });
    const mixed = tariff('release', 'build', '--rules', join(data, 'rules'), '--out', join(dir, 'mixed.json'));
    expect(mixed.status, mixed.stderr).toBe(0);
    expect(mixed.stdout).toContain(`  packed from rules ${join(data, 'rules')} and tariffs ${DEFAULT_TARIFFS} (the program's own)\n`);
    const notFolder = tariff('release', 'build', '--tariffs', join(dir, 'nowhere'), '--out', join(dir, 'x.json'));
    expect(notFolder.stderr).toContain(`--tariffs ${join(dir, 'nowhere')} is not a folder that exists; give the tariffs/ folder, the one holding index.json`);
    expect(notFolder.status).toBe(2);
    const both = tariff('release', 'build', '--workspace', join(dir, 'ws.sqlite'), '--rules', DEFAULT_RULES, '--out', join(dir, 'y.json'));
    expect(both.stderr).toContain('give either --workspace FILE, or --rules DIR and --tariffs DIR, not both');
    expect(both.status).toBe(2);
  });

  it('refuses a release with one byte changed (RELEASE_HASH), wherever it is loaded', () => {
    const dir = scratch();
    const file = writeRelease(dir, 'r.json', folderRelease());
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('"monthlyFee": ') + '"monthlyFee": '.length;
    const digit = text[at]!;
    writeFileSync(file, text.slice(0, at) + (digit === '9' ? '8' : String(Number(digit) + 1)) + text.slice(at + 1));
    const v = tariff('release', 'verify', file);
    expect(v.status).toBe(1);
    expect(v.stdout).toContain('RELEASE_HASH');
    expect(v.stdout).toMatch(/was changed after it was built/);
    expect(codeOf(() => loadReleaseFile(file))).toBe('RELEASE_HASH');
    const s = tariff('serve', '--release', file, '--port', '0');
    expect(s.status).toBe(2);
    expect(s.stderr).toContain('RELEASE_HASH');
  });

  it('an empty release file is RELEASE_JSON with advice about releases, not about case files', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'empty.json'), '');
    const e = expectDataLoadError(() => loadReleaseFile(join(dir, 'empty.json')));
    expect(e.code).toBe('RELEASE_JSON');
    expect(e.errors[0]?.message).toContain('The file is empty: build the release again (tariff release build --out FILE).');
    expect(e.errors[0]?.message).not.toContain('case');
  });

  it('key order and indentation are not changes; an id that does not match is', () => {
    const dir = scratch();
    const r = folderRelease();
    writeFileSync(join(dir, 'compact.json'), JSON.stringify({ content: r.content, sha256: r.sha256, id: r.id, format: r.format }));
    expect(loadReleaseFile(join(dir, 'compact.json')).id).toBe(r.id);
    writeRelease(dir, 'id.json', { ...r, id: 'r-0000000000000000' });
    expect(codeOf(() => loadReleaseFile(join(dir, 'id.json')))).toBe('RELEASE_ID');
  });

  it('never packs a draft or a version in review, and refuses a release that holds one even with a correct hash', () => {
    const data = scratch();
    cpSync(DEFAULT_RULES, join(data, 'rules'), { recursive: true });
    cpSync(DEFAULT_TARIFFS, join(data, 'tariffs'), { recursive: true });
    cpSync(join(data, 'rules', '2023-09-19'), join(data, 'rules', '2026-04-01'), { recursive: true });
    cpSync(join(data, 'rules', '2023-09-19'), join(data, 'rules', '2026-05-01'), { recursive: true });
    cpSync(join(data, 'tariffs', '2023-09-19'), join(data, 'tariffs', '2026-04-01'), { recursive: true });
    const ri = JSON.parse(readFileSync(join(data, 'rules', 'index.json'), 'utf8')) as { versions: object[] };
    ri.versions.push({ effective: '2026-04-01', status: 'draft', dir: '2026-04-01' }, { effective: '2026-05-01', status: 'in-review', dir: '2026-05-01' });
    writeFileSync(join(data, 'rules', 'index.json'), JSON.stringify(ri));
    const ti = JSON.parse(readFileSync(join(data, 'tariffs', 'index.json'), 'utf8')) as { versions: object[] };
    ti.versions.push({ effective: '2026-04-01', status: 'draft', dir: '2026-04-01' });
    writeFileSync(join(data, 'tariffs', 'index.json'), JSON.stringify(ti));
    const out = join(data, 'r.json');
    expect(tariff('release', 'build', '--rules', join(data, 'rules'), '--tariffs', join(data, 'tariffs'), '--out', out).status).toBe(0);
    const r = read(out);
    expect(r.content.rules.map((v) => `${v.effective} ${v.status}`)).toEqual(['2023-09-19 approved']);
    expect(r.content.tariffs.map((v) => `${v.effective} ${v.status}`)).toEqual(['2023-09-19 approved']);
    expect(r.content.manifest.versions.map((v) => v.effective)).toEqual(['2023-09-19', '2023-09-19']);

    const forged = reseal({ ...r, content: { ...r.content, rules: [...r.content.rules, { ...r.content.rules[0]!, effective: '2026-04-01', status: 'draft' }] } });
    const file = writeRelease(data, 'forged.json', forged);
    expect(codeOf(() => loadReleaseFile(file))).toBe('RELEASE_DRAFT');
    const v = tariff('release', 'verify', file);
    expect(v.status).toBe(1);
    expect(v.stdout).toContain('/content/rules/1/status');
  });

  it('checks every version against the data schemas, naming the JSON pointer', () => {
    const dir = scratch();
    const r = folderRelease();
    const bad = structuredClone(r);
    (bad.content.rules[0]!.decisions.settlement.rules[0] as { clause: string }).clause = 'clause 7';
    const file = writeRelease(dir, 'bad.json', reseal(bad));
    const v = tariff('release', 'verify', file);
    expect(v.status).toBe(1);
    expect(v.stdout).toContain('RULE_SCHEMA');
    expect(v.stdout).toContain('#/content/rules/0/decisions/settlement /rules/0/clause');
    const manifest = structuredClone(r);
    manifest.content.manifest.versions.pop();
    expect(codeOf(() => loadReleaseFile(writeRelease(dir, 'm.json', reseal(manifest))))).toBe('RELEASE_MANIFEST');
    writeFileSync(join(dir, 'env.json'), JSON.stringify({ ...r, extra: 1 }));
    expect(codeOf(() => loadReleaseFile(join(dir, 'env.json')))).toBe('RELEASE_SCHEMA');
  });

  it('signs with an Ed25519 key and verifies with its public key only', () => {
    const dir = scratch();
    const k1 = ed25519Keys(dir, 'one');
    const k2 = ed25519Keys(dir, 'two');
    const out = join(dir, 'signed.json');
    const b = tariff('release', 'build', '--rules', DEFAULT_RULES, '--tariffs', DEFAULT_TARIFFS, '--out', out, '--sign', k1.privateKey);
    expect(b.status).toBe(0);
    expect(b.stdout).toMatch(/signed by key [0-9a-f]{16}/);
    const keyId = /signed by key ([0-9a-f]{16})/.exec(b.stdout)![1]!;
    expect(tariff('release', 'verify', out, '--public-key', k1.publicKey).stdout).toContain(`  signature verified: signed by key ${keyId}, the key of ${k1.publicKey}\n`);
    // Without a key the signature is only named, never called verified.
    expect(tariff('release', 'verify', out).stdout).toContain(`  signed by key ${keyId}, not verified (give --public-key PEM to verify the signature)\n`);
    expect(loadReleaseFile(out)).toMatchObject({ signed: true, signedBy: keyId, signatureVerified: false });
    expect(loadReleaseFile(out, { publicKeyFile: k1.publicKey })).toMatchObject({ signed: true, signedBy: keyId, signatureVerified: true });
    const wrong = tariff('release', 'verify', out, '--public-key', k2.publicKey);
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toContain('RELEASE_SIGNATURE');
    const r = read(out);
    const flipped = { ...r, signature: { ...r.signature!, value: Buffer.from(Buffer.from(r.signature!.value, 'base64').map((x, i) => (i === 0 ? x ^ 1 : x))).toString('base64') } };
    expect(codeOf(() => loadReleaseFile(writeRelease(dir, 'flipped.json', flipped), { publicKeyFile: k1.publicKey }))).toBe('RELEASE_SIGNATURE');
    const unsigned = writeRelease(dir, 'unsigned.json', folderRelease());
    const u = tariff('release', 'verify', unsigned, '--public-key', k1.publicKey);
    expect(u.status).toBe(1);
    expect(u.stdout).toContain('RELEASE_UNSIGNED');
  });

  it('from a workspace: the approval of each version, the audit head, and the same engine answers', () => {
    const dir = scratch();
    const ws = join(dir, 'ws.sqlite');
    const { ws: w } = openWorkspace(ws, { seed: { rulesDir: DEFAULT_RULES, tariffsDir: DEFAULT_TARIFFS }, actor: 'tester' });
    const head = verifyAudit(w);
    closeWorkspace(w);
    const out = join(dir, 'w.json');
    const b = tariff('release', 'build', '--workspace', ws, '--out', out);
    expect(b.stderr).toBe('');
    expect(b.status).toBe(0);
    const m = read(out).content.manifest;
    expect(m.source).toBe('workspace');
    expect(head.ok && m.auditHead === head.head && m.auditEntries === head.entries).toBe(true);
    expect(m.versions.every((v) => v.approvedAt !== null)).toBe(true);
    expect(m.versions.find((v) => v.kind === 'rules')?.approvedBy).toBe('legal');
    expect(b.stdout).toContain(`  packed from workspace ${ws}\n`);
    expect(tariff('release', 'verify', out).status).toBe(0);
    expect(tariff('release', 'build', '--workspace', ws).status).toBe(2);
  });
});

describe('the release and serve commands', () => {
  it('tariff release alone or with --help lists its two commands', () => {
    const help = tariff('release', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('tariff release build');
    expect(help.stdout).toContain('tariff release verify');
    const bare = tariff('release');
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('tariff release build');
    expect(tariff('release', 'verify', '--help').stdout).toContain('Exit 2: the file or the key cannot be read, or the key is not an Ed25519 public key.');
    const wrong = tariff('release', 'publish');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('unknown command "publish"');
  });

  it('release build and audit verify with no workspace at --workspace say which file they want and how one comes to be (exit 2, nothing written)', () => {
    const dir = scratch();
    const missing = join(dir, 'studio.sqlite');
    const build = tariff('release', 'build', '--workspace', missing, '--out', join(dir, 'release.json'));
    expect(build.status).toBe(2);
    expect(build.stderr).toContain(
      `tariff release build: WORKSPACE_MISSING: no workspace at ${missing}\n  Give the path of an existing workspace: the file the studio saves into (tariff studio --workspace FILE creates one from tariffs/ and rules/)`,
    );
    expect(build.stderr).toContain('Without --workspace the folders rules/ and tariffs/ are packed.');
    expect(existsSync(join(dir, 'release.json'))).toBe(false);
    const audit = tariff('audit', 'verify', '--workspace', missing);
    expect(audit.status).toBe(2);
    expect(audit.stderr).toContain(`tariff audit verify: WORKSPACE_MISSING: no workspace at ${missing}\n  Give the path of an existing workspace`);
  });

  it('hash-token makes a token shown once, or hashes one read from stdin (never from the command line with -)', async () => {
    const made = tariff('serve', 'hash-token', 'billing');
    expect(made.status).toBe(0);
    const token = /: (\S+)$/.exec(made.stderr.trim())![1]!;
    expect(made.stdout).not.toContain(token);
    const piped = spawnSync(process.execPath, [BIN, 'serve', 'hash-token', 'ops', '--token', '-'], { encoding: 'utf8', input: 'ops-token-from-stdin-0123\n' });
    expect(piped.status).toBe(0);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).not.toContain('ops-token-from-stdin-0123');
    const dir = scratch();
    writeFileSync(join(dir, 'tokens'), `${made.stdout}${piped.stdout}`);
    const checker = new TokenChecker(parseTokenFile(join(dir, 'tokens')));
    expect(await checker.check(token)).toBe('billing');
    expect(await checker.check('ops-token-from-stdin-0123')).toBe('ops');
    const short = spawnSync(process.execPath, [BIN, 'serve', 'hash-token', 'ops', '--token', '-'], { encoding: 'utf8', input: 'short\n' });
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('at least 16 characters');
  });
});
