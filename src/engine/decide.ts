import { approval, suspension, termination } from './decisions/grounds.js';
import { billingCorrection } from './decisions/billing-correction.js';
import { cancellation } from './decisions/cancellation.js';
import { cancellationNotice } from './decisions/cancellation-notice.js';
import { courseChange } from './decisions/course-change.js';
import { damages } from './decisions/damages.js';
import { equipmentLoss } from './decisions/equipment-loss.js';
import { lateInterest } from './decisions/late-interest.js';
import { monthlyCharge } from './decisions/monthly-charge.js';
import { outageWaiver } from './decisions/outage-waiver.js';
import { paymentAllocation } from './decisions/payment-allocation.js';
import { settlement } from './decisions/settlement.js';
import { surcharge } from './decisions/surcharge.js';
import { finishDecision, wellTypedUnder, type AnyDecision, type DecisionContext } from './decision-kit.js';
import { isIsoDate } from './dates.js';
import { inCaseOrder, InvalidCase, type FieldError } from './errors.js';
import { evaluateCompiled, evaluateJre, type Facts } from './evaluators.js';
import { validateFacts } from './facts-validator.js';
import { InterpretationSet } from './interpretations.js';
import type { CaseInput, FiredEvent, Output } from './output-types.js';
import type { Registry } from './registry.js';
import { DECISIONS, type DecisionName, type RuleVersion } from './rule-types.js';
import type { TariffVersion } from './tariff-types.js';
import { copyExactFields, MAX_YEN, nonFiniteAmounts } from './money.js';
import { MAX_JSON_DEPTH, nestsTooDeep, tooDeepAt } from './json-depth.js';
import { traceStep } from './trace-reader.js';

// Object.prototype.hasOwnProperty through call: inside a for…in, V8 optimises it (about twice
// as fast as Object.hasOwn there), and this walk runs on every request.
const hasOwnProperty = Object.prototype.hasOwnProperty;

export const DECISION_DEFS: Record<DecisionName, AnyDecision> = {
  approval,
  suspension,
  termination,
  courseChange,
  cancellationNotice,
  outageWaiver,
  settlement,
  lateInterest,
  surcharge,
  monthlyCharge,
  damages,
  cancellation,
  equipmentLoss,
  paymentAllocation,
  billingCorrection,
};

export type DecideOptions = {
  /** The date used when a case has no asOf (case-files.md: default today). */
  today: string;
  /** Answer from these versions instead of the ones in force (studio drafts, what-ifs). */
  rules?: RuleVersion;
  tariff?: TariffVersion;
};

type Prepared = {
  ok: true;
  def: AnyDecision;
  ctx: DecisionContext;
  facts: Facts;
  state: unknown;
  name: DecisionName;
  caseName: unknown;
  asOf: string;
  versions: { rules: string; tariffs: string };
};

const invalid = (c: CaseInput, asOf: string, errors: FieldError[]): Output => ({
  ...(c.name !== undefined ? { name: c.name } : {}),
  decision: typeof c.decision === 'string' ? c.decision : '',
  asOf,
  outcome: 'invalid',
  errors,
  clauses: [],
  trace: [],
  interpretations: {},
});

/** Validates the case and derives the rule facts; an Output when the case is invalid. */
function prepare(registry: Registry, c: CaseInput, opts: DecideOptions): Prepared | { ok: false; output: Output } {
  const r = prepareOrInvalid(registry, c, opts);
  return 'ok' in r ? (r as Prepared) : { ok: false, output: r as Output };
}

