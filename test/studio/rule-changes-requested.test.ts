import { describe, expect, it } from 'vitest';
import type { RuleVersionDetail, RuleVersionSummary, VersionDetail, VersionSummary } from '../../src/studio/api/contract.js';
import { CALL_ROLES } from '../../src/studio/api/call-roles.js';
import { verifyAudit } from '../../src/studio/workspace/audit-log.js';
import { MIGRATIONS } from '../../src/studio/workspace/migrations.js';
import { freshStudio } from './helpers.js';

/** Legal's request for changes (差し戻し) on a rule version, as on a tariff version; the version lists mark a draft sent back. */
const { ws, ok, fails } = freshStudio();
const audit = (): number => (ws.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

describe('rule versions: a reviewer requests changes', () => {
  it('is a call for legal, and migration 8 widens the rule reviews (the highest migration)', () => {
    expect(CALL_ROLES['rules.requestChanges']).toEqual(['legal']);
    expect(Math.max(...MIGRATIONS.map((m) => m.version))).toBe(8);
    expect(MIGRATIONS.find((m) => m.version === 8)?.sql).toContain("'changes-requested'");
  });

  it('sends a rule version in review back to draft with a required comment, an audit entry and a review step; the list marks it until it is submitted again', async () => {
    const d = await ok<RuleVersionDetail>('rules.createDraft', { from: 1, effective: '2026-11-01', title: 'late fee wording' });
    const id = d.summary.id;
    expect((await fails('rules.requestChanges', { id, revision: d.summary.revision, comment: 'why' })).code).toBe('VERSION_NOT_IN_REVIEW');
    const inReview = await ok<RuleVersionDetail>('rules.submit', { id, revision: d.summary.revision, comment: 'please review' });
    const before = audit();
    expect(await fails('rules.requestChanges', { id, revision: inReview.summary.revision, comment: '   ' })).toMatchObject({
      code: 'CHANGES_COMMENT_REQUIRED',
      issues: [expect.objectContaining({ code: 'CHANGES_COMMENT_REQUIRED' })],
    });
    expect((await fails('rules.requestChanges', { id, revision: inReview.summary.revision + 1, comment: 'x' })).code).toBe('REVIEW_STALE');
    expect(audit()).toBe(before);
    expect((await ok<{ versions: RuleVersionSummary[] }>('rules.list', {})).versions.find((v) => v.id === id)?.changesRequested).toBe(false);

    const back = await ok<RuleVersionDetail>('rules.requestChanges', { id, revision: inReview.summary.revision, comment: ' 第12条の引用を直してください。 ' });
    expect(back.summary).toMatchObject({ status: 'draft', revision: inReview.summary.revision, changesRequested: true });
    expect(back.reviews.map((r) => [r.step, r.comment])).toEqual([
      ['submitted', 'please review'],
      ['changes-requested', '第12条の引用を直してください。'],
    ]);
    const entry = ws.db.prepare("SELECT comment, before, after FROM audit_log WHERE action = 'rule.changes-requested' AND target = ?").get(`rule:${id}`) as {
      comment: string;
      before: string;
      after: string;
    };
    expect(entry.comment).toBe('第12条の引用を直してください。');
    expect([JSON.parse(entry.before), JSON.parse(entry.after)]).toEqual([
      { status: 'in-review', revision: inReview.summary.revision },
      { status: 'draft', revision: inReview.summary.revision },
    ]);
    expect((await ok<{ versions: RuleVersionSummary[] }>('rules.list', {})).versions.filter((v) => v.changesRequested).map((v) => v.id)).toEqual([id]);
    // The step is never replaced, and a request for changes never without its comment (migration 8).
    expect(() => ws.db.prepare("UPDATE reviews SET comment = 'x' WHERE rule_version = ?").run(id)).toThrow(/REVIEW_APPEND_ONLY/);
    expect(() => ws.db.prepare("INSERT INTO reviews (rule_version, step, reviewer, comment, at) VALUES (?, 'changes-requested', 'x', ' ', 'now')").run(id)).toThrow(
      /CHECK constraint/,
    );

    // Submitted again, it is no longer marked; the author's own withdrawal does not mark it either.
    const again = await ok<RuleVersionDetail>('rules.submit', { id, revision: back.summary.revision, comment: 'fixed' });
    expect(again.summary.changesRequested).toBe(false);
    const withdrawn = await ok<RuleVersionDetail>('rules.withdraw', { id, comment: 'one more' });
    expect(withdrawn.summary).toMatchObject({ status: 'draft', changesRequested: false });
    expect(withdrawn.reviews.map((r) => r.step)).toEqual(['submitted', 'changes-requested', 'submitted', 'withdrawn']);
    expect(verifyAudit(ws).ok).toBe(true);
  });

  it('marks a tariff draft sent back in the tariff version list too', async () => {
    let d = await ok<VersionDetail>('tariffs.createDraft', { from: 1, effective: '2026-12-01', title: 'fee' });
    d = await ok<VersionDetail>('tariffs.edit', { id: d.summary.id, revision: d.summary.revision, edits: [{ table: 'courses', index: 1, field: 'monthlyFee', text: '4321' }] });
    await ok('lifecycle.submitTariff', { id: d.summary.id, revision: d.summary.revision, comment: 'please review' });
    expect((await ok<{ versions: VersionSummary[] }>('tariffs.list', {})).versions.some((v) => v.changesRequested)).toBe(false);
    const back = await ok<VersionSummary>('lifecycle.requestTariffChanges', { id: d.summary.id, revision: d.summary.revision, comment: 'too high' });
    expect(back.changesRequested).toBe(true);
    expect((await ok<{ versions: VersionSummary[] }>('tariffs.list', {})).versions.filter((v) => v.changesRequested).map((v) => v.id)).toEqual([d.summary.id]);
    expect((await ok<VersionDetail>('tariffs.get', { id: d.summary.id })).summary.changesRequested).toBe(true);
  });
});
