import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/studio/api/dispatcher.js';
import { studioHandlers } from '../../src/studio/handlers/studio-handlers.js';
import { actorFromRequests } from '../../src/studio/team/request-user.js';
import { createTeamDispatch } from '../../src/studio/team/team-dispatch.js';
import { setRequiredApprovals } from '../../src/studio/team/team-settings.js';
import { listAudit, verifyWorkspace } from '../../src/studio/workspace/audit-log.js';
import { freshStudio, freshWorkspace, scratch, SEED, TODAY } from './helpers.js';

/**
 * One test per defect the adversarial sweep (api-sweep.test.ts) found: the arguments it sent,
 * the located error with a stable code they now get (each was INTERNAL before), and that
 * nothing was written.
 */
const CASE = `${JSON.stringify({ decision: 'settlement', asOf: '2025-01-01', facts: {}, expect: { outcome: 'invalid' } })}\n`;

describe('explorer.saveCase: what the file system refuses is a located error, never INTERNAL', () => {
  const { dispatch } = freshStudio();

  it('a NUL in the folder is CASE_FOLDER_NAME at /folder (was INTERNAL: "The argument \'path\' must be a string … without null bytes")', async () => {
    const dir = scratch('nul-');
    const r = await dispatch('explorer.saveCase', { folder: `${dir}/a\u0000b`, fileName: 'case.json', caseJson: CASE });
    expect(r).toMatchObject({ ok: false, error: { code: 'CASE_FOLDER_NAME', issues: [{ field: '/folder' }] } });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a NUL or other control character in the file name is CASE_FILE_NAME at /fileName', async () => {
    const dir = scratch('nul-name-');
    for (const fileName of ['a\u0000b', 'line\nbreak', 'tab\t.json'])
      expect(await dispatch('explorer.saveCase', { folder: dir, fileName, caseJson: CASE }), JSON.stringify(fileName)).toMatchObject({
        ok: false,
        error: { code: 'CASE_FILE_NAME', issues: [{ field: '/fileName' }] },
      });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a file name longer than the file system takes (200 × 𠮷 = 800 bytes) is CASE_FILE_NAME naming the limit (was INTERNAL: ENAMETOOLONG)', async () => {
    const dir = scratch('long-name-');
    const r = await dispatch('explorer.saveCase', { folder: dir, fileName: '𠮷'.repeat(200), caseJson: CASE });
    expect(r).toMatchObject({ ok: false, error: { code: 'CASE_FILE_NAME', message: expect.stringContaining('at most 255') as string } });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a folder whose name the file system refuses (a 300-byte segment) is CASE_FOLDER_UNWRITABLE at /folder, with the path (was INTERNAL: ENAMETOOLONG)', async () => {
    const dir = scratch('long-folder-');
    const r = await dispatch('explorer.saveCase', { folder: join(dir, '長'.repeat(100)), fileName: 'case.json', caseJson: CASE });
    expect(r).toMatchObject({ ok: false, error: { code: 'CASE_FOLDER_UNWRITABLE', issues: [{ field: '/folder' }] } });
    if (!r.ok) expect(r.error.message).toContain('ENAMETOOLONG');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a folder inside a file is CASE_FOLDER_UNWRITABLE (ENOTDIR), and a folder that is a file is CASE_FOLDER', async () => {
    const dir = scratch('not-dir-');
    const saved = await dispatch('explorer.saveCase', { folder: dir, fileName: 'first.json', caseJson: CASE });
    expect(saved.ok).toBe(true);
    expect(await dispatch('explorer.saveCase', { folder: join(dir, 'first.json', 'sub'), fileName: 'x.json', caseJson: CASE })).toMatchObject({
      ok: false,
      error: { code: 'CASE_FOLDER_UNWRITABLE' },
    });
    expect(await dispatch('explorer.saveCase', { folder: join(dir, 'first.json'), fileName: 'x.json', caseJson: CASE })).toMatchObject({
      ok: false,
      error: { code: 'CASE_FOLDER' },
    });
    expect(readdirSync(dir)).toEqual(['first.json']);
  });

  it("a folder the kernel answers ENOENT for while its parent exists (/proc/self/…) is CASE_FOLDER_UNWRITABLE (the call never answered: node's recursive mkdir looped)", async () => {
    const r = await dispatch('explorer.saveCase', { folder: '/proc/self/no-such-folder/sub', fileName: 'x.json', caseJson: CASE });
    expect(r).toMatchObject({ ok: false, error: { code: 'CASE_FOLDER_UNWRITABLE', issues: [{ field: '/folder' }] } });
  });

  it('still makes a missing folder and its missing parents', async () => {
    const dir = scratch('parents-');
    expect(await dispatch('explorer.saveCase', { folder: join(dir, 'a', 'b', 'c'), fileName: 'x', caseJson: CASE })).toMatchObject({
      ok: true,
      value: { file: join(dir, 'a', 'b', 'c', 'x.json') },
    });
  });

  it('on a team server too: a NUL in a folder under the case root is CASE_FOLDER_NAME, for saveCase and setCaseFolders', async () => {
    const root = scratch('root-');
    mkdirSync(join(root, 'legal'));
    const ws = freshWorkspace();
    const team = createDispatcher(studioHandlers({ ws, createdNow: false, today: () => TODAY, caseRoots: [root] }));
    expect(await team('explorer.saveCase', { folder: 'legal/\u0000', fileName: 'x.json', caseJson: CASE })).toMatchObject({ ok: false, error: { code: 'CASE_FOLDER_NAME' } });
    expect(await team('rules.setCaseFolders', { folders: ['legal', 'a\u0000b'] })).toMatchObject({
      ok: false,
      error: { code: 'CASE_FOLDER_NAME', issues: [{ field: '/folders/1' }] },
    });
    expect(existsSync(join(root, 'legal', 'x.json'))).toBe(false);
  });
});

