import { isNumberLike, OPERATOR_TABLE } from '../operators.js';
import type { FiredEvent } from '../output-types.js';
import { isFactRef, isLeaf, type Condition, type RuleFile } from '../rule-types.js';
import { ordered, toFired, type Facts } from './fired.js';

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
    const b = isFactRef(c.value) ? fact(c.value.fact) : typeof c.value === 'object' && c.value !== null ? k(c.value) : (JSON.stringify(c.value) ?? 'undefined');
    return OPERATOR_TABLE[c.operator].compiled(a, b);
  };
  const body = ordered(file.rules)
    .map((i) => `if (${cond(file.rules[i]!.conditions as Condition)}) out.push(${i});`)
    .join('\n');
  const num = (x: unknown): boolean => (typeof x === 'number' ? !Number.isNaN(x) : isNumberLike(x));
  fn = new Function('k', 'num', `return function compiled(f) { const out = []; ${body} return out; };`)(consts, num) as Compiled;
  compiledFiles.set(file, fn);
  return fn;
}

const firedOf = new WeakMap<RuleFile, readonly FiredEvent[]>();

/** Each rule's event as it fires, built once per rule file (frozen: every answer that fires it shares it). */
const firedEvents = (file: RuleFile): readonly FiredEvent[] => {
  let events = firedOf.get(file);
  if (!events) {
    events = file.rules.map((r) => Object.freeze(toFired(r)));
    firedOf.set(file, events);
  }
  return events;
};

/** The fast path: the compiled rules. */
export function evaluateCompiled(file: RuleFile, facts: Facts): FiredEvent[] {
  const events = firedEvents(file);
  const fired = compileRuleFile(file)(facts);
  const out: FiredEvent[] = [];
  for (let i = 0; i < fired.length; i += 1) out.push(events[fired[i]!]!);
  return out;
}
