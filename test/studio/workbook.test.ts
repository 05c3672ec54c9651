import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTariffWorkbook } from '../../src/io/tariff-workbook-import.js';
import { writeTariffWorkbook } from '../../src/io/tariff-workbook.js';
import { exportWorkbook } from '../../src/studio/handlers/workbook-handlers.js';
import { StudioError } from '../../src/tariff-model/studio-error.js';
import { describeChange } from '../../src/tariff-model/tariff-diff.js';
import { applyWorkbookImport, readWorkbookForImport } from '../../src/studio/workspace/tariff-import.js';
import { createTariffDraft, getTariffVersion, saveTariffDraft } from '../../src/studio/workspace/tariff-store.js';
import { freshWorkspace, snapshot, TODAY } from './helpers.js';
import { cellOf, editWorkbook, resaveWithLibreOffice } from './workbook-helpers.js';
import { buildZip } from '../security/zip-builder.js';

const ws = freshWorkspace();
const approved = getTariffVersion(ws, 1);
const exported = await exportWorkbook(approved, '2025-03-10T09:00:00.000Z');
const read = (data: Uint8Array, base = approved.version) => readTariffWorkbook(data, 'book.xlsx', () => base);

const refused = async (data: Uint8Array) => {
  const before = snapshot(ws);
  const err = await applyWorkbookImport(ws, data, 'book.xlsx', { effective: '2025-04-01', title: 't', today: TODAY }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(StudioError);
  expect((err as StudioError).code).toBe('IMPORT_INVALID');
  expect(snapshot(ws)).toEqual(before);
  return (err as StudioError).issues.filter((i) => i.severity === 'error');
};

describe('tariff workbook', () => {
  it('has the sheets of 別紙3 and 別紙6 with Japanese headers, yen formats, frozen panes, drop-down lists and an about sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['表1 コース', '表3 オプション', '表1 初期費', '表2 解約清算金', '別紙6 最低利用期間', '附則 既存契約', 'about']);
    const courses = wb.getWorksheet('表1 コース')!;
    expect(courses.getRow(1).getCell(3).text).toBe('月額料金（円）');
    expect(courses.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 });
    expect(courses.getRow(2).getCell(3).numFmt).toBe('#,##0"円"');
    expect(courses.getColumn(2).width).toBeGreaterThan(30);
    expect(cellOf(wb, '表1 コース', 'M5525N-1M-C7-SN', 'SIM').dataValidation).toMatchObject({ type: 'list', formulae: ['"SN,S18"'] });
    expect(cellOf(wb, '表1 コース', 'LONG', '解約清算金').dataValidation.formulae[0]).toBe("'表2 解約清算金'!$A$2:$A$4");
    expect(cellOf(wb, '表1 コース', 'LONG', '月額料金（円）').dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual' });
    const about = wb.getWorksheet('about')!;
    expect([2, 3, 4, 5, 7].map((r) => about.getRow(r).getCell(2).text)).toEqual(['tariff-workbook/1', '1', '2023-09-19', 'approved', '2025-03-10T09:00:00.000Z']);
  });

  it('workspace → xlsx → workspace is identical', async () => {
    const r = await read(exported);
    expect(r.issues).toEqual([]);
    expect(r.version).toEqual(approved.version);
    expect(JSON.stringify(r.version)).toBe(JSON.stringify(approved.version));
  });

  it('a workbook of a draft changed since its export, imported as a new draft: a warning says so, since what changed shows as changes back', async () => {
    const d = createTariffDraft(ws, { from: 1, effective: '2026-04-01', title: 'changed since export' });
    const book = await exportWorkbook(d, '2025-03-10T09:00:00.000Z');
    // A colleague's price saved after the export; the workbook still holds the old one.
    const courses = d.version.courses.map((c) => (c.code === 'LONG' ? { ...c, monthlyFee: 15_500 } : c));
    const saved = saveTariffDraft(ws, { id: d.id, revision: d.revision, version: { ...d.version, courses }, action: 'tariff.draft.edited', before: null, after: null });
    const reading = await readWorkbookForImport(ws, book, 'book.xlsx', TODAY);
    expect(reading.changes.map(describeChange)).toEqual(['表1 コース LONG 月額料金（円）: 15500 → 15000']);
    expect(reading.read.issues).toEqual([
      {
        severity: 'warning',
        code: 'WORKBOOK_BASE_CHANGED',
        sheet: 'about',
        value: `${d.revision} → ${saved.revision}`,
        message: `the workbook was exported from tariff 2026-04-01 (#${d.id}) at revision ${d.revision}; it has changed since (revision ${saved.revision}, draft). A cell changed after the export and not in the workbook shows below as a change back to the workbook's value: check each change, or export the version again and make your edits on it.`,
      },
    ]);
    // Unchanged since its export, the same workbook says nothing.
    expect((await readWorkbookForImport(ws, await exportWorkbook(saved, '2025-03-10T09:00:00.000Z'), 'book.xlsx', TODAY)).read.issues).toEqual([]);
  });

  it('a draft with edits round-trips too', async () => {
    const d = createTariffDraft(ws, { from: 1, effective: '2025-04-01', title: 'rt' });
    // A free option without a note, and a course without a minimum period: blanks and zeros survive.
    const options = d.version.options.map(({ note, ...o }) =>
      o.code === 'event-api' ? { ...o, price: { kind: 'flat' as const, amount: 0 } } : { ...o, ...(note !== undefined ? { note } : {}) },
    );
    const courses = d.version.courses.map((c) => (c.code === 'LONG' ? { ...c, minimumPeriodMonths: null } : c));
    const version = { ...d.version, options, courses };
    const data = await writeTariffWorkbook(version, { versionId: d.id, effective: d.effective, status: 'draft', title: 'rt', exportedAt: '2025-03-10T00:00:00Z' });
    expect((await read(data, version)).version).toEqual(version);
  });

  it('the workbook re-saved by LibreOffice imports with no changes', async () => {
    const resaved = resaveWithLibreOffice(exported);
    expect(resaved.equals(exported)).toBe(false);
    const r = await readWorkbookForImport(ws, resaved, 'book.xlsx', TODAY);
    expect(r.read.issues).toEqual([]);
    expect(r.base?.id).toBe(1);
    expect(r.changes).toEqual([]);
  });

  it('an edit made in LibreOffice comes back as exactly that change', async () => {
    const edited = await editWorkbook(exported, (wb) => {
      cellOf(wb, '表1 コース', 'M2035D-5Y-C30-S18', '月額料金（円）').value = 9990;
    });
    const r = await readWorkbookForImport(ws, resaveWithLibreOffice(edited), 'book.xlsx', TODAY);
    expect(r.changes.map(describeChange)).toEqual([
      `表1 コース M2035D-5Y-C30-S18 月額料金（円）: ${approved.version.courses.find((c) => c.code === 'M2035D-5Y-C30-S18')!.monthlyFee} → 9990`,
    ]);
  });

  it('imports into a new draft: every change listed, the approved version untouched', async () => {
    const edited = await editWorkbook(exported, (wb) => {
      cellOf(wb, '表1 コース', 'LONG', '月額料金（円）').value = 15800;
      cellOf(wb, '表3 オプション', 'video-api', '料金（円）').value = '4,300円';
    });
    const { draft, changes } = await applyWorkbookImport(ws, edited, 'book.xlsx', { effective: '2025-05-01', title: 'May', today: TODAY });
    expect(changes.map(describeChange)).toEqual(['表1 コース LONG 月額料金（円）: 15000 → 15800', '表3 オプション video-api 料金（円）: 4100 → 4300']);
    expect(draft).toMatchObject({ status: 'draft', effective: '2025-05-01', basedOn: 1, title: 'May' });
    expect(getTariffVersion(ws, 1).version).toEqual(approved.version);
  });
});