describe('text with half a character (a lone UTF-16 surrogate)', () => {
  it('is refused as ILL_FORMED_TEXT with its JSON pointer, and nothing is saved (was saved, and read back as three replacement characters)', async () => {
    const { ws, dispatch } = freshStudio();
    const before = (ws.db.prepare('SELECT count(*) AS n FROM tariff_versions').get() as { n: number }).n;
    expect(await dispatch('tariffs.createDraft', { from: 1, effective: '2026-04-01', title: 'a\uD800b' })).toMatchObject({
      ok: false,
      error: { code: 'ILL_FORMED_TEXT', issues: [{ field: '/title' }] },
    });
    expect(
      await dispatch('explorer.decide', { decision: 'settlement', asOf: TODAY, facts: { ['\uDC00x']: 1 }, ruleVersionId: 1, tariffVersionId: 1, interpretations: {}, name: '' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'ILL_FORMED_TEXT', issues: [{ field: '/facts/\uDC00x' }] },
    });
    expect((ws.db.prepare('SELECT count(*) AS n FROM tariff_versions').get() as { n: number }).n).toBe(before);
    // A whole character outside the BMP (a surrogate pair) is text, and is kept as sent.
    const ok = await dispatch('tariffs.createDraft', { from: 1, effective: '2026-04-01', title: '𠮷野家 🍣' });
    expect(ok).toMatchObject({ ok: true, value: { summary: { title: '𠮷野家 🍣' } } });
  });
});

