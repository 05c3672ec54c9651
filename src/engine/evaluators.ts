import { Engine } from 'json-rules-engine';
import { isFactRef, isLeaf, type Condition, type RuleDoc, type RuleFile } from './rule-types.js';
import type { FiredEvent } from './output-types.js';

/**
 * Two evaluators of the same JSON rules. json-rules-engine is the reference and the readable
 * source of truth; the compiled evaluator turns each rule's conditions into one plain function
 * with json-rules-engine's operator semantics, for the fleet simulator's hot path. Differential
 * property tests (test/unit/evaluators.test.ts) hold them identical.
 *
 * Both return the fired rules ordered by priority (highest first), then by their order in the
 * file, so the trace is deterministic (json-rules-engine runs a priority band in parallel).
 */
export type Facts = Record<string, unknown>;

const ordered = (rules: readonly RuleDoc[]): number[] =>
  rules.map((r, i) => ({ i, p: r.priority ?? 1 })).sort((a, b) => b.p - a.p || a.i - b.i).map((x) => x.i);

const toFired = (r: RuleDoc): FiredEvent => ({ ruleId: r.id, clause: r.clause, alsoCites: r.alsoCites ?? [], type: r.event.type, params: r.event.params ?? {}, discretionary: r.discretionary === true });

const jreEngines = new WeakMap<RuleFile, Engine>();
const jreEngine = (file: RuleFile): Engine => {
  let engine = jreEngines.get(file);
  if (!engine) {
    engine = new Engine([], { allowUndefinedFacts: true });
    file.rules.forEach((r, i) => {
      engine!.addRule({ name: String(i), priority: r.priority ?? 1, conditions: JSON.parse(JSON.stringify(r.conditions)) as never, event: { type: r.event.type, params: { index: i } } });
    });
    jreEngines.set(file, engine);
  }
  return engine;
};

/** The reference path: json-rules-engine. */
export async function evaluateJre(file: RuleFile, facts: Facts): Promise<FiredEvent[]> {
  const { events } = await jreEngine(file).run({ ...facts });
  const fired = new Set(events.map((e) => (e.params as { index: number }).index));
  return ordered(file.rules).filter((i) => fired.has(i)).map((i) => toFired(file.rules[i]!));
}

const isNumberLike = (x: unknown): boolean => Number.parseFloat(x as string).toString() !== 'NaN';

type Compiled = (facts: Facts) => number[];
const compiledFiles = new WeakMap<RuleFile, Compiled>();

/** Compiles one rule file to a single function returning the indexes of the rules that fire. */
export function compileRuleFile(file: RuleFile): Compiled {
  let fn = compiledFiles.get(file);
  if (fn) return fn;
  const consts: unknown[] = [];
  const k = (v: unknown): string => {
    consts.push(v);
    return `k[${consts.length - 1}]`;
  };
  const fact = (name: string): string => `f[${JSON.stringify(name)}]`;
  const cond = (c: Condition): string => {
    if (!isLeaf(c)) {
      if ('all' in c) return `(${c.all.map(cond).join(' && ')})`;
      if ('any' in c) return `(${c.any.map(cond).join(' || ')})`;
      return `!(${cond(c.not)})`;
    }
    const a = fact(c.fact);
    const b = isFactRef(c.value) ? fact(c.value.fact) : typeof c.value === 'object' && c.value !== null ? k(c.value) : JSON.stringify(c.value) ?? 'undefined';
    switch (c.operator) {
      case 'equal':
        return `(${a} === ${b})`;
      case 'notEqual':
        return `(${a} !== ${b})`;
      case 'in':
        return `(${b}.indexOf(${a}) > -1)`;
      case 'notIn':
        return `(${b}.indexOf(${a}) === -1)`;
      case 'contains':
        return `(Array.isArray(${a}) && ${a}.indexOf(${b}) > -1)`;
      case 'doesNotContain':
        return `(Array.isArray(${a}) && ${a}.indexOf(${b}) === -1)`;
      case 'lessThan':
        return `(num(${a}) && ${a} < ${b})`;
      case 'lessThanInclusive':
        return `(num(${a}) && ${a} <= ${b})`;
      case 'greaterThan':
        return `(num(${a}) && ${a} > ${b})`;
      case 'greaterThanInclusive':
        return `(num(${a}) && ${a} >= ${b})`;
    }
  };
  const body = ordered(file.rules)
    .map((i) => `if (${cond(file.rules[i]!.conditions as Condition)}) out.push(${i});`)
    .join('\n');
  const num = (x: unknown): boolean => (typeof x === 'number' ? !Number.isNaN(x) : isNumberLike(x));
  fn = new Function('k', 'num', `return function compiled(f) { const out = []; ${body} return out; };`)(consts, num) as Compiled;
  compiledFiles.set(file, fn);
  return fn;
}

/** The fast path: the compiled rules. */
export function evaluateCompiled(file: RuleFile, facts: Facts): FiredEvent[] {
  return compileRuleFile(file)(facts).map((i) => toFired(file.rules[i]!));
}

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

/** Evaluates a condition left to right with short-circuit, recording each fact it reads. */
const evalCondition = (c: Condition, facts: Facts, read: Record<string, unknown>): boolean => {
  if (isLeaf(c)) {
    read[c.fact] = facts[c.fact] ?? null;
    let b = c.value;
    if (isFactRef(c.value)) {
      b = facts[c.value.fact];
      read[c.value.fact] = b ?? null;
    }
    return OPS[c.operator]!(facts[c.fact], b);
  }
  if ('all' in c) return c.all.every((x) => evalCondition(x, facts, read));
  if ('any' in c) return c.any.some((x) => evalCondition(x, facts, read));
  return !evalCondition(c.not, facts, read);
};

/**
 * The facts a rule's conditions read, with their values, in reading order and with
 * short-circuit (a branch not needed to decide is not read): the trace shows them, and an
 * interpretation appears in an answer only when a rule actually read it.
 */
export function factsRead(rule: RuleDoc, facts: Facts): Record<string, unknown> {
  const read: Record<string, unknown> = {};
  evalCondition(rule.conditions as Condition, facts, read);
  return read;
}
