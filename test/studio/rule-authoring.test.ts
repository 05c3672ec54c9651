import { describe, expect, it } from 'vitest';
import type { Envelope, RegressionView, RuleVersionDetail } from '../../src/studio/api/contract.js';
import type { Saved } from '../../src/studio/api/contract.js';
import { quoteIssues } from '../../src/tariff-model/quote-check.js';
import { freshStudio } from './helpers.js';

/** Adding, deleting and reordering rules, and parameters, in a draft: each checked as files on disk are, quotes against the terms. */
const { dispatch } = freshStudio();
const ok = async <T>(name: string, args: unknown): Promise<T> => {
  const r = (await dispatch(name, args)) as Envelope<T>;
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
};
const fails = async (name: string, args: unknown) => {
  const r = (await dispatch(name, args)) as Envelope<unknown>;
  if (r.ok) throw new Error(`${name} succeeded; a refusal was expected`);
  return r.error;
};
const QUOTE = '当社は、前項の規定にかかわらず、次のいずれかに該当すると当社が判断した場合、申込を承諾しないことがあります。(3) 申込の際に虚偽の事項を申告したとき。';

describe('rule authoring', () => {
  let d: RuleVersionDetail;
  const at = () => ({ id: d.summary.id, revision: d.summary.revision });
  const reload = async (s: Saved) => (d = await ok<RuleVersionDetail>('rules.get', { id: s.id }));

  it('checks a quote against the terms as the unit test does, with the article to pick from', async () => {
    d = await ok<RuleVersionDetail>('rules.createDraft', { from: 1, effective: '2025-04-01', title: 'refusal ground' });
    const good = await ok<{ issues: unknown[]; articleText: string }>('authoring.checkQuote', { id: d.summary.id, clause: '第9条第2項第3号', quote: QUOTE });
    expect(good.issues).toEqual([]);
    expect(good.articleText).toContain('虚偽の事項');
    const bad = await ok<{ issues: { code: string }[] }>('authoring.checkQuote', { id: d.summary.id, clause: '第99条', quote: '当社は何でもできます。' });
    expect(bad.issues.map((i) => i.code)).toEqual(['RULE_CLAUSE_UNKNOWN', 'RULE_QUOTE_NOT_IN_TERMS']);
    expect(quoteIssues('甲は乙に払う。丙は丁に払う。', '', '甲は乙に払う。…丁に払う。').map((i) => i.code)).toEqual(['RULE_CLAUSE_REQUIRED']);
  });

  it('adds a rule from the template of its decision; a made-up quote is refused and nothing saved', async () => {
    const refused = await fails('authoring.addRule', { ...at(), decision: 'approval', ruleId: 'new-ground', from: null, clause: '第9条第2項第3号', quote: 'でっちあげ' });
    expect(refused.code).toBe('RULE_INVALID');
    expect(refused.issues.map((i) => i.code)).toContain('RULE_QUOTE_NOT_IN_TERMS');
    await reload(await ok<Saved>('authoring.addRule', { ...at(), decision: 'approval', ruleId: 'new-ground', from: null, clause: '第9条第2項第3号', quote: QUOTE }));
    expect(d.version.decisions.approval.rules.at(-1)).toMatchObject({ id: 'approval/new-ground', clause: '第9条第2項第3号' });
    expect((await fails('authoring.addRule', { ...at(), decision: 'approval', ruleId: 'new-ground', from: null, clause: '第9条第2項第3号', quote: QUOTE })).code).toBe(
      'RULE_ID_TAKEN',
    );
  });

  it('duplicates, moves and deletes rules; the regression shows which case files change answer', async () => {
    const first = d.version.decisions.approval.rules[0]!;
    await reload(await ok<Saved>('authoring.addRule', { ...at(), decision: 'approval', ruleId: 'copy-of-first', from: first.id, clause: first.clause, quote: first.quote }));
    const ids = () => d.version.decisions.approval.rules.map((r) => r.id);
    expect(ids()[1]).toBe('approval/copy-of-first');
    await reload(await ok<Saved>('authoring.moveRule', { ...at(), decision: 'approval', ruleId: 'approval/copy-of-first', direction: 'up' }));
    expect(ids()[0]).toBe('approval/copy-of-first');
    expect((await fails('authoring.moveRule', { ...at(), decision: 'approval', ruleId: 'approval/copy-of-first', direction: 'up' })).code).toBe('RULE_CANNOT_MOVE');
    await reload(await ok<Saved>('authoring.deleteRule', { ...at(), decision: 'approval', ruleId: 'approval/copy-of-first' }));
    expect(ids()).not.toContain('approval/copy-of-first');
    const reg = await ok<RegressionView>('rules.regression', { id: d.summary.id });
    expect(reg.total).toBeGreaterThan(10);
    expect((await fails('authoring.deleteRule', { id: 1, revision: 1, decision: 'approval', ruleId: first.id })).code).toBe('VERSION_NOT_DRAFT');
  });

  it('edits a parameter with the same checks as files: its type, clause and quote', async () => {
    const [decision, name, p] = Object.values(d.version.decisions)
      .flatMap((f) => Object.entries(f.parameters ?? {}).map(([n, x]) => [f.decision, n, x] as const))
      .find(([, , x]) => typeof x.value === 'number')!;
    expect((await fails('authoring.setParameter', { ...at(), decision, name, valueJson: '"fifteen"', clause: p.clause, quote: p.quote })).code).toBe('PARAMETER_VALUE');
    expect((await fails('authoring.setParameter', { ...at(), decision, name, valueJson: '20', clause: p.clause, quote: 'ちがう引用' })).code).toBe('RULE_INVALID');
    await reload(await ok<Saved>('authoring.setParameter', { ...at(), decision, name, valueJson: String(Number(p.value) + 1), clause: p.clause, quote: p.quote }));
    expect(d.version.decisions[decision].parameters![name]!.value).toBe(Number(p.value) + 1);
  });
});
