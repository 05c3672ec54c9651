import { describe, expect, it } from 'vitest';
import type { Interpretation } from '../../src/engine/rule-types.js';
import { versionReferenceErrors } from '../../src/engine/rule-references.js';
import type { Envelope, RegressionView, RuleVersionDetail } from '../../src/studio/api/contract.js';
import type { Saved } from '../../src/studio/api/contract.js';
import { quoteIssues } from '../../src/tariff-model/quote-check.js';
import { freshStudio } from './helpers.js';
import { saveRuleDraft } from '../../src/studio/workspace/rule-store.js';

/** Adding, deleting and reordering rules, and parameters, in a draft: each checked as files on disk are, quotes against the terms. */
const { ws, dispatch, ok, fails } = freshStudio();
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
    // The terms' own text, but from another clause (第9条's sentence cited as 第5条 or 第9条第1項): the wrong citation.
    for (const clause of ['第5条', '第9条第1項']) {
      const elsewhere = await ok<{ issues: { code: string; message: string }[] }>('authoring.checkQuote', { id: d.summary.id, clause, quote: QUOTE });
      expect(elsewhere.issues.map((i) => i.code)).toEqual(['RULE_QUOTE_NOT_IN_CLAUSE']);
      expect(elsewhere.issues[0]!.message).toContain(`not ${clause}'s`);
    }
    const wrongClause = await fails('authoring.addRule', { ...at(), decision: 'approval', ruleId: 'cited-wrong', from: null, clause: '第5条', quote: QUOTE });
    expect(wrongClause.issues.map((i) => i.code)).toContain('RULE_QUOTE_NOT_IN_CLAUSE');
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

  it('refuses to save a rule whose event type its decision never handles (an error, not a warning), naming the types it accepts', async () => {
    const rule = d.version.decisions.approval.rules.at(-1)!;
    const args = { ...at(), decision: 'approval', ruleId: rule.id, ruleJson: JSON.stringify({ ...rule, event: { ...rule.event, type: 'refused' } }) };
    const check = await ok<{ issues: { code: string; severity: string; field: string; expected?: string }[] }>('rules.checkRule', args);
    expect(check.issues).toEqual([expect.objectContaining({ code: 'RULE_EVENT_UNKNOWN', severity: 'error', field: '/event/type', expected: 'refuse' })]);
    const refused = await fails('rules.saveRule', args);
    expect(refused.code).toBe('RULE_INVALID');
    expect(refused.issues.map((i) => i.code)).toEqual(['RULE_EVENT_UNKNOWN']);
    expect((await ok<RuleVersionDetail>('rules.get', { id: d.summary.id })).summary.revision).toBe(d.summary.revision);
    // The editor offers what the decision accepts, not what the draft's rules happen to fire.
    expect(d.eventTypes.approval).toEqual(['refuse']);
    expect(d.eventTypes.cancellation).toEqual(['cancelled', 'late-return-charge', 'notice-on-time', 'pending', 'return-owed']);
  });

  it('edits a parameter with the same checks as files: its type, clause and quote', async () => {
    const [decision, name, p] = Object.values(d.version.decisions)
      .flatMap((f) => Object.entries(f.parameters ?? {}).map(([n, x]) => [f.decision, n, x] as const))
      .find(([, , x]) => typeof x.value === 'number')!;
    expect((await fails('authoring.setParameter', { ...at(), decision, name, valueJson: '"fifteen"', clause: p.clause, quote: p.quote })).code).toBe('PARAMETER_VALUE');
    expect((await fails('authoring.setParameter', { ...at(), decision, name, valueJson: '20', clause: p.clause, quote: 'ちがう引用' })).code).toBe('RULE_INVALID');
    for (const negative of ['-3', '-0.5'])
      expect((await fails('authoring.setParameter', { ...at(), decision, name, valueJson: negative, clause: p.clause, quote: p.quote })).code).toBe('PARAMETER_VALUE');
    await reload(await ok<Saved>('authoring.setParameter', { ...at(), decision, name, valueJson: String(Number(p.value) + 1), clause: p.clause, quote: p.quote }));
    expect(d.version.decisions[decision].parameters![name]!.value).toBe(Number(p.value) + 1);
  });
  it('edits a parameter kept as a decimal string ("14.6") as a decimal string only', async () => {
    const p = d.version.decisions.lateInterest.parameters!['annualRatePercent']!;
    expect(typeof p.value).toBe('string');
    const args = { ...at(), decision: 'lateInterest', name: 'annualRatePercent', clause: p.clause, quote: p.quote };
    expect((await fails('authoring.setParameter', { ...args, valueJson: '"14,6%"' })).code).toBe('PARAMETER_VALUE');
    expect((await fails('authoring.setParameter', { ...args, valueJson: '14.6' })).code).toBe('PARAMETER_VALUE');
    await reload(await ok<Saved>('authoring.setParameter', { ...args, valueJson: '"14.5"' }));
    expect(d.version.decisions.lateInterest.parameters!['annualRatePercent']!.value).toBe('14.5');
  });
  it("declares the unit of a parameter the draft added; a shipped parameter keeps the catalog's", async () => {
    // A parameter added to the draft as a rules folder would carry it: no unit the catalog knows.
    const file = d.version.decisions.lateInterest;
    const quote = file.parameters!['graceDays']!.quote;
    const added = { ...file, parameters: { ...file.parameters, reminderDays: { value: 7, clause: '第27条', quote } } };
    saveRuleDraft(ws, {
      id: d.summary.id,
      revision: d.summary.revision,
      version: { decisions: { ...d.version.decisions, lateInterest: added }, interpretations: d.version.interpretations },
      action: 'rule.parameter.edited',
      before: null,
      after: null,
    });
    d = await ok<RuleVersionDetail>('rules.get', { id: d.summary.id });
    const args = { decision: 'lateInterest', name: 'reminderDays', valueJson: '7', clause: '第27条', quote };
    await reload(await ok<Saved>('authoring.setParameter', { ...at(), ...args, unit: 'days' }));
    expect(d.version.decisions.lateInterest.parameters!['reminderDays']!.unit).toBe('days');
    // Saving its value again keeps the unit; null takes the declaration back.
    await reload(await ok<Saved>('authoring.setParameter', { ...at(), ...args, valueJson: '8' }));
    expect(d.version.decisions.lateInterest.parameters!['reminderDays']).toMatchObject({ value: 8, unit: 'days' });
    await reload(await ok<Saved>('authoring.setParameter', { ...at(), ...args, unit: null }));
    expect(d.version.decisions.lateInterest.parameters!['reminderDays']!.unit).toBeUndefined();
    expect((await fails('authoring.setParameter', { ...at(), ...args, unit: 'weeks' })).code).toBe('INVALID_ARGS');
    const grace = d.version.decisions.lateInterest.parameters!['graceDays']!;
    const refused = await fails('authoring.setParameter', {
      ...at(),
      decision: 'lateInterest',
      name: 'graceDays',
      valueJson: '15',
      clause: grace.clause,
      quote: grace.quote,
      unit: 'hours',
    });
    expect(refused.code).toBe('PARAMETER_UNIT');
    expect(refused.message).toContain('days');
  });
});

