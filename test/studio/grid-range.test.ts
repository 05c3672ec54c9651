import { describe, expect, it } from 'vitest';
import { loadTariffVersions } from '../../src/io/folder-store.js';
import { clipboardCell, parseClipboardGrid } from '../../src/studio/renderer/tariffs/clipboard.js';
import { blockTsv, fillDownEdits, pasteEdits, rectangularBlock, selectionBlock } from '../../src/studio/renderer/tariffs/grid-range.js';
import { gridRows } from '../../src/studio/renderer/tariffs/grid-view.js';
import { readEdits } from '../../src/studio/renderer/tariffs/normalised-cells.js';
import { courseColumns } from '../../src/tariff-model/tariff-columns.js';
import { TABLES } from '../../src/tariff-model/tariff-tables.js';
import { SEED } from './helpers.js';

/** The grid's blocks: select, copy as Excel does, paste a block from Excel, fill down (tariffs/grid-range.ts). */
const [version] = loadTariffVersions(SEED.tariffsDir);
const rows = gridRows(TABLES.courses.rows(version!));
const col = (key: string) => courseColumns.findIndex((c) => c.key === key);
const FEE = col('monthlyFee');

describe('grid blocks', () => {
  it('a selection is a block whichever way it was drawn; the row numbers alone take whole rows', () => {
    expect(selectionBlock({ anchor: { rowIdx: 4, idx: FEE + 2 }, active: { rowIdx: 2, idx: FEE + 1 } }, courseColumns.length)).toEqual({
      top: 2,
      bottom: 4,
      left: FEE,
      right: FEE + 1,
    });
    expect(selectionBlock({ anchor: { rowIdx: 1, idx: 0 }, active: { rowIdx: 2, idx: 0 } }, courseColumns.length)).toEqual({
      top: 1,
      bottom: 2,
      left: 0,
      right: courseColumns.length - 1,
    });
  });

  it('copies a block as Excel does, and the copy pastes back to the same cells', () => {
    const b = { top: 0, bottom: 2, left: col('code'), right: FEE };
    const tsv = blockTsv('courses', rows, b);
    expect(tsv.split('\r\n')).toHaveLength(4);
    expect(tsv.split('\r\n')[0]).toBe([rows[0]!.code, clipboardCell(String(rows[0]!.name)), rows[0]!.monthlyFee].join('\t'));
    const back = pasteEdits('courses', rows, b, parseClipboardGrid(tsv));
    expect(back.clipped).toBe(0);
    expect(back.edits.map((e) => [e.index, e.field, e.text])).toEqual([0, 1, 2].flatMap((r) => ['code', 'name', 'monthlyFee'].map((f) => [r, f, String(rows[r]![f])])));
  });

  it('pastes one value over a selected block into each of its cells, and counts what falls outside the table', () => {
    const fill = pasteEdits('courses', rows, { top: 0, bottom: 1, left: FEE, right: FEE }, [['1,200']]);
    expect(fill.edits.map((e) => [e.index, e.field, e.text])).toEqual([
      [0, 'monthlyFee', '1,200'],
      [1, 'monthlyFee', '1,200'],
    ]);
    const last = rows.length - 1;
    const over = pasteEdits('courses', rows, { top: last, bottom: last, left: courseColumns.length - 1, right: courseColumns.length - 1 }, [
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(over).toMatchObject({ clipped: 3 });
    expect(over.edits).toHaveLength(1);
  });

  it('refuses a ragged block naming its row, and drops blank cells that only pad a row', () => {
    expect(rectangularBlock(parseClipboardGrid('1500\t1\r\n1600\t2\t3\r\n'))).toEqual({ ragged: { row: 2, cells: 3, expected: 2 } });
    expect(rectangularBlock(parseClipboardGrid('1500\t1\r\n1600\r\n'))).toEqual({ ragged: { row: 2, cells: 1, expected: 2 } });
    expect(rectangularBlock(parseClipboardGrid('1200  \n1300 \t\n'))).toEqual({ block: [['1200  '], ['1300 ']] });
    expect(rectangularBlock(parseClipboardGrid('1\t2\n\n3\t4\n'))).toEqual({
      block: [
        ['1', '2'],
        ['', ''],
        ['3', '4'],
      ],
    });
    // A rectangle with blank cells (Excel's own copy) is pasted as it is: the blanks clear their cells.
    expect(rectangularBlock(parseClipboardGrid('1\t\r\n\t4\r\n'))).toEqual({
      block: [
        ['1', ''],
        ['', '4'],
      ],
    });
  });

  it('fills a block down from its top row; one cell takes the value above it', () => {
    const edits = fillDownEdits('courses', rows, { top: 3, bottom: 5, left: FEE, right: FEE });
    expect(edits.map((e) => [e.index, e.text])).toEqual([
      [4, String(rows[3]!.monthlyFee)],
      [5, String(rows[3]!.monthlyFee)],
    ]);
    expect(fillDownEdits('courses', rows, { top: 3, bottom: 3, left: FEE, right: FEE }).map((e) => [e.index, e.text])).toEqual([[3, String(rows[2]!.monthlyFee)]]);
    expect(fillDownEdits('courses', rows, { top: 0, bottom: 0, left: FEE, right: FEE })).toEqual([]);
  });

  it('says which pasted cells it read in another form, and what they became', () => {
    const at = (text: string, field = 'monthlyFee') => ({ table: 'courses' as const, index: 0, field, text });
    const { edits, read } = readEdits([
      at('1200'),
      at('1,200'),
      at('１２００'),
      at('¥1,200'),
      at('1200 '),
      at('12,000円'),
      at(''),
      at(' M5525N ', 'model'),
      at('m5525n', 'model'),
      at('旧コース', 'series'),
      at('M2035 series', 'series'),
      at('新コース', 'series'),
    ]);
    expect(read.map((r) => [r.edit.text, r.value])).toEqual([
      ['1,200', 1200],
      ['１２００', 1200],
      ['¥1,200', 1200],
      ['1200 ', 1200],
      ['12,000円', 12000],
      [' M5525N ', 'M5525N'],
      ['m5525n', 'M5525N'],
      ['旧コース', 'legacy'],
      ['M2035 series', 'M2035'],
    ]);
    // A label is sent as its code; what matches nothing is sent as typed, to be refused with its message.
    expect(edits.slice(-3).map((e) => e.text)).toEqual(['legacy', 'M2035', '新コース']);
  });
});
