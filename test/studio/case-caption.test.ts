import { describe, expect, it } from 'vitest';
import { caseCaption, caseFactParts, caseInterpretationParts, overriddenInterpretations } from '../../src/studio/renderer/rules/case-caption.js';

/** A regression case named in the page's language by its decision and facts, whatever its file calls it. */
describe('case captions', () => {
  it('late interest: the decision, the date asked, each fact by its Japanese label, money in yen', () => {
    const facts = { principal: 10000, dueDate: '2024-01-31', paidDate: '2024-03-01' };
    expect(caseCaption('延滞利息', '2024-03-01', 'lateInterest', facts, 'ja')).toBe('延滞利息（2024-03-01 時点）— 元本: 10,000円、支払期日: 2024-01-31、支払日: 2024-03-01');
    expect(caseCaption('Late interest', '2024-03-01', 'lateInterest', facts, 'en')).toBe(
      'Late interest (as of 2024-03-01) — principal: 10,000 yen, due date: 2024-01-31, paid date: 2024-03-01',
    );
  });

  it('booleans, options with their first month, lists of records counted, a fact no catalog names by its name', () => {
    expect(caseFactParts('approval', { inServiceArea: false, technicallyFeasible: true }, 'ja')).toEqual(['提供区域内である: いいえ', '技術上提供可能である: はい']);
    expect(caseFactParts('monthlyCharge', { month: '2025-05', options: ['event-api', { code: 'pipe-mount', from: '2025-04' }] }, 'ja')).toEqual([
      '請求月: 2025-05',
      'オプション: event-api、pipe-mount（2025-04 から）',
    ]);
    expect(caseFactParts('paymentAllocation', { bills: [{ id: 'a' }, { id: 'b' }], payments: [] }, 'ja')).toEqual([
      '請求（id・支払期日・税込額）: 2 件',
      '支払（日付・額）: （なし）',
    ]);
    expect(caseFactParts('settlement', { course: 'M2035N-3Y-C7-SN', oddFact: 3 }, 'ja')).toEqual(['コース（コードまたは名称）: M2035N-3Y-C7-SN', 'oddFact: 3']);
  });

  it("an enum fact's value reads in the terms' words, its code beside it; a value no table names stays its code", () => {
    expect(caseFactParts('equipmentLoss', { event: 'loss', contractorAtFault: true }, 'ja')).toEqual([
      '滅失または毀損: 滅失（修理不能、所有権の侵害を含む）〔loss〕',
      '契約者の責に帰すべき事由による: はい',
    ]);
    expect(caseFactParts('damages', { cause: 'company-gross-negligence', lossKind: 'third-party' }, 'ja')).toEqual([
      '原因: 当社の故意又は重大な過失〔company-gross-negligence〕',
      '損害の種類: 契約者が本サービスの利用により第三者に対して与えた損害〔third-party〕',
    ]);
    expect(caseFactParts('termination', { insolvencyEvent: 'clearinghouse-suspension' }, 'ja')).toEqual([
      '支払停止等の事由: 手形交換所の取引停止処分を受けた場合〔clearinghouse-suspension〕',
    ]);
    expect(caseFactParts('outageWaiver', { cause: 'other' }, 'en')).toEqual(['cause: a reason not attributable to the contractor [other]']);
    expect(caseFactParts('equipmentLoss', { event: 'stolen' }, 'ja')).toEqual(['滅失または毀損: stolen']);
  });

  it('the interpretations a case overrides tell two cases with the same facts apart', () => {
    const label = (n: string) => (n === 'interestDayBasis' ? '延滞利息の日数の基準' : n);
    const parts = caseInterpretationParts({ interestDayBasis: 'actual' }, label, 'ja');
    expect(parts).toEqual(['解釈「延滞利息の日数の基準」: actual']);
    expect(caseCaption('延滞利息', '2025-06-01', 'lateInterest', { principal: 1 }, 'ja', parts)).toBe(
      '延滞利息（2025-06-01 時点）— 元本: 1円、解釈「延滞利息の日数の基準」: actual',
    );
  });

  it('an interpretation named by its alias reads as the value the answer lists', () => {
    const c = {
      before: { decision: 'lateInterest', interpretations: { interestDayBasis: 'actual', graceEndOnHoliday: 'none' } },
      interpretations: { interestDayBasis: 'actual days of the year' },
    };
    expect(overriddenInterpretations(c)).toEqual({ interestDayBasis: 'actual' });
    expect(overriddenInterpretations({ before: { decision: 'x' }, interpretations: { odd: 'v' } })).toEqual({ odd: 'v' });
  });

  it('a case without facts (an invalid one) reads as its decision and date', () => {
    expect(caseCaption('解約清算金', '2025-02-28', 'settlement', undefined, 'ja')).toBe('解約清算金（2025-02-28 時点）');
  });
});
