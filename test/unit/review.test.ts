import { describe, expect, it } from 'vitest';
import { nextEntry, verifyChain, type AuditEntry } from '../../src/io/audit-chain.js';
import { runRegression } from '../../src/engine/review/regression.js';
import { conditionSentence, OPERATOR_NAMES, ruleSentence } from '../../src/engine/review/rule-sentences.js';
import { changedClauses, diffRuleVersions, diffTariffVersions } from '../../src/engine/review/version-diff.js';
import type { Condition, RuleVersion } from '../../src/engine/rule-types.js';
import { registry, TODAY } from './helpers.js';

const approved = registry.ruleVersions[0]!;
const tariff = registry.tariffVersions[0]!;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('condition → sentence', () => {
  it.each(OPERATOR_NAMES)('renders %s in Japanese and English', (op) => {
    const c = { fact: 'monthsUsed', operator: op, value: op === 'in' || op === 'notIn' ? [1, 2] : 12 } as Condition;
    const ja = conditionSentence(c, 'settlement', 'ja');
    const en = conditionSentence(c, 'settlement', 'en');
    expect(ja).toContain('実際に利用した月数');
    expect(en).toContain('months used');
    expect(ja).not.toContain(op);
    expect(en).not.toContain(op);
  });
  it('renders groups, negation and fact references', () => {
    const rule = approved.decisions.outageWaiver.rules.find((r) => r.id === 'outageWaiver/other-cause-24h')!;
    const en = ruleSentence(rule, 'outageWaiver', 'en');
    expect(en).toContain('all of:');
    expect(en).toContain('any of:');
    expect(en).toContain('“hours since the company knew” is at least “minimum consecutive hours”');
    expect(en).toContain('Then: waive-days (第25条第2項)');
    const partial = approved.decisions.outageWaiver.rules.find((r) => r.id === 'outageWaiver/partial-outage-billed')!;
    expect(ruleSentence(partial, 'outageWaiver', 'ja')).toContain('次に該当しない:');
  });
  it("reads an enum value in the terms' words with its code beside it; a value no table names stays its code", () => {
    const gross = approved.decisions.outageWaiver.rules.find((r) => r.id === 'outageWaiver/gross-negligence')!;
    const ja = ruleSentence(gross, 'outageWaiver', 'ja');
    expect(ja).toContain('「原因」が「当社の故意又は重大な過失」（company-gross-negligence）である');
    expect(ja).not.toContain('「company-gross-negligence」');
    expect(ruleSentence(gross, 'outageWaiver', 'en')).toContain("“cause” is “the company's wilful misconduct or gross negligence” (company-gross-negligence)");
    const thirdParty = approved.decisions.damages.rules.find((r) => r.id === 'damages/third-party')!;
    const tp = ruleSentence(thirdParty, 'damages', 'ja');
    expect(tp).toContain('「原因」が「当社の故意又は重大な過失」（company-gross-negligence）でない');
    expect(tp).toContain('「損害の種類」が「契約者が本サービスの利用により第三者に対して与えた損害」（third-party）である');
    const listed = conditionSentence({ fact: 'event', operator: 'in', value: ['loss', 'damage'] }, 'equipmentLoss', 'ja');
    expect(listed).toContain('「滅失（修理不能、所有権の侵害を含む）」（loss）、「毀損（所有権の制限を含む）」（damage）');
    // A fact no table names stays its code.
    expect(conditionSentence({ fact: 'contractorAtFault', operator: 'equal', value: 'short' }, 'equipmentLoss', 'ja')).toBe('「契約者の責に帰すべき事由による」が「short」である');
  });

  it("reads a course kind in 第15条's words and a settlement policy's kind in 別紙3表2's, the code beside each", () => {
    const mount = approved.decisions.courseChange.rules.find((r) => r.id === 'courseChange/short-to-long-mount')!;
    const ja = ruleSentence(mount, 'courseChange', 'ja');
    expect(ja).toContain('「変更前のコース種別」が「短期コース」（short）である');
    expect(ja).toContain('「変更後のコース種別」が「長期コース雲台セット」（long-mount）である');
    expect(ruleSentence(mount, 'courseChange', 'en')).toContain('“course kind after” is “long course with mount” (long-mount)');
    const mSeries = approved.decisions.settlement.rules.find((r) => r.id === 'settlement/m-series-before-term')!;
    expect(ruleSentence(mSeries, 'settlement', 'ja')).toContain(
      '「解約清算金の方式」が「同一系(注１)のコースのうち、実際にご利用頂いた月数が満たす最長のコースの月額料金に、実際にご利用頂いた月数を乗じた額をお支払い総額とし、既にお支払い済みの額を除いた残額（別紙3表2）」（longest-satisfied-same-family）である',
    );
    const none = approved.decisions.settlement.rules.find((r) => r.id === 'settlement/no-settlement-policy')!;
    expect(ruleSentence(none, 'settlement', 'ja')).toContain('「解約清算金の方式」が「なし（別紙3表2の解約清算金）」（none）である');
  });

  it("reads an event parameter's coded value in the terms' words, its code beside it; a clause stays as written", () => {
    const thirdParty = approved.decisions.damages.rules.find((r) => r.id === 'damages/third-party')!;
    expect(ruleSentence(thirdParty, 'damages', 'ja')).toContain('（事由=「契約者が本サービスの利用により第三者に対して与えた損害（第34条第1項第1号）」（third-party））');
    expect(ruleSentence(thirdParty, 'damages', 'en')).toContain('(why=“loss the contractor caused a third party through the service (第34条第1項第1号)” (third-party))');
    const repair = approved.decisions.equipmentLoss.rules.find((r) => r.id === 'equipmentLoss/contractor-pays-damage')!;
    expect(ruleSentence(repair, 'equipmentLoss', 'ja')).toContain('費用=「修理代金相当額」（repair）');
    const overdue = approved.decisions.suspension.rules.find((r) => r.id === 'suspension/overdue')!;
    expect(ruleSentence(overdue, 'suspension', 'ja')).toContain('理由=「第19条第1項第1号」');
  });

  it('names a named interpretation and its value by the words the page gives, their codes beside them; without words, the codes', () => {
    const waive = approved.decisions.outageWaiver.rules.find((r) => r.id === 'outageWaiver/other-cause-24h')!;
    const words = {
      title: (name: string) => (name === 'partialOutage' ? '障害の読み方' : undefined),
      value: (name: string, v: string) => (name === 'partialOutage' && v === 'm-series-waive' ? 'Mシリーズでは全く利用できない状態とみる' : undefined),
    };
    const ja = ruleSentence(waive, 'outageWaiver', 'ja', words);
    expect(ja).toContain('名前付きの解釈「障害の読み方」（partialOutage）が「Mシリーズでは全く利用できない状態とみる」（m-series-waive）である');
    expect(ja).not.toContain('解釈 partialOutage');
    expect(ruleSentence(waive, 'outageWaiver', 'en', words)).toContain(
      'named interpretation “障害の読み方” (partialOutage) is “Mシリーズでは全く利用できない状態とみる” (m-series-waive)',
    );
    // An interpretation or value the words do not know reads by its code, as without words.
    const plus = approved.decisions.courseChange.rules.find((r) => r.id === 'courseChange/plus-short-to-plus-long')!;
    expect(ruleSentence(plus, 'courseChange', 'ja', words)).toContain('「解釈 plusCourseChange」が「same-line」である');
    expect(ruleSentence(waive, 'outageWaiver', 'ja')).toContain('「解釈 partialOutage」が「m-series-waive」である');
  });
});

