import { notBefore, parseDateTime } from './dates.js';
import type { FieldError } from './errors.js';
import { escapePointer } from './errors.js';
import type { InterpretationSet } from './interpretations.js';
import type { FiredEvent } from './output-types.js';
import { conditionLeaves, isFactRef, type Condition, type DecisionName, type RuleFile } from './rule-types.js';
import type { TariffIndex } from './tariff-index.js';
import type { Course } from './tariff-types.js';

/** What a decision sees of the world: the versions in force on the case's asOf. */
export type DecisionContext = {
  asOf: string;
  tariff: TariffIndex;
  rules: RuleFile;
  interps: InterpretationSet;
  /** Errors found while preparing; any makes the outcome `invalid`. */
  errors: FieldError[];
  /**
   * Set only while a case is invalid already (a fact of the wrong type, an unknown interpretation):
   * whether the value at a JSON pointer (`/facts/...`) is well-typed, i.e. no error points at it,
   * inside it or at a fact or entry holding it. prepare then runs only its checks, each where the
   * facts it reads are well-typed, and derives nothing (see `checksFacts`). Undefined: every fact
   * is well-typed (the schema passed).
   */
  wellTyped?: (pointer: string) => boolean;
};

/** Whether a check may read the fact at `pointer` (always, once the schema passed). */
export const typedAt = (ctx: DecisionContext, pointer: string): boolean => ctx.wellTyped === undefined || ctx.wellTyped(pointer);

/**
 * ctx.wellTyped for a case with these errors: a pointer is well-typed when no error's path is the
 * pointer, lies inside it or holds it. Errors outside the facts (/asOf, /interpretations/…) hold no fact.
 */
export const wellTypedUnder =
  (errors: readonly FieldError[]) =>
  (pointer: string): boolean => {
    for (const e of errors) {
      if (e.path === pointer || e.path.startsWith(`${pointer}/`)) return false;
      if (e.path.startsWith('/facts/') && pointer.startsWith(`${e.path}/`)) return false;
    }
    return true;
  };

export type Finished = { outcome: string; clauses: string[]; fields: Record<string, unknown> };

/**
 * One decision of case-files.md: the JSON Schema of its facts, how its rule facts are derived
 * from them, and how the fired rules become the answer. Constants of the terms come from the
 * rule file's `parameters`, prices from the tariff: a decision holds neither.
 */
