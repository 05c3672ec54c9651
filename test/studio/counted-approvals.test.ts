import { describe, expect, it } from 'vitest';
import type { RuleVersionDetail } from '../../src/studio/api/contract.js';
import { createDispatcher } from '../../src/studio/api/dispatcher.js';
import type { TeamUser } from '../../src/studio/api/roles.js';
import { studioHandlers } from '../../src/studio/handlers/studio-handlers.js';
import { actorFromRequests } from '../../src/studio/team/request-user.js';
import { createTeamDispatch } from '../../src/studio/team/team-dispatch.js';
import { setRequiredApprovals } from '../../src/studio/team/team-settings.js';
import { withCountedApprovals } from '../../src/studio/workspace/counted-approvals.js';
import { freshWorkspace, TODAY } from './helpers.js';

/**
 * With two approvals required, the first is counted (an audit entry) and the version stays in
 * review. Its review history names that reviewer and comment too, beside the final approval, so
 * the record of an approved version names every reviewer, not only the last.
 */
describe('counted approvals in the review history', () => {
  it('rules.get lists the counted approval between the submission and the approval, with its reviewer and comment', async () => {
    const ws = freshWorkspace();
    actorFromRequests(ws, 'test');
    setRequiredApprovals(ws, 2);
    const team = createTeamDispatch(ws, createDispatcher(studioHandlers({ ws, createdNow: true, today: () => TODAY })));
    const as = (name: string): TeamUser => ({ id: 0, name, role: 'legal' });
    const ok = async <T>(user: string, call: string, args: unknown): Promise<T> => {
      const r = await team(as(user), call, args);
      if (!r.env.ok) throw new Error(`${call}: ${r.env.error.code} ${r.env.error.message}`);
      return r.env.value as T;
    };
    let d = await ok<RuleVersionDetail>('kato', 'rules.createDraft', { from: 1, effective: '2026-07-01', title: 'two approvals' });
    d = await ok<RuleVersionDetail>('kato', 'rules.setInterpretation', { id: d.summary.id, revision: d.summary.revision, name: 'monthsUsed', value: 'elapsed' });
    d = await ok<RuleVersionDetail>('kato', 'rules.submit', { id: d.summary.id, revision: d.summary.revision, comment: 'submitted' });
    await ok('ito', 'rules.approve', { id: d.summary.id, revision: d.summary.revision, reviewer: 'typed', comment: 'checked the months' });
    const inReview = await ok<RuleVersionDetail>('ito', 'rules.get', { id: d.summary.id });
    expect(inReview.summary.status).toBe('in-review');
    expect(inReview.reviews.map((r) => [r.step, r.reviewer, r.comment])).toEqual([
      ['submitted', 'kato', 'submitted'],
      ['approval-counted', 'ito', 'checked the months'],
    ]);
    await ok('suzuki', 'rules.approve', { id: d.summary.id, revision: d.summary.revision, reviewer: 'typed', comment: 'agreed' });
    const approved = await ok<RuleVersionDetail>('kato', 'rules.get', { id: d.summary.id });
    expect(approved.summary.status).toBe('approved');
    expect(approved.reviews.map((r) => [r.step, r.reviewer])).toEqual([
      ['submitted', 'kato'],
      ['approval-counted', 'ito'],
      ['approved', 'suzuki'],
    ]);
  });

  it('merges in time order, a step of the same instant first', () => {
    const steps = [
      { step: 'submitted', at: '2026-01-01T00:00:00.000Z' },
      { step: 'approved', at: '2026-01-03T00:00:00.000Z' },
    ];
    const counted = [{ step: 'approval-counted' as const, reviewer: 'ito', comment: '', at: '2026-01-02T00:00:00.000Z' }];
    expect(withCountedApprovals(steps, counted).map((s) => s.step)).toEqual(['submitted', 'approval-counted', 'approved']);
    expect(withCountedApprovals(steps, [{ ...counted[0]!, at: steps[1]!.at }]).map((s) => s.step)).toEqual(['submitted', 'approved', 'approval-counted']);
  });
});
