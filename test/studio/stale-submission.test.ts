import { describe, expect, it } from 'vitest';
import type { RuleVersionDetail, VersionDetail } from '../../src/studio/api/contract.js';
import { freshStudio } from './helpers.js';

/**
 * A submission for review made on a revision the draft has moved on from (a colleague saved it
 * since the page loaded it) is refused alike for rule and tariff versions: DRAFT_CONFLICT naming
 * who saved and when, saying nothing was submitted and to submit again once their change is read;
 * the version stays a draft and nothing is written.
 */
const { ws, ok, fails } = freshStudio();
const audit = (): number => (ws.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
const REFUSAL = / \(#\d+\) was changed by tester at \d{4}-\d\d-\d\dT[\d:.]+Z since you loaded it \(it is at revision 2, you submitted revision 1\); nothing was submitted$/u;

describe('a stale submission', () => {
  /** Each kind: its draft, one change saved (by the workspace's actor, tester), its submission and its read. */
  const KINDS = [
    {
      kind: 'rule',
      subject: 'rule version',
      create: () => ok<RuleVersionDetail>('rules.createDraft', { from: 1, effective: '2026-08-01', title: 'grace days' }),
      change: (id: number, revision: number) => ok('rules.setInterpretation', { id, revision, name: 'partialMonthFee', value: 'daily-prorate' }),
      submit: 'rules.submit',
      get: 'rules.get',
    },
    {
      // It said only "changed since you loaded it", without who.
      kind: 'tariff',
      subject: 'tariff draft',
      create: () => ok<VersionDetail>('tariffs.createDraft', { from: 1, effective: '2026-08-01', title: 'prices' }),
      change: (id: number, revision: number) => ok('tariffs.edit', { id, revision, edits: [{ table: 'courses', index: 0, field: 'monthlyFee', text: '3500' }] }),
      submit: 'lifecycle.submitTariff',
      get: 'tariffs.get',
    },
  ];
  it.each(KINDS)('of a $kind version: refused naming who changed it and when, in the same words; nothing submitted', async ({ subject, create, change, submit, get }) => {
    const d = await create();
    await change(d.summary.id, d.summary.revision);
    const before = audit();
    const e = await fails(submit, { id: d.summary.id, revision: d.summary.revision, comment: 'please review' });
    expect(e).toMatchObject({ code: 'DRAFT_CONFLICT', hint: 'Reload to see their changes, check them, then submit again.' });
    expect(e.message).toMatch(new RegExp(`^${subject} 2026-08-01${REFUSAL.source}`, 'u'));
    expect(audit()).toBe(before);
    expect((await ok<{ summary: { status: string } }>(get, { id: d.summary.id })).summary.status).toBe('draft');
  });

  it('a stale save still says its own words (nothing was saved, make the change again)', async () => {
    const d = await ok<RuleVersionDetail>('rules.createDraft', { from: 1, effective: '2026-09-01', title: 'x' });
    await ok('rules.setInterpretation', { id: d.summary.id, revision: d.summary.revision, name: 'partialMonthFee', value: 'daily-prorate' });
    const e = await fails('rules.setInterpretation', { id: d.summary.id, revision: d.summary.revision, name: 'monthsUsed', value: 'elapsed' });
    expect(e).toMatchObject({ code: 'DRAFT_CONFLICT', hint: 'Reload to see their changes, then make your change again.' });
    expect(e.message).toMatch(/\(it is at revision 2, your change was made on revision 1\); nothing was saved$/u);
  });
});
