import type { FieldError } from './errors.js';
import { escapePointer } from './errors.js';
import type { Interpretation } from './rule-types.js';

/** The interpretations in force for one case: defaults, overridden by the case; records which were relied on. */
type Defaults = { values: ReadonlyMap<string, string>; facts: Readonly<Record<string, string>> };
const defaultsOf = new WeakMap<readonly Interpretation[], Defaults>();

/** The defaults of a rule version's interpretations, and them as facts: built once per version. */
const defaults = (defs: readonly Interpretation[]): Defaults => {
  let d = defaultsOf.get(defs);
  if (!d) {
    const values = new Map<string, string>();
    const facts: Record<string, string> = {};
    for (const x of defs) {
      values.set(x.name, x.default);
      facts[`interpretation.${x.name}`] = x.default;
    }
    d = { values, facts: Object.freeze(facts) };
    defaultsOf.set(defs, d);
  }
  return d;
};

export class InterpretationSet {
  /** The version's defaults (shared, never written) until a case overrides one; then a copy of its own. */
  private values: Map<string, string> | ReadonlyMap<string, string>;
  private readonly defaults: Defaults;
  private overridden = false;
  private readonly used = new Set<string>();

  constructor(defs: readonly Interpretation[], overrides: Record<string, string> | undefined, errors: FieldError[]) {
    this.defaults = defaults(defs);
    this.values = this.defaults.values;
    if (!overrides) return;
    for (const [name, raw] of Object.entries(overrides)) {
      const def = defs.find((d) => d.name === name);
      const path = `/interpretations/${escapePointer(name)}`;
      if (!def) {
        errors.push({ path, message: `unknown interpretation "${name}"; known: ${defs.map((d) => d.name).join(', ')}`, code: 'UNKNOWN_INTERPRETATION' });
        continue;
      }
      const value = canonicalValue(def, raw);
      if (value === undefined) {
        const allowed = [def.default, ...def.alternatives.map((a) => a.value)];
        errors.push({ path, message: `"${String(raw)}" is not a value of ${name}; use one of ${allowed.map((a) => `"${a}"`).join(', ')}`, code: 'UNKNOWN_INTERPRETATION_VALUE' });
        continue;
      }
      if (!this.overridden) {
        this.values = new Map(this.values);
        this.overridden = true;
      }
      (this.values as Map<string, string>).set(name, value);
    }
  }

  /** The value of an interpretation, recorded as relied on. */
  use(name: string): string {
    const v = this.values.get(name);
    if (v === undefined) throw new Error(`interpretation "${name}" is not defined in this rule version`);
    this.used.add(name);
    return v;
  }

  /** Every interpretation as a fact `interpretation.<name>` for the rules to read. */
  asFacts(): Readonly<Record<string, string>> {
    if (!this.overridden) return this.defaults.facts;
    // The defaults' facts, then each overridden value in place (the same keys in the same order).
    const facts: Record<string, string> = { ...this.defaults.facts };
    for (const [k, v] of this.values) if (this.defaults.values.get(k) !== v) facts[`interpretation.${k}`] = v;
    return facts;
  }

  markUsed(name: string): void {
    if (this.values.has(name)) this.used.add(name);
  }

  reliedOn(): Record<string, string> {
    const out: Record<string, string> = {};
    if (this.used.size === 0) return out;
    const names = this.used.size === 1 ? this.used : [...this.used].sort();
    for (const name of names) out[name] = this.values.get(name)!;
    return out;
  }
}

/** Values already matched, per interpretation and text (NFKC of every alias on every call was the cost). */
const matched = new WeakMap<Interpretation, Map<string, string | undefined>>();

/** A value matches its name, an alias or the spec's own wording: NFKC, case and white space aside. */
const canonicalValue = (def: Interpretation, raw: unknown): string | undefined => {
  if (typeof raw === 'number') raw = String(raw);
  if (typeof raw !== 'string') return undefined;
  let memo = matched.get(def);
  if (!memo) {
    memo = new Map();
    matched.set(def, memo);
  }
  if (memo.has(raw)) return memo.get(raw);
  const value = matchValue(def, raw);
  if (memo.size >= 1024) memo.clear();
  memo.set(raw, value);
  return value;
};

const matchValue = (def: Interpretation, raw: string): string | undefined => {
  const norm = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
  const r = norm(raw);
  if (r === norm(def.default) || (def.defaultAliases ?? []).some((a) => norm(a) === r)) return def.default;
  return def.alternatives.find((a) => norm(a.value) === r || (a.aliases ?? []).some((x) => norm(x) === r))?.value;
};