describe('version diff', () => {
  it('finds no change between a version and its copy', () => {
    expect(diffRuleVersions(approved, clone(approved))).toEqual({ rules: [], parameters: [], interpretations: [] });
    expect(diffTariffVersions(tariff, clone(tariff))).toEqual([]);
  });
  it('lists changed, added and removed rules, parameters and interpretations with their clauses', () => {
    const draft = clone(approved) as RuleVersion;
    draft.decisions.lateInterest.parameters!.graceDays!.value = 10;
    draft.decisions.approval.rules = draft.decisions.approval.rules.filter((r) => r.id !== 'approval/business-hindrance');
    draft.decisions.outageWaiver.rules[0]!.event = { type: 'waive-hours' };
    draft.interpretations.find((i) => i.name === 'dailyRate')!.default = 'thirty-days';
    const d = diffRuleVersions(approved, draft);
    expect(d.parameters).toEqual([expect.objectContaining({ decision: 'lateInterest', name: 'graceDays', clause: '第27条' })]);
    expect(d.rules.map((r) => [r.id, r.kind])).toEqual([
      ['approval/business-hindrance', 'removed'],
      ['outageWaiver/other-cause-24h', 'changed'],
    ]);
    expect(d.rules[1]!.changes.map((c) => c.field)).toEqual(['event']);
    expect(d.interpretations[0]).toMatchObject({ name: 'dailyRate', kind: 'changed', changes: [{ field: 'default', before: 'own-month', after: 'thirty-days' }] });
    // dailyRate cites 第25条第2項, 第34条第2項 and 第47条第3項 (one daily rate for the waiver, damages and the late return).
    expect(changedClauses(d)).toEqual(['第9条第2項第4号', '第25条第2項', '第27条', '第34条第2項', '第47条第3項']);
  });
  it('lists tariff rows changed field by field', () => {
    const t = clone(tariff);
    t.courses.find((c) => c.code === 'M2035N-3Y-C7-SN')!.monthlyFee = 3180;
    t.options.pop();
    const d = diffTariffVersions(tariff, t);
    expect(d).toContainEqual(expect.objectContaining({ table: 'courses', key: 'M2035N-3Y-C7-SN', kind: 'changed', changes: [{ field: 'monthlyFee', before: 3680, after: 3180 }] }));
    expect(d).toContainEqual(expect.objectContaining({ table: 'options', key: 'pipe-mount', kind: 'removed' }));
  });
});

