import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import type { CoverageView, ExploreResult, RegressionView, RuleDiff, RuleVersionDetail, RuleVersionSummary } from '../../src/studio/api/contract.js';
import { verifyAudit } from '../../src/studio/workspace/audit-log.js';
import { closeWorkspace } from '../../src/studio/workspace/workspace.js';
import { freshStudio, freshWorkspace, scratch } from './helpers.js';

/** The legal review workflow through the dispatcher: draft, rule edit, diff, regression, submit, approve, audit, notice, explorer. */
const { ws, dispatch, ok } = freshStudio();
const RULE = 'lateInterest/after-grace-period';
const ruleOf = (d: RuleVersionDetail) => d.version.decisions.lateInterest.rules.find((r) => r.id === RULE)!;

describe('legal review workflow', () => {
  let draft: RuleVersionDetail;

  it('lists the approved version with author and approver, and shows the clause text beside its rules', async () => {
    const { versions } = await ok<{ versions: RuleVersionSummary[] }>('rules.list', {});
    expect(versions).toEqual([expect.objectContaining({ id: 1, status: 'approved', effective: '2023-09-19', approvedBy: 'legal' })]);
    const d = await ok<RuleVersionDetail>('rules.get', { id: 1 });
    expect(d.clauseTexts['第27条']).toContain('延滞利息');
    expect(d.facts.lateInterest!.map((f) => f.name)).toEqual(expect.arrayContaining(['daysAfterDue', 'graceDays', 'interpretation.interestDayBasis']));
  });

  it("shows the clause coverage of a version: every paragraph with its status and text, the count, the terms' mis-citations", async () => {
    const c = await ok<CoverageView>('rules.coverage', { id: 1 });
    expect(c.unclassified).toEqual([]);
    expect(c.problems).toEqual([]);
    expect(c.encoded).toBe(c.rows.filter((r) => r.status === 'encoded').length);
    expect(c.deciding).toBe(c.encoded + c.rows.filter((r) => r.status === 'not-encoded').length);
    expect(c.rows.find((r) => r.ref === '第19条第1項')).toMatchObject({ status: 'encoded', title: '利用停止', rules: expect.arrayContaining(['suspension/overdue']) });
    expect(c.rows.find((r) => r.ref === '第19条第1項')!.text).toContain('利用を停止することがあります');
    expect(c.rows.find((r) => r.ref === '第41条')).toMatchObject({ status: 'non-deciding', note: expect.stringContaining('Japanese law') });
    // 2023-09-19: every deciding paragraph encoded (第34条 by damages, 第47条第1項 by cancellation/return-owed).
    expect(c.rows.filter((r) => r.status === 'not-encoded').map((r) => r.ref)).toEqual([]);
    expect(c.encoded).toBe(c.deciding);
    expect(c.rows.find((r) => r.ref === '第47条第1項')).toMatchObject({ status: 'encoded', rules: ['cancellation/return-owed'] });
    expect(c.findings).toContainEqual(expect.objectContaining({ at: '第32条', cited: '第24条', titleBelongsTo: ['第25条'] }));
    expect(await dispatch('rules.coverage', { id: 999 })).toMatchObject({ ok: false });
    expect(await dispatch('rules.coverage', { id: 'x' })).toMatchObject({ ok: false });
  });

  it('checks a rule as it is typed: bad JSON, schema, unknown facts; an approved version is never edited', async () => {
    draft = await ok<RuleVersionDetail>('rules.createDraft', { from: 1, effective: '2025-04-01', title: '第27条 改定' });
    const args = { id: draft.summary.id, revision: draft.summary.revision, decision: 'lateInterest', ruleId: RULE };
    expect((await ok<{ issues: { code: string }[] }>('rules.checkRule', { ...args, ruleJson: '{"id": ' })).issues[0]!.code).toBe('RULE_JSON');
    const bad = { ...ruleOf(draft), conditions: { all: [{ fact: 'daysAfterDue', operator: 'biggerThan', value: 1 }] } };
    expect((await ok<{ issues: { code: string; field: string }[] }>('rules.checkRule', { ...args, ruleJson: JSON.stringify(bad) })).issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'RULE_SCHEMA', field: '/conditions/all/0/operator' })]),
    );
    const unknownFact = { ...ruleOf(draft), conditions: { all: [{ fact: 'daysLate', operator: 'greaterThan', value: 15 }] } };
    expect((await ok<{ issues: { code: string }[] }>('rules.checkRule', { ...args, ruleJson: JSON.stringify(unknownFact) })).issues.map((i) => i.code)).toEqual([
      'RULE_UNKNOWN_FACT',
    ]);
    expect(await dispatch('rules.saveRule', { ...args, ruleJson: JSON.stringify(unknownFact) })).toMatchObject({ ok: false, error: { code: 'RULE_INVALID' } });
    expect(await dispatch('rules.saveRule', { ...args, id: 1, revision: 1, ruleJson: JSON.stringify(ruleOf(draft)) })).toMatchObject({
      ok: false,
      error: { code: 'VERSION_NOT_DRAFT' },
    });
  });

  it('saves a structured edit with its sentence, and diffs it clause by clause with the clause text', async () => {
    const edited = { ...ruleOf(draft), conditions: { all: [{ fact: 'daysAfterDue', operator: 'greaterThanInclusive', value: { fact: 'graceDays' } }] } };
    const args = { id: draft.summary.id, revision: draft.summary.revision, decision: 'lateInterest', ruleId: RULE, ruleJson: JSON.stringify(edited) };
    const check = await ok<{ issues: unknown[]; sentence: { ja: string; en: string } }>('rules.checkRule', args);
    expect(check.issues).toEqual([]);
    expect(check.sentence.ja).toContain('以上である');
    draft = await ok<RuleVersionDetail>('rules.saveRule', args);
    expect(draft.changedRules).toEqual([RULE]);
    draft = await ok<RuleVersionDetail>('rules.setInterpretation', { id: draft.summary.id, revision: draft.summary.revision, name: 'interestDayBasis', value: 'actual' });
    expect(draft.version.interpretations.find((i) => i.name === 'interestDayBasis')!.default).toBe('actual');
    const diff = await ok<RuleDiff>('rules.diff', { from: 1, to: draft.summary.id, tariffFrom: null, tariffTo: null });
    expect(diff.rules).toEqual([expect.objectContaining({ id: RULE, kind: 'changed', clause: '第27条' })]);
    expect(diff.interpretations).toEqual([expect.objectContaining({ name: 'interestDayBasis', kind: 'changed' })]);
    expect(diff.clauseTexts['第27条']).toContain('延滞利息');
  });

  it('runs the regression: the cases whose answer changes, with both answers and traces', async () => {
    const r = await ok<RegressionView>('rules.regression', { id: draft.summary.id });
    expect(r.total).toBeGreaterThan(300);
    expect(r.baseline.id).toBe(1);
    expect(r.failing).toEqual([]);
    expect(r.changed.length).toBeGreaterThan(0);
    expect(r.changed.every((c) => c.file.includes('test/cases') && Array.isArray(c.before.trace) && Array.isArray(c.after.trace))).toBe(true);
    expect(r.changed.some((c) => c.before.outcome === 'none' && c.after.outcome === 'charge')).toBe(true);
    // Each case carries its facts, so the page names it in its own language by them (case-caption.ts).
    expect(r.changed.every((c) => c.facts !== undefined && typeof c.facts.dueDate === 'string' && typeof c.facts.principal === 'number')).toBe(true);
    expect(r.changed.some((c) => c.interpretations?.graceEndOnHoliday === 'civil-code-142')).toBe(true);
  });

  it('approval needs review, a reviewer and a comment; it is refused while a case answers invalid', async () => {
    expect(await dispatch('rules.approve', { id: draft.summary.id, revision: draft.summary.revision, reviewer: 'kato', comment: 'ok' })).toMatchObject({
      ok: false,
      error: { code: 'VERSION_NOT_IN_REVIEW' },
    });
    draft = await ok<RuleVersionDetail>('rules.submit', { id: draft.summary.id, revision: draft.summary.revision, comment: 'ready' });
    expect(draft.summary.status).toBe('in-review');
    expect(
      await dispatch('rules.saveRule', { id: draft.summary.id, revision: draft.summary.revision, decision: 'lateInterest', ruleId: RULE, ruleJson: JSON.stringify(ruleOf(draft)) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VERSION_NOT_DRAFT' },
    });
    expect(await dispatch('rules.approve', { id: draft.summary.id, revision: draft.summary.revision, reviewer: ' ', comment: '' })).toMatchObject({
      ok: false,
      error: { code: 'APPROVAL_INCOMPLETE', issues: [expect.objectContaining({ code: 'REVIEWER_REQUIRED' }), expect.objectContaining({ code: 'COMMENT_REQUIRED' })] },
    });
    const mine = scratch('cases-');
    writeFileSync(join(mine, 'broken.json'), JSON.stringify({ name: 'a fact misspelt', asOf: '2025-05-01', decision: 'surcharge', facts: { evadedAmmount: 100 } }));
    await ok('rules.setCaseFolders', { folders: [mine] });
    expect(await dispatch('rules.approve', { id: draft.summary.id, revision: draft.summary.revision, reviewer: 'kato', comment: 'reviewed 第27条' })).toMatchObject({
      ok: false,
      // The case's first error in the case's order (docs/engine.md): the misspelt fact as written, then the fact it lacks.
      error: {
        code: 'APPROVAL_BLOCKED_BY_CASES',
        issues: [expect.objectContaining({ code: 'FACT_ADDITIONALPROPERTIES', field: '/facts/evadedAmmount', header: 'a fact misspelt' })],
      },
    });
    // A case file that cannot be read was not checked: approval waits for it too (a folder not there yet does not block).
    const unreadable = scratch('cases-');
    writeFileSync(join(unreadable, 'half.json'), '[{"name": "cut off", "asOf": ');
    await ok('rules.setCaseFolders', { folders: [unreadable, join(unreadable, 'not-yet')] });
    expect(await dispatch('rules.approve', { id: draft.summary.id, revision: draft.summary.revision, reviewer: 'kato', comment: 'reviewed 第27条' })).toMatchObject({
      ok: false,
      error: {
        code: 'APPROVAL_BLOCKED_BY_UNREADABLE_CASES',
        message: `a case file or folder could not be read, so rule version 2025-04-01 was not checked against it: ${join(unreadable, 'half.json')}`,
        issues: [expect.objectContaining({ code: 'CASE_FILE_UNREADABLE', sheet: join(unreadable, 'half.json') })],
      },
    });
    await ok('rules.setCaseFolders', { folders: [join(unreadable, 'not-yet')] });
    const r = await ok<{ approved: RuleVersionDetail; superseded: RuleVersionSummary }>('rules.approve', {
      id: draft.summary.id,
      revision: draft.summary.revision,
      reviewer: 'kato',
      comment: 'reviewed 第27条',
    });
    expect(r.approved.summary).toMatchObject({ status: 'approved', approvedBy: 'kato' });
    expect(r.approved.reviews.map((x) => x.step)).toEqual(['submitted', 'approved']);
    expect(r.superseded).toMatchObject({ id: 1, status: 'superseded' });
    expect(() => ws.db.prepare("UPDATE rule_versions SET data = '{}' WHERE id = ?").run(draft.summary.id)).toThrow(/VERSION_NOT_DRAFT/);
  });

  it('records every step in the audit log with before/after, and the chain holds', async () => {
    const { entries } = await ok<{ entries: { action: string; before: unknown; after: unknown; comment: string | null }[] }>('audit.list', { limit: 50 });
    expect(entries.map((e) => e.action).reverse()).toEqual([
      'workspace.created',
      'rule.draft.created',
      'rule.edited',
      'rule.interpretation.switched',
      'rule.submitted',
      'rule.approved',
    ]);
    expect(entries[0]).toMatchObject({ before: { status: 'in-review' }, after: { status: 'approved', approvedBy: 'kato' }, comment: 'reviewed 第27条' });
    expect(await ok('audit.verify', {})).toMatchObject({ ok: true, entries: 6 });
  });

  it('exports the change notice with the changed clause, its text and the effective date', async () => {
    const md = await ok<{ fileName: string; markdown: string }>('rules.notice', { id: draft.summary.id, format: 'md' });
    expect(md.fileName).toBe('notice-2025-04-01.md');
    expect(md.markdown).toContain('2025-04-01 施行');
    expect(md.markdown).toContain('### 第27条');
    const xlsx = await ok<{ fileName: string; contentBase64: string }>('rules.notice', { id: draft.summary.id, format: 'xlsx' });
    expect(Buffer.from(xlsx.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('explores a decision and saves a case that `tariff test` passes', async () => {
    const r = await ok<ExploreResult>('explorer.decide', {
      decision: 'lateInterest',
      asOf: '2024-06-01',
      facts: { principal: 10000, dueDate: '2024-04-30', paidDate: '2024-05-31' },
      ruleVersionId: 1,
      tariffVersionId: 1,
      interpretations: {},
      name: '第27条 explorer',
    });
    expect(r.output.outcome).toBe('charge');
    expect(r.clauseTexts['第27条']).toBeDefined();
    expect(r.pinnedToApproved).toBe(true);
    const folder = scratch('explored-');
    const { file } = await ok<{ file: string }>('explorer.saveCase', { folder, fileName: 'dai27jo-explored.json', caseJson: r.caseJson });
    expect(await dispatch('explorer.saveCase', { folder, fileName: 'dai27jo-explored.json', caseJson: r.caseJson })).toMatchObject({
      ok: false,
      error: { code: 'CASE_FILE_EXISTS' },
    });
    expect(await dispatch('explorer.saveCase', { folder, fileName: '../x.json', caseJson: r.caseJson })).toMatchObject({ ok: false, error: { code: 'CASE_FILE_NAME' } });
    const run = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'tariff.mjs'), 'test', file], { encoding: 'utf8' });
    expect(run.stdout).toContain('1 passed, 0 failed');
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ decision: 'lateInterest', expect: { outcome: 'charge' } });
  });
});

describe('tariff audit verify', () => {
  it('says the chain holds on an untouched workspace, and names the entry a tamperer changed', () => {
    const dir = scratch('tamper-');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'ws.sqlite');
    const w = freshWorkspace(file);
    expect(verifyAudit(w).ok).toBe(true);
    closeWorkspace(w);
    const verify = () => spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'tariff.mjs'), 'audit', 'verify', '--workspace', file], { encoding: 'utf8' });
    const good = verify();
    expect(good.stdout).toContain('the audit chain holds: 1 entry');
    expect(good.status).toBe(0);
    const db = new Database(file);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE seq = 1").run();
    db.close();
    const bad = verify();
    expect(bad.stdout).toContain('AUDIT_CHAIN_BROKEN at entry 1');
    expect(bad.status).toBe(1);
  });
});
