import { describe, expect, it } from 'vitest';
import type { EditChange, EditLine, RepriceAnswer, RunProgress, RunView, ScenarioChoices, ScenarioForm, ScenarioSummary, SideEditLines } from '../../src/studio/api/contract.js';
import { fill, formatYen } from '../../src/studio/renderer/i18n/i18n-context.js';
import { en, ja, type MessageKey } from '../../src/studio/renderer/i18n/messages.js';
import { changeText } from '../../src/studio/renderer/scenarios/edit-line-text.js';
import { newEdit, EDIT_KINDS } from '../../src/studio/renderer/scenarios/edits-editor.js';
import { scenarioStudio } from './helpers.js';

/**
 * A scenario's edits as lines (scenarios.describeEdits): what each edit changes in its side's
 * version, from what to what, as the simulator applies it; the page's wording of them in Japanese
 * and English; a run and a re-price keep the lines of the form they ran; every kind the page can
 * add is a valid edit of the simulator.
 */
const setup = scenarioStudio;
type Edits = ScenarioForm['proposal']['edits'];
const withEdits = (c: ScenarioChoices, edits: Edits, baseline: Edits = []): ScenarioForm => ({
  ...c.defaultForm,
  name: 'lines',
  horizon: { start: '2025-04', months: 3 },
  fleet: { ...c.defaultForm.fleet, size: 60, startDates: { from: '2024-10-01', to: '2025-03-31' } },
  baseline: { ...c.defaultForm.baseline, edits: baseline },
  proposal: { tariffVersionId: null, ruleVersionId: null, edits },
});
const words = (lang: 'ja' | 'en') => ({
  t: (k: MessageKey, v?: Record<string, string | number>) => fill((lang === 'ja' ? ja : en)[k], v),
  yen: (n: number) => formatYen(n, lang),
  lang,
});

