import { isNumberLike, OPERATOR_TABLE } from '../operators.js';
import type { FiredEvent } from '../output-types.js';
import { isFactRef, type Condition, type RuleFile } from '../rule-types.js';
import { conditionCompiler, factSource } from './condition-source.js';
import { ordered, toFired, type Facts } from './fired.js';

type Compiled = (facts: Facts) => number[];
const compiledFiles = new WeakMap<RuleFile, Compiled>();

/** Compiles one rule file to a single function returning the indexes of the rules that fire. */
export function compileRuleFile(file: RuleFile): Compiled {
  let fn = compiledFiles.get(file);
  if (fn) return fn;
  const { consts, source } = conditionCompiler((c, constant) => {
    const b = isFactRef(c.value) ? factSource(c.value.fact) : typeof c.value === 'object' && c.value !== null ? constant(c.value) : (JSON.stringify(c.value) ?? 'undefined');
    return OPERATOR_TABLE[c.operator].compiled(factSource(c.fact), b);
  });
  const body = ordered(file.rules)
    .map((i) => `if (${source(file.rules[i]!.conditions as Condition)}) out.push(${i});`)
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