function prepareOrInvalid(registry: Registry, c: CaseInput, opts: DecideOptions): Prepared | Output {
  if (typeof c !== 'object' || c === null || Array.isArray(c)) return invalid({}, opts.today, [{ path: '', message: 'a case must be a JSON object', code: 'CASE_SHAPE' }]);
  // One pass over the case: its fields, each read once, and whether it nests too deep. Cases come
  // in many shapes, so a named read (c.interpretations, absent from most) is a slow, megamorphic
  // one; a for…in reads each key through the object's own enumeration instead.
  let caseName: unknown;
  let decision: unknown;
  let asOfField: unknown;
  let factsField: unknown;
  let overrides: unknown;
  let deep = false;
  for (const k in c) {
    const v: unknown = (c as Record<string, unknown>)[k];
    if (!deep && v !== null && typeof v === 'object' && hasOwnProperty.call(c, k) && nestsTooDeep(v, 1, MAX_JSON_DEPTH)) deep = true;
    if (k === 'facts') factsField = v;
    else if (k === 'decision') decision = v;
    else if (k === 'asOf') asOfField = v;
    else if (k === 'name') caseName = v;
    else if (k === 'interpretations') overrides = v;
  }
  if (deep)
    return invalid({ ...(typeof caseName === 'string' ? { name: caseName } : {}), decision } as CaseInput, typeof asOfField === 'string' ? asOfField : opts.today, [
      { path: tooDeepAt(c)!, message: `nests deeper than ${MAX_JSON_DEPTH} levels; a case's facts and expect are a few levels deep`, code: 'CASE_TOO_DEEP' },
    ]);
  // Every problem of the case is reported at once (case-files.md: `errors`, each with its pointer),
  // in the case's own order (inCaseOrder): a check is skipped only when what it reads is itself in
  // error (facts of an unknown decision have no schema; a date before every version has no tariff
  // to look a course up in).
  const errors: FieldError[] = [];
  const asOf = (asOfField ?? opts.today) as string;
  const asOfValid = isIsoDate(asOf);
  if (!asOfValid) errors.push({ path: '/asOf', message: `must be a calendar date YYYY-MM-DD, got ${JSON.stringify(asOfField)}`, code: 'FACT_FORMAT' });
  const asOfOut = asOfValid ? asOf : String(asOf);
  // Other top-level fields (a description, a ticket number) are the user's own notes: ignored.
  const known = typeof decision === 'string' && Object.hasOwn(DECISION_DEFS, decision);
  if (!known) {
    const what = decision === undefined ? 'missing decision' : `unknown decision ${JSON.stringify(decision)}`;
    errors.push({ path: '/decision', message: `${what}; use one of ${DECISIONS.join(', ')}`, code: 'UNKNOWN_DECISION' });
  }
  const rules = asOfValid ? (opts.rules ?? registry.rulesInForce(asOf)) : undefined;
  const tariff = asOfValid ? (opts.tariff ?? registry.tariffInForce(asOf)) : undefined;
  if (asOfValid && (!rules || !tariff)) {
    const missing = !rules ? 'rule' : 'tariff';
    // The first day both kinds are in force; with no version of the other kind approved (the
    // studio passes a draft of it), the missing kind's own first day.
    const firstOfMissing = registry.firstEffective(!rules ? 'rules' : 'tariffs');
    const first = registry.firstEffective() ?? firstOfMissing;
    errors.push({
      path: '/asOf',
      // None of that kind approved at all: no asOf would help, so the advice is to approve one.
      message:
        firstOfMissing === undefined
          ? `no ${missing} version is approved and loaded, so none is in force on ${asOf}: approve one (the studio's review) or list one in the folder's index.json, then ask again`
          : `no ${missing} version is in force on ${asOf}; the first takes effect on ${first}. Use an asOf on or after it.`,
      code: 'NO_VERSION_IN_FORCE',
    });
  }
  // No facts at all: each required fact is missing (an error each). Facts given as null, a list or
  // a scalar are facts of the wrong type: one error at /facts.
  const facts = (factsField === undefined ? {} : factsField) as Record<string, unknown>;
  const factsObject = typeof facts === 'object' && facts !== null && !Array.isArray(facts);
  if (!factsObject)
    errors.push({
      path: '/facts',
      message: `facts must be a JSON object of the decision's facts, got ${facts === null ? 'null' : Array.isArray(facts) ? 'a list' : typeof facts}`,
      code: 'FACT_TYPE',
    });
  if (overrides !== undefined && overrides !== null && (typeof overrides !== 'object' || Array.isArray(overrides)))
    errors.push({ path: '/interpretations', message: 'interpretations must be an object of name → value', code: 'CASE_SHAPE' });
  const def = known ? DECISION_DEFS[decision as DecisionName] : undefined;
  if (def && factsObject) {
    const factErrors = validateFacts(def.factsSchema, facts);
    // A spread of an empty array per call (most cases are valid) was a call with spread all the same.
    if (factErrors.length) errors.push(...factErrors);
  }
  // An array is no map of overrides (its error is above): its indexes are not read as names too.
  const interps = rules
    ? new InterpretationSet(
        rules.interpretations,
        typeof overrides === 'object' && overrides !== null && !Array.isArray(overrides) ? (overrides as Record<string, string>) : undefined,
        errors,
      )
    : undefined;
  if (!def || !factsObject || !rules || !tariff || !interps) return invalid(c, asOfOut, inCaseOrder(c, errors));
  const name = decision as DecisionName;
  const ctx: DecisionContext = { asOf, tariff: registry.index(tariff), rules: rules.decisions[name], interps, errors: [] };
  if (errors.length) {
    // Invalid already: the decision's own checks (a misspelt course, dates out of order, an option
    // or a bill id given twice) still run on the facts that are well-typed, so they are named too,
    // not left for the next run to find.
    if (def.checksFacts) {
      ctx.wellTyped = wellTypedUnder(errors);
      try {
        def.prepare(facts, ctx);
      } catch (e) {
        if (!(e instanceof InvalidCase)) throw e;
        ctx.errors.push(...e.errors);
      }
    }
    return invalid(c, asOf, inCaseOrder(c, ctx.errors.length ? [...errors, ...ctx.errors] : errors));
  }
  let prepared: ReturnType<AnyDecision['prepare']>;
  try {
    prepared = def.prepare(facts, ctx);
  } catch (e) {
    if (e instanceof InvalidCase) return invalid(c, asOf, inCaseOrder(c, [...ctx.errors, ...e.errors]));
    throw e;
  }
  if (!prepared || ctx.errors.length)
    return invalid(c, asOf, ctx.errors.length ? inCaseOrder(c, ctx.errors) : [{ path: '/facts', message: 'the facts could not be used', code: 'FACT_INVALID' }]);
  return { ok: true, def, ctx, facts: prepared.facts, state: prepared.state, name, caseName, asOf, versions: { rules: rules.effective, tariffs: tariff.effective } };
}

