import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/cli/options.js';
import type { RuleDoc } from '../../src/engine/rule-types.js';
import { ruleFileSchema } from '../../src/engine/schemas.js';
import { schemaErrors } from '../../src/engine/validate-data.js';
import { loadRuleVersions } from '../../src/io/folder-store.js';
import { checkRuleEdit } from '../../src/studio/handlers/rule-checks.js';

/**
 * A condition is a leaf ({fact, operator, value}) or a group ({all}, {any} or {not}). One mistake
 * in one condition is one error, at its JSON pointer, for the branch the writer evidently meant
 * (the group whose key is there, else the leaf): never the other branches' "missing required
 * property "all"" beside it. `tariff validate` (the rule file) and the studio's rule editor (one
 * rule) say the same.
 */
const version = loadRuleVersions(DEFAULT_RULES)[0]!;
const base = version.decisions.lateInterest.rules[0]!;
const withConditions = (conditions: unknown): RuleDoc => ({ ...base, conditions }) as RuleDoc;
const fileErrors = (conditions: unknown) =>
  schemaErrors(ruleFileSchema, { ...version.decisions.lateInterest, rules: [withConditions(conditions)] }, 'lateInterest.json', 'RULE_SCHEMA').map((e) => ({
    pointer: e.pointer,
    message: e.message,
  }));
const editorIssues = (conditions: unknown) =>
  checkRuleEdit(version, undefined, 'lateInterest', base.id, JSON.stringify(withConditions(conditions))).issues.map((i) => ({ code: i.code, field: i.field, message: i.message }));

const leaf = { fact: 'daysAfterDue', operator: 'greaterThan', value: 15 };

describe('rule schema errors: one error per mistake, in the branch meant', () => {
  it('a leaf with a property conditions do not take (a JSON path into the fact)', () => {
    expect(fileErrors({ all: [{ ...leaf, path: '/amount' }] })).toEqual([
      { pointer: '/rules/0/conditions/all/0', message: 'unknown property "path": remove it or fix its spelling' },
    ]);
    expect(editorIssues({ all: [{ ...leaf, path: '/amount' }] })).toEqual([
      { code: 'RULE_SCHEMA', field: '/conditions/all/0', message: '/conditions/all/0: unknown property "path": remove it or fix its spelling' },
    ]);
  });

  it('a leaf with an unknown operator names the operator only', () => {
    const errors = fileErrors({ all: [{ ...leaf, operator: 'biggerThan' }] });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ pointer: '/rules/0/conditions/all/0/operator', message: expect.stringContaining('must be one of ["equal"') });
  });

  it('a leaf missing its fact says so, and nothing about all, any or not', () => {
    const { fact: _fact, ...noFact } = leaf;
    expect(fileErrors({ all: [noFact] })).toEqual([{ pointer: '/rules/0/conditions/all/0', message: 'missing required property "fact"' }]);
  });

  it('a mistake nested in a group (any inside all) is reported once, at its own pointer', () => {
    expect(fileErrors({ all: [{ any: [{ ...leaf, pth: 'x' }] }] })).toEqual([
      { pointer: '/rules/0/conditions/all/0/any/0', message: 'unknown property "pth": remove it or fix its spelling' },
    ]);
    expect(editorIssues({ all: [{ not: { ...leaf, operator: 'equals' } }] })).toEqual([expect.objectContaining({ code: 'RULE_SCHEMA', field: '/conditions/all/0/not/operator' })]);
  });

  it('an empty group or a group with an extra key is the group\u2019s error, not the leaf\u2019s', () => {
    expect(fileErrors({ all: [{ any: [] }] })).toEqual([{ pointer: '/rules/0/conditions/all/0/any', message: 'must NOT have fewer than 1 items' }]);
    expect(fileErrors({ all: [leaf], extra: 1 })).toEqual([{ pointer: '/rules/0/conditions', message: 'unknown property "extra": remove it or fix its spelling' }]);
  });

  it('a list operator with a single value is told it needs a list (or a fact)', () => {
    expect(fileErrors({ all: [{ fact: 'daysAfterDue', operator: 'in', value: 3 }] })).toEqual([{ pointer: '/rules/0/conditions/all/0/value', message: 'must be array' }]);
  });

  it('top-level conditions without a group key: the group it needs, and the key to fix', () => {
    expect(fileErrors({ alll: [leaf] })).toEqual([
      { pointer: '/rules/0/conditions', message: 'missing required property "all"' },
      { pointer: '/rules/0/conditions', message: 'unknown property "alll": remove it or fix its spelling' },
    ]);
  });

  it('every committed rule still passes the schema', () => {
    for (const [d, f] of Object.entries(version.decisions)) expect(schemaErrors(ruleFileSchema, f, `${d}.json`, 'RULE_SCHEMA'), d).toEqual([]);
  });
});
