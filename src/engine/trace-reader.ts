import { conditionCompiler, factSource } from './evaluate/condition-source.js';
import { OPERATOR_TABLE, OPERATORS } from './operators.js';
import { conditionLeaves, isFactRef, type Condition, type RuleDoc, type RuleFile } from './rule-types.js';

/**
 * Once-per-version helpers of the answer's trace. `readerOf` compiles a rule's conditions into
 * a function that returns the facts they read, in reading order and with short-circuit, exactly
 * as evaluators.ts's `factsRead` walks them (same operator table, same order of keys), so the
 * trace is built without walking the condition tree on every call. `ruleById` is a look-up built
 * once per rule file instead of a Map per answer.
 */
type Facts = Record<string, unknown>;
type Reader = (facts: Facts) => Record<string, unknown>;

/** Each operator's reference semantics, from the one operator table, as factsRead applies them. */
const OPS = Object.fromEntries(OPERATORS.map((op) => [op, OPERATOR_TABLE[op].test]));

const readers = new WeakMap<RuleDoc, Reader>();

export function readerOf(rule: RuleDoc): Reader {
  let reader = readers.get(rule);
  if (reader) return reader;
  const rec = (name: string): string => `(r[${JSON.stringify(name)}] = ${factSource(name)} ?? null)`;
  const { consts, source } = conditionCompiler((c, constant) => {
    const op = `o[${JSON.stringify(c.operator)}]`;
    if (isFactRef(c.value)) return `(${rec(c.fact)}, ${rec(c.value.fact)}, ${op}(${factSource(c.fact)}, ${factSource(c.value.fact)}))`;
    return `(${rec(c.fact)}, ${op}(${factSource(c.fact)}, ${constant(c.value)}))`;
  });
  const body = source(rule.conditions as Condition);
  reader = new Function('k', 'o', `return function read(f) { const r = {}; ${body}; return r; };`)(consts, OPS) as Reader;
  readers.set(rule, reader);
  return reader;
}

const readsInterp = new WeakMap<RuleDoc, boolean>();

/** Whether any condition of the rule names an `interpretation.*` fact (on either side); once per rule. */
export function readsInterpretations(rule: RuleDoc): boolean {
  let r = readsInterp.get(rule);
  if (r === undefined) {
    const named = (fact: string): boolean => fact.startsWith('interpretation.');
    r = conditionLeaves(rule.conditions as Condition).some((c) => named(c.fact) || (isFactRef(c.value) && named(c.value.fact)));
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
