import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { scratch } from './helpers.js';

/** Opens a workbook, lets the test edit it as a person would in Excel, and saves it again. */
export async function editWorkbook(data: Uint8Array, edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The cell of a row (found by its code in column A) under a header. */
export function cellOf(wb: ExcelJS.Workbook, sheet: string, code: string, header: string): ExcelJS.Cell {
  const ws = wb.getWorksheet(sheet)!;
  let col = 0;
  ws.getRow(1).eachCell((c, n) => {
    if (c.text === header) col = n;
  });
  let row = 0;
  ws.eachRow((r, n) => {
    if (r.getCell(1).text === code) row = n;
  });
  if (!col || !row) throw new Error(`no cell ${sheet} ${code} ${header}`);
  return ws.getRow(row).getCell(col);
}

/** Re-saves a workbook with LibreOffice (headless), as a user of LibreOffice Calc would. */
export function resaveWithLibreOffice(data: Uint8Array, name = 'book.xlsx'): Buffer {
  const dir = scratch('lo-');
  const input = join(dir, 'in', name);
  mkdirSync(join(dir, 'in'));
  mkdirSync(join(dir, 'out'));
  writeFileSync(input, data);
  // A private profile, so a user's running LibreOffice or a parallel test never shares the lock.
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'xlsx', '--outdir', join(dir, 'out'), input], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  return readFileSync(join(dir, 'out', basename(input)));
}
