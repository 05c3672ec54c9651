import { describe, expect, it } from 'vitest';
import { formIssues } from '../../src/studio/renderer/scenarios/form-issues.js';
import { valueIssueJa } from '../../src/studio/renderer/shell/issue-list.js';

/** A refused scenario form's issue names the field by its label, what was typed and what is expected, in Japanese too. */
describe('formIssues', () => {
  const form = { fleet: { size: Number.NaN }, response: { cancellation: { elasticity: 50 } }, seed: 1.5 };
  const labels: Record<string, string> = { '/response/cancellation/elasticity': '解約の価格弾力性 すべてのコース', '/fleet/size': '契約数' };
  const [bound, blank, whole, other] = formIssues(
    [
      { code: 'SCENARIO_SCHEMA', severity: 'error', message: '/response/cancellation/elasticity: must be <= 20', field: '/response/cancellation/elasticity' },
      { code: 'SCENARIO_SCHEMA', severity: 'error', message: '/fleet/size: must be integer', field: '/fleet/size' },
      { code: 'SCENARIO_SCHEMA', severity: 'error', message: '/seed: must be integer', field: '/seed' },
      { code: 'RUN_TOO_LARGE', severity: 'error', message: 'the run is too large', field: '/fleet/size', value: '6,000,000,000', expected: '100,000,000' },
    ],
    form,
    (p) => labels[p],
  );

  it('says a bound in both languages, with the label and the value typed', () => {
    expect(bound).toMatchObject({ header: '解約の価格弾力性 すべてのコース', value: '50', expected: 'a number <= 20', expectedJa: '20 以下の数' });
    expect(valueIssueJa(bound!)).toBe('「50」は受け付けられません。20 以下の数を入力してください。');
  });

  it('reads a field left blank as blank, and a whole number expected', () => {
    expect(blank).toMatchObject({ header: '契約数', value: '', expectedJa: '整数' });
    expect(valueIssueJa(blank!)).toBe('空欄にはできません。整数を入力してください。');
    expect(whole).toMatchObject({ value: '1.5', expectedJa: '整数' });
    expect(whole!.header).toBeUndefined();
  });

  it('keeps what an issue already says', () => {
    expect(other).toMatchObject({ value: '6,000,000,000', expected: '100,000,000', header: '契約数' });
    expect(other!.expectedJa).toBeUndefined();
  });
});
