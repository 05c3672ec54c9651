import { describe, expect, it } from 'vitest';
import { auditDiff } from '../../src/studio/renderer/ui/audit-diff.js';

/** The audit log shows what changed, not two copies of a whole record. */
describe('auditDiff', () => {
  const quote =
    '契約者は、料金その他の債務（延滞利息を除きます。）について支払期日を経過してもなお支払いがない場合には、…年 14.6%の割合で計算して得た額を延滞利息として支払っていただきます。';
  it('a parameter edit: only the value that changed, with what it is about as context', () => {
    const before = { decision: 'lateInterest', name: 'annualRatePercent', parameter: { value: '14.6', clause: '第27条', quote } };
    const after = { decision: 'lateInterest', name: 'annualRatePercent', parameter: { value: '14.0', clause: '第27条', quote } };
    expect(auditDiff(before, after)).toEqual({
      before: ['parameter.value: 14.6'],
      after: ['parameter.value: 14.0'],
      context: ['decision: lateInterest', 'name: annualRatePercent'],
    });
  });

  it('a status step: the fields that moved, a field only on one side shown on that side', () => {
    const d = auditDiff({ status: 'in-review', approvedBy: null }, { status: 'approved', approvedBy: 'kato', replaces: { id: 1 } });
    expect(d.before).toEqual(['status: in-review', 'approvedBy: null']);
    expect(d.after).toEqual(['status: approved', 'approvedBy: kato', 'replaces.id: 1']);
    expect(d.context).toEqual([]);
  });

  it('anything but two objects stays compact JSON (a list of cells, a first entry with no before)', () => {
    expect(auditDiff([{ key: 'M2035N-3Y-C7-SN', value: 3680 }], ['表1 コース M2035N-3Y-C7-SN 月額料金（円）: 3680 → 3480'])).toEqual({
      before: ['[{"key":"M2035N-3Y-C7-SN","value":3680}]'],
      after: ['["表1 コース M2035N-3Y-C7-SN 月額料金（円）: 3680 → 3480"]'],
      context: [],
    });
    expect(auditDiff(null, { from: 'rules' })).toEqual({ before: [], after: ['{"from":"rules"}'], context: [] });
  });
});