export type DecisionDef<F, S> = {
  name: DecisionName;
  factsSchema: object;
  /**
   * True when prepare checks the facts beyond their schema (an unknown course or option, dates out
   * of order, a bill id used twice…). A case whose facts already failed their schema is then
   * prepared too, with ctx.wellTyped set, so every problem is reported at once: prepare runs each
   * check whose facts are well-typed and returns undefined.
   */
  checksFacts?: boolean;
  /** Derives the facts the rules read; pushes to ctx.errors and returns undefined when it cannot. */
  prepare(facts: F, ctx: DecisionContext): { facts: Record<string, unknown>; state: S } | undefined;
  finish(fired: FiredEvent[], state: S, ctx: DecisionContext): Finished;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDecision = DecisionDef<any, any>;

/**
 * A decision's finish, plus `discretionary` (case-files.md): true when a rule whose clause gives
 * the company a right (〜ことがあります, 〜できます) fired and gave the outcome, so the answer
 * reads as a right, never a duty. Both evaluators and the fleet path finish through here.
 */
export const finishDecision = <S>(def: DecisionDef<unknown, S>, fired: FiredEvent[], state: S, ctx: DecisionContext): Finished => {
  const result = def.finish(fired, state, ctx);
  // Every finish returns fields of its own (an object literal per call): set in place, not copied twice.
  let discretionary = false;
  for (let i = 0; i < fired.length; i += 1) if (fired[i]!.discretionary) discretionary = true;
  result.fields.discretionary = discretionary;
  return result;
};

export const param = (ctx: DecisionContext, name: string): number | string => {
  const p = ctx.rules.parameters?.[name];
  if (!p) throw new Error(`rule version ${ctx.rules.decision} has no parameter "${name}"`);
  return p.value;
};

const paramFactsOf = new WeakMap<RuleFile, Readonly<Record<string, unknown>>>();

/** The rule file's parameters as facts; built once per rule file (callers spread it, never change it). */
export const paramFacts = (ctx: DecisionContext): Readonly<Record<string, unknown>> => {
  let out = paramFactsOf.get(ctx.rules);
  if (!out) {
    const o: Record<string, unknown> = {};
    for (const [k, p] of Object.entries(ctx.rules.parameters ?? {})) o[k] = p.value;
    out = Object.freeze(o);
    paramFactsOf.set(ctx.rules, out);
  }
  return out;
};

const namesReadOf = new WeakMap<RuleFile, ReadonlySet<string>>();

/** Every fact a rule file's conditions can read (either side of a comparison); once per rule file. */
const namesRead = (file: RuleFile): ReadonlySet<string> => {
  let names = namesReadOf.get(file);
  if (!names) {
    const read = new Set<string>();
    for (const r of file.rules)
      for (const c of conditionLeaves(r.conditions as Condition)) {
        read.add(c.fact);
        if (isFactRef(c.value)) read.add(c.value.fact);
      }
    names = read;
    namesReadOf.set(file, names);
  }
  return names;
};

type PickCache = WeakMap<RuleFile, WeakMap<object, Readonly<Record<string, unknown>>>>;
const withParams: PickCache = new WeakMap();
const interpretationsOnly: PickCache = new WeakMap();

/**
 * The rule parameters (when `params`) and the interpretations as facts, only those the rule file's
 * conditions read, in the order a spread of both gave them (the rules and the trace read no other:
 * sixteen interpretations copied into every decision's facts were most of a prepare). Built once
 * per rule file while the case keeps the version's default interpretations.
 */
const pickedFacts = (ctx: DecisionContext, cache: PickCache, params: boolean): Readonly<Record<string, unknown>> => {
  const interps = ctx.interps.asFacts();
  // The version's defaults are one shared object; a case that overrides one gets its own.
  const shared = ctx.interps.allDefault;
  let byInterps = cache.get(ctx.rules);
  const hit = shared ? byInterps?.get(interps) : undefined;
  if (hit) return hit;
  const read = namesRead(ctx.rules);
  const out: Record<string, unknown> = {};
  if (params) {
    const p = paramFacts(ctx);
    for (const k in p) if (read.has(k)) out[k] = p[k];
  }
  for (const k in interps) if (read.has(k)) out[k] = interps[k];
  if (!shared) return out;
  if (!byInterps) {
    byInterps = new WeakMap();
    cache.set(ctx.rules, byInterps);
  }
  byInterps.set(interps, Object.freeze(out));
  return out;
};

/** `{...paramFacts(ctx), ...ctx.interps.asFacts()}` with only the facts the rules read. */
export const ruleFacts = (ctx: DecisionContext): Readonly<Record<string, unknown>> => pickedFacts(ctx, withParams, true);

/** `ctx.interps.asFacts()` with only the facts the rules read. */
export const interpretationFacts = (ctx: DecisionContext): Readonly<Record<string, unknown>> => pickedFacts(ctx, interpretationsOnly, false);

/** The located error of an unknown course name, listing the closest course names. */
const unknownCourse = (tariff: TariffIndex, value: string, field: string): FieldError => ({
  path: `/facts/${escapePointer(field)}`,
  message: `unknown course "${value}" in the tariff of ${tariff.version.effective}; closest: ${tariff.resolver.closest(value).join(' / ')}. Use a course code or the name as 別紙3表1 prints it (tariff courses lists them).`,
  code: 'UNKNOWN_COURSE',
});

/**
 * Resolves a course fact; an unknown name is an error that lists the closest course names. A
 * course fact that is itself in error (not a string, empty, missing) is left to that error.
 */
export const courseFact = (ctx: DecisionContext, value: string, field: string): Course | undefined => {
  if (ctx.wellTyped && !ctx.wellTyped(`/facts/${field}`)) return undefined;
  const c = ctx.tariff.resolver.resolve(value);
  if (!c) ctx.errors.push(unknownCourse(ctx.tariff, value, field));
  return c;
};

export const unique = (xs: Iterable<string>): string[] => [...new Set(xs)];
/** Each fired rule's clause and the clauses it also cites, first mention first, each once. */
export const firedClauses = (fired: FiredEvent[]): string[] => {
  const out: string[] = [];
  for (const f of fired) {
    if (!out.includes(f.clause)) out.push(f.clause);
    for (const c of f.alsoCites) if (!out.includes(c)) out.push(c);
  }
  return out;
};
export const reasonsOf = (fired: FiredEvent[], type: string): string[] => unique(fired.filter((f) => f.type === type).map((f) => String(f.params.reason)));

export const bool = { type: 'boolean' } as const;
export { yen, calendarDate as date, isoDateTime as datetime, courseRef } from './schema-primitives.js';
export const factsObject = (properties: Record<string, object>, required: string[]): object => ({
  type: 'object',
  additionalProperties: false,
  properties,
  required,
});

/** The outage from knownAt to restoredAt (第25条第2項, 第34条), both already valid datetimes; undefined, with a located error, when it ends before it starts. */
export const outageSpan = (
  ctx: DecisionContext,
  knownAt: string,
  restoredAt: string,
): { known: NonNullable<ReturnType<typeof parseDateTime>>; restored: NonNullable<ReturnType<typeof parseDateTime>> } | undefined => {
  const known = parseDateTime(knownAt)!;
  const restored = parseDateTime(restoredAt)!;
  if (notBefore(known, restored)) return { known, restored };
  ctx.errors.push({ path: '/facts/restoredAt', message: `restoredAt (${restoredAt}) is before knownAt (${knownAt}); swap them or correct the time`, code: 'RANGE' });
  return undefined;
};
