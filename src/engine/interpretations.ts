import type { FieldError } from './errors.js';
import { escapePointer } from './errors.js';
import type { Interpretation } from './rule-types.js';

/** The interpretations in force for one case: defaults, overridden by the case; records which were relied on. */
type Defaults = { values: ReadonlyMap<string, string>; facts: Readonly<Record<string, string>>; byName: ReadonlyMap<string, Interpretation> };
const defaultsOf = new WeakMap<readonly Interpretation[], Defaults>();

/** The defaults of a rule version's interpretations, and them as facts: built once per version. */
const defaults = (defs: readonly Interpretation[]): Defaults => {
  let d = defaultsOf.get(defs);
  if (!d) {
    const values = new Map<string, string>();
    const facts: Record<string, string> = {};
    const byName = new Map<string, Interpretation>();
    for (const x of defs) {
      values.set(x.name, x.default);
      facts[`interpretation.${x.name}`] = x.default;
      if (!byName.has(x.name)) byName.set(x.name, x);
    }
    d = { values, facts: Object.freeze(facts), byName };
    defaultsOf.set(defs, d);
  }
  return d;
};

export class InterpretationSet {
  private readonly defaults: Defaults;
  /** The case's own values, only those it overrides (null when none: the version's defaults are shared, never written). */
  private overrides: Map<string, string> | null = null;
  private used: string[] | null = null;

  constructor(defs: readonly Interpretation[], overrides: Record<string, string> | undefined, errors: FieldError[]) {
    this.defaults = defaults(defs);
    if (!overrides) return;
    for (const name in overrides) {
      if (!Object.hasOwn(overrides, name)) continue;
      const raw = overrides[name];
      const def = this.defaults.byName.get(name);
      const path = `/interpretations/${escapePointer(name)}`;
      if (!def) {
        errors.push({ path, message: `unknown interpretation "${name}"; known: ${defs.map((d) => d.name).join(', ')}`, code: 'UNKNOWN_INTERPRETATION' });
        continue;
      }
      const value = canonicalValue(def, raw);
      if (value === undefined) {
        const allowed = [def.default, ...def.alternatives.map((a) => a.value)];
        errors.push({
          path,
          message: `${JSON.stringify(raw) ?? String(raw)} is not a value of ${name}; use one of ${allowed.map((a) => `"${a}"`).join(', ')}`,
          code: 'UNKNOWN_INTERPRETATION_VALUE',
        });
        continue;
      }
      (this.overrides ??= new Map()).set(name, value);
    }
  }

  private valueOf(name: string): string | undefined {
    return this.overrides?.get(name) ?? this.defaults.values.get(name);
  }

  /** The value of an interpretation, recorded as relied on. */
  use(name: string): string {
    const v = this.valueOf(name);
    if (v === undefined) throw new Error(`interpretation "${name}" is not defined in this rule version`);
    this.record(name);
    return v;
  }

  /** Kept in sorted order as names are recorded (a handful at most): no sort per answer. */
  private record(name: string): void {
    const used = this.used;
    if (used === null) {
      this.used = [name];
      return;
    }
    let i = used.length;
    while (i > 0 && used[i - 1]! > name) i -= 1;
    if (i > 0 && used[i - 1] === name) return;
    if (i === used.length) used.push(name);
    else used.splice(i, 0, name);
  }

  /** Every interpretation as a fact `interpretation.<name>` for the rules to read. */
  asFacts(): Readonly<Record<string, string>> {
    if (this.overrides === null) return this.defaults.facts;
    // The defaults' facts, then each overridden value in place (the same keys in the same order).
    const facts: Record<string, string> = { ...this.defaults.facts };
    for (const [k, v] of this.overrides) facts[`interpretation.${k}`] = v;
    return facts;
  }

  /** Whether the case keeps every interpretation at the version's default (asFacts is then one shared object). */
  get allDefault(): boolean {
    return this.overrides === null;
  }

