import { isLeaf, type Condition, type Leaf } from '../rule-types.js';

/** A fact of the generated function's argument `f`, as JavaScript source. */
export const factSource = (name: string): string => `f[${JSON.stringify(name)}]`;

/**
 * Rule conditions as JavaScript source, for the two compilers of conditions: compiled.ts (which
 * rules fire) and trace-reader.ts (which facts a rule reads). `all`, `any` and `not` become `&&`,
 * `||` and `!`, whose short-circuit is json-rules-engine's reading order (an empty `all` is true,
 * an empty `any` false); each leaf is the caller's (`leaf`). A value written as a constant that
 * is not a literal (a list, an object) goes to `consts`, which the generated function receives as
 * `k`; `constant` returns the source that reads it.
 */
export function conditionCompiler(leaf: (c: Leaf, constant: (v: unknown) => string) => string): { consts: unknown[]; source: (c: Condition) => string } {
  const consts: unknown[] = [];
  const constant = (v: unknown): string => {
    consts.push(v);
    return `k[${consts.length - 1}]`;
  };
  const source = (c: Condition): string => {
    if (isLeaf(c)) return leaf(c, constant);
    if ('all' in c) return c.all.length ? `(${c.all.map(source).join(' && ')})` : 'true';
    if ('any' in c) return c.any.length ? `(${c.any.map(source).join(' || ')})` : 'false';
    return `!(${source(c.not)})`;
  };
  return { consts, source };
}
