import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildNotice, noticeMarkdown, noticeWorkbook } from '../../src/io/change-notice.js';
import { readTariffWorkbook } from '../../src/io/tariff-workbook-import.js';
import { writeTariffWorkbook } from '../../src/io/tariff-workbook.js';
import { enumText } from '../../src/studio/renderer/tariffs/enum-text.js';
import { describeChange, diffTariff } from '../../src/tariff-model/tariff-diff.js';
import { applyCellEdits } from '../../src/tariff-model/tariff-edits.js';
import { applyRowOps } from '../../src/tariff-model/row-ops.js';
import { columnOf, TABLES } from '../../src/tariff-model/tariff-tables.js';
import { allRuleVersions } from '../../src/studio/workspace/rule-store.js';
import { getTariffVersion } from '../../src/studio/workspace/tariff-store.js';
import { freshWorkspace } from './helpers.js';
import { editWorkbook } from './workbook-helpers.js';

/**
 * Grandfathering in the studio's tariff grid (ExistingContracts): the version's policy for
 * contracts started before it, and the clause (附則) that says so, as a table of at most one row:
 * edited in a draft with an enum dropdown labelled in the UI's language, carried through the Excel
 * workbook (an older workbook without the sheet keeps the version's value) and the change notice.
 */
const ws = freshWorkspace();
const approved = getTariffVersion(ws, 1).version;
const about = { versionId: 1, effective: approved.effective, status: 'draft', title: 't', exportedAt: '2025-03-10T09:00:00.000Z' };
const policy = columnOf('existingContracts', 'policy')!;

describe('existing contracts (grandfathering) in the tariff grid', () => {
  it('is a table of at most one row: none by default (new-price), set by inserting one and editing its cells', () => {
    expect(approved.existingContracts).toBeUndefined();
    expect(TABLES.existingContracts.rows(approved)).toEqual([]);
    const inserted = applyRowOps(approved, [{ kind: 'insert', table: 'existingContracts', index: 0, texts: { policy: 'new-price', clause: '附則第2項（案）' } }]);
    expect(inserted.issues).toEqual([]);
    expect(inserted.version!.existingContracts).toEqual({ policy: 'new-price', clause: '附則第2項（案）' });
    const kept = applyCellEdits(inserted.version!, [{ table: 'existingContracts', index: 0, field: 'policy', text: 'keep-price' }]);
    expect(kept.version!.existingContracts).toEqual({ policy: 'keep-price', clause: '附則第2項（案）' });
    // Not a policy of the list; a blank clause; a second row: each refused with its place.
    const bad = applyCellEdits(kept.version!, [{ table: 'existingContracts', index: 0, field: 'policy', text: 'half-price' }]);
    expect(bad.version).toBeUndefined();
    expect(bad.issues[0]).toMatchObject({ table: 'existingContracts', index: 0, field: 'policy' });
    expect(applyCellEdits(kept.version!, [{ table: 'existingContracts', index: 0, field: 'clause', text: '' }]).issues[0]).toMatchObject({ field: 'clause' });
    const two = applyRowOps(kept.version!, [{ kind: 'insert', table: 'existingContracts', index: 1, texts: { policy: 'new-price', clause: '附則第3項' } }]);
    expect(two.version).toBeUndefined();
    expect(two.issues.some((i) => i.code === 'ONE_ROW_ONLY' || i.code === 'DUPLICATE_KEY' || i.severity === 'error')).toBe(true);
    // Deleting the row goes back to the default.
    expect(applyRowOps(kept.version!, [{ kind: 'delete', table: 'existingContracts', index: 0 }]).version!.existingContracts).toBeUndefined();
  });

  it('shows the policy as a label in the current language, from a dropdown of the two values', () => {
    expect(policy.kind).toBe('enum');
    expect(policy.values).toEqual(['new-price', 'keep-price']);
    expect(enumText('existingContracts', policy, 'keep-price', 'ja')).toBe('契約開始日の料金を据え置き');
    expect(enumText('existingContracts', policy, 'keep-price', 'en')).toBe('Keep the prices of their start date');
    expect(enumText('existingContracts', policy, 'new-price', 'ja')).toBe('新しい料金を適用（既定）');
  });

  it('round-trips through the Excel workbook; a workbook without the sheet keeps the version’s value', async () => {
    const kept = { ...approved, existingContracts: { policy: 'keep-price' as const, clause: '附則第2項（案）' } };
    const data = await writeTariffWorkbook(kept, about);
    const back = await readTariffWorkbook(data, 'book.xlsx', () => approved);
    expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(back.version!.existingContracts).toEqual(kept.existingContracts);
    // Edited in Excel: back to new-price.
    const edited = await editWorkbook(data, (wb) => {
      wb.getWorksheet('附則 既存契約')!.getRow(2).getCell(1).value = 'new-price';
    });
    expect((await readTariffWorkbook(edited, 'book.xlsx', () => approved)).version!.existingContracts).toEqual({ policy: 'new-price', clause: '附則第2項（案）' });
    // A workbook exported before the sheet existed: no error, the base version's value stays.
    const older = await editWorkbook(data, (wb) => wb.removeWorksheet(wb.getWorksheet('附則 既存契約')!.id));
    const fromOlder = await readTariffWorkbook(older, 'book.xlsx', () => kept);
    expect(fromOlder.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(fromOlder.version!.existingContracts).toEqual(kept.existingContracts);
    // A bad policy in the sheet is an error at its cell.
    const bad = await editWorkbook(data, (wb) => {
      wb.getWorksheet('附則 既存契約')!.getRow(2).getCell(1).value = 'half-price';
    });
    const refused = await readTariffWorkbook(bad, 'book.xlsx', () => approved);
    expect(refused.version).toBeUndefined();
    expect(refused.issues.find((i) => i.severity === 'error')).toMatchObject({ sheet: '附則 既存契約', table: 'existingContracts', field: 'policy' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    expect(wb.getWorksheet('附則 既存契約')!.getRow(1).getCell(1).text).toBe('既存契約への適用');
  });

  it('is in the change list and the change notice (第2条第2項), with the clause that says so', async () => {
    const kept = { ...approved, existingContracts: { policy: 'keep-price' as const, clause: '附則第2項（案）' } };
    const changes = diffTariff(approved, kept);
    expect(changes.map((c) => c.table)).toEqual(['existingContracts']);
    expect(describeChange(changes[0]!)).toContain('keep-price');
    const rules = allRuleVersions(ws)[0]!.version;
    const notice = buildNotice({ effective: '2026-04-01', before: { rules, tariff: approved }, after: { rules, tariff: kept }, terms: '' });
    expect(notice.existingContracts).toEqual(kept.existingContracts);
    expect(notice.prices.some((p) => p.table === 'existingContracts')).toBe(true);
    const md = noticeMarkdown(notice);
    expect(md).toContain('## 既存の契約への適用');
    expect(md).toContain('2026-04-01 より前に開始した契約には、契約開始日に適用されていた料金を引き続き適用します（附則第2項（案））。');
    const book = await noticeWorkbook(notice);
    expect(book.getWorksheet('概要')!.getColumn(2).values).toContain(
      '2026-04-01 より前に開始した契約には、契約開始日に適用されていた料金を引き続き適用します（附則第2項（案））。',
    );
    // A version that says nothing has no such section.
    expect(noticeMarkdown(buildNotice({ effective: '2026-04-01', before: { rules, tariff: approved }, after: { rules, tariff: approved }, terms: '' }))).not.toContain(
      '既存の契約',
    );
  });
});
