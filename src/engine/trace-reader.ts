import { isFactRef, isLeaf, type Condition, type RuleDoc, type RuleFile } from './rule-types.js';

/**
 * Once-per-version helpers of the answer's trace. `readerOf` compiles a rule's conditions into
 * a function that returns the facts they read, in reading order and with short-circuit, exactly
 * as evaluators.ts's `factsRead` walks them (same operator table, same order of keys), so the
 * trace is built without walking the condition tree on every call. `ruleById` is a look-up built
 * once per rule file instead of a Map per answer.
 */
type Facts = Record<string, unknown>;
type Reader = (facts: Facts) => Record<string, unknown>;

const isNumberLike = (x: unknown): boolean => Number.parseFloat(x as string).toString() !== 'NaN';

/** json-rules-engine's operators, as evaluators.ts applies them when it records a trace. */
const OPS: Record<string, (a: unknown, b: unknown) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => isNumberLike(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumberLike(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumberLike(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumberLike(a) && (a as number) >= (b as number),
};

const readers = new WeakMap<RuleDoc, Reader>();

export function readerOf(rule: RuleDoc): Reader {
  let reader = readers.get(rule);
  if (reader) return reader;
  const consts: unknown[] = [];
  const k = (v: unknown): string => {
    consts.push(v);
    return `k[${consts.length - 1}]`;
  };
  const get = (name: string): string => `f[${JSON.stringify(name)}]`;
  const rec = (name: string): string => `(r[${JSON.stringify(name)}] = ${get(name)} ?? null)`;
  const cond = (c: Condition): string => {
    if (!isLeaf(c)) {
      if ('all' in c) return c.all.length ? `(${c.all.map(cond).join(' && ')})` : 'true';
      if ('any' in c) return c.any.length ? `(${c.any.map(cond).join(' || ')})` : 'false';
      return `!(${cond(c.not)})`;
    }
    const op = `o[${JSON.stringify(c.operator)}]`;
    if (isFactRef(c.value)) return `(${rec(c.fact)}, ${rec(c.value.fact)}, ${op}(${get(c.fact)}, ${get(c.value.fact)}))`;
    return `(${rec(c.fact)}, ${op}(${get(c.fact)}, ${k(c.value)}))`;
  };
  const body = cond(rule.conditions as Condition);
  reader = new Function('k', 'o', `return function read(f) { const r = {}; ${body}; return r; };`)(consts, OPS) as Reader;
  readers.set(rule, reader);
  return reader;
}

const readsInterp = new WeakMap<RuleDoc, boolean>();

/** Whether any condition of the rule names an `interpretation.*` fact (on either side); once per rule. */
export function readsInterpretations(rule: RuleDoc): boolean {
  let r = readsInterp.get(rule);
  if (r === undefined) {
    const walk = (c: Condition): boolean => {
      if (isLeaf(c)) return c.fact.startsWith('interpretation.') || (isFactRef(c.value) && c.value.fact.startsWith('interpretation.'));
      if ('all' in c) return c.all.some(walk);
      if ('any' in c) return c.any.some(walk);
      return walk(c.not);
    };
    r = walk(rule.conditions as Condition);
    readsInterp.set(rule, r);
  }
  return r;
}

const byId = new WeakMap<RuleFile, Map<string, RuleDoc>>();

export function ruleById(file: RuleFile, id: string): RuleDoc | undefined {
  let m = byId.get(file);
  if (!m) {
    m = new Map(file.rules.map((r) => [r.id, r]));
    byId.set(file, m);
  }
  return m.get(id);
}

/** What the trace needs of one rule: its compiled reader and whether it can read an interpretation. */
export type TraceStep = { read: Reader; readsInterpretations: boolean };

const stepsOf = new WeakMap<RuleFile, Map<string, TraceStep>>();

/** The trace step of a rule by id, built once per rule file (one look-up per fired rule instead of three). */
export function traceStep(file: RuleFile, id: string): TraceStep | undefined {
  let m = stepsOf.get(file);
  if (!m) {
    m = new Map();
    for (const r of file.rules) m.set(r.id, { read: readerOf(r), readsInterpretations: readsInterpretations(r) }); // the last of an id, as ruleById
    stepsOf.set(file, m);
  }
  return m.get(id);
}