/** Turns the fired rules into the decision's answer, with clauses, trace and interpretations. */
function finish(c: CaseInput, p: Prepared, fired: FiredEvent[]): Output {
  const result = finishDecision(p.def, fired, p.state, p.ctx);
  // Built key by key, in the order the answer has always had (name, decision, asOf, outcome, the
  // decision's fields, clauses, interpretations, trace, versions): an object literal with two
  // spreads cost more than the rules themselves.
  const out = {} as Output;
  if (p.caseName !== undefined) out.name = p.caseName as string;
  out.decision = p.name;
  out.asOf = p.asOf;
  out.outcome = result.outcome;
  // The finish's own object literal: its keys are all own (for…in, no key array per answer),
  // copied and checked in one pass. An amount that is not a finite whole number of yen is never
  // emitted (JSON would show it as null).
  if (!copyExactFields(result.fields, out))
    return invalid(
      c,
      p.asOf,
      nonFiniteAmounts(result.fields).map((f) => ({
        path: '/facts',
        message: `the answer's ${f.slice(1)} would not be a finite amount; keep every money fact at most ${MAX_YEN.toLocaleString('en-US')} yen`,
        code: 'AMOUNT_OUT_OF_RANGE',
      })),
    );
  const trace = fired.map((f) => {
    const step = traceStep(p.ctx.rules, f.ruleId)!;
    const facts = step.read(p.facts);
    // Only a rule that can read an interpretation fact has one to mark (most read none).
    if (step.readsInterpretations) for (const fact of Object.keys(facts)) if (fact.startsWith('interpretation.')) p.ctx.interps.markUsed(fact.slice('interpretation.'.length));
    return { rule: f.ruleId, clause: f.clause, event: f.type, facts };
  });
  out.clauses = result.clauses;
  out.interpretations = p.ctx.interps.reliedOn();
  out.trace = trace;
  out.versions = p.versions;
  return out;
}

const internalError = (c: CaseInput, opts: DecideOptions, e: unknown): Output =>
  // A case found invalid while it was worked out (a date past 9999-12-31) says so, with its pointer.
  e instanceof InvalidCase
    ? invalid(c, typeof c?.asOf === 'string' ? c.asOf : opts.today, e.errors)
    : invalid(c, typeof c?.asOf === 'string' ? c.asOf : opts.today, [
        { path: '', message: `internal error: ${e instanceof Error ? e.message : String(e)}; please report this case`, code: 'INTERNAL' },
      ]);

/** The reference path (json-rules-engine). Never throws: bad input is an `invalid` outcome. */
export async function decide(registry: Registry, c: CaseInput, opts: DecideOptions): Promise<Output> {
  try {
    const p = prepare(registry, c, opts);
    if (!p.ok) return p.output;
    return finish(c, p, await evaluateJre(p.ctx.rules, p.facts));
  } catch (e) {
    return internalError(c, opts, e);
  }
}

/** The fast path (compiled rules), synchronous; answers identical to decide(). */
export function decideFast(registry: Registry, c: CaseInput, opts: DecideOptions): Output {
  try {
    const p = prepare(registry, c, opts);
    if (!p.ok) return p.output;
    return finish(c, p, evaluateCompiled(p.ctx.rules, p.facts));
  } catch (e) {
    return internalError(c, opts, e);
  }
}
