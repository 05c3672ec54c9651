import { describe, expect, it } from 'vitest';
import { factValueText } from '../../src/engine/review/fact-labels.js';
import { createRuleDraft, saveRuleDraft } from '../../src/studio/workspace/rule-store.js';
import { freshStudio } from './helpers.js';

/**
 * The explorer's trace shows a parameter a draft added with the unit the draft's rule file declares
 * (the catalog of units does not know it): explorer.context hands the declared units to the page,
 * and the trace's value reads with it (7日), as the Rules page's parameter table does.
 */
describe("the explorer's trace and a draft's declared unit", () => {
  it('explorer.context gives the declared unit of a parameter a draft added; the trace value reads with it', async () => {
    const { ws, ok } = freshStudio();
    const d = createRuleDraft(ws, { from: 1, effective: '2025-04-01', title: '第27条 改定案' });
    const file = d.version.decisions.lateInterest;
    const parameters = {
      ...file.parameters,
      reminderDays: { value: 7, clause: '第27条', quote: '支払期日の翌日から起算して15日以内', description: 'days before a reminder', unit: 'days' as const },
    };
    saveRuleDraft(ws, {
      id: d.id,
      revision: d.revision,
      version: { decisions: { ...d.version.decisions, lateInterest: { ...file, parameters } }, interpretations: d.version.interpretations },
      action: 'rule.parameter.edited',
      before: null,
      after: { decision: 'lateInterest', name: 'reminderDays' },
    });
    const ctx = await ok<{ parameterUnits: Record<string, string> }>('explorer.context', { ruleVersionId: d.id, tariffVersionId: 1 });
    expect(ctx.parameterUnits).toEqual({ 'lateInterest.reminderDays': 'days' });
    // The shipped version declares none (its parameters' units are the catalog's).
    expect((await ok<{ parameterUnits: Record<string, string> }>('explorer.context', { ruleVersionId: 1, tariffVersionId: 1 })).parameterUnits).toEqual({});
    expect(factValueText('lateInterest', 'reminderDays', 7, 'ja', 'days')).toBe('7日');
    expect(factValueText('lateInterest', 'reminderDays', 7, 'en', 'days')).toBe('7 days');
    expect(factValueText('lateInterest', 'reminderDays', 7, 'ja')).toBe('7');
    // A catalogued parameter keeps the catalog's unit whatever a file declares.
    expect(factValueText('lateInterest', 'annualRatePercent', 14.6, 'ja', 'days')).toBe('14.6％');
  });
});
