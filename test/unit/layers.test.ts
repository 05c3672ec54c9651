import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript (the ESLint plugin), no declarations
import { checkImport, layerOf } from '../../eslint/layering-plugin.js';
// @ts-expect-error: plain JavaScript (the ESLint plugin), no declarations
import { LAYERS } from '../../eslint/layers.js';

type Layer = { name: string; path: string; layers: string[]; packages: string[]; typePackages?: string[] };
const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const map = LAYERS as Layer[];

/** The rows between the layers markers of docs/ARCHITECTURE.md, as the map's shape. */
const documented = (): Layer[] => {
  const doc = readFileSync(join(root, 'docs', 'ARCHITECTURE.md'), 'utf8');
  const body = doc.split('<!-- layers:begin -->')[1]!.split('<!-- layers:end -->')[0]!;
  const list = (cell: string): string[] => (cell.trim() === '—' ? [] : cell.split(',').map((x) => x.trim().replace(/\\\*/gu, '*')));
  return body
    .trim()
    .split('\n')
    .slice(2)
    .map((line) => {
      const [name, path, layers, packages] = line.split(' | ').map((c) => c.replace(/^\| /u, '').trim());
      const pk = list(packages!);
      const typePackages = pk.filter((p) => p.startsWith('type: ')).map((p) => p.slice('type: '.length));
      return {
        name: name!,
        path: path!.replace(/`/gu, ''),
        layers: list(layers!),
        packages: pk.filter((p) => !p.startsWith('type: ')),
        ...(typePackages.length ? { typePackages } : {}),
      };
    });
};

const sourceFiles = (dir: string): string[] =>
  readdirSync(join(root, dir)).flatMap((n) => {
    const rel = `${dir}/${n}`;
    return statSync(join(root, rel)).isDirectory() ? sourceFiles(rel) : /\.(ts|tsx|mjs|js|cjs)$/u.test(n) ? [rel] : [];
  });

describe('the layer map (eslint/layers.js) and its table (docs/ARCHITECTURE.md)', () => {
  it('the table in docs/ARCHITECTURE.md is the map, row for row', () => {
    expect(documented()).toEqual(
      map.map((l) => ({ name: l.name, path: l.path, layers: l.layers, packages: l.packages, ...(l.typePackages ? { typePackages: l.typePackages } : {}) })),
    );
  });

  it('every layer names only layers of the map, and every file under src/ is in a layer', () => {
    const names = new Set(map.map((l) => l.name));
    for (const l of map) for (const d of l.layers) expect(names, `${l.name} → ${d}`).toContain(d);
    const outside = sourceFiles('src').filter((f) => !layerOf(f));
    expect(outside).toEqual([]);
  });

  it('refuses what the table does not allow: relative imports upward, unknown folders, packages', () => {
    expect(checkImport('src/engine/decide.ts', '../io/folder-store.js')).toMatch(/engine .* may not import io/u);
    expect(checkImport('src/engine/decide.ts', '../studio/api/contract.js')).toMatch(/may not import studio-api/u);
    expect(checkImport('src/engine/decide.ts', 'node:fs')).toMatch(/may not import the package node:fs/u);
    expect(checkImport('src/tariff-model/tariff-edits.ts', '../studio/workspace/rule-store.js')).toMatch(/may not import studio-workspace/u);
    expect(checkImport('src/studio/renderer/app.tsx', '../api/dispatcher.js')).toMatch(/may not import studio-dispatcher/u);
    expect(checkImport('src/studio/renderer/app.tsx', 'ajv')).toMatch(/package ajv/u);
    expect(checkImport('src/studio/api/contract.ts', 'ajv')).toMatch(/package ajv/u);
    expect(checkImport('src/studio/api/contract.ts', 'ajv', true)).toBeUndefined();
    expect(checkImport('src/new-folder/x.ts', '../engine/decide.js')).toMatch(/in no layer/u);
    expect(checkImport('src/io/x.ts', '../new-folder/y.js')).toMatch(/in no layer/u);
    expect(checkImport('src/io/x.ts', '../../test/unit/helpers.js')).toMatch(/outside src/u);
  });

  it('allows what the table allows', () => {
    expect(checkImport('src/io/folder-store.ts', '../engine/registry.js')).toBeUndefined();
    expect(checkImport('src/io/folder-store.ts', 'node:fs')).toBeUndefined();
    expect(checkImport('src/studio/renderer/tariffs/x.tsx', 'react-dom/client')).toBeUndefined();
    expect(checkImport('src/studio/renderer/tariffs/x.tsx', '../../../tariff-model/tariff-tables.js')).toBeUndefined();
    expect(checkImport('src/engine/decisions/x.ts', '../money.js')).toBeUndefined();
  });
});