describe('regression', () => {
  it('lists the cases whose answer changes, with both answers', async () => {
    const draft = clone(approved) as RuleVersion;
    draft.decisions.lateInterest.parameters!.graceDays!.value = 10;
    const cases = [
      {
        file: 'a.json',
        index: 0,
        case: { name: 'paid on due+12', asOf: '2025-06-01', decision: 'lateInterest', facts: { principal: 100000, dueDate: '2025-04-30', paidDate: '2025-05-12' } },
      },
      {
        file: 'a.json',
        index: 1,
        case: { name: 'paid on due+30', asOf: '2025-06-01', decision: 'lateInterest', facts: { principal: 100000, dueDate: '2025-04-30', paidDate: '2025-05-30' } },
      },
    ];
    const report = await runRegression(registry, cases, {}, { rules: draft }, TODAY);
    expect(report.total).toBe(2);
    expect(report.changed.map((c) => c.name)).toEqual(['paid on due+12']);
    expect(report.changed[0]).toMatchObject({
      before: { outcome: 'none' },
      after: { outcome: 'charge', amount: 440 },
      changedFields: expect.arrayContaining(['outcome', 'amount']),
    });
  });
});

describe('regression of an invalid case', () => {
  it('is no change when only the message differs (it names the tariff answered from), and a change when what is wrong differs', async () => {
    // A draft identical to the version in force but for its date: the unknown course's message names 2025-04-01 instead of 2023-09-19.
    const draft = { ...clone(tariff), effective: '2025-04-01' };
    const unknown = { file: 'b.json', index: 0, case: { asOf: '2025-06-01', decision: 'settlement', facts: { course: 'NOPE', startDate: '2025-01-01', endDate: '2025-03-01' } } };
    const same = await runRegression(registry, [unknown], {}, { tariff: draft }, TODAY);
    expect(same.changed).toEqual([]);
    expect(same.invalidAfter.map((c) => c.after.errors!.map((e) => e.code))).toEqual([['UNKNOWN_COURSE']]);
    expect(same.invalidAfter[0]!.before.errors![0]!.message).not.toBe(same.invalidAfter[0]!.after.errors![0]!.message);
    // A course the draft drops: a valid answer turns invalid, which is a change.
    const dropped = { ...draft, courses: draft.courses.filter((c) => c.code !== 'LONG') };
    const valid = { file: 'b.json', index: 1, case: { asOf: '2025-06-01', decision: 'settlement', facts: { course: 'LONG', startDate: '2025-01-01', endDate: '2025-03-01' } } };
    const gone = await runRegression(registry, [valid], {}, { tariff: dropped }, TODAY);
    expect(gone.changed.map((c) => c.changedFields)).toEqual([expect.arrayContaining(['outcome', 'errors'])]);
  });
});

describe('audit chain', () => {
  const build = (): AuditEntry[] => {
    const out: AuditEntry[] = [];
    for (const [i, action] of ['create-draft', 'edit-rule', 'approve'].entries())
      out.push(nextEntry(out.at(-1), { at: `2025-01-0${i + 1}T00:00:00Z`, actor: 'legal', action, target: 'rules/2026-04-01', before: i, after: i + 1 }));
    return out;
  };
  it('holds for an untouched chain', () => {
    expect(verifyChain(build())).toMatchObject({ ok: true, entries: 3 });
  });
  it('detects an altered, removed or reordered entry', () => {
    const altered = build();
    altered[1] = { ...altered[1]!, actor: 'mallory' };
    expect(verifyChain(altered)).toMatchObject({ ok: false, brokenAt: 2 });
    const removed = build();
    removed.splice(1, 1);
    expect(verifyChain(removed)).toMatchObject({ ok: false, brokenAt: 3 });
    const rehashed = build();
    rehashed[0] = nextEntry(undefined, { ...rehashed[0]!, comment: 'rewritten' });
    expect(verifyChain(rehashed)).toMatchObject({ ok: false, brokenAt: 2 });
  });
});

