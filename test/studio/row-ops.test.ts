import { describe, expect, it } from 'vitest';
import { writeTariffWorkbook } from '../../src/io/tariff-workbook.js';
import type { CourseAnswer, ImportPreview, VersionDetail } from '../../src/studio/api/contract.js';
import { enumLabel } from '../../src/tariff-model/enum-labels.js';
import { applyRowOps, duplicateOp, inverseOp, rowTexts, rowUses } from '../../src/tariff-model/row-ops.js';
import { TABLES } from '../../src/tariff-model/tariff-tables.js';
import { freshStudio } from './helpers.js';

/** Adding, duplicating and deleting rows of a draft, with the cross-references kept true. */
const { ws, ok, fails } = freshStudio();
const auditCount = (): number => (ws.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

describe('row operations', () => {
  let d: VersionDetail;

  it('launches a new course from a duplicate, priced by the engine with its initial fee and settlement', async () => {
    d = await ok<VersionDetail>('tariffs.createDraft', { from: 1, effective: '2025-04-01', title: 'new course' });
    const i = d.version.courses.findIndex((c) => c.series === 'M5525' && c.termMonths === 36);
    const src = TABLES.courses.rows(d.version)[i]!;
    const texts = { ...rowTexts(src), code: 'M5525N-3Y-C90-SN', name: 'どこでも“me”REC M5525N・3年コース・クラウド 90・SN', monthlyFee: '9,990円' };
    d = await ok<VersionDetail>('tariffs.rowOps', { id: d.summary.id, revision: d.summary.revision, ops: [{ kind: 'insert', table: 'courses', index: i + 1, texts }] });
    expect(d.version.courses[i + 1]).toMatchObject({ code: 'M5525N-3Y-C90-SN', monthlyFee: 9990, initialFeeGroup: src.initialFeeGroup, settlementPolicy: src.settlementPolicy });
    expect(d.changes).toEqual([expect.objectContaining({ table: 'courses', kind: 'added', key: 'M5525N-3Y-C90-SN', index: i + 1 })]);
    const p = await ok<{ after: CourseAnswer }>('engine.coursePreview', { versionId: d.summary.id, index: i + 1, months: 6 });
    expect(p.after).toMatchObject({ ok: true, code: 'M5525N-3Y-C90-SN', monthlyFee: 9990 });
    if (p.after.ok) expect(p.after.firstMonth.total).toBeGreaterThan(9990);
  });

  it('duplicates a row of every table with a free key (a course with a free name too), and refuses a key already used', async () => {
    for (const table of ['options', 'initialFees', 'policies', 'minimumPeriods'] as const) {
      const op = duplicateOp(d.version, table, 0)!;
      d = await ok<VersionDetail>('tariffs.rowOps', { id: d.summary.id, revision: d.summary.revision, ops: [op] });
      expect(TABLES[table].rows(d.version)).toHaveLength(TABLES[table].rows((await ok<VersionDetail>('tariffs.get', { id: 1 })).version).length + 1);
    }
    // A course is duplicated too (行を複製 on a course): the copy takes a free name as well as a free
    // code, since two courses may not share a name (DUPLICATE_NAME), and a second copy another one.
    for (const n of [1, 2]) {
      const i = d.version.courses.findIndex((c) => c.code === 'M2035N-3Y-C7-SN');
      const op = duplicateOp(d.version, 'courses', i)!;
      d = await ok<VersionDetail>('tariffs.rowOps', { id: d.summary.id, revision: d.summary.revision, ops: [op] });
      expect(d.version.courses[op.index]).toMatchObject({
        code: n === 1 ? 'M2035N-3Y-C7-SN-COPY' : 'M2035N-3Y-C7-SN-COPY2',
        name: `${d.version.courses[i]!.name}（コピー${n === 1 ? '' : n}）`,
        monthlyFee: d.version.courses[i]!.monthlyFee,
      });
    }
    const dup = { kind: 'insert', table: 'courses', index: 0, texts: { ...rowTexts(TABLES.courses.rows(d.version)[0]!) } };
    const e = await fails('tariffs.rowOps', { id: d.summary.id, revision: d.summary.revision, ops: [dup] });
    expect(e.code).toBe('EDIT_INVALID');
    expect(e.issues[0]).toMatchObject({ code: 'DUPLICATE_CODE', table: 'courses' });
  });

  it('refuses to delete a row still referred to, naming where it is used; nothing is saved', async () => {
    const before = auditCount();
    const group = d.version.courses[0]!.initialFeeGroup;
    const gi = d.version.initialFeeGroups.findIndex((g) => g.group === group);
    const e = await fails('tariffs.rowOps', { id: d.summary.id, revision: d.summary.revision, ops: [{ kind: 'delete', table: 'initialFees', index: gi }] });
    expect(e.code).toBe('ROW_IN_USE');
    expect(e.issues.length).toBe(d.version.courses.filter((c) => c.initialFeeGroup === group).length);
    expect(e.issues[0]!.message).toContain(d.version.courses[0]!.code);
    const pi = d.version.policies.findIndex((p) => p.id === d.version.courses[0]!.settlementPolicy);
    expect((await fails('tariffs.rowOps', { id: d.summary.id, revision: d.summary.revision, ops: [{ kind: 'delete', table: 'policies', index: pi }] })).code).toBe('ROW_IN_USE');
    const printed = d.version.courses.findIndex((c) => c.code === d.version.initialFeeGroups[0]!.printedOn);
    const uses = rowUses(d.version, 'courses', printed);
    expect(uses.length).toBeGreaterThan(0);
    expect(uses.every((u) => u.table === 'initialFees' && u.field === 'printedOn')).toBe(true);
    expect(auditCount()).toBe(before);
    expect((await fails('tariffs.rowOps', { id: 1, revision: 1, ops: [{ kind: 'delete', table: 'options', index: 0 }] })).code).toBe('VERSION_NOT_DRAFT');
  });

  it('deletes an unused row, and the inverse op restores it exactly (undo)', async () => {
    const i = d.version.courses.findIndex((c) => c.code === 'M5525N-3Y-C90-SN');
    const op = { kind: 'delete' as const, table: 'courses' as const, index: i };
    const inverse = inverseOp(d.version, op);
    const kept = d.version;
    d = await ok<VersionDetail>('tariffs.rowOps', { id: d.summary.id, revision: d.summary.revision, ops: [op] });
    expect(d.version.courses.some((c) => c.code === 'M5525N-3Y-C90-SN')).toBe(false);
    expect(applyRowOps(d.version, [inverse]).version!.courses).toEqual(kept.courses);
    d = await ok<VersionDetail>('tariffs.rowOps', { id: d.summary.id, revision: d.summary.revision, ops: [inverse] });
    expect(d.version.courses).toEqual(kept.courses);
    expect((ws.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'tariff.draft.rows'").get() as { n: number }).n).toBeGreaterThanOrEqual(7);
  });

  it('shows added and removed rows in the Excel import and in the change notice', async () => {
    const base = await ok<VersionDetail>('tariffs.get', { id: 1 });
    const last = d.version.options.length - 1;
    const removedOption = applyRowOps(d.version, [{ kind: 'delete', table: 'options', index: last }]).version!;
    const buf = await writeTariffWorkbook(removedOption, { versionId: 1, effective: base.summary.effective, status: 'approved', title: '', exportedAt: '2025-03-10T00:00:00Z' });
    const preview = await ok<ImportPreview>('workbook.previewImport', { fileName: 'edited.xlsx', contentBase64: buf.toString('base64') });
    expect(preview.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(preview.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'added', key: 'M5525N-3Y-C90-SN' }),
        expect.objectContaining({ kind: 'removed', key: d.version.options[last]!.code }),
      ]),
    );
    const notice = await ok<{ markdown: string }>('lifecycle.tariffNotice', { id: d.summary.id, format: 'md' });
    expect(notice.markdown).toContain('M5525N-3Y-C90-SN');
  });

  it('labels enum values in both languages', () => {
    expect(enumLabel('policies', 'kind', 'none')).toEqual({ ja: '解約清算金なし', en: 'No settlement' });
    expect(enumLabel('options', 'billing', 'first-month')?.en).toBe('First month only');
    expect(enumLabel('courses', 'code', 'X')).toBeUndefined();
  });
});
