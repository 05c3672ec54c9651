import { describe, expect, it } from 'vitest';
import type { DraftImportPreview, ImportPreview, VersionDetail } from '../../src/studio/api/contract.js';
import { actorFromRequests } from '../../src/studio/team/request-user.js';
import { createTeamDispatch } from '../../src/studio/team/team-dispatch.js';
import { freshStudio, snapshot } from './helpers.js';
import { cellOf, editWorkbook } from './workbook-helpers.js';

/** "Import into this draft": a workbook applied to the open draft in one save, stale exports caught, frozen versions refused. */
const { ws, dispatch, ok, fails: refused } = freshStudio();
const COURSES = '表1 コース';
const FEE = '月額料金（円）';
const exportOf = async (versionId: number): Promise<Buffer> => Buffer.from((await ok<{ contentBase64: string }>('workbook.export', { versionId })).contentBase64, 'base64');
const file = (data: Buffer) => ({ fileName: 'edited.xlsx', contentBase64: data.toString('base64') });
const feeOf = (d: VersionDetail, code: string) => d.version.courses.find((c) => c.code === code)!.monthlyFee;
const indexOf = (d: VersionDetail, code: string) => d.version.courses.findIndex((c) => c.code === code);
const auditActions = (target: string): string[] =>
  (ws.db.prepare('SELECT action FROM audit_log WHERE target = ? ORDER BY seq').all(target) as { action: string }[]).map((r) => r.action);
const newDraft = (effective: string) => ok<VersionDetail>('tariffs.createDraft', { from: 1, effective, title: effective });
const editFee = (d: VersionDetail, code: string, fee: number) =>
  ok<VersionDetail>('tariffs.edit', {
    id: d.summary.id,
    revision: d.summary.revision,
    edits: [{ table: 'courses', index: indexOf(d, code), field: 'monthlyFee', text: String(fee) }],
  });

