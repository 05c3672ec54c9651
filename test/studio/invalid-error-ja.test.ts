import { describe, expect, it } from 'vitest';
import { decideFast } from '../../src/engine/decide.js';
import type { FieldError } from '../../src/engine/errors.js';
import { loadRegistry, loadTariffVersions } from '../../src/io/folder-store.js';
import { decisionForms } from '../../src/studio/handlers/explorer-handlers.js';
import { invalidErrorJa } from '../../src/studio/renderer/i18n/invalid-error-ja.js';
import { SEED } from './helpers.js';

/**
 * The explorer's and the engine panel's invalid errors on the Japanese page: each said again in
 * Japanese from the engine's own error (code, pointer) with the decision's schema and the facts
 * sent, as the page does; the engine's English message is left as it is.
 */
const registry = loadRegistry(SEED.rulesDir, SEED.tariffsDir);
const courses = loadTariffVersions(SEED.tariffsDir)[0]!.courses.map((c) => ({ code: c.code, name: c.name }));
const today = '2025-03-31';
const schemaOf = (decision: string) => decisionForms().find((f) => f.name === decision)!.schema;

/** The engine's errors for a case, each with the Japanese the page shows (undefined: the engine's message is shown). */
const said = (decision: string, facts: Record<string, unknown>, extra: { asOf?: string; interpretations?: Record<string, string> } = {}) => {
  const asOf = extra.asOf ?? today;
  const out = decideFast(registry, { asOf, decision, facts, ...(extra.interpretations ? { interpretations: extra.interpretations } : {}) }, { today });
  expect(out.outcome).toBe('invalid');
  return out.errors!.map((e) => ({ e, ja: invalidErrorJa(e, { decision, facts, asOf, schema: schemaOf(decision), courses, ...extra }) }));
};
const only = (decision: string, facts: Record<string, unknown>, extra?: { asOf?: string; interpretations?: Record<string, string> }) => {
  const all = said(decision, facts, extra);
  expect(all).toHaveLength(1);
  return { code: all[0]!.e.code, path: all[0]!.e.path, ...all[0]!.ja };
};

