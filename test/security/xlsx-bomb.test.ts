import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTariffVersions } from '../../src/io/folder-store.js';
import { writeTariffWorkbook } from '../../src/io/tariff-workbook.js';
import { checkXlsxArchive, XLSX_LIMITS } from '../../src/io/xlsx-archive-guard.js';
import type { Envelope } from '../../src/studio/api/contract.js';
import { startStudioServer } from '../../src/studio/server/http-server.js';
import { freshStudio, scratch, SEED, snapshot } from '../studio/helpers.js';
import { runCli } from './helpers.js';
import { buildZip, deflatedZeros } from './zip-builder.js';

/** Attack 1: small workbooks that inflate to far more than they look, or hold millions of rows. */
const CT = { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') };
const honestBomb = () => buildZip([CT, { name: 'xl/worksheets/sheet1.xml', deflated: deflatedZeros(64 * 1024 * 1024) }]);
const lyingBomb = () => buildZip([CT, { name: 'xl/worksheets/sheet1.xml', deflated: deflatedZeros(40 * 1024 * 1024), declaredSize: 1000 }]);
const manyRows = (n: number) =>
  buildZip([
    CT,
    {
      name: 'xl/worksheets/sheet1.xml',
      data: Buffer.from(`<worksheet><sheetData>${Array.from({ length: n }, (_v, i) => `<row r="${i + 1}"><c r="A${i + 1}"/></row>`).join('')}</sheetData></worksheet>`),
    },
  ]);

const preview = async (dispatch: ReturnType<typeof freshStudio>['dispatch'], data: Buffer) =>
  (await dispatch('workbook.previewImport', { fileName: 'bomb.xlsx', contentBase64: data.toString('base64') })) as Envelope<{
    issues: { code: string; message: string }[];
    canApply: boolean;
  }>;

describe('zip bombs and oversized sheets', () => {
  it('a workbook the studio exports passes the guard', async () => {
    const [v] = loadTariffVersions(SEED.tariffsDir);
    const book = await writeTariffWorkbook(v!, { versionId: 1, effective: v!.effective, status: 'approved', title: 't', exportedAt: '2025-01-01T00:00:00Z' });
    expect(checkXlsxArchive(book)).toBeUndefined();
  });

  it('refuses an entry that declares more than the per-entry limit, naming the limit', async () => {
    expect(checkXlsxArchive(honestBomb())).toMatchObject({ code: 'WORKBOOK_TOO_LARGE', entry: 'xl/worksheets/sheet1.xml', message: expect.stringContaining('16 MB per entry') });
  });

  it('refuses an entry that inflates past the size it declares (stops at the declared size)', () => {
    expect(checkXlsxArchive(lyingBomb())).toMatchObject({ code: 'WORKBOOK_TOO_LARGE', message: expect.stringContaining('inflates to more than') });
  });

  it('refuses a sheet over the row limit, naming it', () => {
    expect(checkXlsxArchive(manyRows(XLSX_LIMITS.rowsPerSheet + 1))).toMatchObject({
      code: 'WORKBOOK_TOO_LARGE',
      message: expect.stringContaining(`limit is ${XLSX_LIMITS.rowsPerSheet} rows per sheet`),
    });
    expect(checkXlsxArchive(manyRows(100))).toBeUndefined();
  });

  it('names the sheet as the workbook shows it, whether the workbook part comes before or after the sheet', async () => {
    const parts = [
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook xmlns:r="r"><sheets><sheet name="表1 コース &amp; 料金" sheetId="1" r:id="rId7"/></sheets></workbook>') },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from('<Relationships><Relationship Id="rId7" Type="worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>') },
    ];
    const rows = Array.from({ length: XLSX_LIMITS.rowsPerSheet + 1 }, (_v, i) => `<row r="${i + 1}"/>`).join('');
    const sheet = { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`<worksheet><sheetData>${rows}</sheetData></worksheet>`) };
    for (const zip of [buildZip([CT, ...parts, sheet]), buildZip([CT, sheet, ...parts])])
      expect(checkXlsxArchive(zip)?.message).toBe(
        `sheet "表1 コース & 料金" (xl/worksheets/sheet1.xml) has ${XLSX_LIMITS.rowsPerSheet + 1} rows; the limit is ${XLSX_LIMITS.rowsPerSheet} rows per sheet`,
      );
    // A workbook as exceljs writes it, with a sheet made too long.
    const [v] = loadTariffVersions(SEED.tariffsDir);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await writeTariffWorkbook(v!, { versionId: 1, effective: v!.effective, status: 'approved', title: 't', exportedAt: '2025-01-01T00:00:00Z' })) as unknown as ArrayBuffer,
    );
    const courses = wb.getWorksheet('表1 コース')!;
    for (let i = 0; i < XLSX_LIMITS.rowsPerSheet; i += 1) courses.addRow([`X${i}`]);
    expect(checkXlsxArchive(Buffer.from(await wb.xlsx.writeBuffer()))?.message).toMatch(/^sheet "表1 コース" \(xl\/worksheets\/sheet\d+\.xml\) has \d+ rows/u);
  });

  it('refuses a sheet over the cell limit, naming it', () => {
    const row = Array.from({ length: 100 }, () => '<c/>').join('');
    const xml = `<worksheet><sheetData>${Array.from({ length: 2_001 }, () => `<row>${row}</row>`).join('')}</sheetData></worksheet>`;
    expect(checkXlsxArchive(buildZip([CT, { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(xml) }]))).toMatchObject({
      message: expect.stringContaining(`limit is ${XLSX_LIMITS.cellsPerSheet} cells per sheet`),
    });
  });

  it('the import preview answers an error issue and changes nothing; the server keeps serving', async () => {
    const { ws, dispatch } = freshStudio();
    const before = snapshot(ws);
    for (const bomb of [honestBomb(), lyingBomb()]) {
      const r = await preview(dispatch, bomb);
      expect(r.ok && r.value.canApply).toBe(false);
      expect(r.ok && r.value.issues[0]).toMatchObject({ code: 'WORKBOOK_TOO_LARGE' });
    }
    const server = await startStudioServer({ dispatch });
    try {
      const r = await fetch(`${server.url}api/workbook.previewImport`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ fileName: 'bomb.xlsx', contentBase64: lyingBomb().toString('base64') }),
      });
      expect(r.status).toBe(200);
      expect(JSON.stringify(await r.json())).toContain('WORKBOOK_TOO_LARGE');
      const list = await fetch(`${server.url}api/tariffs.list`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(list.status).toBe(200);
    } finally {
      await server.close();
    }
    expect(snapshot(ws)).toEqual(before);
  });

  it('tariff tariffs import refuses it with exit 2 and the limit', async () => {
    const dir = scratch('bomb-');
    const file = join(dir, 'bomb.xlsx');
    writeFileSync(file, honestBomb());
    const r = await runCli('tariffs', 'import', file, '--workspace', join(dir, 'ws.sqlite'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('16 MB per entry');
    // The last line does not send the user to "the cells above" for a file refused as a whole.
    expect(r.err.trim().split('\n').at(-1)).toBe(
      `1 error in ${file}: nothing was imported. Fix what the error above names (a cell, a column, a sheet or the file) and import again.`,
    );
  });
});
