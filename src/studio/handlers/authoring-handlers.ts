import { canonicalJson } from '../../engine/canonical-json.js';
import { acceptedEventTypes } from '../../engine/decision-events.js';
import { clauseText } from '../../engine/review/clause-text.js';
import { PARAMETER_TEXTS } from '../../engine/review/parameter-texts.js';
import { DataLoadError } from '../../engine/errors.js';
import { DECISIONS, type Parameter, type RuleDoc, type RuleVersion } from '../../engine/rule-types.js';
import { validateRuleVersion } from '../../engine/validate-data.js';
import type { Handlers } from '../api/dispatcher.js';
import type { Issue } from '../../tariff-model/issue.js';
import { quoteIssues } from '../../tariff-model/quote-check.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import { getRuleVersion, saveRuleDraft, type StoredRuleVersion } from '../workspace/rule-store.js';
import { requireEditableDraft } from '../workspace/version-drafts.js';
import { asDecision } from './rule-checks.js';
import { factsOffered, termsFor } from './rule-views.js';
import type { StudioContext } from './studio-context.js';

/**
 * Rule authoring in a draft beyond editing one rule: add (template or duplicate), delete,
 * reorder, parameters and named interpretations. Every change is checked as the files on disk are (the whole version
 * loads; every clause and quote is the terms' text) before it is saved; nothing is saved otherwise.
 */
const DECIMAL = /^\d+(?:\.\d+)?$/u;
type Data = Pick<RuleVersion, 'decisions' | 'interpretations'>;

function draftOf(ctx: StudioContext, id: number, revision: number): StoredRuleVersion {
  const v = getRuleVersion(ctx.ws, id);
  requireEditableDraft(ctx.ws, 'rule', v, revision);
  return v;
}

/** The version's own checks (as `tariff validate` loads the files). */
function versionIssues(next: Data): Issue[] {
  try {
    validateRuleVersion(
      { effective: '2000-01-01', status: 'draft' },
      {
        decisions: Object.fromEntries(DECISIONS.map((d) => [d, { file: `${d}.json`, data: next.decisions[d] }])),
        interpretations: { file: 'interpretations.json', data: { interpretations: next.interpretations } },
      },
    );
    return [];
  } catch (e) {
    if (!(e instanceof DataLoadError)) throw e;
    return e.errors.map((d) => ({ code: d.code, severity: 'error' as const, field: d.pointer || '/', message: `${d.file}${d.pointer ? ` ${d.pointer}` : ''}: ${d.message}` }));
  }
}

function save(ctx: StudioContext, v: StoredRuleVersion, next: Data, issues: Issue[], action: string, before: unknown, after: unknown) {
  const all = [...issues, ...versionIssues(next)];
  if (all.some((i) => i.severity === 'error'))
    throw new StudioError('RULE_INVALID', `not saved: ${all.find((i) => i.severity === 'error')!.message}`, all, 'Nothing was saved. Correct what each issue names and try again.');
  const s = saveRuleDraft(ctx.ws, { id: v.id, revision: v.revision, version: next, action, before, after });
  return { id: s.id, revision: s.revision };
}

const withRules = (v: StoredRuleVersion, decision: string, rules: RuleDoc[]): Data => {
  const d = asDecision(decision);
  return { decisions: { ...v.version.decisions, [d]: { ...v.version.decisions[d], rules } }, interpretations: v.version.interpretations };
};

const findRule = (v: StoredRuleVersion, decision: string, ruleId: string): number => {
  const i = v.version.decisions[asDecision(decision)].rules.findIndex((r) => r.id === ruleId);
  if (i < 0) throw new StudioError('RULE_NOT_FOUND', `decision ${decision} has no rule "${ruleId}" in this version`, [], 'Reload the version and pick the rule again.');
  return i;
};

