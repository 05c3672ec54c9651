import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ed25519Keys, folderRelease, scratch, writeRelease } from './helpers.js';

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

  it('a billing project of its own, after `npm install CHECKOUT` as the docs say (a link; nothing fetched): the example runs there, and refuses an unsigned release with the public key', () => {
    const doc = readFileSync(join(root, 'docs', 'decision-service.md'), 'utf8');
    expect(doc).toContain('cd /path/to/billing && npm install /path/to/tariff-studio');
    execFileSync(process.execPath, [join(root, 'scripts', 'build-engine.mjs')], { cwd: root, stdio: 'pipe' });
    const project = scratch();
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'billing', private: true, type: 'module' }));
    execFileSync('npm', ['install', root, '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: project, stdio: 'pipe' });
    copyFileSync(join(root, 'docs', 'examples', 'embed-engine.mjs'), join(project, 'embed.mjs'));
    const file = writeRelease(project, 'release.json', folderRelease());
    const r = JSON.parse(execFileSync(process.execPath, ['embed.mjs', file], { cwd: project, encoding: 'utf8' })) as { outcome: string; amount: number };
    expect(r).toMatchObject({ outcome: 'settle', amount: 14000 });
    const { publicKey } = ed25519Keys(project, 'release');
    const check = `import { loadReleaseFile } from 'tariff-studio/node';
try { loadReleaseFile(${JSON.stringify(file)}, { publicKeyFile: ${JSON.stringify(publicKey)} }); } catch (e) { console.log(e.code); }`;
    writeFileSync(join(project, 'check.mjs'), check);
    expect(execFileSync(process.execPath, ['check.mjs'], { cwd: project, encoding: 'utf8' }).trim()).toBe('RELEASE_UNSIGNED');
    // The doc's example as written is also a TypeScript program against the package's declared types
    // (strict, node16 resolution of its exports, the declarations themselves checked too).
    const example = /```js\n(import \{ decideFast \} from 'tariff-studio';[\s\S]*?)```/.exec(doc)![1]!;
    writeFileSync(join(project, 'embed.ts'), `${example}console.log(release.id, answer.outcome, answer.amount, answer.clauses, answer.trace.length, release.signatureVerified);\n`);
    const tsconfig = {
      compilerOptions: {
        strict: true,
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        noEmit: true,
        types: ['node'],
        typeRoots: [join(root, 'node_modules', '@types')],
      },
      files: ['embed.ts'],
    };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(tsconfig));
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
  });
});
