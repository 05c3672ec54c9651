import { eventTypeProblem } from './decision-events.js';
import type { DataError } from './errors.js';
import { FACT_LABELS } from './review/fact-labels.js';
import { PARAMETER_TEXTS } from './review/parameter-texts.js';
import { isLeaf, type Condition, type DecisionName, type Interpretation, type RuleFile } from './rule-types.js';

/**
 * What a rule may refer to, checked once for `tariff validate`, every loader and the studio's rule
 * editor: a condition reads only facts its decision provides (the decision's labelled facts,
 * the rule file's parameters, the named interpretations); its event is one its decision handles
 * (`decision-events.ts`); a condition on `interpretation.X`
 * compares with one of X's values; and an interpretation whose value the engine's code branches
 * on has only values the code knows, and keeps every one of them. A broken reference would otherwise pass silently and
 * change answers (a rule that never fires, a default that falls into the other branch).
 */

/** The values the engine's code tells apart, by interpretation (src/engine/billing.ts, decisions/*.ts). */
export const ENGINE_INTERPRETATION_VALUES: Readonly<Record<string, readonly string[]>> = {
  partialMonthFee: ['full-month', 'daily-prorate'],
  monthsUsed: ['calendar-months', 'elapsed'],
  freePeriod: ['calendar-months', 'from-start-date'],
  dailyRate: ['own-month', 'known-month', 'thirty-days'],
  interestDayBasis: ['365', 'actual'],
  graceEndOnHoliday: ['none', 'civil-code-142'],
  freeMonthsScope: ['course-fee-only', 'course-and-options'],
  grossNegligenceUnit: ['whole-hours', 'minutes'],
  damagesAndWaiver: ['separate', 'offset'],
  feesAfterPlannedEnd: ['late-return-charge', 'monthly-fee-until-return'],
  lateReturnTax: ['taxed', 'untaxed'],
};

export const interpretationValues = (i: Interpretation): string[] => [i.default, ...i.alternatives.map((a) => a.value)];

/**
 * The named interpretations each decision's code reads (`ctx.interps.use(…)` in decisions/*.ts,
 * notice.ts for the two notice decisions); its rules' conditions may read more
 * (`interpretation.X`), which `interpretationsRead` adds from the rule file.
 * test/unit/interpretations-read.test.ts fails when an answer relies on one not listed here or in
 * its rules, or when one listed is never relied on.
 */
export const ENGINE_INTERPRETATION_READS: Readonly<Record<DecisionName, readonly string[]>> = {
  approval: [],
  suspension: [],
  termination: [],
  courseChange: [],
  cancellationNotice: ['businessDays', 'noticeDeadline'],
  outageWaiver: ['dailyRate', 'grossNegligenceUnit', 'partialOutage'],
  settlement: ['freePeriod', 'monthsUsed', 'partialMonthFee'],
  lateInterest: ['businessDays', 'graceEndOnHoliday', 'interestDayBasis'],
  surcharge: [],
  monthlyCharge: ['freeMonthsScope', 'freePeriod', 'initialFeeScope', 'partialMonthFee'],
  damages: ['dailyRate', 'damagesAndWaiver'],
  cancellation: ['businessDays', 'dailyRate', 'feesAfterPlannedEnd', 'lateReturnTax', 'noticeDeadline'],
  equipmentLoss: [],
  paymentAllocation: [],
  billingCorrection: [],
};

/**
 * The named interpretations a decision reads under a rule version, sorted: those its code reads
 * and those its rules' conditions compare (`interpretation.X`, as a fact or a fact reference).
 */
export function interpretationsRead(file: Pick<RuleFile, 'rules'> | undefined, decision: DecisionName): string[] {
  const names = new Set<string>(ENGINE_INTERPRETATION_READS[decision]);
  for (const r of file?.rules ?? [])
    for (const l of leaves(r.conditions as Condition, '')) if (l.fact.startsWith('interpretation.')) names.add(l.fact.slice('interpretation.'.length));
  return [...names].sort();
}

/** The facts a rule of `decision` may read. */
export function factsProvided(file: Pick<RuleFile, 'parameters'> | undefined, decision: DecisionName, interpretations: readonly Interpretation[]): Set<string> {
  return new Set<string>([...Object.keys(FACT_LABELS[decision] ?? {}), ...Object.keys(file?.parameters ?? {}), ...interpretations.map((i) => `interpretation.${i.name}`)]);
}

type Leaf = { fact: string; value: unknown; pointer: string };
const leaves = (c: Condition, pointer: string, out: Leaf[] = []): Leaf[] => {
  if (isLeaf(c)) {
    out.push({ fact: c.fact, value: c.value, pointer });
    if (typeof c.value === 'object' && c.value !== null && 'fact' in c.value)
      out.push({ fact: String((c.value as { fact: string }).fact), value: undefined, pointer: `${pointer}/value` });
  } else if ('all' in c) c.all.forEach((x, i) => leaves(x, `${pointer}/all/${i}`, out));
  else if ('any' in c) c.any.forEach((x, i) => leaves(x, `${pointer}/any/${i}`, out));
  else leaves(c.not, `${pointer}/not`, out);
  return out;
};