describe('invalidErrorJa: an invalid answer said in Japanese', () => {
  it('a fact of the wrong type: its label, the value found and what to enter, from the schema', () => {
    expect(
      only('approval', { inServiceArea: 'yes', technicallyFeasible: true, paymentDelinquent: false, falseDeclaration: false, businessHindrance: false, antisocialForces: false }),
    ).toEqual({
      code: 'FACT_TYPE',
      path: '/facts/inServiceArea',
      label: '提供区域内である',
      text: '「yes」は受け付けられません。true（はい）か false（いいえ）を入力してください。',
    });
    expect(only('lateInterest', { principal: '1万', dueDate: '2024-04-30', paidDate: '2024-05-31' })).toMatchObject({
      label: '元本',
      text: '「1万」は受け付けられません。0 以上の整数（円、1,000,000,000,000円まで）を入力してください。',
    });
  });

  it('a date in the wrong format, a missing fact, an unknown fact', () => {
    expect(only('lateInterest', { principal: 1000, dueDate: '2024/04/30', paidDate: '2024-05-31' })).toMatchObject({
      label: '支払期日',
      text: '「2024/04/30」は受け付けられません。日付（YYYY-MM-DD、例 2025-04-01）を入力してください。',
    });
    expect(only('lateInterest', { principal: 1000, dueDate: '2024-04-30' })).toMatchObject({
      code: 'FACT_REQUIRED',
      label: '支払日',
      text: '入力がありません。日付（YYYY-MM-DD、例 2025-04-01）を入力してください。',
    });
    expect(only('lateInterest', { principal: 1000, dueDate: '2024-04-30', paidDate: '2024-05-31', paiddate: 'x' })).toMatchObject({
      label: '項目「paiddate」',
      text: 'この判定にはない項目です。削除するか、項目名の綴りを確かめてください。',
    });
  });

  it('an unknown course names the closest courses; an end before the start names both dates', () => {
    const all = said('settlement', { course: '長期コースX', startDate: '2025-01-15', endDate: '2024-06-10' });
    const course = all.find((x) => x.e.code === 'UNKNOWN_COURSE')!.ja!;
    expect(course.label).toBe('コース（コードまたは名称）');
    expect(course.text).toMatch(/^コース「長期コースX」は料金表にありません。コースコードか、別紙3表1 のとおりのコース名を入力してください。近いコース: .*長期コース/u);
    const settlementEnd = said('settlement', { course: 'LONG', startDate: '2025-01-15', endDate: '2024-06-10' });
    expect(settlementEnd.map((x) => x.ja)).toEqual([
      { label: '利用終了日', text: '利用終了日（2024-06-10）が利用開始日（2025-01-15）より前です。どちらかの日付を直してください。' },
    ]);
  });

  it("monthlyCharge's options: an unknown option, one listed twice, one taken before the contract's first month", () => {
    const base = { course: 'M2035N-3Y-C7-SN', startDate: '2024-04-01', month: '2024-05' };
    expect(only('monthlyCharge', { ...base, options: ['event-api', 'no-such-api'] })).toMatchObject({
      path: '/facts/options/1',
      label: 'オプション（2 件目）',
      text: 'オプション「no-such-api」は料金表（別紙3表3）にありません。別紙3表3 のオプションコードを入力してください。',
    });
    expect(only('monthlyCharge', { ...base, options: ['event-api', 'event-api'] })).toMatchObject({
      label: 'オプション（2 件目）',
      text: 'オプション「event-api」が二度挙がっています。各オプションは一度だけにしてください。',
    });
    expect(only('monthlyCharge', { ...base, options: [{ code: 'event-api', from: '2024-01' }] })).toMatchObject({
      path: '/facts/options/0/from',
      label: 'オプション（1 件目）の利用を始めた月',
      text: 'オプション「event-api」を使い始めた月（2024-01）が契約の最初の月（2024-04）より前です。2024-04 以降の月を入力してください。',
    });
    expect(only('monthlyCharge', { ...base, options: [5] })).toMatchObject({
      label: 'オプション（1 件目）',
      text: '「5」は受け付けられません。オプションコード、または {"code": オプションコード, "from": "YYYY-MM"}を入力してください。',
    });
    expect(only('monthlyCharge', { ...base, month: '2024-03' })).toMatchObject({
      label: '請求月',
      text: '請求月（2024-03）が利用開始日（2024-04-01）の月より前です。開始前の月には請求がありません。2024-04 以降の月を入力してください。',
    });
  });

  it('an enum, a minimum, a bad interpretation value and an asOf with no version in force', () => {
    const enumError = said('equipmentLoss', { event: 'stolen', contractorAtFault: true }).find((x) => x.e.code === 'FACT_ENUM')!;
    expect(enumError.ja).toEqual({ label: '滅失または毀損', text: '「stolen」は選べません。loss、damage のいずれかを選んでください。' });
    expect(only('settlement', { course: 'LONG', startDate: '2024-01-01', endDate: '2024-03-01', freeMonths: -1 })).toMatchObject({
      label: '無料期間（月）',
      text: '「-1」は小さすぎます。0 以上を入力してください。',
    });
    expect(only('settlement', { course: 'LONG', startDate: '2024-01-01', endDate: '2024-03-01' }, { interpretations: { monthsUsed: 'weeks' } })).toMatchObject({
      label: '名前付きの解釈 monthsUsed',
      text: '「weeks」はこの解釈の値ではありません。一覧の値から選んでください。',
    });
    expect(only('settlement', { course: 'LONG', startDate: '2020-01-01', endDate: '2020-03-01' }, { asOf: '2020-03-01' })).toMatchObject({
      code: 'NO_VERSION_IN_FORCE',
      label: '基準日（asOf）',
      text: '基準日（2020-03-01）に施行中の承認済みバージョンがありません。施行日以降の基準日にするか、バージョンを承認してください。',
    });
  });

  it('a fact the schema leaves optional but the other facts make needed says so (equipmentLoss: damage is paid at the repair cost)', () => {
    expect(only('equipmentLoss', { event: 'damage', contractorAtFault: true })).toMatchObject({
      code: 'FACT_REQUIRED',
      label: '修理代金相当額（税抜）',
      text: '入力がありません。ほかのファクトの値により、この項目が必要です。0 以上の整数（円、1,000,000,000,000円まで）を入力してください。',
    });
  });

  it('paymentAllocation\'s bill id: a string or a number; 1 and "1" are one id; an id too long for a JSON number is written as text', () => {
    const bill = (id: unknown, dueDate = '2025-01-31') => ({ id, dueDate, amount: 100 });
    expect(only('paymentAllocation', { bills: [bill(true)], payments: [] })).toMatchObject({
      code: 'FACT_TYPE',
      path: '/facts/bills/0/id',
      text: '「true」は受け付けられません。空でない文字、または 数を入力してください。',
    });
    expect(only('paymentAllocation', { bills: [bill(1), bill('1', '2025-02-28')], payments: [] })).toMatchObject({
      code: 'DUPLICATE_ID',
      path: '/facts/bills/1/id',
      text: 'id 「1」がほかの請求と同じです（数の 1 と文字の "1" のように、書き方が違っても同じ数字なら同じ id です）。請求ごとに別の id にしてください。',
    });
    expect(only('paymentAllocation', { bills: [bill('a'), bill('a', '2025-02-28')], payments: [] })).toMatchObject({
      text: 'id 「a」がほかの請求と同じです。請求ごとに別の id にしてください。',
    });
    expect(only('paymentAllocation', { bills: [bill(2 ** 60)], payments: [] })).toMatchObject({
      code: 'FACT_MAXIMUM',
      text: '「1152921504606847000」は数としては長すぎます（末尾の桁が丸められます）。長い id は "…" で囲んで文字として入力してください。',
    });
  });

  it('every error of these cases is said in Japanese: no English word of the message is left on the Japanese line', () => {
    const cases: [string, Record<string, unknown>][] = [
      ['cancellation', { course: 'LONG', requestDate: '2025-03-01', desiredEndDate: '2025-04-30', returnedDate: '2025-02-01' }],
      ['cancellation', { course: 'LONG', requestDate: '2025-03-01', desiredEndDate: '2025-04-30', startDate: '2025-03-05' }],
      ['outageWaiver', { course: 'LONG', cause: 'company', knownAt: '2025-03-02T10:00', restoredAt: '2025-03-01T10:00' }],
      [
        'paymentAllocation',
        {
          bills: [
            { id: 'a', dueDate: '2025-01-31', amount: 100 },
            { id: 'a', dueDate: '2025-02-28', amount: 100 },
          ],
          payments: [],
        },
      ],
      ['equipmentLoss', { event: 'damage', contractorAtFault: true }],
    ];
    for (const [decision, facts] of cases)
      for (const { e, ja } of said(decision, facts)) {
        expect(ja, `${decision} ${e.path} ${e.code}: ${e.message}`).toBeDefined();
        expect(`${ja!.label ?? ''} ${ja!.text}`).not.toMatch(/\b(must|before|unknown|missing|is|the)\b/u);
      }
  });

  it('leaves a kind it does not know, or a pointer it cannot place, to the engine message (undefined)', () => {
    const at = { decision: 'settlement', facts: {}, schema: schemaOf('settlement') };
    const e = (x: FieldError) => invalidErrorJa(x, at);
    expect(e({ path: '/facts', message: 'something new', code: 'SOMETHING_NEW' })).toBeUndefined();
    expect(e({ path: '/facts', message: 'no code at all' })).toBeUndefined();
    expect(e({ path: '/facts/nowhere', message: 'a range nobody placed', code: 'RANGE' })).toBeUndefined();
    expect(e({ path: '/facts', message: 'facts must be a JSON object', code: 'FACT_TYPE' })).toBeUndefined();
  });
});
