import { tariffVersionErrors } from '../../src/engine/version-errors.js';
import { describe, expect, it } from 'vitest';
import { loadTariffVersions } from '../../src/io/folder-store.js';
import { parseCell } from '../../src/tariff-model/cell-parse.js';
import { TABLE_IDS } from '../../src/tariff-model/table-id.js';
import { courseColumns, optionColumns } from '../../src/tariff-model/tariff-columns.js';
import { describeChange, diffTariff } from '../../src/tariff-model/tariff-diff.js';
import { applyCellEdits } from '../../src/tariff-model/tariff-edits.js';
import { TABLES } from '../../src/tariff-model/tariff-tables.js';
import { versionIssues } from '../../src/tariff-model/version-issues.js';
import { parseClipboardGrid } from '../../src/studio/renderer/tariffs/clipboard.js';
import { gridRows, viewRows } from '../../src/studio/renderer/tariffs/grid-view.js';
import { SEED } from './helpers.js';

const [v] = loadTariffVersions(SEED.tariffsDir);
const version = v!;
const col = (key: string) => courseColumns.find((c) => c.key === key)!;
const idx = (code: string) => version.courses.findIndex((c) => c.code === code);

describe('cells', () => {
  it('a yen cell takes whole yen ≥ 0, however Excel or a person writes it', () => {
    for (const [raw, value] of [
      [15000, 15000],
      ['15000', 15000],
      ['15,000円', 15000],
      ['¥15,000', 15000],
      ['１５０００', 15000],
      [' 0 ', 0],
    ] as const)
      expect(parseCell(col('monthlyFee'), raw)).toEqual({ ok: true, value });
  });
  it('text, a negative, a fraction or a blank in a yen cell is refused with what is expected', () => {
    expect(parseCell(col('monthlyFee'), '無料')).toMatchObject({ ok: false, code: 'CELL_NOT_YEN', expected: { ja: '0 以上の整数（円）' } });
    expect(parseCell(col('monthlyFee'), -1)).toMatchObject({ ok: false, code: 'CELL_NEGATIVE' });
    expect(parseCell(col('monthlyFee'), '12.5')).toMatchObject({ ok: false, code: 'CELL_NOT_WHOLE_YEN' });
    for (const dotted of ['12.000', '1.234.567', '¥12.000'])
      expect(parseCell(col('monthlyFee'), dotted)).toMatchObject({ ok: false, code: 'CELL_NOT_YEN', reason: expect.stringContaining('12,000') });
    expect(parseCell(col('monthlyFee'), '')).toMatchObject({ ok: false, code: 'CELL_REQUIRED' });
    expect(parseCell(col('monthlyFee'), new Date())).toMatchObject({ ok: false, code: 'CELL_TYPE' });
  });
  it('model and SIM take known values only (case and width forgiven)', () => {
    expect(parseCell(col('model'), 'm2035d')).toEqual({ ok: true, value: 'M2035D' });
    expect(parseCell(col('sim'), 'ＳＮ')).toEqual({ ok: true, value: 'SN' });
    expect(parseCell(col('model'), 'M9999X')).toMatchObject({ ok: false, code: 'CELL_NOT_IN_LIST' });
    expect(parseCell(col('model'), '')).toEqual({ ok: true, value: null });
  });
  it('a list cell reads comma-separated values; blank means all', () => {
    const series = optionColumns.find((c) => c.key === 'eligibleSeries')!;
    expect(parseCell(series, 'M5525、M2035')).toEqual({ ok: true, value: ['M5525', 'M2035'] });
    expect(parseCell(series, '')).toEqual({ ok: true, value: null });
    expect(parseCell(series, 'M5525, X')).toMatchObject({ ok: false, code: 'CELL_NOT_IN_LIST' });
  });
  it('text keeps its blanks: names print exactly as 別紙3表1 prints them', () => {
    expect(parseCell(col('name'), 'どこでも“me”REC 短期コース ')).toEqual({ ok: true, value: 'どこでも“me”REC 短期コース ' });
  });
});

describe('tables', () => {
  it('every table of the real tariff flattens to rows and back to the same values, key order included', () => {
    let w = version;
    for (const t of TABLE_IDS) {
      const r = TABLES[t].withRows(w, TABLES[t].rows(w));
      expect(r.problems).toEqual([]);
      w = r.version;
    }
    expect(JSON.stringify(w)).toBe(JSON.stringify(version));
  });
  it('an option price in cells that its kind does not use is refused', () => {
    const r = applyCellEdits(version, [{ table: 'options', index: 0, field: 'term12', text: '500' }]);
    expect(r.version).toBeUndefined();
    expect(r.issues[0]).toMatchObject({ code: 'OPTION_PRICE_STRAY', table: 'options', index: 0, field: 'term12' });
  });
});

