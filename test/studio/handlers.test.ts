import { describe, expect, it } from 'vitest';
import type { CourseAnswer, VersionDetail } from '../../src/studio/api/contract.js';
import { freshStudio, snapshot } from './helpers.js';

const { ws, dispatch, ok } = freshStudio();
const courseIndex = (d: VersionDetail, code: string) => d.version.courses.findIndex((c) => c.code === code);
const total = (a: CourseAnswer | null, pick: 'regular' | 'settlement') => (a && a.ok ? (pick === 'regular' ? a.regularMonth.total : a.settlement.total) : undefined);

describe('studio handlers', () => {
  it('an edit to an approved version is refused: a draft starts instead, with its own date', async () => {
    expect(await dispatch('tariffs.edit', { id: 1, revision: 1, edits: [{ table: 'courses', index: 0, field: 'monthlyFee', text: '1' }] })).toMatchObject({
      ok: false,
      error: { code: 'VERSION_NOT_DRAFT' },
    });
    const d = await ok<VersionDetail>('tariffs.createDraft', { from: 1, effective: '2025-04-01', title: 'spring' });
    expect(d.summary).toMatchObject({ status: 'draft', effective: '2025-04-01', basedOn: 1 });
    expect(d.base).toMatchObject({ id: 1 });
    expect(d.changes).toEqual([]);
  });

  it('edits, marks changes against the base, answers the engine before and after, and undoes', async () => {
    let d = await ok<VersionDetail>('tariffs.createDraft', { from: 1, effective: '2025-06-01', title: '' });
    const i = courseIndex(d, 'M2035N-3Y-C7-SN');
    const fee = d.version.courses[i]!.monthlyFee;
    const preview0 = await ok<{ before: CourseAnswer; after: CourseAnswer }>('engine.coursePreview', { versionId: d.summary.id, index: i, months: 14 });
    expect(total(preview0.before, 'regular')).toBe(total(preview0.after, 'regular'));
    d = await ok<VersionDetail>('tariffs.edit', {
      id: d.summary.id,
      revision: d.summary.revision,
      edits: [{ table: 'courses', index: i, field: 'monthlyFee', text: String(fee + 1000) }],
    });
    expect(d.changes).toEqual([expect.objectContaining({ kind: 'changed', key: 'M2035N-3Y-C7-SN', field: 'monthlyFee', before: fee, after: fee + 1000 })]);
    const preview = await ok<{ before: CourseAnswer; after: CourseAnswer }>('engine.coursePreview', { versionId: d.summary.id, index: i, months: 14 });
    expect(total(preview.after, 'regular')! - total(preview.before, 'regular')!).toBe(1100);
    expect(preview.after).toMatchObject({ ok: true, settlement: { months: 14, startDate: '2025-07-01', endDate: '2026-08-31' } });
    d = await ok<VersionDetail>('tariffs.edit', {
      id: d.summary.id,
      revision: d.summary.revision,
      edits: [{ table: 'courses', index: i, field: 'monthlyFee', text: String(fee) }],
    });
    expect(d.changes).toEqual([]);
    expect(d.summary.revision).toBe(3);
  });

  it('a pasted block is one transaction: one bad cell and nothing is saved', async () => {
    const d = await ok<VersionDetail>('tariffs.createDraft', { from: 1, effective: '2025-07-01', title: '' });
    const before = snapshot(ws);
    const r = await dispatch('tariffs.edit', {
      id: d.summary.id,
      revision: d.summary.revision,
      edits: [
        { table: 'courses', index: 6, field: 'monthlyFee', text: '15000' },
        { table: 'courses', index: 7, field: 'monthlyFee', text: '-5' },
        { table: 'courses', index: 8, field: 'sim', text: 'S99' },
      ],
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'EDIT_INVALID',
        issues: [expect.objectContaining({ code: 'CELL_NEGATIVE', index: 7, field: 'monthlyFee' }), expect.objectContaining({ code: 'CELL_NOT_IN_LIST', index: 8, field: 'sim' })],
      },
    });
    expect(snapshot(ws)).toEqual(before);
  });

  it("refuses what the engine's checks refuse (a model outside its series), and a stale revision", async () => {
    const d = await ok<VersionDetail>('tariffs.createDraft', { from: 1, effective: '2025-08-01', title: '' });
    expect(await dispatch('tariffs.edit', { id: d.summary.id, revision: 1, edits: [{ table: 'courses', index: 6, field: 'model', text: 'M2035N' }] })).toMatchObject({
      ok: false,
      error: { code: 'EDIT_INVALID', issues: [expect.objectContaining({ code: 'TARIFF_REFERENCE', index: 6, field: 'model' })] },
    });
    expect(await dispatch('tariffs.edit', { id: d.summary.id, revision: 7, edits: [{ table: 'courses', index: 6, field: 'monthlyFee', text: '1' }] })).toMatchObject({
      ok: false,
      error: { code: 'DRAFT_CONFLICT' },
    });
  });

  it('exports a version and previews and applies its edited workbook', async () => {
    const file = await ok<{ fileName: string; contentBase64: string }>('workbook.export', { versionId: 1 });
    expect(file.fileName).toBe('tariff-2023-09-19.xlsx');
    const preview = await ok<{ canApply: boolean; changes: unknown[]; base: { id: number } }>('workbook.previewImport', file);
    expect(preview).toMatchObject({ canApply: true, changes: [], base: { id: 1 }, suggestedEffective: '2025-03-10' });
    const d = await ok<VersionDetail>('workbook.applyImport', { ...file, effective: '2025-09-01', title: 'as is' });
    expect(d.summary).toMatchObject({ status: 'draft', effective: '2025-09-01', title: 'as is', basedOn: 1 });
    // An empty file is previewed like any unreadable one: one issue, nothing to apply; applying it is refused with that issue.
    expect(await dispatch('workbook.previewImport', { fileName: 'x.xlsx', contentBase64: '' })).toMatchObject({
      ok: true,
      value: {
        fileName: 'x.xlsx',
        base: null,
        changes: [],
        canApply: false,
        issues: [{ severity: 'error', code: 'WORKBOOK_EMPTY', message: expect.stringContaining('x.xlsx is empty (0 bytes)') }],
      },
    });
    expect(await dispatch('workbook.applyImport', { fileName: 'x.xlsx', contentBase64: '', effective: '2025-10-01', title: 'empty' })).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_INVALID', issues: [expect.objectContaining({ code: 'WORKBOOK_EMPTY' })] },
    });
  });

  it('discards a draft, never an approved version', async () => {
    const d = await ok<VersionDetail>('tariffs.createDraft', { from: 1, effective: '2025-10-01', title: '' });
    expect(await ok('tariffs.discardDraft', { id: d.summary.id })).toEqual({ discarded: d.summary.id });
    expect(await dispatch('tariffs.get', { id: d.summary.id })).toMatchObject({ ok: false, error: { code: 'VERSION_NOT_FOUND' } });
    expect(await dispatch('tariffs.discardDraft', { id: 1 })).toMatchObject({ ok: false, error: { code: 'VERSION_NOT_DRAFT' } });
  });
});