export const authoringHandlers = (ctx: StudioContext): Handlers['authoring'] => ({
  addRule: ({ id, revision, decision, ruleId, from, clause, quote }) => {
    const v = draftOf(ctx, id, revision);
    const d = asDecision(decision);
    const rules = v.version.decisions[d].rules;
    const newId = ruleId.startsWith(`${d}/`) ? ruleId : `${d}/${ruleId}`;
    if (!/^[a-zA-Z]+\/[a-z0-9][a-z0-9-]*$/u.test(newId))
      throw new StudioError(
        'RULE_ID_INVALID',
        `"${newId}" is not a rule id: use lower-case letters, digits and hyphens after "${d}/"`,
        [{ code: 'RULE_ID_INVALID', severity: 'error', field: '/id', value: newId, message: 'lower-case letters, digits and hyphens' }],
        'Choose an id like refusal-ground-x.',
      );
    if (rules.some((r) => r.id === newId))
      throw new StudioError(
        'RULE_ID_TAKEN',
        `decision ${d} already has a rule "${newId}"`,
        [{ code: 'RULE_ID_TAKEN', severity: 'error', field: '/id', value: newId, message: 'already used' }],
        'Choose another id.',
      );
    let rule: RuleDoc;
    if (from !== null) {
      const src = rules[findRule(v, d, from)]!;
      rule = { ...structuredClone(src), id: newId, name: newId.split('/')[1]!, clause, quote };
    } else {
      const fact = factsOffered(v.version, d)[0]?.name ?? 'asOf';
      const type = acceptedEventTypes(d)[0]!;
      rule = { id: newId, name: newId.split('/')[1]!, clause, quote, conditions: { all: [{ fact, operator: 'equal', value: true }] }, event: { type } };
    }
    const at = from === null ? rules.length : findRule(v, d, from) + 1;
    const next = withRules(v, d, [...rules.slice(0, at), rule, ...rules.slice(at)]);
    return save(ctx, v, next, quoteIssues(termsFor(ctx.ws, v.effective), clause, quote), 'rule.added', { decision: d, from }, { decision: d, rule });
  },

  deleteRule: ({ id, revision, decision, ruleId }) => {
    const v = draftOf(ctx, id, revision);
    const rules = v.version.decisions[asDecision(decision)].rules;
    const i = findRule(v, decision, ruleId);
    return save(
      ctx,
      v,
      withRules(
        v,
        decision,
        rules.filter((_, k) => k !== i),
      ),
      [],
      'rule.deleted',
      { decision, rule: rules[i] },
      { decision, rule: null },
    );
  },

  moveRule: ({ id, revision, decision, ruleId, direction }) => {
    const v = draftOf(ctx, id, revision);
    const rules = [...v.version.decisions[asDecision(decision)].rules];
    const i = findRule(v, decision, ruleId);
    const j = direction === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= rules.length) throw new StudioError('RULE_CANNOT_MOVE', `rule ${ruleId} is already the ${direction === 'up' ? 'first' : 'last'} of ${decision}`);
    const [a, b] = [rules[i]!, rules[j]!];
    // The two swap places and priorities: the engine runs rules of higher priority first.
    const pa = a.priority;
    const pb = b.priority;
    const moved = { ...a, ...(pb !== undefined ? { priority: pb } : {}) };
    const passed = { ...b, ...(pa !== undefined ? { priority: pa } : {}) };
    if (pb === undefined) delete (moved as { priority?: number }).priority;
    if (pa === undefined) delete (passed as { priority?: number }).priority;
    rules[j] = moved;
    rules[i] = passed;
    return save(
      ctx,
      v,
      withRules(v, decision, rules),
      [],
      'rule.moved',
      { decision, ruleId, index: i, priority: pa ?? null },
      { decision, ruleId, index: j, priority: pb ?? null },
    );
  },

  setParameter: ({ id, revision, decision, name, valueJson, clause, quote, unit }) => {
    const v = draftOf(ctx, id, revision);
    const d = asDecision(decision);
    const file = v.version.decisions[d];
    // Own parameters only: "constructor" or "__proto__" would find Object's and be refused as "a undefined".
    const cur = file.parameters && Object.hasOwn(file.parameters, name) ? file.parameters[name] : undefined;
    if (!cur) throw new StudioError('PARAMETER_NOT_FOUND', `decision ${d} has no parameter "${name}"`, [], 'Reload the version.');
    let value: unknown;
    try {
      value = JSON.parse(valueJson) as unknown;
    } catch {
      throw new StudioError(
        'PARAMETER_VALUE',
        `parameter ${name}: ${JSON.stringify(valueJson)} is not JSON`,
        [{ code: 'PARAMETER_VALUE', severity: 'error', field: '/value', value: valueJson, message: 'a number like 14.6, or a string in quotes' }],
        'Enter a number, or a string in double quotes.',
      );
    }
    if (typeof value !== typeof cur.value)
      throw new StudioError(
        'PARAMETER_VALUE',
        `parameter ${name} is a ${typeof cur.value}; ${valueJson} is not`,
        [{ code: 'PARAMETER_VALUE', severity: 'error', field: '/value', value: valueJson, message: `a ${typeof cur.value}` }],
        `Enter a ${typeof cur.value}.`,
      );
    // Every parameter of the terms is a count, a duration, a rate or a multiplier: never negative.
    if (typeof value === 'number' && !(value >= 0))
      throw new StudioError(
        'PARAMETER_VALUE',
        `parameter ${name} cannot be ${valueJson}: the terms' parameters (days, hours, months, rates, multipliers) are 0 or more`,
        [{ code: 'PARAMETER_VALUE', severity: 'error', field: '/value', value: valueJson, message: 'a number of 0 or more' }],
        'Enter a number of 0 or more.',
      );
    // A rate kept as a decimal string ("14.6") is read with decimal.js: it stays a decimal.
    if (typeof cur.value === 'string' && DECIMAL.test(cur.value) && !DECIMAL.test(String(value)))
      throw new StudioError(
        'PARAMETER_VALUE',
        `parameter ${name} is a decimal number kept as a string ("${cur.value}"); ${valueJson} is not`,
        [{ code: 'PARAMETER_VALUE', severity: 'error', field: '/value', value: valueJson, message: 'a decimal number in double quotes, like "14.6"' }],
        'Enter a decimal number in double quotes.',
      );
    // A shipped parameter's unit is the catalog's (parameter-texts.ts): its clause counts it so, and a draft does not re-declare it.
    const key = `${d}.${name}`;
    if (unit !== undefined && Object.hasOwn(PARAMETER_TEXTS, key) && unit !== PARAMETER_TEXTS[key]!.unit)
      throw new StudioError(
        'PARAMETER_UNIT',
        `parameter ${name} of ${d} is counted in ${PARAMETER_TEXTS[key]!.unit} (src/engine/review/parameter-texts.ts); it cannot be declared in ${String(unit)}`,
        [{ code: 'PARAMETER_UNIT', severity: 'error', field: '/unit', value: String(unit), message: `${PARAMETER_TEXTS[key]!.unit}, as the catalog of units has it` }],
        'Leave the unit as it is: the clause the parameter quotes counts it so.',
      );
    const { unit: _was, ...rest } = cur;
    const declared = unit === undefined ? cur.unit : Object.hasOwn(PARAMETER_TEXTS, key) ? undefined : (unit ?? undefined);
    const param: Parameter = { ...rest, value: value as Parameter['value'], clause, quote, ...(declared !== undefined ? { unit: declared } : {}) };
    const next: Data = { decisions: { ...v.version.decisions, [d]: { ...file, parameters: { ...file.parameters, [name]: param } } }, interpretations: v.version.interpretations };
    return save(
      ctx,
      v,
      next,
      quoteIssues(termsFor(ctx.ws, v.effective), clause, quote, `/parameters/${name}`),
      'rule.parameter.edited',
      { decision: d, name, parameter: cur },
      { decision: d, name, parameter: param },
    );
  },

  editInterpretation: ({ id, revision, name, interpretation }) => {
    const v = draftOf(ctx, id, revision);
    const n = v.version.interpretations.findIndex((i) => i.name === name);
    if (n < 0) throw new StudioError('UNKNOWN_INTERPRETATION', `rule version ${v.effective} has no interpretation "${name}"`, [], 'Reload the version.');
    const cur = v.version.interpretations[n]!;
    if (canonicalJson(cur) === canonicalJson(interpretation)) return { id: v.id, revision: v.revision };
    // Rules (interpretation.X), case files and releases name it: the name stays.
    const issues: Issue[] =
      interpretation.name === name
        ? []
        : [
            {
              code: 'INTERPRETATION_NAME',
              severity: 'error',
              field: `/interpretations/${n}/name`,
              value: String(interpretation.name),
              message: `interpretations.json /interpretations/${n}/name: the interpretation keeps its name "${name}" (rules and case files refer to it by name)`,
            },
          ];
    const next: Data = { decisions: v.version.decisions, interpretations: v.version.interpretations.map((i, k) => (k === n ? interpretation : i)) };
    return save(ctx, v, next, issues, 'rule.interpretation.edited', { name, interpretation: cur }, { name, interpretation });
  },

  checkQuote: ({ id, clause, quote }) => {
    const v = getRuleVersion(ctx.ws, id);
    const terms = termsFor(ctx.ws, v.effective);
    const article = /^(第\d+条|別紙\d+(?:表\d+)?)/u.exec(clause)?.[1] ?? null;
    return { issues: quoteIssues(terms, clause, quote), article, articleText: article ? (clauseText(terms, article) ?? null) : null };
  },
});
