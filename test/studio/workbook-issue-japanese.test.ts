import { describe, expect, it } from 'vitest';
import { readTariffWorkbook } from '../../src/io/tariff-workbook-import.js';
import { exportWorkbook } from '../../src/studio/handlers/workbook-handlers.js';
import { issueAdviceJa } from '../../src/studio/renderer/shell/issue-list.js';
import { getTariffVersion } from '../../src/studio/workspace/tariff-store.js';
import type { Issue } from '../../src/tariff-model/issue.js';
import { readWorkbookForImport } from '../../src/studio/workspace/tariff-import.js';
import { freshWorkspace, TODAY } from './helpers.js';
import { cellOf, editWorkbook, resaveWithLibreOffice } from './workbook-helpers.js';

/**
 * A product manager's workbook spoilt in Excel, on the Japanese page: every issue of its shape (a
 * sheet renamed, a header deleted, a value beside the table, a column twice, merged cells, a formula
 * without its value, a row pasted twice) is said in Japanese with what to do, naming the sheet,
 * header or other row it concerns, not only in the studio's English.
 */
const ws = freshWorkspace();
const approved = getTariffVersion(ws, 1);
const exported = await exportWorkbook(approved, '2025-03-10T09:00:00.000Z');
const issuesOf = async (data: Uint8Array): Promise<Issue[]> => (await readTariffWorkbook(data, 'book.xlsx', () => approved.version)).issues;
/** As the studio's import reads it: against the version of this workspace the about sheet names. */
const importIssuesOf = async (data: Uint8Array): Promise<Issue[]> => (await readWorkbookForImport(ws, data, 'book.xlsx', TODAY)).read.issues;
const said = (issues: readonly Issue[]) => issues.map((i) => ({ code: i.code, ja: issueAdviceJa(i) }));

