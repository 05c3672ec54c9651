import { describe, expect, it } from 'vitest';
import type { ApprovalState } from '../../src/studio/api/approval-types.js';
import type { RuleVersionDetail, VersionDetail, VersionSummary } from '../../src/studio/api/contract.js';
import { freshStudio } from './helpers.js';

/**
 * Four-eyes without a team server: the approver is a typed name, and the name of one who edited
 * the version (here the workspace's actor, `tester`, who drafted it) is refused, for a rule version,
 * a tariff version, and a rule and tariff version approved together; nothing is approved. Another
 * name approves, and the page is told the editors (team.approvalState) to refuse the name before the click.
 */
describe('single-user four-eyes by name (REVIEWER_IS_EDITOR)', () => {
  it('refuses a rule version approved under its editor’s name, names the editors, and approves under another', async () => {
    const { ok, fails } = freshStudio();
    const d = await ok<RuleVersionDetail>('rules.createDraft', { from: 1, effective: '2027-04-01', title: '第27条' });
    const s = await ok<RuleVersionDetail>('rules.submit', { id: d.summary.id, revision: d.summary.revision, comment: '' });
    const state = await ok<ApprovalState>('team.approvalState', { kind: 'rule', id: d.summary.id });
    expect(state).toMatchObject({ canApprove: true, editors: ['tester'] });
    const e = await fails('rules.approve', { id: d.summary.id, revision: s.summary.revision, reviewer: ' Tester ', comment: 'mine' });
    expect(e.code).toBe('REVIEWER_IS_EDITOR');
    expect(e.message).toBe('reviewer: Tester edited the rule version of 2027-04-01 (editors: tester); someone who did not edit it must approve it');
    expect(e.hint).toContain('Ask someone who did not edit this version to approve it under their own name');
    expect((await ok<RuleVersionDetail>('rules.get', { id: d.summary.id })).summary.status).toBe('in-review');
    const r = await ok<{ approved: RuleVersionDetail }>('rules.approve', { id: d.summary.id, revision: s.summary.revision, reviewer: 'kato', comment: 'checked' });
    expect(r.approved.summary).toMatchObject({ status: 'approved', approvedBy: 'kato' });
  });

  it('refuses a tariff version, and a rule version approved together with the tariff version of its date, under an editor of either', async () => {
    const { ws, ok, fails } = freshStudio();
    // The product manager sato drafts the tariff version; the rule version of the same date is the workspace's actor's (tester).
    Object.assign(ws, { actor: 'sato' });
    const t = await ok<VersionDetail>('tariffs.createDraft', { from: 1, effective: '2027-04-01', title: '値上げ' });
    const ts = await ok<VersionSummary>('lifecycle.submitTariff', { id: t.summary.id, revision: t.summary.revision, comment: '' });
    expect((await fails('lifecycle.approveTariff', { id: t.summary.id, revision: ts.revision, reviewer: 'sato', comment: 'mine' })).code).toBe('REVIEWER_IS_EDITOR');
    Object.assign(ws, { actor: 'tester' });
    const d = await ok<RuleVersionDetail>('rules.createDraft', { from: 1, effective: '2027-04-01', title: '同じ施行日' });
    const s = await ok<RuleVersionDetail>('rules.submit', { id: d.summary.id, revision: d.summary.revision, comment: '' });
    const e = await fails('rules.approve', { id: d.summary.id, revision: s.summary.revision, reviewer: 'sato', comment: 'the tariff is mine' });
    expect(e).toMatchObject({ code: 'REVIEWER_IS_EDITOR', message: expect.stringContaining('edited the tariff version of 2027-04-01 (editors: sato)') });
    expect((await fails('rules.approve', { id: d.summary.id, revision: s.summary.revision, reviewer: 'tester', comment: 'mine' })).code).toBe('REVIEWER_IS_EDITOR');
    const r = await ok<{ approved: RuleVersionDetail }>('rules.approve', { id: d.summary.id, revision: s.summary.revision, reviewer: 'kato', comment: 'both' });
    expect(r.approved.summary.status).toBe('approved');
  });
});