describe('bad workbooks: a clear error each, nothing applied', () => {
  it('an empty (0-byte) file: a preview with one issue, as any unreadable file, not a thrown error', async () => {
    const empty = new Uint8Array(0);
    expect(await read(empty)).toEqual({
      about: {},
      issues: [
        {
          severity: 'error',
          code: 'WORKBOOK_EMPTY',
          message:
            'book.xlsx is empty (0 bytes): there is nothing to import. Export the version again (or save the workbook in Excel as "Excel Workbook (.xlsx)") and import that file.',
        },
      ],
    });
    expect(await refused(empty)).toEqual([expect.objectContaining({ code: 'WORKBOOK_EMPTY' })]);
  });

  it('a corrupt file', async () => {
    expect(await refused(Buffer.from('PK\x03\x04 definitely not a zip'))).toEqual([
      expect.objectContaining({ code: 'WORKBOOK_UNREADABLE', message: expect.stringContaining('Excel Workbook (.xlsx)') }),
    ]);
  });

  it('a zip archive that is no Excel workbook (an OpenDocument spreadsheet, a Word file renamed .xlsx) is named as such, not as six missing sheets', async () => {
    for (const [entries, named] of [
      [
        [
          { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') },
          { name: 'content.xml', data: Buffer.from('<office:document-content/>') },
        ],
        'an OpenDocument file (.ods)',
      ],
      [
        [
          { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
          { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
        ],
        'a Word document (.docx)',
      ],
      [[{ name: 'notes.txt', data: Buffer.from('hello') }], 'a zip archive'],
    ] as const) {
      expect(await refused(buildZip([...entries])), named).toEqual([
        expect.objectContaining({
          code: 'WORKBOOK_UNREADABLE',
          message: `book.xlsx is not an Excel workbook the studio can read (it is ${named}, with no xl/workbook.xml). Save it as "Excel Workbook (.xlsx)" and import it again.`,
        }),
      ]);
    }
  });

  it('a missing sheet', async () => {
    const data = await editWorkbook(exported, (wb) => wb.removeWorksheet(wb.getWorksheet('表3 オプション')!.id));
    expect(await refused(data)).toEqual([expect.objectContaining({ code: 'WORKBOOK_SHEET_MISSING', sheet: '表3 オプション' })]);
  });

  it('text in a yen cell', async () => {
    const data = await editWorkbook(exported, (wb) => {
      cellOf(wb, '表1 コース', 'SHORT', '月額料金（円）').value = '未定';
    });
    expect(await refused(data)).toEqual([
      expect.objectContaining({
        code: 'CELL_NOT_YEN',
        sheet: '表1 コース',
        row: 2,
        column: 'C',
        header: '月額料金（円）',
        value: '未定',
        expected: 'a whole number of yen, 0 or more',
        expectedJa: '0 以上の整数（円）',
      }),
    ]);
  });

  it('formulas: the value the file holds is read, with one warning a column; a formula without a stored value is refused', async () => {
    const withValues = await editWorkbook(exported, (wb) => {
      cellOf(wb, '表1 コース', 'SHORT', '月額料金（円）').value = { formula: '14000+1000', result: 15000 };
      cellOf(wb, '表1 コース', 'LONG', '月額料金（円）').value = { formula: '14000+2000', result: 16000 };
    });
    const preview = await read(withValues);
    const formulaIssues = preview.issues.filter((i) => i.code === 'WORKBOOK_CELL_FORMULA');
    expect(formulaIssues).toEqual([
      expect.objectContaining({ severity: 'warning', sheet: '表1 コース', row: 2, column: 'C', value: '=14000+1000', message: expect.stringContaining('and 1 more in column C') }),
    ]);
    const noValue = await editWorkbook(exported, (wb) => {
      cellOf(wb, '表1 コース', 'SHORT', '月額料金（円）').value = { formula: 'C3*2' } as ExcelJS.CellFormulaValue;
    });
    expect(await refused(noValue)).toEqual([
      expect.objectContaining({ code: 'WORKBOOK_CELL_FORMULA', sheet: '表1 コース', row: 2, column: 'C', value: '=C3*2', message: expect.stringContaining('paste it as values') }),
    ]);
  });

  it('a text longer than the grid takes', async () => {
    const data = await editWorkbook(exported, (wb) => {
      cellOf(wb, '表1 コース', 'SHORT', 'コース名').value = 'あ'.repeat(50_000);
    });
    expect(await refused(data)).toEqual([expect.objectContaining({ code: 'CELL_TOO_LONG', sheet: '表1 コース', row: 2, message: expect.stringContaining('50,000 characters') })]);
  });

  it('an invisible character in a name (a zero-width space, a no-break space, a right-to-left override) is refused with its code point and place, never shown as a change that looks like none', async () => {
    for (const [name, shown, at] of [
      ['どこでも“me”REC 短期\u200bコース', 'U+200B (zero width space)', 15],
      ['どこでも“me”REC\u00a0短期コース', 'U+00A0 (no-break space)', 12],
      ['どこでも“me”REC 短期コース\u202e', 'U+202E (right-to-left override)', 18],
    ] as const) {
      const data = await editWorkbook(exported, (wb) => {
        cellOf(wb, '表1 コース', 'SHORT', 'コース名').value = name;
      });
      expect(await refused(data), shown).toEqual([
        expect.objectContaining({
          code: 'CELL_INVISIBLE_CHARACTER',
          sheet: '表1 コース',
          row: 2,
          column: 'B',
          message: `表1 コース!B2 (コース名): "${name}" has an invisible character ${shown} at character ${at}; delete it or type a plain space (it would make the text look like another and match nothing); expected some text.`,
        }),
      ]);
    }
  });

  it('a total typed below the table: one error naming the row and what it holds, not a blank in every required column', async () => {
    const data = await editWorkbook(exported, (wb) => {
      const courses = wb.getWorksheet('表1 コース')!;
      courses.getCell(`C${courses.rowCount + 3}`).value = 1234;
    });
    const row = approved.version.courses.length + 4;
    expect(await refused(data)).toEqual([
      expect.objectContaining({
        code: 'WORKBOOK_ROW_WITHOUT_KEY',
        sheet: '表1 コース',
        row,
        column: 'A',
        header: 'コード',
        value: `C${row} 月額料金（円）: 1234`,
        message: `表1 コース row ${row}: no code (A${row} is blank) but it holds C${row} 月額料金（円）: 1234; it would be read as a new row. Delete the row if it is a total or a note below the table, or fill in its コード and the other columns.`,
      }),
    ]);
  });

  it('a duplicate code', async () => {
    const data = await editWorkbook(exported, (wb) => {
      cellOf(wb, '表1 コース', 'LONG', 'コード').value = 'SHORT';
    });
    const errors = await refused(data);
    expect(errors).toEqual([
      expect.objectContaining({ code: 'DUPLICATE_CODE', sheet: '表1 コース', row: 3, column: 'A', value: 'SHORT', message: expect.stringContaining('already used in row 2') }),
    ]);
  });

  it('a negative price', async () => {
    const data = await editWorkbook(exported, (wb) => {
      cellOf(wb, '表3 オプション', 'poe-injector', '料金・1年（円）').value = -800;
    });
    expect(await refused(data)).toEqual([expect.objectContaining({ code: 'CELL_NEGATIVE', sheet: '表3 オプション', row: 10, column: 'I', value: '-800' })]);
  });

  it('every bad cell at once, each with its place', async () => {
    const data = await editWorkbook(exported, (wb) => {
      cellOf(wb, '表1 コース', 'SHORT', '機種').value = 'M9';
      cellOf(wb, '表1 コース', 'LONG', 'SIM').value = 'S99';
      cellOf(wb, '表1 初期費', 'PLUS', '初期費（円）').value = 1.5;
    });
    expect((await refused(data)).map((i) => `${i.sheet}!${i.column}${i.row} ${i.code}`)).toEqual([
      '表1 コース!E2 CELL_NOT_IN_LIST',
      '表1 コース!F3 CELL_NOT_IN_LIST',
      '表1 初期費!B4 CELL_NOT_WHOLE_YEN',
    ]);
  });

  it("the engine's checks, mapped to the cell: a model outside its series", async () => {
    const data = await editWorkbook(exported, (wb) => {
      cellOf(wb, '表1 コース', 'M5525N-1M-C7-SN', '機種').value = 'M2035N';
    });
    expect(await refused(data)).toEqual([expect.objectContaining({ code: 'TARIFF_REFERENCE', sheet: '表1 コース', row: 8, column: 'E', header: '機種' })]);
  });

  it('a course name used twice: the sheet, row and column of the second, the row of the first, and what to do (no JSON pointer)', async () => {
    const first = approved.version.courses.findIndex((c) => c.code === 'M5525N-1M-C7-SN');
    const name = approved.version.courses[first]!.name;
    const data = await editWorkbook(exported, (wb) => {
      cellOf(wb, '表1 コース', 'M5525N-6M-C7-SN', 'コース名').value = name;
    });
    const second = approved.version.courses.findIndex((c) => c.code === 'M5525N-6M-C7-SN');
    const [rowOfFirst, rowOfSecond] = [first + 2, second + 2];
    expect(await refused(data)).toEqual([
      {
        severity: 'error',
        code: 'DUPLICATE_NAME',
        table: 'courses',
        index: second,
        otherIndex: first,
        otherRow: rowOfFirst,
        field: 'name',
        sheet: '表1 コース',
        row: rowOfSecond,
        column: 'B',
        header: 'コース名',
        value: name,
        expected: 'a name no other course has',
        expectedJa: 'ほかのコースと重ならない名前',
        message: `表1 コース!B${rowOfSecond} (コース名): course "${name}" appears twice (also row ${rowOfFirst}); keep one: delete this row or give it its own name`,
      },
    ]);
  });

  it('an unknown column is an error (its values would be lost); an unknown sheet is reported as a warning', async () => {
    const data = await editWorkbook(exported, (wb) => {
      wb.getWorksheet('表1 コース')!.getRow(1).getCell(20).value = '新料金';
      wb.addWorksheet('メモ').getCell('A1').value = 'scratch';
    });
    const r = await readWorkbookForImport(ws, data, 'book.xlsx', TODAY);
    expect(r.read.issues).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'WORKBOOK_SHEET_UNKNOWN', sheet: 'メモ' }),
      expect.objectContaining({ severity: 'error', code: 'WORKBOOK_COLUMN_UNKNOWN', sheet: '表1 コース', row: 1, column: 'T', value: '新料金' }),
    ]);
    await refused(data);
  });

  it('a workbook from a version this workspace does not have', async () => {
    const data = await editWorkbook(exported, (wb) => {
      wb.getWorksheet('about')!.getCell('B3').value = '';
      wb.getWorksheet('about')!.getCell('B4').value = '2020-01-01';
    });
    expect(await refused(data)).toEqual([expect.objectContaining({ code: 'WORKBOOK_BASE_UNKNOWN' })]);
  });

  it("an about sheet's 施行日 rewritten to the new draft's date: the error names the version the id is and its date, and to put it back", async () => {
    const data = await editWorkbook(exported, (wb) => {
      wb.getWorksheet('about')!.getCell('B4').value = new Date(Date.UTC(2031, 0, 1));
    });
    expect(await refused(data)).toEqual([
      expect.objectContaining({
        code: 'WORKBOOK_BASE_UNKNOWN',
        sheet: 'about',
        value: '2031-01-01',
        message:
          "the about sheet names tariff version #1, which takes effect on 2023-09-19 in this workspace, but its 施行日 says 2031-01-01, a date no version has; put back 2023-09-19 (the about sheet names the version exported from: choose the new draft's date when you import) and import again.",
      }),
    ]);
  });

  it('a workbook of another workspace whose version id is taken here by another version is not told to put back that date', async () => {
    const data = await editWorkbook(exported, (wb) => {
      const about = wb.getWorksheet('about')!;
      about.getCell('B4').value = '2031-01-01';
      about.getCell('B9').value = 'sha256:0123456789abcdef0123456789abcdef';
    });
    expect(await refused(data)).toEqual([
      expect.objectContaining({
        code: 'WORKBOOK_BASE_UNKNOWN',
        message:
          'the workbook was exported from tariff version 2031-01-01, which is not in this workspace; export the version you want to change from this workspace and edit that file.',
      }),
    ]);
  });

  it('an about date rewritten as 2023/9/19 still finds its version', async () => {
    const data = await editWorkbook(exported, (wb) => {
      wb.getWorksheet('about')!.getCell('B3').value = '';
      wb.getWorksheet('about')!.getCell('B4').value = '2023/9/19';
    });
    const r = await readWorkbookForImport(ws, data, 'book.xlsx', TODAY);
    expect(r.read.issues).toEqual([]);
    expect(r.base?.id).toBe(1);
  });

  it('an about date rewritten the Japanese way (2023年9月19日, full-width digits too) still finds its version', async () => {
    for (const date of ['2023年9月19日', '２０２３年９月１９日']) {
      const data = await editWorkbook(exported, (wb) => {
        wb.getWorksheet('about')!.getCell('B3').value = '';
        wb.getWorksheet('about')!.getCell('B4').value = date;
      });
      const r = await readWorkbookForImport(ws, data, 'book.xlsx', TODAY);
      expect(r.read.issues, date).toEqual([]);
      expect(r.base?.id, date).toBe(1);
    }
  });
});

describe('merged cells: a table holds one value per cell', () => {
  it('merged price cells are refused with the range and what to do, never read as the top cell’s value for every row', async () => {
    // Excel keeps only the top-left value of a merge: read as it is, SHORT-MOUNT (row 4) would
    // silently take LONG's 15,000 yen.
    const data = await editWorkbook(exported, (wb) => wb.getWorksheet('表1 コース')!.mergeCells('C3:C4'));
    expect(await refused(data)).toEqual([
      expect.objectContaining({
        code: 'WORKBOOK_CELL_MERGED',
        sheet: '表1 コース',
        row: 3,
        column: 'C',
        value: 'C3:C4',
        message: expect.stringMatching(/^表1 コース!C3:C4: merged cells.*Unmerge them/u),
      }),
    ]);
  });

  it('a merged header is named as a merge, not as a column that appears twice and one that is missing', async () => {
    const data = await editWorkbook(exported, (wb) => wb.getWorksheet('表3 オプション')!.mergeCells('B1:C1'));
    expect((await refused(data)).map((i) => `${i.sheet}!${i.value} ${i.code}`)).toEqual(['表3 オプション!B1:C1 WORKBOOK_CELL_MERGED']);
  });
});