describe('scenario edits as lines', () => {
  it('says what each edit changes, from what to what, on the version its side picks', async () => {
    const { call } = setup();
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    const m2035 = c.courses.filter((x) => x.series === 'M2035' && x.termMonths === 36);
    expect(m2035.length).toBeGreaterThan(0);
    const poe = c.options.find((o) => o.price.kind === 'by-term')!;
    const edits: Edits = [
      { edit: 'course-fee', match: { series: 'M2035', termMonths: 36 }, change: -500 },
      { edit: 'course-fee', match: { courses: [m2035[0]!.code] }, set: 2180, note: '据え置き' },
      { edit: 'option-price', option: poe.code, price: { kind: 'by-term', amounts: { ...poe.price.amounts, '12': 900 } } },
      { edit: 'initial-fee', group: c.initialFeeGroups[0]!.group, amount: 5000 },
      { edit: 'existing-contracts', policy: 'keep-price', clause: '附則第2項（案）' },
      { edit: 'rule-parameter', decision: 'outageWaiver', parameter: 'minimumConsecutiveHours', value: 12 },
      { edit: 'interpretation', name: 'dailyRate', value: 'thirty-days' },
      { edit: 'course-fee', match: { series: 'M2035', termMonths: 7 }, change: 100 },
      { edit: 'add-course', course: { ...m2035[0]!.row, code: 'NEW-1', name: '新コース', monthlyFee: 3000 }, uptake: { from: [m2035[0]!.code], share: 0.25 } },
    ];
    const lines = await call<SideEditLines>('scenarios.describeEdits', { form: withEdits(c, edits) });
    expect(lines.baseline).toEqual([]);
    const p = lines.proposal;
    expect(p.map((l) => l.edit)).toEqual(edits.map((e) => e.edit));
    // Every M2035 3-year course, 500 yen less.
    expect(p[0]!.changes.map((x) => [x.kind, x.subject, x.from, x.to])).toEqual(m2035.map((x) => ['course-fee', x.code, x.monthlyFee, x.monthlyFee - 500]));
    // Applied in order: the second edit starts from the first's fee.
    expect(p[1]!.changes).toEqual([expect.objectContaining({ subject: m2035[0]!.code, name: m2035[0]!.name, from: m2035[0]!.monthlyFee - 500, to: 2180 })]);
    expect(p[1]!.note).toBe('据え置き');
    expect(p[2]!.changes).toEqual([expect.objectContaining({ kind: 'option-price', subject: poe.code, key: '12', from: poe.price.amounts['12'], to: 900, detail: 'by-term' })]);
    expect(p[3]!.changes).toEqual([expect.objectContaining({ kind: 'initial-fee', subject: c.initialFeeGroups[0]!.group, from: c.initialFeeGroups[0]!.amount, to: 5000 })]);
    expect(p[4]!.changes).toEqual([expect.objectContaining({ kind: 'existing-contracts', from: 'new-price', to: 'keep-price', detail: '附則第2項（案）' })]);
    expect(p[5]!.changes).toEqual([expect.objectContaining({ kind: 'parameter', subject: 'outageWaiver.minimumConsecutiveHours', from: 24, to: 12, detail: '第25条第2項' })]);
    expect(p[6]!.changes).toEqual([expect.objectContaining({ kind: 'interpretation', subject: 'dailyRate', from: 'own-month', to: 'thirty-days' })]);
    // A term no course has: the edit says why, with its pointer, and changes nothing; the next still applies.
    expect(p[7]!).toMatchObject({
      changes: [],
      problem: expect.stringMatching(/^\/proposal\/edits\/7\/match: no course of the tariff of 2023-09-19 matches series M2035, termMonths 7$/u) as unknown,
    });
    expect(p[8]!.changes).toEqual([expect.objectContaining({ kind: 'new-course', subject: 'NEW-1', name: '新コース', to: 3000, courses: [m2035[0]!.name], share: 0.25 })]);
  });

  it('words the lines in Japanese and in English, yen with the page’s format', () => {
    const fee: EditChange = { kind: 'course-fee', subject: 'X', name: 'どこでも“me”REC M2035N・3年コース', key: '', from: 1980, to: 2180, detail: '', courses: [], share: null };
    expect(changeText(fee, words('ja'))).toBe('コース「どこでも“me”REC M2035N・3年コース」の月額 1,980円 → 2,180円');
    expect(changeText(fee, words('en'))).toBe('Course “どこでも“me”REC M2035N・3年コース”: monthly fee ¥1,980 → ¥2,180');
    const term: EditChange = { ...fee, kind: 'option-price', name: 'PoE インジェクタオプション', key: '12', from: 800, to: 900, detail: 'by-term' };
    expect(changeText(term, words('ja'))).toBe('オプション「PoE インジェクタオプション」の料金（12 か月契約）800円 → 900円');
    const added: EditChange = { ...term, kind: 'option-price', key: '', from: null, to: 700, detail: 'flat' };
    expect(changeText(added, words('ja'))).toBe('オプション「PoE インジェクタオプション」の料金 なし → 700円');
    const existing: EditChange = { ...fee, kind: 'existing-contracts', name: '', from: 'new-price', to: 'keep-price', detail: '附則第2項（案）' };
    expect(changeText(existing, words('ja'))).toBe('期間開始前からの契約の料金: 新しい料金を適用 → 契約開始日の料金を維持（根拠: 附則第2項（案））');
    const parameter: EditChange = { ...fee, kind: 'parameter', subject: 'outageWaiver.minimumConsecutiveHours', from: 24, to: 12, detail: '第25条第2項' };
    expect(changeText(parameter, words('ja'))).toBe('ルール outageWaiver のパラメータ minimumConsecutiveHours（第25条第2項）24 → 12');
    const course: EditChange = { ...fee, kind: 'new-course', subject: 'NEW-1', name: '新コース', from: null, to: 3000, courses: ['長期コース'], share: 0.25 };
    expect(changeText(course, words('ja'))).toBe('新しいコース「新コース」（NEW-1）を追加、月額 3,000円。長期コース を選ぶ契約の 25% がこのコースを選びます');
    // No sentence of either language shows JSON.
    for (const c of [fee, term, added, existing, parameter, course]) for (const lang of ['ja', 'en'] as const) expect(changeText(c, words(lang))).not.toMatch(/[{}[\]]/u);
  });

  it('every kind the page adds is an edit the simulator takes, with its values in force', async () => {
    const { call } = setup();
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    const edits = EDIT_KINDS.filter((k) => k !== 'add-settlement-policy').map((k) => newEdit(k, c));
    // A clause names the grounds of keep-price; a new policy needs a clause and a text like the tariff's.
    const ready = edits.map((e) => (e.edit === 'existing-contracts' ? { ...e, clause: '附則第2項（案）' } : e));
    const lines = await call<SideEditLines>('scenarios.describeEdits', { form: withEdits(c, ready) });
    expect(lines.proposal.map((l: EditLine) => [l.edit, l.problem])).toEqual(ready.map((e) => [e.edit, null]));
    await call<ScenarioSummary>('scenarios.save', { id: null, form: withEdits(c, ready) });
    const policy = newEdit('add-settlement-policy', c);
    if (policy.edit !== 'add-settlement-policy') throw new Error(policy.edit);
    // Added with its clause and text empty: the line asks for them.
    const empty = await call<SideEditLines>('scenarios.describeEdits', { form: withEdits(c, [policy]) });
    expect(empty.proposal[0]!.problem).toMatch(/^\/proposal\/edits\/0\/policy\/(clause|text): /u);
    // A clause not written as the terms write one is named with the forms it may take (not the schema's pattern).
    const loose = { ...policy, policy: { ...policy.policy, clause: '附則', text: 'x' } };
    const named = await call<SideEditLines>('scenarios.describeEdits', { form: withEdits(c, [loose]) });
    expect(named.proposal[0]!.problem).toBe('/proposal/edits/0/policy/clause: write the clause as the terms do: 第N条, 第N条第M項, 第N条第M項第K号, 別紙N or 別紙N表M');
    const filled = { ...policy, policy: { ...policy.policy, clause: '別紙3表2', text: '残りの月数分の月額料金' } };
    const described = await call<SideEditLines>('scenarios.describeEdits', { form: withEdits(c, [filled]) });
    expect(described.proposal[0]!.changes).toEqual([expect.objectContaining({ kind: 'new-policy', subject: 'new-policy', to: 12, detail: 'remaining-of-months' })]);
  });

  it('a run and a re-price keep the lines of the form they ran; a bad edit is still refused with its field', async () => {
    const { call, dispatch } = setup();
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    const cut = (change: number) =>
      withEdits(c, [{ edit: 'course-fee', match: { series: 'M2035', termMonths: 36 }, change }], [{ edit: 'initial-fee', group: c.initialFeeGroups[0]!.group, amount: 4000 }]);
    const { runId, scenario } = await call<{ runId: string; scenario: ScenarioSummary }>('scenarios.run', { id: null, form: cut(-500) });
    for (let i = 0; i < 2000; i += 1) {
      if ((await call<RunProgress>('scenarios.progress', { runId })).state !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const view = (await call<{ result: RunView }>('scenarios.get', { id: scenario.id })).result;
    expect(view.meta.sides[0]!.lines![0]!.changes[0]).toMatchObject({ kind: 'initial-fee', to: 4000 });
    const ran = view.meta.sides[1]!.lines![0]!.changes[0]!;
    expect(ran.kind).toBe('course-fee');
    expect((ran.from as number) - (ran.to as number)).toBe(500);
    const fast = await call<RepriceAnswer>('scenarios.reprice', { id: scenario.id, form: cut(-800) });
    expect(fast.mode).toBe('repriced');
    const c0 = fast.result!.meta.sides[1]!.lines![0]!.changes[0]!;
    expect((c0.from as number) - (c0.to as number)).toBe(800);
    const bad = await dispatch('scenarios.run', {
      id: null,
      form: withEdits(c, [{ edit: 'course-fee', match: { series: 'M2035', termMonths: 36 }, change: null } as unknown as Edits[number]]),
    });
    expect(!bad.ok && bad.error.code).toBe('SCENARIO_INVALID');
    expect(!bad.ok && bad.error.issues.map((i) => i.field)).toContain('/proposal/edits/0/change');
  });
});

describe('a badly shaped edit', () => {
  it('says which field, with the simulator’s own schema, before anything is applied', async () => {
    const { call } = setup();
    const c = await call<ScenarioChoices>('scenarios.choices', {});
    const lines = await call<SideEditLines>('scenarios.describeEdits', {
      form: withEdits(c, [
        // An amount left empty in the page reaches the studio as null.
        { edit: 'course-fee', match: { series: 'M2035', termMonths: 36 }, change: null } as unknown as Edits[number],
        { edit: 'existing-contracts', policy: 'keep-price', clause: '' },
        { edit: 'initial-fee', group: c.initialFeeGroups[0]!.group, amount: 5000 },
      ]),
    });
    expect(lines.proposal[0]).toMatchObject({ changes: [], problem: '/proposal/edits/0/change: must be integer' });
    expect(lines.proposal[1]!.problem).toMatch(/^\/proposal\/edits\/1\/clause: /u);
    expect(lines.proposal[2]).toMatchObject({ problem: null, changes: [expect.objectContaining({ kind: 'initial-fee', to: 5000 })] });
  });
});