  markUsed(name: string): void {
    if (this.defaults.values.has(name)) this.record(name);
  }

  reliedOn(): Record<string, string> {
    const out: Record<string, string> = {};
    if (this.used === null) return out;
    // Already in the order Array.prototype.sort gives strings (by UTF-16 code units, as `>` compares them).
    for (const name of this.used) out[name] = this.valueOf(name)!;
    return out;
  }
}

/**
 * Whether an `expect` value names the interpretation value an output gave: by its name, an alias or
 * the spec's own wording (a case may write `"interestDayBasis": 365` or the spec's description of a
 * default, as it may when it overrides one).
 */
export function sameInterpretationValue(defs: readonly Interpretation[], name: string, expected: unknown, actual: unknown): boolean {
  const def = defaults(defs).byName.get(name);
  return def !== undefined && typeof actual === 'string' && canonicalValue(def, expected) === actual;
}

/** Values already matched, per interpretation and text (NFKC of every alias on every call was the cost). */
const matched = new WeakMap<Interpretation, Map<string, string | undefined>>();

/** A value matches its name, an alias, its description or the spec's own wording: NFKC, case and white space aside (and, for a name or an alias, hyphens and underscores). */
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

/**
 * NFKC, case and white space aside, and the spec's Markdown code marks: its table cells write
 * `` `full-month`: a month with… `` and `` from `knownAt` ``, which read without the backticks.
 */
const norm = (s: string): string => s.normalize('NFKC').replace(/`/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
/** A name or alias read loosely: hyphens, underscores and spaces aside (`known month`, `Known_Month`). */
const loose = (s: string): string => norm(s).replace(/[\s\-_]+/gu, '');
/** A value's name, its description or an alias, alone or as the spec's table cell joins them (`name`: description). */
const names = (value: string, description: string, aliases: readonly string[] | undefined, r: string): boolean => {
  const v = norm(value);
  const prefixed = r.startsWith(`${v}: `) ? r.slice(v.length + 2) : undefined;
  if ([description, ...(aliases ?? [])].some((d) => norm(d) === r || norm(d) === prefixed) || r === v) return true;
  const l = loose(r);
  return l !== '' && [value, ...(aliases ?? [])].some((a) => loose(a) === l);
};

/** A leading clause of a description is at least this long (so a word or two never names a value). */
const MIN_CLAUSE = 12;

/**
 * Whether `r` is the description's leading clause: the description starts with it and goes on at a
 * clause boundary (`,`, `;` or a parenthesis), as the spec's cells read when their tail is left off
 * (`365 days a year` of "365 days a year, leap years too"; `every whole minute counts, at the
 * hourly rate ÷ 60 (own month per minute)` of the `minutes` cell, whose tail is about the output).
 */
const leadingClause = (value: string, description: string, r: string): boolean => {
  const v = norm(value);
  const text = r.startsWith(`${v}: `) ? r.slice(v.length + 2) : r;
  if (text.length < MIN_CLAUSE) return false;
  const d = norm(description);
  if (!d.startsWith(text) || d.length === text.length) return false;
  const next = d.slice(text.length);
  return /^(?:[,;]|\s?\()/u.test(next);
};

const matchValue = (def: Interpretation, raw: string): string | undefined => {
  const r = norm(raw);
  // The whole description counts too: the spec's table cell, copied as it stands.
  if (names(def.default, def.defaultDescription, def.defaultAliases, r)) return def.default;
  const exact = def.alternatives.find((a) => names(a.value, a.description, a.aliases, r))?.value;
  if (exact !== undefined) return exact;
  // A description's leading clause names its value only when it names no other.
  const byClause = [
    ...(leadingClause(def.default, def.defaultDescription, r) ? [def.default] : []),
    ...def.alternatives.filter((a) => leadingClause(a.value, a.description, r)).map((a) => a.value),
  ];
  return byClause.length === 1 ? byClause[0] : undefined;
};