describe('clause text from the terms', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { PROJECT_ROOT } = await import('../../src/cli/options.js');
  const { clauseText } = await import('../../src/engine/review/clause-text.js');
  const terms = readFileSync(join(PROJECT_ROOT, 'rules', 'terms-2023-09-19.txt'), 'utf8');
  it('finds articles, paragraphs and appendix tables', () => {
    expect(clauseText(terms, '第27条')).toContain('年 14.6％の割合');
    const p4 = clauseText(terms, '第25条第4項')!;
    expect(p4).toContain('別紙６（最低利用期間）に満たない期間');
    expect(p4).not.toContain('支払いを要しない料金');
    expect(clauseText(terms, '別紙3表2')).toContain('同一系');
    expect(clauseText(terms, '別紙6')).toContain('1 カメラ装置ごとに 12ヶ月');
    expect(clauseText(terms, '第99条')).toBeUndefined();
    expect(clauseText(terms, '第5条')).not.toContain('契約');
    expect(clauseText(terms, '第48条')).not.toContain('附');
  });
  it('reads an unnumbered first paragraph without the next (第43条第1項), and 別紙5 with its table printed after 別紙6', async () => {
    const p1 = clauseText(terms, '第43条第1項')!;
    expect(p1).toContain('次の各号のいずれにも該当しないことを表明し');
    expect(p1).not.toContain('即時に本契約を解除');
    expect(clauseText(terms, '第43条第2項')).toContain('即時に本契約を解除');
    expect(clauseText(terms, '別紙5')).toContain('当社の請求に係る費用が\n過大となると見込まれる場合');
    expect(clauseText(terms, '別紙6')).not.toContain('当社が別に定める内容');
    const { quoteIssues } = await import('../../src/tariff-model/quote-check.js');
    expect(quoteIssues(terms, '別紙5', '当社が別に定める内容 契約者が支払いを要する料金等の額に対して当社の請求に係る費用が過大となると見込まれる場合')).toEqual([]);
    expect(quoteIssues(terms, '別紙6', '当社が別に定める内容 契約者が支払いを要する料金等の額に対して当社の請求に係る費用が過大となると見込まれる場合').map((i) => i.code)).toEqual(
      ['RULE_QUOTE_NOT_IN_CLAUSE'],
    );
    expect(quoteIssues(terms, '第22条', '契約者は、本契約を解約しようとするときは、契約終了希望日の5営業日前までに').map((i) => i.code)).toEqual(['RULE_QUOTE_NOT_IN_TERMS']);
  });
  it('finds the text of every clause a rule cites', () => {
    for (const f of Object.values(approved.decisions)) for (const r of f.rules) expect(clauseText(terms, r.clause), r.clause).toBeTruthy();
  });
});