/** Every reference of one rule's conditions that does not resolve, with its pointer inside the conditions ('' = the conditions). */
export function ruleReferenceProblems(
  conditions: Condition,
  decision: DecisionName,
  provided: Set<string>,
  interpretations: readonly Interpretation[],
): { pointer: string; code: string; fact: string; message: string }[] {
  const out: { pointer: string; code: string; fact: string; message: string }[] = [];
  for (const l of leaves(conditions, '')) {
    if (!provided.has(l.fact)) {
      out.push({
        pointer: l.pointer,
        code: 'RULE_UNKNOWN_FACT',
        fact: l.fact,
        message: `the condition reads "${l.fact}", which decision ${decision} does not provide; use one of its facts (tariff validate lists them in the studio's rule editor)`,
      });
      continue;
    }
    if (!l.fact.startsWith('interpretation.') || l.value === undefined) continue;
    const def = interpretations.find((i) => `interpretation.${i.name}` === l.fact);
    const values = def ? interpretationValues(def) : [];
    const compared = Array.isArray(l.value) ? l.value : [l.value];
    for (const v of compared)
      if (!values.includes(String(v)))
        out.push({
          pointer: `${l.pointer}/value`,
          code: 'RULE_INTERPRETATION_VALUE',
          fact: l.fact,
          message: `the condition compares ${l.fact} with "${String(v)}", which is not one of its values (${values.map((x) => `"${x}"`).join(', ')}); the rule would never match`,
        });
  }
  return out;
}

/** Every broken reference of a rule version: rules (by file and pointer) and interpretations. */
export function versionReferenceErrors(
  decisions: Partial<Record<DecisionName, { file: string; data: RuleFile }>>,
  interpretations: { file: string; data: readonly Interpretation[] },
): DataError[] {
  const errors: DataError[] = [];
  interpretations.data.forEach((i, n) => {
    const values = interpretationValues(i);
    const dup = values.find((v, k) => values.indexOf(v) !== k);
    if (dup !== undefined)
      errors.push({
        file: interpretations.file,
        pointer: `/interpretations/${n}`,
        code: 'INTERPRETATION_VALUE',
        message: `interpretation ${i.name} lists the value "${dup}" twice (its default is also an alternative); each value once`,
      });
    const known = ENGINE_INTERPRETATION_VALUES[i.name];
    if (!known) return;
    for (const k of known)
      if (!values.includes(k))
        errors.push({
          file: interpretations.file,
          pointer: `/interpretations/${n}/alternatives`,
          code: 'INTERPRETATION_VALUE_REQUIRED',
          message: `interpretation ${i.name} no longer offers "${k}", a value the engine's code branches on; a case or a release choosing it would be refused. Keep "${k}" as the default or an alternative`,
        });
    if (!known.includes(i.default))
      errors.push({
        file: interpretations.file,
        pointer: `/interpretations/${n}/default`,
        code: 'INTERPRETATION_VALUE',
        message: `the default of ${i.name} is "${i.default}", which is not one of its values the engine knows (${known.map((x) => `"${x}"`).join(', ')}); answers would silently take another branch`,
      });
    i.alternatives.forEach((a, k) => {
      if (!known.includes(a.value))
        errors.push({
          file: interpretations.file,
          pointer: `/interpretations/${n}/alternatives/${k}/value`,
          code: 'INTERPRETATION_VALUE',
          message: `the alternative "${a.value}" of ${i.name} is not one of its values the engine knows (${known.map((x) => `"${x}"`).join(', ')})`,
        });
    });
  });
  for (const [decision, entry] of Object.entries(decisions) as [DecisionName, { file: string; data: RuleFile }][]) {
    const provided = factsProvided(entry.data, decision, interpretations.data);
    // A unit declared for a shipped parameter says what the catalog says, or the file and the page would disagree.
    for (const [name, p] of Object.entries(entry.data.parameters ?? {})) {
      const catalog = Object.hasOwn(PARAMETER_TEXTS, `${decision}.${name}`) ? PARAMETER_TEXTS[`${decision}.${name}`]!.unit : undefined;
      if (p.unit !== undefined && catalog !== undefined && p.unit !== catalog)
        errors.push({
          file: entry.file,
          pointer: `/parameters/${name}/unit`,
          code: 'PARAMETER_UNIT',
          message: `parameter ${name} is counted in ${catalog} (src/engine/review/parameter-texts.ts), not ${p.unit}; remove "unit" or set it to "${catalog}"`,
        });
    }
    entry.data.rules.forEach((r, n) => {
      for (const p of ruleReferenceProblems(r.conditions as Condition, decision, provided, interpretations.data))
        errors.push({ file: entry.file, pointer: `/rules/${n}/conditions${p.pointer}`, code: p.code, message: p.message });
      const event = eventTypeProblem(decision, r.event.type);
      if (event) errors.push({ file: entry.file, pointer: `/rules/${n}/event/type`, code: event.code, message: event.message });
    });
  }
  return errors;
}
