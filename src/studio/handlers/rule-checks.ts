import { DataLoadError } from '../../engine/errors.js';
import { MAX_JSON_DEPTH, tooDeepAt } from '../../engine/json-depth.js';
import { ruleSentence } from '../../engine/review/rule-sentences.js';
import { DECISIONS, type Condition, type DecisionName, type RuleDoc, type RuleVersion } from '../../engine/rule-types.js';
import { conditionDefs, ruleSchema } from '../../engine/schemas.js';
import { eventTypeProblem } from '../../engine/decision-events.js';
import { ruleReferenceProblems } from '../../engine/rule-references.js';
import { schemaErrors, validateRuleVersion } from '../../engine/validate-data.js';
import type { Issue } from '../../tariff-model/issue.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import { factsOffered } from './rule-views.js';

/**
 * Checks an edited rule as the reviewer types: its JSON parses, it fits the rule schema (every
 * operator, every group), it keeps its id, every fact it reads is one the decision offers, its
 * event is one the decision handles (an error: the answer would ignore it), and the whole version
 * still loads. Each problem is an issue with the JSON pointer in the rule.
 */
const ruleCheckSchema = { $defs: conditionDefs, ...ruleSchema };

const issue = (code: string, message: string, field = '/', severity: Issue['severity'] = 'error', extra: Partial<Issue> = {}): Issue => ({
  code,
  severity,
  message,
  field,
  ...extra,
});

export const asDecision = (d: string): DecisionName => {
  if (!(DECISIONS as readonly string[]).includes(d)) throw new StudioError('UNKNOWN_DECISION', `no decision named "${d}"`, [], `Use one of ${DECISIONS.join(', ')}.`);
  return d as DecisionName;
};

/** Parses the JSON text; a syntax error names the line and column. */
function parse(json: string): { ok: true; value: unknown } | { ok: false; issue: Issue } {
  try {
    const value = JSON.parse(json) as unknown;
    // The text arrives as a string, past the dispatcher's depth check: conditions nested thousands deep overflowed the stack in the schema check.
    const deep = tooDeepAt(value);
    if (deep !== undefined)
      return {
        ok: false,
        issue: issue('RULE_TOO_DEEP', `${deep}: the rule nests deeper than ${MAX_JSON_DEPTH} levels`, deep, 'error', {
          expected: `conditions a few levels deep (groups of all/any/not, at most ${MAX_JSON_DEPTH} levels in all)`,
        }),
      };
    return { ok: true, value };
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/u.exec(msg);
    let where = '';
    if (pos) {
      const upto = json.slice(0, Number(pos[1]));
      const line = upto.split('\n').length;
      where = ` at line ${line}, column ${upto.length - upto.lastIndexOf('\n')}`;
    }
    return {
      ok: false,
      issue: issue('RULE_JSON', `the rule is not valid JSON${where}: ${msg}`, '/', 'error', {
        expected: 'a JSON object like {"id": …, "conditions": {"all": [...]}, "event": {"type": …}}',
      }),
    };
  }
}

export type CheckedRule = { issues: Issue[]; rule: RuleDoc | null; next: Pick<RuleVersion, 'decisions' | 'interpretations'> | null; before: RuleDoc | null };

export function checkRuleEdit(
  version: Pick<RuleVersion, 'decisions' | 'interpretations'>,
  base: Pick<RuleVersion, 'decisions'> | undefined,
  decisionName: string,
  ruleId: string,
  json: string,
): CheckedRule {
  const decision = asDecision(decisionName);
  const file = version.decisions[decision];
  const index = file.rules.findIndex((r) => r.id === ruleId);
  if (index < 0) throw new StudioError('RULE_NOT_FOUND', `decision ${decision} has no rule "${ruleId}" in this version`, [], 'Reload the version and pick the rule again.');
  const parsed = parse(json);
  if (!parsed.ok) return { issues: [parsed.issue], rule: null, next: null, before: file.rules[index]! };
  const issues: Issue[] = schemaErrors(ruleCheckSchema, parsed.value, `${decision}.json`, 'RULE_SCHEMA').map((e) =>
    issue(e.code, `${e.pointer || '(rule)'}: ${e.message}`, e.pointer || '/'),
  );
  if (issues.length) return { issues, rule: null, next: null, before: file.rules[index]! };
  const rule = parsed.value as RuleDoc;
  if (rule.id !== ruleId)
    issues.push(issue('RULE_ID_CHANGED', `/id: the rule's id is "${ruleId}"; it cannot be renamed here (got "${rule.id}")`, '/id', 'error', { value: rule.id, expected: ruleId }));
  const offered = new Set(factsOffered(version, decision, base).map((f) => f.name));
  for (const p of ruleReferenceProblems(rule.conditions as Condition, decision, offered, version.interpretations))
    issues.push(
      issue(p.code, `/conditions${p.pointer}: ${p.message}`, `/conditions${p.pointer}`, 'error', {
        value: p.fact,
        ...(p.code === 'RULE_UNKNOWN_FACT' ? { expected: [...offered].join(', ') } : {}),
      }),
    );
  const event = eventTypeProblem(decision, rule.event.type);
  if (event) issues.push(issue(event.code, `/event/type: ${event.message}`, '/event/type', 'error', { value: rule.event.type, expected: event.expected.join(', ') }));
  const next = { ...version, decisions: { ...version.decisions, [decision]: { ...file, rules: file.rules.map((r, i) => (i === index ? rule : r)) } } };
  try {
    validateRuleVersion(
      { effective: '2000-01-01', status: 'draft' },
      {
        decisions: Object.fromEntries(DECISIONS.map((d) => [d, { file: `${d}.json`, data: next.decisions[d] }])),
        interpretations: { file: 'interpretations.json', data: { interpretations: next.interpretations } },
      },
    );
  } catch (e) {
    if (!(e instanceof DataLoadError)) throw e;
    // The rule's own references (conditions, event) are reported above, with the rule editor's pointers.
    const own = [`/rules/${index}/conditions`, `/rules/${index}/event/`];
    for (const d of e.errors.filter((x) => !(x.file === `${decision}.json` && own.some((p) => x.pointer.startsWith(p)))))
      issues.push(issue(d.code, `${d.file}${d.pointer ? ` ${d.pointer}` : ''}: ${d.message}`, d.pointer || '/'));
  }
  return { issues, rule, next, before: file.rules[index]! };
}

export const sentences = (rule: RuleDoc, decision: DecisionName): { ja: string; en: string } => ({
  ja: ruleSentence(rule, decision, 'ja'),
  en: ruleSentence(rule, decision, 'en'),
});
