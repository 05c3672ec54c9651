import { dirname, relative, resolve } from 'node:path';
import { LAYERS } from './layers.js';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');

/** The layer of a repository-relative path: the longest layer path that is it or contains it. */
const stem = (p) => p.replace(/\.(ts|tsx|js|jsx|mjs|cjs)$/u, '');
export const layerOf = (rel) => {
  let best;
  for (const l of LAYERS) if ((stem(rel) === stem(l.path) || rel.startsWith(`${l.path}/`)) && (!best || l.path.length > best.path.length)) best = l;
  return best;
};

/** The package an import names: `@scope/name`, `name`, or `node:*` for a built-in. */
const packageOf = (spec) => {
  if (spec.startsWith('node:')) return 'node:*';
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
};

/** Whether a layer may import `spec` from `fromRel`; a message when not. */
export const checkImport = (fromRel, spec, typeOnly = false) => {
  const from = layerOf(fromRel);
  if (!from) return `${fromRel} is in no layer of eslint/layers.js: add its folder to the map (and to docs/ARCHITECTURE.md).`;
  if (spec.startsWith('.')) {
    const target = relative(ROOT, resolve(ROOT, dirname(fromRel), spec))
      .split('\\')
      .join('/');
    if (!target.startsWith('src/')) return `${from.name} may not import ${spec}: outside src/ (tests, bench and scripts import src, never the reverse).`;
    const to = layerOf(target);
    if (!to) return `${spec} is in no layer of eslint/layers.js: add its folder to the map (and to docs/ARCHITECTURE.md).`;
    if (to === from || from.layers.includes(to.name)) return undefined;
    return `${from.name} (${from.path}) may not import ${to.name} (${spec}): allowed layers are ${from.layers.join(', ') || 'none'} (docs/ARCHITECTURE.md).`;
  }
  const pkg = packageOf(spec);
  if (from.packages.includes(pkg) || (typeOnly && (from.typePackages ?? []).includes(pkg))) return undefined;
  return `${from.name} (${from.path}) may not import the package ${spec}: allowed packages are ${from.packages.join(', ') || 'none'} (docs/ARCHITECTURE.md).`;
};

const layering = {
  meta: { type: 'problem', docs: { description: 'Every import under src/ follows the layer map (eslint/layers.js).' }, schema: [] },
  create(context) {
    const rel = relative(ROOT, context.filename).split('\\').join('/');
    if (!rel.startsWith('src/')) return {};
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const typeOnly = node.importKind === 'type' || node.exportKind === 'type' || (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
      const message = checkImport(rel, source.value, typeOnly);
      if (message) context.report({ node: source, message });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export const layeringPlugin = { rules: { layering } };
