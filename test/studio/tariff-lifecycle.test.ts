import { describe, expect, it } from 'vitest';
import type { RuleVersionDetail, VersionDetail, VersionSummary } from '../../src/studio/api/contract.js';
import type { ApprovalView, FleetImpact, InForceView, TariffReviewView, VersionRef } from '../../src/studio/api/contract.js';
import { verifyAudit } from '../../src/studio/workspace/audit-log.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshStudio, scratch } from './helpers.js';

/** Tariff versions reviewed like rule versions, approved with the rule version of their date, restored, seen by date. */
const { ws, ok, fails } = freshStudio();
const audit = (): string[] => (ws.db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]).map((r) => r.action);

describe('tariff version lifecycle', () => {
  let draft: VersionDetail;

  it('submits a price change for review; it is frozen from then on and can be withdrawn', async () => {
    draft = await ok<VersionDetail>('tariffs.createDraft', { from: 1, effective: '2025-04-01', title: 'price change' });
    draft = await ok<VersionDetail>('tariffs.edit', {
      id: draft.summary.id,
      revision: draft.summary.revision,
      edits: [{ table: 'courses', index: 0, field: 'monthlyFee', text: '99999' }],
    });
    expect((await fails('lifecycle.submitTariff', { id: draft.summary.id, revision: 1, comment: '' })).code).toBe('DRAFT_CONFLICT');
    const s = await ok<VersionSummary>('lifecycle.submitTariff', { id: draft.summary.id, revision: draft.summary.revision, comment: 'please review' });
    expect(s.status).toBe('in-review');
    expect((await fails('tariffs.edit', { id: s.id, revision: s.revision, edits: [{ table: 'courses', index: 0, field: 'monthlyFee', text: '1' }] })).code).toBe(
      'VERSION_NOT_DRAFT',
    );
    expect((await fails('tariffs.discardDraft', { id: s.id })).code).toBe('VERSION_NOT_DRAFT');
    const back = await ok<VersionSummary>('lifecycle.withdrawTariff', { id: s.id, comment: 'one more change' });
    expect(back.status).toBe('draft');
    expect((await fails('lifecycle.withdrawTariff', { id: s.id, comment: '' })).code).toBe('VERSION_NOT_IN_REVIEW');
    expect((await fails('lifecycle.approveTariff', { id: s.id, revision: s.revision, reviewer: 'legal', comment: 'ok' })).code).toBe('VERSION_NOT_IN_REVIEW');
    expect(audit()).toEqual(expect.arrayContaining(['tariff.submitted', 'tariff.withdrawn']));
  });

  it('shows the reviewer the case files that change answer and the fleet impact of the example scenario', async () => {
    const review = await ok<TariffReviewView>('lifecycle.tariffReview', { id: draft.summary.id });
    expect(review.baseline).toMatchObject({ id: 1, status: 'approved' });
    expect(review.total).toBeGreaterThan(10);
    expect(review.failing).toEqual([]);
    expect(review.reviews.map((r) => r.step)).toEqual(['submitted', 'withdrawn']);
    const impact = await ok<FleetImpact>('lifecycle.fleetImpact', { id: draft.summary.id, fleetSize: 20 });
    expect(impact.problem).toBeNull();
    expect(impact.baseline).toBeGreaterThan(0);
    expect(impact.difference).toBe(impact.proposal - impact.baseline);
  });

  it('refuses approval without reviewer and comment, and while a case answers invalid', async () => {
    const cur = await ok<VersionDetail>('tariffs.get', { id: draft.summary.id });
    await ok('lifecycle.submitTariff', { id: cur.summary.id, revision: cur.summary.revision, comment: 'again' });
    expect((await fails('lifecycle.approveTariff', { id: cur.summary.id, revision: cur.summary.revision, reviewer: ' ', comment: '' })).code).toBe('APPROVAL_INCOMPLETE');
    // A draft that drops every course a case file names: the cases answer invalid, approval waits.
    let broken = await ok<VersionDetail>('tariffs.createDraft', { from: 1, effective: '2025-05-01', title: 'renamed courses' });
    const edits = broken.version.courses.map((c, index) => ({ table: 'courses', index, field: 'code', text: `X${c.code}` }));
    const printed = broken.version.initialFeeGroups.map((g, index) => ({ table: 'initialFees', index, field: 'printedOn', text: `X${g.printedOn}` }));
    broken = await ok<VersionDetail>('tariffs.edit', { id: broken.summary.id, revision: broken.summary.revision, edits: [...edits, ...printed] });
    await ok('lifecycle.submitTariff', { id: broken.summary.id, revision: broken.summary.revision, comment: 'rename' });
    const review = await ok<TariffReviewView>('lifecycle.tariffReview', { id: broken.summary.id });
    expect(review.failing.length).toBeGreaterThan(0);
    const refused = await fails('lifecycle.approveTariff', { id: broken.summary.id, revision: broken.summary.revision, reviewer: 'legal', comment: 'ok' });
    expect(refused.code).toBe('APPROVAL_BLOCKED_BY_CASES');
    expect(refused.issues.length).toBe(review.failing.length);
    // A case file that cannot be read was not checked: approval waits for it as well.
    const folder = scratch('cases-');
    writeFileSync(join(folder, 'half.json'), '{"name": ');
    await ok('rules.setCaseFolders', { folders: [folder] });
    const unread = await fails('lifecycle.approveTariff', { id: broken.summary.id, revision: broken.summary.revision, reviewer: 'legal', comment: 'ok' });
    expect(unread).toMatchObject({ code: 'APPROVAL_BLOCKED_BY_UNREADABLE_CASES', issues: [expect.objectContaining({ code: 'CASE_FILE_UNREADABLE' })] });
    expect(unread.message).toContain('the change of terms of 2025-05-01 was not checked');
    await ok('rules.setCaseFolders', { folders: [] });
    await ok('lifecycle.withdrawTariff', { id: broken.summary.id, comment: 'no' });
    await ok('tariffs.discardDraft', { id: broken.summary.id });
    expect(audit()).toContain('tariff.draft.discarded');
  });

  it('approves a rule draft and a tariff draft of the same date together, with one notice covering prices and clauses', async () => {
    const rules = await ok<RuleVersionDetail>('rules.createDraft', { from: 1, effective: '2025-04-01', title: '第27条 改定' });
    // The rule draft of the same date is still a draft: the change of terms is approved as one.
    const pending = await fails('lifecycle.approveTariff', { id: draft.summary.id, revision: draft.summary.revision, reviewer: 'legal', comment: 'ok' });
    expect(pending.code).toBe('APPROVAL_COMPANION_NOT_SUBMITTED');
    // The approval state tells it beforehand, also without a team server.
    expect(await ok('team.approvalState', { kind: 'tariff', id: draft.summary.id })).toMatchObject({ canApprove: false, reason: 'COMPANION_NOT_SUBMITTED' });
    expect((await fails('rules.approve', { id: rules.summary.id, revision: rules.summary.revision, reviewer: 'legal', comment: 'ok' })).code).toBe('VERSION_NOT_IN_REVIEW');
    await ok('rules.submit', { id: rules.summary.id, revision: rules.summary.revision, comment: 'with the prices' });
    expect(await ok('team.approvalState', { kind: 'tariff', id: draft.summary.id })).toMatchObject({ canApprove: true, reason: null });
    expect(await ok('team.approvalState', { kind: 'rule', id: rules.summary.id })).toMatchObject({ canApprove: true, reason: null });
    const review = await ok<TariffReviewView>('lifecycle.tariffReview', { id: draft.summary.id });
    expect(review.companion).toMatchObject({ id: rules.summary.id, status: 'in-review' });
    const notice = await ok<{ markdown: string; fileName: string }>('lifecycle.tariffNotice', { id: draft.summary.id, format: 'md' });
    expect(notice.markdown).toContain('99,999');
    expect(notice.fileName).toContain('2025-04-01');
    const r = await ok<ApprovalView>('lifecycle.approveTariff', { id: draft.summary.id, revision: draft.summary.revision, reviewer: 'legal', comment: 'prices and 第27条' });
    expect(r.approved.status).toBe('approved');
    expect(r.superseded).toMatchObject({ id: 1, status: 'superseded' });
    expect(r.rules).toMatchObject({ id: rules.summary.id, status: 'approved' });
    expect(r.rulesSuperseded).toMatchObject({ id: 1, status: 'superseded' });
    expect(verifyAudit(ws).ok).toBe(true);
  });

  it('shows which versions are in force on a date and the difference from today', async () => {
    const v = await ok<InForceView>('lifecycle.inForce', { date: '2025-06-01' });
    expect(v.today).toBe('2025-03-10');
    expect(v.tariffToday).toMatchObject({ id: 1 });
    expect(v.tariffOnDate).toMatchObject({ id: draft.summary.id });
    expect(v.tariffChanges).toEqual([expect.objectContaining({ kind: 'changed', field: 'monthlyFee', after: 99999 })]);
    expect(v.scheduled.map((s) => s.kind).sort()).toEqual(['rules', 'tariff']);
    const same = await ok<InForceView>('lifecycle.inForce', { date: '2025-03-31' });
    expect(same.tariffOnDate).toMatchObject({ id: 1 });
    expect(same.tariffChanges).toEqual([]);
  });

  it('restores an earlier version as a draft which, approved, supersedes the current one; nothing approved is edited', async () => {
    const restored = await ok<VersionRef>('lifecycle.restore', { kind: 'tariff', from: 1, effective: '2025-07-01', title: '' });
    expect(restored).toMatchObject({ status: 'draft', title: 'restore of 2023-09-19' });
    const d = await ok<VersionDetail>('tariffs.get', { id: restored.id });
    expect(d.version.courses[0]!.monthlyFee).not.toBe(99999);
    await ok('lifecycle.submitTariff', { id: d.summary.id, revision: d.summary.revision, comment: 'roll back' });
    const r = await ok<ApprovalView>('lifecycle.approveTariff', { id: d.summary.id, revision: d.summary.revision, reviewer: 'legal', comment: 'rolled back' });
    expect(r.superseded).toMatchObject({ id: draft.summary.id });
    const rules = await ok<VersionRef>('lifecycle.restore', { kind: 'rules', from: 1, effective: '2025-08-01', title: 'back' });
    expect(rules.status).toBe('draft');
    expect(audit()).toEqual(expect.arrayContaining(['tariff.draft.restored', 'rule.draft.restored', 'tariff.approved', 'rule.approved']));
    expect(() => ws.db.prepare('UPDATE tariff_versions SET data = ? WHERE id = 1').run('{}')).toThrow(/VERSION_NOT_DRAFT/);
  });

  it('lets a reviewer send a version back with the changes asked for: a comment is required, the step is recorded, the author edits and submits again', async () => {
    let d = await ok<VersionDetail>('tariffs.createDraft', { from: 1, effective: '2026-10-01', title: 'fee for a lost camera' });
    d = await ok<VersionDetail>('tariffs.edit', { id: d.summary.id, revision: d.summary.revision, edits: [{ table: 'courses', index: 1, field: 'monthlyFee', text: '4321' }] });
    // A draft is not in review: nothing to send back.
    expect((await fails('lifecycle.requestTariffChanges', { id: d.summary.id, revision: d.summary.revision, comment: 'why' })).code).toBe('VERSION_NOT_IN_REVIEW');
    await ok('lifecycle.submitTariff', { id: d.summary.id, revision: d.summary.revision, comment: 'please review' });
    const before = audit().length;
    const blank = await fails('lifecycle.requestTariffChanges', { id: d.summary.id, revision: d.summary.revision, comment: '  ' });
    expect(blank).toMatchObject({ code: 'CHANGES_COMMENT_REQUIRED', issues: [expect.objectContaining({ code: 'CHANGES_COMMENT_REQUIRED' })] });
    // The revision the reviewer opened, as for an approval.
    const stale = await fails('lifecycle.requestTariffChanges', { id: d.summary.id, revision: d.summary.revision - 1, comment: 'x' });
    expect(stale.code).toBe('REVIEW_STALE');
    expect(stale.message).toContain(`revision ${d.summary.revision - 1} → ${d.summary.revision}`);
    expect(audit().length).toBe(before);
    expect((await ok<VersionDetail>('tariffs.get', { id: d.summary.id })).summary.status).toBe('in-review');

    const back = await ok<VersionSummary>('lifecycle.requestTariffChanges', {
      id: d.summary.id,
      revision: d.summary.revision,
      comment: ' 4,321 円は高すぎます。3,980 円にしてください。 ',
    });
    expect(back).toMatchObject({ status: 'draft', revision: d.summary.revision });
    const entry = ws.db.prepare("SELECT comment, before, after FROM audit_log WHERE action = 'tariff.changes-requested' AND target = ?").get(`tariff:${d.summary.id}`) as {
      comment: string;
      before: string;
      after: string;
    };
    expect(entry.comment).toBe('4,321 円は高すぎます。3,980 円にしてください。');
    expect([JSON.parse(entry.before), JSON.parse(entry.after)]).toEqual([
      { status: 'in-review', revision: d.summary.revision },
      { status: 'draft', revision: d.summary.revision },
    ]);
    const { steps } = await ok<{ steps: { step: string; comment: string }[] }>('lifecycle.reviewSteps', { id: d.summary.id });
    expect(steps.map((x) => x.step)).toEqual(['submitted', 'changes-requested']);
    expect(steps[1]!.comment).toBe('4,321 円は高すぎます。3,980 円にしてください。');
    expect((await fails('lifecycle.requestTariffChanges', { id: d.summary.id, revision: d.summary.revision, comment: 'again' })).code).toBe('VERSION_NOT_IN_REVIEW');
    // The step is a review step, never replaced, and a request for changes never without its comment (migration 7).
    expect(() => ws.db.prepare("UPDATE tariff_reviews SET comment = 'x' WHERE tariff_version = ?").run(d.summary.id)).toThrow(/REVIEW_APPEND_ONLY/);
    expect(() =>
      ws.db.prepare("INSERT INTO tariff_reviews (tariff_version, step, reviewer, comment, at) VALUES (?, 'changes-requested', 'x', ' ', 'now')").run(d.summary.id),
    ).toThrow(/CHECK constraint/);

    // The author edits the draft and submits it again; it is reviewed and approved as any other.
    d = await ok<VersionDetail>('tariffs.edit', { id: d.summary.id, revision: d.summary.revision, edits: [{ table: 'courses', index: 1, field: 'monthlyFee', text: '3980' }] });
    await ok('lifecycle.submitTariff', { id: d.summary.id, revision: d.summary.revision, comment: '3,980 円にしました' });
    const r = await ok<ApprovalView>('lifecycle.approveTariff', { id: d.summary.id, revision: d.summary.revision, reviewer: 'legal', comment: 'ok' });
    expect(r.approved.status).toBe('approved');
    const review = await ok<TariffReviewView>('lifecycle.tariffReview', { id: d.summary.id });
    expect(review.reviews.map((x) => x.step)).toEqual(['submitted', 'changes-requested', 'submitted', 'approved']);
    expect((await fails('lifecycle.reviewSteps', { id: 999 })).code).toBe('VERSION_NOT_FOUND');
    expect(verifyAudit(ws).ok).toBe(true);
  });
});