describe('a rule whose conditions nest thousands deep (inside ruleJson, a string the depth check of the payload does not open)', () => {
  it('is RULE_TOO_DEEP with the pointer where it passes the limit, for checkRule and saveRule, and the draft is unchanged (was INTERNAL: Maximum call stack size exceeded)', async () => {
    const { ws, dispatch } = freshStudio();
    const draft = await dispatch('rules.createDraft', { from: 1, effective: '2026-04-01', title: 'deep' });
    if (!draft.ok) throw new Error(JSON.stringify(draft.error));
    const id = (draft.value as { summary: { id: number } }).summary.id;
    const rule = (JSON.parse(readFileSync(join(SEED.rulesDir, '2023-09-19', 'settlement.json'), 'utf8')) as { rules: { id: string }[] }).rules[0]!;
    let conditions: unknown = { fact: 'monthsUsed', operator: 'lessThan', value: 1 };
    for (let i = 0; i < 2000; i += 1) conditions = { all: [conditions] };
    const ruleJson = JSON.stringify({ ...rule, conditions });
    const before = ws.db.prepare('SELECT data, revision FROM rule_versions WHERE id = ?').get(id);
    expect(await dispatch('rules.checkRule', { id, revision: 1, decision: 'settlement', ruleId: rule.id, ruleJson })).toMatchObject({
      ok: true,
      value: { issues: [{ code: 'RULE_TOO_DEEP', field: expect.stringMatching(/^\/conditions\/all\/0\/all\/0\//u) as string }] },
    });
    expect(await dispatch('rules.saveRule', { id, revision: 1, decision: 'settlement', ruleId: rule.id, ruleJson })).toMatchObject({
      ok: false,
      error: { issues: [{ code: 'RULE_TOO_DEEP' }] },
    });
    expect(ws.db.prepare('SELECT data, revision FROM rule_versions WHERE id = ?').get(id)).toEqual(before);
  });
});

describe('lifecycle.inForce with a date that does not exist', () => {
  it('is BAD_DATE at /date (was answered as if 2023-02-29 or 9999-99-99 were a day); a real date still answers', async () => {
    const { dispatch } = freshStudio();
    for (const date of ['2023-02-29', '9999-99-99', '0000-00-00', '2025-13-01'])
      expect(await dispatch('lifecycle.inForce', { date }), date).toMatchObject({ ok: false, error: { code: 'BAD_DATE', issues: [{ field: '/date' }] } });
    for (const date of ['2024-02-29', '0001-01-01', '9999-12-31']) expect(await dispatch('lifecycle.inForce', { date }), date).toMatchObject({ ok: true, value: { date } });
  });
});

describe('authoring.setParameter with the name of an Object property', () => {
  it('is PARAMETER_NOT_FOUND for "constructor", "__proto__" and "toString" (was PARAMETER_VALUE: "parameter constructor is a undefined")', async () => {
    const { dispatch } = freshStudio();
    const draft = await dispatch('rules.createDraft', { from: 1, effective: '2026-04-01', title: 'names' });
    if (!draft.ok) throw new Error(JSON.stringify(draft.error));
    const id = (draft.value as { summary: { id: number } }).summary.id;
    for (const name of ['constructor', '__proto__', 'toString'])
      expect(await dispatch('authoring.setParameter', { id, revision: 1, decision: 'settlement', name, valueJson: '1', clause: '第32条', quote: 'x' }), name).toMatchObject({
        ok: false,
        error: { code: 'PARAMETER_NOT_FOUND' },
      });
  });
});

describe('a team server counting one approval of two', () => {
  it('checks the arguments first: a comment over 4,000 characters, an unknown property or half a character is refused (400) and nothing is audited (was counted and written to the audit log unchecked; half a character then broke the chain)', async () => {
    const ws = freshWorkspace();
    actorFromRequests(ws, 'server');
    const team = createTeamDispatch(ws, createDispatcher(studioHandlers({ ws, createdNow: false, today: () => TODAY })));
    const bob = { id: 2, name: 'bob', role: 'legal' as const };
    const carol = { id: 3, name: 'carol', role: 'legal' as const };
    setRequiredApprovals(ws, 2);
    const d = (await team(bob, 'rules.createDraft', { from: 1, effective: '2032-01-01', title: 'two' })).env;
    if (!d.ok) throw new Error(JSON.stringify(d.error));
    const { id, revision } = (d.value as { summary: { id: number; revision: number } }).summary;
    expect((await team(bob, 'rules.submit', { id, revision, comment: 'ready' })).env.ok).toBe(true);
    const seq = listAudit(ws, 1)[0]!.seq;
    const cases: [Record<string, unknown>, string][] = [
      [{ comment: 'x'.repeat(4001) }, 'INVALID_ARGS'],
      [{ comment: 'ok', junk: { a: 1 } }, 'INVALID_ARGS'],
      [{ comment: 'half \uD800 a character' }, 'ILL_FORMED_TEXT'],
    ];
    for (const [extra, code] of cases)
      expect(await team(carol, 'rules.approve', { id, revision, reviewer: '', ...extra }), code).toMatchObject({ status: 400, env: { ok: false, error: { code } } });
    expect(listAudit(ws, 1)[0]!.seq).toBe(seq);
    expect(verifyWorkspace(ws).chain).toMatchObject({ ok: true });
    // A valid first approval is still counted.
    expect(await team(carol, 'rules.approve', { id, revision, reviewer: '', comment: 'one' })).toMatchObject({ status: 200, env: { ok: true } });
    expect(listAudit(ws, 1)[0]).toMatchObject({ action: 'rule.approval.counted', actor: 'carol' });
  });
});