describe('a spoilt workbook said in Japanese', () => {
  it('a renamed sheet: the missing sheet is named with what to do, and the unknown one says it is not read', async () => {
    const data = resaveWithLibreOffice(
      await editWorkbook(exported, (wb) => {
        wb.getWorksheet('表1 コース')!.name = 'コース';
      }),
    );
    expect(said(await issuesOf(data))).toEqual([
      {
        code: 'WORKBOOK_SHEET_UNKNOWN',
        ja: 'シート「コース」はスタジオが読むシートではないため、取り込まれません。料金表のシートの名前を変えた場合は元の名前に戻してください。要らないシートなら削除してください。',
      },
      {
        code: 'WORKBOOK_SHEET_MISSING',
        ja: 'シート「表1 コース」がありません。シートの名前を変えた場合は「表1 コース」に戻し、消した場合は書き出し直してから、もう一度取り込んでください。',
      },
    ]);
  });

  it('a deleted header, a column twice and a column the sheet does not have', async () => {
    const data = await editWorkbook(exported, (wb) => {
      const courses = wb.getWorksheet('表1 コース')!;
      courses.getCell('C1').value = null;
      const options = wb.getWorksheet('表1 初期費')!;
      options.getCell('D1').value = '初期費（円）';
      wb.getWorksheet('表2 解約清算金')!.getCell('G1').value = '備考';
    });
    expect(said(await issuesOf(data))).toEqual([
      { code: 'WORKBOOK_COLUMN_MISSING', ja: '見出し「月額料金（円）」の列がありません。1 行目に見出しを戻す（または書き出し直す）と取り込めます。' },
      { code: 'WORKBOOK_COLUMN_DUPLICATE', ja: '見出し「初期費（円）」の列が 2 つあります。どちらか一方を残してください。' },
      {
        code: 'WORKBOOK_COLUMN_UNKNOWN',
        ja: '見出し「備考」はこのシートの列ではないため、このままではその列の値が失われます。見出しを次のいずれかに直すか、列を削除してください: ID、種類、月数、条項、規定、注記',
      },
    ]);
  });

  it('a value beside the table, merged cells and a formula without its value', async () => {
    const beside = await editWorkbook(exported, (wb) => {
      wb.getWorksheet('表1 コース')!.getCell('P5').value = 9800;
    });
    expect(said(await issuesOf(beside))).toEqual([
      { code: 'WORKBOOK_CELL_OUTSIDE_TABLE', ja: '見出しのない列に「9800」があり、このままでは取り込まれずに失われます。表の中の列に移すか、削除してください。' },
    ]);
    const merged = await editWorkbook(exported, (wb) => {
      wb.getWorksheet('表1 初期費')!.mergeCells('B2:B3');
    });
    expect(said(await issuesOf(merged))).toEqual([
      { code: 'WORKBOOK_CELL_MERGED', ja: 'セル B2:B3 が結合されています。結合を解除し、それぞれのセルに値を入れてから、もう一度取り込んでください。' },
    ]);
    const formula = await editWorkbook(exported, (wb) => {
      cellOf(wb, '表1 コース', 'LONG', '月額料金（円）').value = { formula: 'C2*2' } as never;
    });
    expect(said(await issuesOf(formula))).toEqual([
      {
        code: 'WORKBOOK_CELL_FORMULA',
        ja: '数式（=C2*2）の計算結果がファイルに保存されていません。列をコピーして「値として貼り付け」るか値を入力してから、もう一度取り込んでください。',
      },
    ]);
  });

  it("the about sheet's 施行日 rewritten, or a version this workspace does not have, says which date to put back or what to export", async () => {
    const rewritten = await editWorkbook(exported, (wb) => {
      wb.getWorksheet('about')!.getCell('B4').value = '2031-01-01';
    });
    expect(said(await importIssuesOf(rewritten))).toEqual([
      {
        code: 'WORKBOOK_BASE_UNKNOWN',
        ja: 'about シートの施行日が 2031-01-01 に書き換えられていますが、書き出し元の版の施行日は 2023-09-19 です。施行日を 2023-09-19 に戻してから、もう一度取り込んでください（新しい下書きの施行日は、取り込むときに選べます）。',
      },
    ]);
    const foreign = await editWorkbook(exported, (wb) => {
      wb.getWorksheet('about')!.getCell('B3').value = '';
      wb.getWorksheet('about')!.getCell('B4').value = '2020-01-01';
    });
    expect(said(await importIssuesOf(foreign))).toEqual([
      {
        code: 'WORKBOOK_BASE_UNKNOWN',
        ja: 'このブックの書き出し元の版（施行日 2020-01-01）は、このワークスペースにありません。このワークスペースで変更したい版を書き出し、そのファイルを編集して取り込んでください。',
      },
    ]);
  });

  it('a workbook whose version changed since its export says what that means for the changes listed', () => {
    expect(
      issueAdviceJa({
        severity: 'warning',
        code: 'WORKBOOK_BASE_CHANGED',
        sheet: 'about',
        value: '3 → 5',
        message: 'the workbook was exported from tariff 2027-04-01 (#2) at revision 3; …',
      }),
    ).toBe(
      '書き出した後に、書き出し元の版が変更されています（版数 3 → 5）。その後に変わったセルは、下の変更点に「ブックの値に戻す変更」として表示されます。一つずつ確かめるか、書き出し直したブックで編集し直してください。',
    );
  });

  it('a total typed below the table says the row has no code and what to do', async () => {
    const data = await editWorkbook(exported, (wb) => {
      const courses = wb.getWorksheet('表1 コース')!;
      courses.getCell(`C${courses.rowCount + 3}`).value = 1234;
    });
    const row = approved.version.courses.length + 4;
    expect(said(await issuesOf(data))).toEqual([
      {
        code: 'WORKBOOK_ROW_WITHOUT_KEY',
        ja: `この行にはコードがありませんが、C${row} 月額料金（円）: 1234 が入っています。表の下に書いた合計やメモなら行ごと削除してください。新しい行ならコードとほかの列を入れてください。`,
      },
    ]);
  });

  it('a row pasted twice names the other row it repeats: its code, or its name once the code is changed', async () => {
    const pasted = (code?: string) =>
      editWorkbook(exported, (wb) => {
        const courses = wb.getWorksheet('表1 コース')!;
        const from = courses.getRow(3);
        const to = courses.getRow(courses.rowCount + 1);
        from.eachCell((cell, n) => (to.getCell(n).value = cell.value));
        if (code) to.getCell(1).value = code;
      });
    expect(said((await issuesOf(await pasted())).filter((i) => i.severity === 'error'))).toEqual([
      { code: 'DUPLICATE_CODE', ja: '「LONG」は 3 行目でも使われています。コードはほかの行と重ならない値にしてください（どちらか一方の行を残すか、別のコードにする）。' },
    ]);
    expect(said((await issuesOf(await pasted('LONG-2'))).filter((i) => i.severity === 'error'))).toEqual([
      {
        code: 'DUPLICATE_NAME',
        ja: '「どこでも“me”REC長期コース」は 3 行目でも使われています。コース名はほかの行と重ならない値にしてください（どちらか一方の行を残すか、別のコース名にする）。',
      },
    ]);
  });
});