describe('change notice (第2条)', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { PROJECT_ROOT } = await import('../../src/cli/options.js');
  const { buildNotice, noticeMarkdown, noticeWorkbook } = await import('../../src/io/change-notice.js');
  const ExcelJS = (await import('exceljs')).default;
  const terms = readFileSync(join(PROJECT_ROOT, 'rules', 'terms-2023-09-19.txt'), 'utf8');
  it('lists the changed clauses with their text and the changed prices, as Markdown and Excel', async () => {
    const rules = clone(approved) as RuleVersion;
    rules.decisions.lateInterest.parameters!.annualRatePercent!.value = '10.0';
    const t = clone(tariff);
    t.courses.find((c) => c.code === 'M2035N-3Y-C7-SN')!.monthlyFee = 3180;
    const notice = buildNotice({ effective: '2026-04-01', before: { rules: approved, tariff }, after: { rules, tariff: t }, terms });
    expect(notice.clauses.map((c) => c.clause)).toEqual(['第27条']);
    expect(notice.clauses[0]!.changes).toEqual(['延滞利息の年率（lateInterest.annualRatePercent）: 14.6％ → 10.0％']);
    expect(notice.clauses[0]!.text).toContain('延滞利息');
    const md = noticeMarkdown(notice);
    expect(md).toContain('2026-04-01 施行');
    expect(md).toContain('| 表1 コース | M2035N-3Y-C7-SN | どこでも“me”REC M2035N・3年コース・クラウド７・SN | 月額料金（円） | 3,680 | 3,180 |');
    const wb = await noticeWorkbook(notice);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    const row = back.getWorksheet('変更料金')!.getRow(2);
    expect([row.getCell(1).text, row.getCell(2).text, row.getCell(4).text, row.getCell(5).value, row.getCell(6).value]).toEqual([
      '表1 コース',
      'M2035N-3Y-C7-SN',
      '月額料金（円）',
      3680,
      3180,
    ]);
  });

  it('lists the changed clauses in the terms’ order (第9条 before 第27条, articles before 別紙), not as strings sort them', async () => {
    const { compareClauses } = await import('../../src/engine/review/version-diff.js');
    const rules = clone(approved) as RuleVersion;
    rules.decisions.lateInterest.parameters!.annualRatePercent!.value = '14.0';
    rules.decisions.approval.rules = rules.decisions.approval.rules.filter((r) => r.id !== 'approval/business-hindrance');
    const notice = buildNotice({ effective: '2026-04-01', before: { rules: approved, tariff }, after: { rules, tariff }, terms });
    expect(notice.clauses.map((c) => c.clause)).toEqual(['第9条第2項第4号', '第27条']);
    expect(['別紙3表2', '第27条', '第9条第2項第4号', '第9条第2項', '第9条第10項', '別紙10', '第9条', '附則'].sort(compareClauses)).toEqual([
      '第9条',
      '第9条第2項',
      '第9条第2項第4号',
      '第9条第10項',
      '第27条',
      '別紙3表2',
      '別紙10',
      '附則',
    ]);
  });

  it('says in Japanese what happened to each rule and interpretation of a changed clause', async () => {
    const rules = clone(approved) as RuleVersion;
    rules.decisions.approval.rules = rules.decisions.approval.rules.filter((r) => r.id !== 'approval/business-hindrance');
    rules.decisions.outageWaiver.rules[0]!.event = { type: 'waive-hours' };
    rules.interpretations.find((i) => i.name === 'dailyRate')!.default = 'thirty-days';
    const notice = buildNotice({ effective: '2026-04-01', before: { rules: approved, tariff }, after: { rules, tariff }, terms });
    const of = (clause: string) => notice.clauses.find((c) => c.clause === clause)!.changes;
    expect(of('第9条第2項第4号')).toEqual(['ルール「当社の業務遂行上著しく支障がある」（approval/business-hindrance）を削除']);
    expect(of('第25条第2項')).toEqual([
      'ルール「契約者の責めによらない理由で24時間以上連続して全く利用できない：24時間ごとの日数分」（outageWaiver/other-cause-24h）を変更（結果）',
      '解釈 dailyRate を変更：既定の解釈 own-month → thirty-days',
    ]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await (await noticeWorkbook(notice)).xlsx.writeBuffer());
    const sheet = back.getWorksheet('変更条項')!;
    const texts = sheet.getColumn(2).values.filter((v): v is string => typeof v === 'string');
    expect(texts).toContain('ルール「当社の業務遂行上著しく支障がある」（approval/business-hindrance）を削除');
    // Switching the default as the studio does (rules.setInterpretation: the default's description and aliases trade places with the alternative's) is one change.
    const switched = clone(approved) as RuleVersion;
    const cur = switched.interpretations.find((i) => i.name === 'dailyRate')!;
    const alt = cur.alternatives.find((a) => a.value === 'thirty-days')!;
    Object.assign(cur, {
      default: alt.value,
      defaultDescription: alt.description,
      defaultAliases: alt.aliases,
      alternatives: [
        ...cur.alternatives.filter((a) => a !== alt),
        {
          value: 'own-month',
          description: approved.interpretations.find((i) => i.name === 'dailyRate')!.defaultDescription,
          aliases: approved.interpretations.find((i) => i.name === 'dailyRate')!.defaultAliases,
        },
      ],
    });
    const one = buildNotice({ effective: '2026-04-01', before: { rules: approved, tariff }, after: { rules: switched, tariff }, terms });
    expect(one.clauses.map((c) => c.changes)).toEqual([1, 2, 3].map(() => ['解釈 dailyRate を変更：既定の解釈 own-month → thirty-days']));
    // A change beyond the switch (a value's description) is listed, the alternatives by value.
    cur.alternatives[0]!.description = 'edited';
    const more = buildNotice({ effective: '2026-04-01', before: { rules: approved, tariff }, after: { rules: switched, tariff }, terms });
    expect(more.clauses[0]!.changes[0]).toContain('他の解釈 known-month、thirty-days → known-month、own-month');
    // No English word of the old wording is left in a changed clause's line.
    expect(texts.join('\n')).not.toMatch(/\b(rule|interpretation|changed|removed|added)\b/u);
  });
});