describe('named interpretations edited in a draft, checked as interpretations.json on disk', () => {
  let d: RuleVersionDetail;
  const at = () => ({ id: d.summary.id, revision: d.summary.revision });
  const reload = async (s: Saved) => (d = await ok<RuleVersionDetail>('rules.get', { id: s.id }));
  const find = (name: string): [Interpretation, number] => {
    const n = d.version.interpretations.findIndex((i) => i.name === name);
    return [structuredClone(d.version.interpretations[n]!), n];
  };
  const edit = (name: string, interpretation: unknown) => dispatch('authoring.editInterpretation', { ...at(), name, interpretation }) as Promise<Envelope<Saved>>;
  const refused = async (name: string, interpretation: unknown) => {
    const r = await edit(name, interpretation);
    if (r.ok) throw new Error('saved; a refusal was expected');
    return r.error;
  };

  it('edits the description of an interpretation and of its values, and adds an alternative; audited', async () => {
    d = await ok<RuleVersionDetail>('rules.createDraft', { from: 1, effective: '2025-05-01', title: 'interpretations' });
    const [i] = find('businessDays');
    i.description = 'Which days count as business days (第22条), as read by legal.';
    i.defaultDescription = 'Monday to Friday, less national holidays and 29 December to 3 January';
    i.alternatives.push({ value: 'weekdays-only', description: 'Monday to Friday, holidays counted' });
    const r = await edit('businessDays', i);
    if (!r.ok) throw new Error(r.error.message);
    await reload(r.value);
    expect(find('businessDays')[0]).toEqual(i);
    const { entries } = await ok<{ entries: { action: string; after: { name: string } }[] }>('audit.list', { limit: 5 });
    expect(entries.find((e) => e.action === 'rule.interpretation.edited')?.after.name).toBe('businessDays');
  });

  it('changes the default (the old default becomes an alternative) and removes an alternative no code or rule needs', async () => {
    const [i] = find('businessDays');
    const alt = i.alternatives[0]!;
    const next: Interpretation = {
      ...i,
      default: alt.value,
      defaultDescription: alt.description,
      alternatives: [{ value: i.default, description: i.defaultDescription, ...(i.defaultAliases ? { aliases: i.defaultAliases } : {}) }],
    };
    delete next.defaultAliases;
    const r = await edit('businessDays', next);
    if (!r.ok) throw new Error(r.error.message);
    await reload(r.value);
    expect(find('businessDays')[0].default).toBe('weekdays-only');
    const [back] = find('businessDays');
    const restored: Interpretation = { ...back, default: back.alternatives[0]!.value, defaultDescription: back.alternatives[0]!.description, alternatives: [] };
    const r2 = await edit('businessDays', restored);
    if (!r2.ok) throw new Error(r2.error.message);
    await reload(r2.value);
    expect(find('businessDays')[0]).toMatchObject({ default: 'weekdays-less-holidays-and-year-end', alternatives: [] });
  });

  it('refuses to remove a value the engine branches on, with the JSON pointer; nothing saved', async () => {
    const [i, n] = find('dailyRate');
    i.alternatives = i.alternatives.filter((a) => a.value !== 'thirty-days');
    const before = d.summary.revision;
    const e = await refused('dailyRate', i);
    expect(e.code).toBe('RULE_INVALID');
    expect(e.issues).toContainEqual(expect.objectContaining({ code: 'INTERPRETATION_VALUE_REQUIRED', field: `/interpretations/${n}/alternatives` }));
    expect(e.message).toContain('thirty-days');
    expect((await ok<RuleVersionDetail>('rules.get', { id: d.summary.id })).summary.revision).toBe(before);
  });

  it('refuses a value the engine does not know, a value twice, an empty description, a new name, and a value a rule compares with', async () => {
    const [pm, n] = find('partialMonthFee');
    const unknown = { ...pm, alternatives: [...pm.alternatives, { value: 'weekly', description: 'by the week' }] };
    expect((await refused('partialMonthFee', unknown)).issues).toContainEqual(
      expect.objectContaining({ code: 'INTERPRETATION_VALUE', field: `/interpretations/${n}/alternatives/1/value` }),
    );
    const twice = { ...pm, alternatives: [...pm.alternatives, { value: 'full-month', description: 'again' }] };
    expect((await refused('partialMonthFee', twice)).issues).toContainEqual(expect.objectContaining({ code: 'INTERPRETATION_VALUE', field: `/interpretations/${n}` }));
    const empty = await refused('partialMonthFee', { ...pm, description: '' });
    expect(empty.issues).toContainEqual(expect.objectContaining({ code: 'RULE_SCHEMA', field: `/interpretations/${n}/description` }));
    const renamed = await refused('partialMonthFee', { ...pm, name: 'partialMonth' });
    expect(renamed.issues).toContainEqual(expect.objectContaining({ code: 'INTERPRETATION_NAME', field: `/interpretations/${n}/name` }));
    const [po] = find('partialOutage');
    const e = await refused('partialOutage', { ...po, alternatives: [] });
    expect(e.issues.map((x) => x.code)).toContain('RULE_INTERPRETATION_VALUE');
    expect(e.issues.find((x) => x.code === 'RULE_INTERPRETATION_VALUE')?.field).toMatch(/^\/rules\/\d+\/conditions\/.*\/value$/u);
    expect((await fails('authoring.editInterpretation', { id: 1, revision: 1, name: 'partialMonthFee', interpretation: pm })).code).toBe('VERSION_NOT_DRAFT');
    expect((await fails('authoring.editInterpretation', { ...at(), name: 'noSuch', interpretation: pm })).code).toBe('UNKNOWN_INTERPRETATION');
  });

  it('tariff validate holds files on disk to the same check: an engine value dropped is an error at its pointer', () => {
    const [i] = find('monthsUsed');
    const errors = versionReferenceErrors({}, { file: 'interpretations.json', data: [{ ...i, alternatives: [] }] });
    expect(errors).toEqual([expect.objectContaining({ code: 'INTERPRETATION_VALUE_REQUIRED', pointer: '/interpretations/0/alternatives', file: 'interpretations.json' })]);
  });
});

describe('who made a rule draft’s latest change', () => {
  it('rules.get names the author of the latest change (the audit log’s), so an editor whose draft moved on can say whether it was a colleague or the user’s own other window', async () => {
    const { ws, ok: call } = freshStudio();
    ws.actor = 'kato';
    const draft = await call<RuleVersionDetail>('rules.createDraft', { from: 1, effective: '2025-04-01', title: 'grace days' });
    expect(draft.changedBy).toBe('kato');
    const p = draft.version.decisions.lateInterest!.parameters!['graceDays']!;
    ws.actor = 'ito';
    await call('authoring.setParameter', {
      id: draft.summary.id,
      revision: draft.summary.revision,
      decision: 'lateInterest',
      name: 'graceDays',
      valueJson: '16',
      clause: p.clause,
      quote: p.quote,
    });
    ws.actor = 'kato';
    expect((await call<RuleVersionDetail>('rules.get', { id: draft.summary.id })).changedBy).toBe('ito');
  });
});