describe('workbook import into the open draft', () => {
  it('a workbook exported from the draft as it is now: every change previewed, then applied as one save with one audit entry', async () => {
    const d = await newDraft('2026-01-01');
    const edited = await editWorkbook(await exportOf(d.summary.id), (wb) => {
      cellOf(wb, COURSES, 'PLUS-LONG', FEE).value = 17600;
      // A deleted row: the workbook's rows replace the draft's.
      const sheet = wb.getWorksheet('表3 オプション')!;
      let last = 0;
      sheet.eachRow((_r, n) => (last = n));
      sheet.spliceRows(last, 1);
    });
    const p = await ok<DraftImportPreview>('workbook.previewIntoDraft', { ...file(edited), id: d.summary.id });
    expect(p.stale).toBeNull();
    expect(p.canApply).toBe(true);
    expect(p.origin).toMatchObject({ id: d.summary.id });
    expect(p.about).toMatchObject({ versionId: d.summary.id, revision: 1, fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{32}$/) });
    expect(p.changes).toEqual([
      expect.objectContaining({ table: 'courses', kind: 'changed', key: 'PLUS-LONG', field: 'monthlyFee', before: 17000, after: 17600 }),
      expect.objectContaining({ table: 'options', kind: 'removed', key: d.version.options.at(-1)!.code }),
    ]);
    expect(p.overwrites).toEqual([]);
    // The preview changed nothing.
    expect((await ok<VersionDetail>('tariffs.get', { id: d.summary.id })).summary.revision).toBe(1);

    const after = await ok<VersionDetail>('workbook.applyIntoDraft', { ...file(edited), id: d.summary.id, revision: 1, confirmStale: false });
    expect(after.summary).toMatchObject({ id: d.summary.id, status: 'draft', revision: 2, effective: '2026-01-01' });
    expect(feeOf(after, 'PLUS-LONG')).toBe(17600);
    expect(after.version.options).toHaveLength(d.version.options.length - 1);
    expect(auditActions(`tariff:${d.summary.id}`)).toEqual(['tariff.draft.created', 'tariff.draft.imported-into']);
  });

  it('undo and redo of the import are saves of the content before and after, each audited', async () => {
    const d = await newDraft('2026-02-01');
    const edited = await editWorkbook(await exportOf(d.summary.id), (wb) => (cellOf(wb, COURSES, 'SHORT', FEE).value = 99));
    const after = await ok<VersionDetail>('workbook.applyIntoDraft', { ...file(edited), id: d.summary.id, revision: 1, confirmStale: false });
    expect(feeOf(after, 'SHORT')).toBe(99);
    const undone = await ok<VersionDetail>('tariffs.restoreContent', { id: d.summary.id, revision: after.summary.revision, version: d.version, reason: 'undo' });
    expect(undone.version).toEqual(d.version);
    expect(undone.changes).toEqual([]);
    const redone = await ok<VersionDetail>('tariffs.restoreContent', { id: d.summary.id, revision: undone.summary.revision, version: after.version, reason: 'redo' });
    expect(redone.version).toEqual(after.version);
    expect(auditActions(`tariff:${d.summary.id}`)).toEqual(['tariff.draft.created', 'tariff.draft.imported-into', 'tariff.draft.import-undone', 'tariff.draft.import-redone']);
    // Undo is a draft edit like any other: on an old revision it is refused.
    expect((await refused('tariffs.restoreContent', { id: d.summary.id, revision: after.summary.revision, version: d.version, reason: 'undo' })).code).toBe('DRAFT_CONFLICT');
    // Content the engine refuses is not saved.
    const broken = { ...d.version, courses: d.version.courses.map((c, i) => (i === 0 ? { ...c, initialFeeGroup: 'NO-SUCH-GROUP' } : c)) };
    const before = snapshot(ws);
    expect((await refused('tariffs.restoreContent', { id: d.summary.id, revision: redone.summary.revision, version: broken, reason: 'undo' })).code).toBe('EDIT_INVALID');
    expect(snapshot(ws)).toEqual(before);
  });

  it('the draft changed after the export: the preview says so, and the apply needs an explicit confirmation', async () => {
    let d = await newDraft('2026-03-01');
    const book = await exportOf(d.summary.id);
    d = await editFee(d, 'LONG', 12345); // edited in the studio after the export
    const edited = await editWorkbook(book, (wb) => (cellOf(wb, COURSES, 'SHORT', FEE).value = 25000));
    const p = await ok<DraftImportPreview>('workbook.previewIntoDraft', { ...file(edited), id: d.summary.id });
    expect(p.stale).toMatchObject({ reason: 'draft-changed', message: expect.stringContaining('revision 1 then, 2 now') });
    const keys = p.changes.map((c) => `${c.key} ${c.field} ${c.before}→${c.after}`);
    expect(keys).toContain(`LONG monthlyFee 12345→${feeOf(await ok<VersionDetail>('tariffs.get', { id: 1 }), 'LONG')}`);
    expect(keys).toContain(`SHORT monthlyFee ${feeOf(d, 'SHORT')}→25000`);
    // The draft's saves since the revision exported (the audit log) name the edit the workbook undoes.
    expect(p.overwrites.map((i) => p.changes[i]!.key)).toEqual(['LONG']);

    const before = snapshot(ws);
    const e = await refused('workbook.applyIntoDraft', { ...file(edited), id: d.summary.id, revision: d.summary.revision, confirmStale: false });
    expect(e.code).toBe('IMPORT_STALE_UNCONFIRMED');
    expect(e.message).toContain('The draft was not changed.');
    expect(snapshot(ws)).toEqual(before);

    const applied = await ok<VersionDetail>('workbook.applyIntoDraft', { ...file(edited), id: d.summary.id, revision: d.summary.revision, confirmStale: true });
    expect(feeOf(applied, 'SHORT')).toBe(25000);
    // A save between preview and apply is a conflict, not a lost update.
    expect((await refused('workbook.applyIntoDraft', { ...file(edited), id: d.summary.id, revision: d.summary.revision, confirmStale: true })).code).toBe('DRAFT_CONFLICT');
  });

  it("a workbook exported from the approved base works too: the changes that overwrite the draft's own edits are marked", async () => {
    let d = await newDraft('2026-04-01');
    const base = await ok<VersionDetail>('tariffs.get', { id: 1 });
    d = await editFee(d, 'LONG', 11111); // the draft's own edit, not in the base workbook
    const edited = await editWorkbook(await exportOf(1), (wb) => (cellOf(wb, COURSES, 'PLUS-LONG', FEE).value = 18000));
    const p = await ok<DraftImportPreview>('workbook.previewIntoDraft', { ...file(edited), id: d.summary.id });
    expect(p.stale).toMatchObject({ reason: 'other-version' });
    expect(p.origin).toMatchObject({ id: 1, status: 'approved' });
    expect(p.changes.map((c) => c.key)).toEqual(['LONG', 'PLUS-LONG']);
    expect(p.overwrites.map((i) => p.changes[i]!.key)).toEqual(['LONG']);
    expect(p.changes[p.overwrites[0]!]).toMatchObject({ before: 11111, after: feeOf(base, 'LONG') });
    const applied = await ok<VersionDetail>('workbook.applyIntoDraft', { ...file(edited), id: d.summary.id, revision: d.summary.revision, confirmStale: true });
    expect(feeOf(applied, 'PLUS-LONG')).toBe(18000);
    expect(feeOf(applied, 'LONG')).toBe(feeOf(base, 'LONG'));
  });

  it('a workbook of a draft changed since its export, imported as a new draft: the changes back are marked as the import into a draft marks them', async () => {
    let d = await newDraft('2026-05-01');
    const book = await exportOf(d.summary.id);
    d = await editFee(d, 'LONG', 13500); // a colleague's edit, saved after the export
    d = await editFee(d, 'SHORT', feeOf(d, 'SHORT') + 100); // and another, which the workbook edits too
    const edited = await editWorkbook(book, (wb) => {
      cellOf(wb, COURSES, 'PLUS-LONG', FEE).value = 18000;
      cellOf(wb, COURSES, 'SHORT', FEE).value = 9999;
    });
    const p = await ok<ImportPreview>('workbook.previewImport', file(edited));
    expect(p.issues.map((i) => i.code)).toEqual(['WORKBOOK_BASE_CHANGED']);
    expect(p.changes.map((c) => c.key)).toEqual(['SHORT', 'LONG', 'PLUS-LONG']);
    expect(p.overwrites.map((i) => p.changes[i]!.key)).toEqual(['SHORT', 'LONG']);
    expect(p.changes[p.overwrites[1]!]).toMatchObject({ before: 13500 });
    // Exported again, nothing is marked.
    expect((await ok<ImportPreview>('workbook.previewImport', file(await exportOf(d.summary.id)))).overwrites).toEqual([]);
  });

  it('a draft in review and an approved version are refused with VERSION_NOT_DRAFT, preview and apply alike', async () => {
    const d = await newDraft('2026-05-01');
    const book = await exportOf(d.summary.id);
    await ok('lifecycle.submitTariff', { id: d.summary.id, revision: d.summary.revision, comment: 'ready' });
    for (const id of [d.summary.id, 1]) {
      expect((await refused('workbook.previewIntoDraft', { ...file(book), id })).code).toBe('VERSION_NOT_DRAFT');
      const e = await refused('workbook.applyIntoDraft', { ...file(book), id, revision: 1, confirmStale: true });
      expect(e.code).toBe('VERSION_NOT_DRAFT');
      expect(e.message).toMatch(/only a version in draft can be imported into/);
    }
  });

  it('a bad workbook is previewed with located errors and leaves the draft exactly as it was', async () => {
    const d = await newDraft('2026-06-01');
    const bad = await editWorkbook(await exportOf(d.summary.id), (wb) => {
      cellOf(wb, COURSES, 'PLUS-LONG', FEE).value = 17600;
      cellOf(wb, COURSES, 'SHORT', FEE).value = '二万円';
    });
    const p = await ok<DraftImportPreview>('workbook.previewIntoDraft', { ...file(bad), id: d.summary.id });
    expect(p.canApply).toBe(false);
    expect(p.changes).toEqual([]);
    expect(p.issues).toEqual([expect.objectContaining({ severity: 'error', code: 'CELL_NOT_YEN', sheet: COURSES, column: 'C', value: '二万円' })]);
    const before = snapshot(ws);
    const e = await refused('workbook.applyIntoDraft', { ...file(bad), id: d.summary.id, revision: 1, confirmStale: true });
    expect(e.code).toBe('IMPORT_INVALID');
    expect(e.message).toContain('the draft was not changed');
    for (const junk of [Buffer.from('not a zip'), Buffer.alloc(0)])
      expect((await refused('workbook.applyIntoDraft', { ...file(junk), id: d.summary.id, revision: 1, confirmStale: true })).code).toBe('IMPORT_INVALID');
    expect(snapshot(ws)).toEqual(before);
  });

  it('a workbook without a fingerprint, or from a version not in this workspace, is stale', async () => {
    const d = await newDraft('2026-07-01');
    const noPrint = await editWorkbook(await exportOf(d.summary.id), (wb) => {
      wb.getWorksheet('about')!.eachRow((r) => {
        if (r.getCell(1).text === '内容の指紋') r.getCell(2).value = null;
      });
    });
    expect((await ok<DraftImportPreview>('workbook.previewIntoDraft', { ...file(noPrint), id: d.summary.id })).stale).toMatchObject({ reason: 'unverified' });
    const foreign = await editWorkbook(await exportOf(d.summary.id), (wb) => {
      wb.getWorksheet('about')!.eachRow((r) => {
        if (r.getCell(1).text === 'バージョン ID') r.getCell(2).value = 999;
      });
    });
    const p = await ok<DraftImportPreview>('workbook.previewIntoDraft', { ...file(foreign), id: d.summary.id });
    expect(p.stale).toMatchObject({ reason: 'unknown-origin' });
    expect(p.origin).toBeNull();
    expect(p.changes).toEqual([]);
  });

  it('on a team server whoever edits drafts (pm) imports into one; legal and finance are refused with FORBIDDEN', async () => {
    // As the team server wires it: the audit records the signed-in user, also after the workbook is read (awaited).
    actorFromRequests(ws, 'tester');
    const team = createTeamDispatch(ws, dispatch);
    const d = await newDraft('2026-08-01');
    const edited = await editWorkbook(await exportOf(d.summary.id), (wb) => (cellOf(wb, COURSES, 'SHORT', FEE).value = 24100));
    const args = { ...file(edited), id: d.summary.id, revision: 1, confirmStale: false };
    for (const role of ['legal', 'finance'] as const) {
      const r = await team({ id: 90, name: `a-${role}`, role }, 'workbook.applyIntoDraft', args);
      expect(r.status).toBe(403);
      expect(r.env).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const preview = await team({ id: 91, name: 'kim', role: 'pm' }, 'workbook.previewIntoDraft', { ...file(edited), id: d.summary.id });
    expect(preview.env).toMatchObject({ ok: true, value: { stale: null, changes: [expect.objectContaining({ key: 'SHORT', after: 24100 })] } });
    const applied = await team({ id: 91, name: 'kim', role: 'pm' }, 'workbook.applyIntoDraft', args);
    expect(applied.env).toMatchObject({ ok: true, value: { summary: { revision: 2 } } });
    expect((ws.db.prepare("SELECT actor FROM audit_log WHERE action = 'tariff.draft.imported-into' ORDER BY seq DESC LIMIT 1").get() as { actor: string }).actor).toBe('kim');
  });

  it("the 附則 sheet: a row added in the workbook is a change of the draft; a workbook without the sheet keeps the draft's value", async () => {
    const d = await newDraft('2026-09-01');
    const book = await exportOf(d.summary.id);
    const withRow = await editWorkbook(book, (wb) => {
      const row = wb.getWorksheet('附則 既存契約')!.getRow(2);
      row.getCell(1).value = 'keep-price';
      row.getCell(2).value = '附則第2項（案）';
    });
    const p = await ok<DraftImportPreview>('workbook.previewIntoDraft', { ...file(withRow), id: d.summary.id });
    expect(p.changes).toEqual([expect.objectContaining({ table: 'existingContracts', kind: 'added' })]);
    const applied = await ok<VersionDetail>('workbook.applyIntoDraft', { ...file(withRow), id: d.summary.id, revision: 1, confirmStale: false });
    expect(applied.version.existingContracts).toEqual({ policy: 'keep-price', clause: '附則第2項（案）' });
    const older = await editWorkbook(book, (wb) => wb.removeWorksheet(wb.getWorksheet('附則 既存契約')!.id));
    const q = await ok<DraftImportPreview>('workbook.previewIntoDraft', { ...file(older), id: d.summary.id });
    expect(q.stale).toMatchObject({ reason: 'draft-changed' });
    expect(q.changes).toEqual([]);
  });
});