describe('edits and diffs', () => {
  it('edits apply cell by cell and the diff lists each changed cell against the base', () => {
    const r = applyCellEdits(version, [
      { table: 'courses', index: idx('M5525N-1M-C7-SN'), field: 'monthlyFee', text: '15,000' },
      { table: 'options', index: 8, field: 'term60', text: '250' },
    ]);
    expect(r.issues).toEqual([]);
    const changes = diffTariff(version, r.version!);
    expect(changes.map(describeChange)).toEqual(['表1 コース M5525N-1M-C7-SN 月額料金（円）: 14080 → 15000', '表3 オプション poe-injector 料金・5年（円）: 300 → 250']);
  });
  it('a duplicate code is refused on the row that was edited', () => {
    const r = applyCellEdits(version, [{ table: 'courses', index: 1, field: 'code', text: 'SHORT' }]);
    expect(r.issues).toEqual([expect.objectContaining({ code: 'DUPLICATE_CODE', index: 1, otherIndex: 0, field: 'code' })]);
  });
  it('a code renamed in place is one changed cell, an extra row is "added", a missing one "removed"', () => {
    const renamed = applyCellEdits(version, [{ table: 'courses', index: 0, field: 'code', text: 'SHORT-X' }]).version!;
    expect(diffTariff(version, renamed)).toEqual([expect.objectContaining({ kind: 'changed', field: 'code', before: 'SHORT', after: 'SHORT-X' })]);
    const fewer = { ...version, options: version.options.slice(1), minimumPeriods: [...version.minimumPeriods, { label: '新コース', text: 'なし' }] };
    expect(diffTariff(version, fewer).map((c) => [c.table, c.kind, c.key])).toEqual([
      ['options', 'removed', 'image-api-100k'],
      ['minimumPeriods', 'added', '新コース'],
    ]);
  });
  it("the engine's cross-table checks come back as issues at a table, row and column", () => {
    const r = applyCellEdits(version, [{ table: 'courses', index: idx('M5525N-6M-C7-SN'), field: 'model', text: 'M2035N' }]);
    expect(versionIssues(tariffVersionErrors(r.version!))).toEqual([
      expect.objectContaining({ code: 'TARIFF_REFERENCE', table: 'courses', index: idx('M5525N-6M-C7-SN'), field: 'model' }),
    ]);
  });
  it('a duplicated course name comes back at its row with the row of the first, never a JSON pointer', () => {
    const name = version.courses[idx('M5525N-1M-C7-SN')]!.name;
    const r = applyCellEdits(version, [{ table: 'courses', index: idx('M5525N-6M-C7-SN'), field: 'name', text: name }]);
    const issues = versionIssues(tariffVersionErrors(r.version!));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'DUPLICATE_NAME', table: 'courses', index: idx('M5525N-6M-C7-SN'), otherIndex: idx('M5525N-1M-C7-SN'), field: 'name', value: name }),
    ]);
    expect(issues[0]!.message).toBe(
      `Courses row ${idx('M5525N-6M-C7-SN') + 1}, Course name: course "${name}" appears twice (also row ${idx('M5525N-1M-C7-SN') + 1}); keep one: delete this row or give it its own name`,
    );
  });
});

describe('grid helpers', () => {
  it('reads a block copied from Excel: tabs, lines, quoted cells with newlines, no phantom last row', () => {
    expect(parseClipboardGrid('1\t2\r\n3\t4\r\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseClipboardGrid('"a\nb"\t"say ""hi"""\nc\t')).toEqual([
      ['a\nb', 'say "hi"'],
      ['c', ''],
    ]);
    expect(parseClipboardGrid('15000')).toEqual([['15000']]);
  });
  it('filters by code or name (NFKC, blanks ignored), series and changed rows, and sorts numbers as numbers', () => {
    const rows = gridRows(TABLES.courses.rows(version));
    expect(viewRows('courses', rows, { text: 'm5525n・単月', series: '', changedOnly: false }, [], []).map((r) => r.code)).toHaveLength(6);
    expect(viewRows('courses', rows, { text: '', series: 'legacy', changedOnly: false }, [], [])).toHaveLength(6);
    const sorted = viewRows('courses', rows, { text: '', series: '', changedOnly: false }, [{ columnKey: 'monthlyFee', direction: 'DESC' }], []);
    expect(sorted[0]!.monthlyFee).toBe(Math.max(...version.courses.map((c) => c.monthlyFee)));
    const change = { table: 'courses' as const, kind: 'changed' as const, key: 'LONG', index: 1, baseIndex: 1, field: 'monthlyFee', before: 1, after: 2 };
    expect(viewRows('courses', rows, { text: '', series: '', changedOnly: true }, [], [change]).map((r) => r.code)).toEqual(['LONG']);
  });
});
