import { EventEmitter } from 'node:events';
import ExcelJS from 'exceljs';
import type { LedgerRow } from './ledger-rows.js';
import type { SimulationResult } from './result.js';
import { CATEGORY_LABELS, EX_TAX, netExTax, type Views } from './views.js';

/**
 * The Excel workbook of a run, written with exceljs's streaming writer (rows are flushed as they
 * are committed, so a ledger of millions of rows does not stay in memory): Summary, By month, By
 * course, By item, Events, Assumptions and, when asked, Ledger 1, Ledger 2, ... split at Excel's
 * row limit. Totals and differences are formulas (with their values cached, so a reader that does
 * not recalculate shows the same numbers), so the workbook stays live when finance edits it.
 *
 * Memory: archiver zips one entry at a time, in the order entries were added, and exceljs adds a
 * sheet's entry (a stream) as soon as the sheet is created. The table sheets are created first (so
 * they are the first tabs) but only written at the end, so their entries are held back (see
 * HeldEntry) until they are committed; otherwise the zip sits on the open Summary entry and every
 * ledger row's XML piles up in memory until finish(). And the ledger waits for the zip to catch
 * up (drain()), as committing a row never does.
 */
export const EXCEL_MAX_ROWS = 1_048_576;
export const SHEETS = {
  summary: 'Summary',
  byMonth: 'By month',
  byCourse: 'By course',
  byItem: 'By item',
  events: 'Events',
  assumptions: 'Assumptions',
  ledger: 'Ledger',
} as const;

const YEN = '"¥"#,##0;[Red]-"¥"#,##0';
const COUNT = '#,##0';
/** A 料金月 (billing month), written as a date (its first day) so that Excel sorts, filters and groups it as a date. */
const MONTH = 'yyyy-mm';
const DATE = 'yyyy-mm-dd';
const TIMESTAMP = 'yyyy-mm-dd hh:mm:ss "UTC"';
/** YYYY-MM as the date of its first day (UTC midnight, which exceljs writes as that day's serial). */
export const monthDate = (month: string): Date => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));
/**
 * An assumption's value as a cell: a calendar date or an ISO timestamp (the run's time, a start
 * date of the fleet) becomes a date cell with its format; anything else stays as it is.
 */
const assumptionCell = (v: string | number | boolean): { value: Cell; numFmt?: string } => {
  if (typeof v !== 'string') return { value: v };
  if (/^\d{4}-\d{2}-\d{2}$/u.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))) return { value: new Date(`${v}T00:00:00Z`), numFmt: DATE };
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/u.test(v) && !Number.isNaN(Date.parse(v))) return { value: new Date(v), numFmt: TIMESTAMP };
  return { value: v };
};
/** A count that may be a fraction (a percentile or mean of counts over replications). */
const COUNT_BAND = '#,##0.0';
const PERCENT = '0.0%;[Red]-0.0%';

export type Cell = string | number | boolean | Date | { formula: string; result: number | string } | null;
/** A plain sheet of values added after the run's own sheets (the studio's chart data). */
/**
 * A sheet after Assumptions. `rowKinds[i]`, when given, is what row i's figures count: its yen
 * columns then take that row's format (a count of contracts in a Bands row is not yen).
 */
export type ExtraSheet = { name: string; columns: { header: string; width: number; kind?: 'yen' | 'count' | 'text' }[]; rows: Cell[][]; rowKinds?: ('yen' | 'count')[] };
type Col = { header: string; width: number; numFmt?: string };
/** A column as [header, width, number format]: one line per column. */
type ColSpec = readonly [header: string, width: number, numFmt?: string];
const colsOf = (specs: readonly ColSpec[]): Col[] => specs.map(([header, width, numFmt]) => ({ header, width, ...(numFmt ? { numFmt } : {}) }));
export type ExtraColumn = ExtraSheet['columns'][number];
/** An extra sheet's columns as [header, width, kind] (one line per column). */
export const extraColumns = (specs: readonly (readonly [header: string, width: number, kind?: ExtraColumn['kind']])[]): ExtraColumn[] =>
  specs.map(([header, width, kind]) => ({ header, width, ...(kind ? { kind } : {}) }));

/** Column letter of a 1-based index (1 → A, 27 → AA). */
export const col = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

const f = (formula: string, result: number | string): Cell => ({ formula, result });

type Sheet = ExcelJS.Worksheet;

/** What exceljs writes a sheet's XML with: strings, Buffers and its StringBuf (a reused buffer). */
type XmlChunk = string | Buffer | { toBuffer(): Buffer };
/** Node or readable-stream state, as archiver's streams (readable-stream 2 and 3) keep it. */
type StreamState = { _writableState?: { length: number }; _readableState?: { length: number } };
/** The parts of exceljs's WorkbookWriter (4.4) this file relies on. */
type WriterInternals = {
  _openStream(path: string): unknown;
  zip: EventEmitter & StreamState & { append(data: Buffer, entry: { name: string }): void };
  stream: EventEmitter & { writableLength?: number };
};
/** The ledger sheet's stream: exceljs's StreamBuf, its 64 KB batches, and the streams it writes to. */
type SheetStream = { buffers?: { length: number }[]; pipes?: StreamState[] };

const buffered = (s: StreamState | undefined): number => (s?._writableState?.length ?? 0) + (s?._readableState?.length ?? 0);

/**
 * A sheet's zip entry held in memory and added to the zip only when the sheet is committed; what
 * exceljs's WorksheetWriter uses of its stream (write, end, pause, the 'finish' and 'zipped' events).
 * For the table sheets, which are small and written at the end.
 */
class HeldEntry extends EventEmitter {
  private readonly parts: Buffer[] = [];
  constructor(private readonly add: (data: Buffer) => void) {
    super();
  }
  pause(): void {}
  write(data: XmlChunk): boolean {
    // A copy: exceljs reuses its StringBuf for the next piece of XML.
    this.parts.push(typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(Buffer.isBuffer(data) ? data : data.toBuffer()));
    return true;
  }
  end(): void {
    this.add(Buffer.concat(this.parts));
    this.parts.length = 0;
    this.emit('finish');
    this.emit('zipped');
  }
}

/** Bytes of ledger XML allowed between the rows and the file before addLedgerRows waits. */
const MAX_QUEUED = 4 * 2 ** 20;
const STALL_MS = 60_000;

export class XlsxExport {
  private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheets: Record<Exclude<keyof typeof SHEETS, 'ledger'>, Sheet>;
  private ledgerSheet?: Sheet;
  private ledgerRows = 0;
  private ledgerSheets = 0;
  private written = 0;
  private failed?: Error;
  private readonly failure: Promise<never>;

  /** @param maxRows rows per sheet, header included (Excel's limit; smaller in tests of the split). */
  constructor(
    path: string,
    private readonly withLedger: boolean,
    private readonly maxRows = EXCEL_MAX_ROWS,
  ) {
    this.wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
    this.wb.creator = 'Tariff Studio';
    const w = this.internals;
    // A write error stops the zip: remembered so that drain() and finish() throw it rather than wait.
    this.failure = new Promise<never>((_, reject) => {
      const fail = (e: Error): void => {
        this.failed ??= e;
        reject(e);
      };
      w.stream.on('error', fail);
      w.zip.on('error', fail);
    });
    this.failure.catch(() => undefined);
    const sheet = (name: string): Sheet => this.wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    // Created first so they are the first tabs; written last, once the totals are known, so their
    // zip entries are held until then: the zip must not wait on them while the ledger streams.
    const open = w._openStream.bind(w);
    w._openStream = (path: string) => new HeldEntry((data) => w.zip.append(data, { name: path }));
    try {
      this.sheets = {
        summary: sheet(SHEETS.summary),
        byMonth: sheet(SHEETS.byMonth),
        byCourse: sheet(SHEETS.byCourse),
        byItem: sheet(SHEETS.byItem),
        events: sheet(SHEETS.events),
        assumptions: sheet(SHEETS.assumptions),
      };
    } finally {
      w._openStream = open;
    }
  }

  private get internals(): WriterInternals {
    return this.wb as unknown as WriterInternals;
  }

  private static start(ws: Sheet, cols: Col[]): void {
    ws.columns = cols.map((c) => ({ width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
    const header = ws.addRow(cols.map((c) => c.header));
    header.font = { bold: true };
    header.eachCell((cell: ExcelJS.Cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
      cell.alignment = { vertical: 'middle', wrapText: true };
    });
    header.commit();
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  }

  private static row(ws: Sheet, cols: Col[], values: Cell[], bold = false): void {
    const row = ws.addRow(values);
    values.forEach((_, i) => {
      const fmt = cols[i]?.numFmt;
      if (fmt) row.getCell(i + 1).numFmt = fmt;
    });
    if (bold) row.font = { bold: true };
    row.commit();
  }

  /** Appends ledger rows, opening a new sheet at Excel's row limit; waits now and then for the zip and the file to catch up. */
  async addLedgerRows(rows: Iterable<LedgerRow>): Promise<void> {
    if (!this.withLedger) return;
    const cols = colsOf([
      ['Side', 10],
      ['Contract', 10, '0'],
      ['Month', 9],
      ['Course', 20],
      ['コース Course name', 46],
      ['Item', 16],
      ['Clause 条項', 34],
      ['Amount 金額', 14, YEN],
      ['Decision', 16],
      ['Facts (tariff decide)', 90],
    ]);
    for (const r of rows) {
      if (!this.ledgerSheet || this.ledgerRows === this.maxRows - 1) {
        this.ledgerSheet?.commit();
        this.ledgerSheets += 1;
        this.ledgerSheet = this.wb.addWorksheet(`${SHEETS.ledger} ${this.ledgerSheets}`, { views: [{ state: 'frozen', ySplit: 1 }] });
        XlsxExport.start(this.ledgerSheet, cols);
        this.ledgerRows = 0;
      }
      XlsxExport.row(this.ledgerSheet, cols, [r.side, r.contract, r.month, r.course, r.courseName, r.item, r.clause, r.amount, r.decision, r.facts]);
      this.ledgerRows += 1;
      this.written += 1;
      if (this.written % 2_000 === 0) await this.drain();
    }
  }

  /**
   * Back-pressure: committing a row never waits, and the ledger sheet's stream (exceljs's StreamBuf)
   * hands its 64 KB batches on to archiver without heeding back-pressure (into a readable-stream 2
   * PassThrough, which has no writableLength). So wait here, letting zlib and the file catch up,
   * while more than MAX_QUEUED bytes are between the rows and the file. This is what keeps memory
   * flat however many rows are written; it needs the zip to be on the ledger's entry (HeldEntry).
   */
  private async drain(): Promise<void> {
    const w = this.internals;
    const sheet = (this.ledgerSheet as unknown as { stream?: SheetStream } | undefined)?.stream;
    const queued = (): number =>
      (sheet?.buffers ?? []).reduce((a, b) => a + b.length, 0) + (sheet?.pipes ?? []).reduce((a, p) => a + buffered(p), 0) + buffered(w.zip) + (w.stream.writableLength ?? 0);
    let low = queued();
    let since = Date.now();
    while (!this.failed && low > MAX_QUEUED) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      const q = queued();
      if (q < low) [low, since] = [q, Date.now()];
      // Nothing left the queue in a minute: the zip is not reading the ledger's entry.
      else if (Date.now() - since > STALL_MS) throw new Error(`xlsx export stalled: ${q} bytes of ledger XML are not being zipped`);
    }
    if (this.failed) throw this.failed;
  }

  get ledgerSheetCount(): number {
    return this.ledgerSheets;
  }

  /**
   * Writes the table sheets and closes the workbook. `extra` sheets (the studio's chart data) come
   * after Assumptions; `tariff simulate` writes none.
   */
  async finish(r: SimulationResult, v: Views, assumptions: [string, string | number | boolean][], extra: ExtraSheet[] = []): Promise<void> {
    if (this.failed) throw this.failed;
    this.ledgerSheet?.commit();
    this.writeByMonth(v);
    this.writeSummary(v);
    this.writeByCourse(v);
    this.writeByItem(v);
    this.writeEvents(v);
    const a = this.sheets.assumptions;
    XlsxExport.start(
      a,
      colsOf([
        ['Assumption 前提', 52],
        ['Value 値', 90],
      ]),
    );
    XlsxExport.row(a, [], ['scenario', r.scenario.name]);
    for (const [k, val] of assumptions) {
      const c = assumptionCell(val);
      XlsxExport.row(
        a,
        c.numFmt
          ? [
              { header: '', width: 0 },
              { header: '', width: 0, numFmt: c.numFmt },
            ]
          : [],
        [k, c.value],
      );
    }
    for (const ws of Object.values(this.sheets)) ws.commit();
    for (const x of extra) {
      const ws = this.wb.addWorksheet(x.name, { views: [{ state: 'frozen', ySplit: 1 }] });
      const cols: Col[] = x.columns.map((c) => ({ header: c.header, width: c.width, ...(c.kind === 'yen' ? { numFmt: YEN } : c.kind === 'count' ? { numFmt: COUNT } : {}) }));
      XlsxExport.start(ws, cols);
      const countCols = cols.map((c) => (c.numFmt === YEN ? { ...c, numFmt: COUNT_BAND } : c));
      x.rows.forEach((values, i) => XlsxExport.row(ws, x.rowKinds?.[i] === 'count' ? countCols : cols, values));
      ws.commit();
    }
    await Promise.race([this.wb.commit(), this.failure]);
  }

  /** By month: per side the categories, net (formula), tax, total (formula); differences; a totals row. */
  private writeByMonth(v: Views): void {
    const ws = this.sheets.byMonth;
    const block = (side: string): ColSpec[] => [
      ...EX_TAX.map((c): ColSpec => [`${side} ${CATEGORY_LABELS[c]}`, 16, YEN]),
      [`${side} 税抜収入 Net ex tax`, 17, YEN],
      [`${side} ${CATEGORY_LABELS.tax}`, 16, YEN],
      [`${side} 税込 Total`, 17, YEN],
    ];
    const cols = colsOf([['Month 月', 10, MONTH], ...block('Baseline'), ...block('Proposal'), ['Δ Net ex tax', 16, YEN], ['Δ Total', 16, YEN]]);
    XlsxExport.start(ws, cols);
    const n = EX_TAX.length;
    const bFirst = 2;
    const pFirst = bFirst + n + 3;
    const cells = (m: Views['byMonth'][number]['baseline'], first: number, r: number): Cell[] => {
      const net = netExTax(m);
      return [...EX_TAX.map((c) => m[c]), f(`SUM(${col(first)}${r}:${col(first + n - 1)}${r})`, net), m.tax, f(`${col(first + n)}${r}+${col(first + n + 1)}${r}`, net + m.tax)];
    };
    v.byMonth.forEach((row, i) => {
      const r = i + 2;
      const dNet = netExTax(row.proposal) - netExTax(row.baseline);
      const dTotal = dNet + row.proposal.tax - row.baseline.tax;
      XlsxExport.row(ws, cols, [
        monthDate(row.month),
        ...cells(row.baseline, bFirst, r),
        ...cells(row.proposal, pFirst, r),
        f(`${col(pFirst + n)}${r}-${col(bFirst + n)}${r}`, dNet),
        f(`${col(pFirst + n + 2)}${r}-${col(bFirst + n + 2)}${r}`, dTotal),
      ]);
    });
    const last = v.byMonth.length + 1;
    const totals: Cell[] = ['Total 合計'];
    for (let c = 2; c <= cols.length; c += 1) totals.push(f(`SUM(${col(c)}2:${col(c)}${last})`, this.monthColumnTotal(v, c, bFirst, pFirst)));
    XlsxExport.row(ws, cols, totals, true);
    this.monthTotalRow = last + 1;
    this.monthCols = { bFirst, pFirst };
  }

  private monthTotalRow = 0;
  private monthCols = { bFirst: 2, pFirst: 2 };

  private monthColumnTotal(v: Views, c: number, bFirst: number, pFirst: number): number {
    const n = EX_TAX.length;
    const sideValue = (m: Views['byMonth'][number]['baseline'], k: number): number => (k < n ? m[EX_TAX[k]!] : k === n ? netExTax(m) : k === n + 1 ? m.tax : netExTax(m) + m.tax);
    return v.byMonth.reduce((a, row) => {
      if (c >= bFirst && c < pFirst) return a + sideValue(row.baseline, c - bFirst);
      if (c >= pFirst && c < pFirst + n + 3) return a + sideValue(row.proposal, c - pFirst);
      const dNet = netExTax(row.proposal) - netExTax(row.baseline);
      return a + (c === pFirst + n + 3 ? dNet : dNet + row.proposal.tax - row.baseline.tax);
    }, 0);
  }

  /** Summary: amounts read the By month totals (live), counts are values; difference and change are formulas. */
  private writeSummary(v: Views): void {
    const ws = this.sheets.summary;
    const cols = colsOf([
      ['Metric', 22],
      ['項目 Item', 44],
      ['Baseline', 18],
      ['Proposal', 18],
      ['Difference 差額', 18],
      ['Change 増減率', 12, PERCENT],
    ]);
    XlsxExport.start(ws, cols);
    const mt = `'${SHEETS.byMonth}'!`;
    const { bFirst, pFirst } = this.monthCols;
    const n = EX_TAX.length;
    const rowOf = new Map(v.summary.map((s, i) => [s.key, i + 2]));
    v.summary.forEach((s, i) => {
      const r = i + 2;
      const fmt = s.kind === 'yen' ? YEN : COUNT;
      let b: Cell = s.baseline;
      let p: Cell = s.proposal;
      const k = EX_TAX.indexOf(s.key as (typeof EX_TAX)[number]);
      if (k >= 0) {
        b = f(`${mt}${col(bFirst + k)}${this.monthTotalRow}`, s.baseline);
        p = f(`${mt}${col(pFirst + k)}${this.monthTotalRow}`, s.proposal);
      } else if (s.key === 'netExTax') {
        b = f(`SUM(C${rowOf.get(EX_TAX[0]!)}:C${rowOf.get(EX_TAX[n - 1]!)})`, s.baseline);
        p = f(`SUM(D${rowOf.get(EX_TAX[0]!)}:D${rowOf.get(EX_TAX[n - 1]!)})`, s.proposal);
      } else if (s.key === 'tax') {
        b = f(`${mt}${col(bFirst + n + 1)}${this.monthTotalRow}`, s.baseline);
        p = f(`${mt}${col(pFirst + n + 1)}${this.monthTotalRow}`, s.proposal);
      } else if (s.key === 'totalInclTax') {
        b = f(`C${rowOf.get('netExTax')}+C${rowOf.get('tax')}`, s.baseline);
        p = f(`D${rowOf.get('netExTax')}+D${rowOf.get('tax')}`, s.proposal);
      }
      const change = s.baseline === 0 ? '' : s.difference / s.baseline;
      XlsxExport.row(
        ws,
        [cols[0]!, cols[1]!, { ...cols[2]!, numFmt: fmt }, { ...cols[3]!, numFmt: fmt }, { ...cols[4]!, numFmt: fmt }, cols[5]!],
        [s.key, s.label, b, p, f(`D${r}-C${r}`, s.difference), f(`IF(C${r}=0,"",E${r}/C${r})`, change)],
        s.key === 'netExTax' || s.key === 'totalInclTax',
      );
    });
  }

  private writeByCourse(v: Views): void {
    const ws = this.sheets.byCourse;
    const block = (side: string): ColSpec[] => [
      [`${side} 契約月数 Contract-months`, 14, COUNT],
      [`${side} 料金・オプション Fees & options`, 18, YEN],
      [`${side} 減免 Outage waivers`, 16, YEN],
      [`${side} 延滞利息 Late interest`, 15, YEN],
      [`${side} 解約清算金 Settlements`, 16, YEN],
      [`${side} その他 Other`, 12, YEN],
      [`${side} 税抜収入 Net ex tax`, 18, YEN],
    ];
    const cols = colsOf([['Course code', 20], ['コース Course name', 48], ...block('Baseline'), ...block('Proposal'), ['Δ Net ex tax', 16, YEN]]);
    XlsxExport.start(ws, cols);
    const figs = (x: Views['byCourse'][number]['baseline'], first: number, r: number): Cell[] => [
      x.contractMonths,
      x.feesAndOptions,
      x.outageWaivers,
      x.lateInterest,
      x.settlements,
      x.other,
      f(`SUM(${col(first + 1)}${r}:${col(first + 5)}${r})`, x.netExTax),
    ];
    v.byCourse.forEach((c, i) => {
      const r = i + 2;
      XlsxExport.row(ws, cols, [c.code, c.name, ...figs(c.baseline, 3, r), ...figs(c.proposal, 10, r), f(`P${r}-I${r}`, c.proposal.netExTax - c.baseline.netExTax)]);
    });
    const last = v.byCourse.length + 1;
    const sum = (pick: (x: Views['byCourse'][number]) => number): number => v.byCourse.reduce((a, c) => a + pick(c), 0);
    const keys = ['contractMonths', 'feesAndOptions', 'outageWaivers', 'lateInterest', 'settlements', 'other', 'netExTax'] as const;
    const totals: Cell[] = ['Total 合計', ''];
    keys.forEach((k, j) =>
      totals.push(
        f(
          `SUM(${col(3 + j)}2:${col(3 + j)}${last})`,
          sum((c) => c.baseline[k]),
        ),
      ),
    );
    keys.forEach((k, j) =>
      totals.push(
        f(
          `SUM(${col(10 + j)}2:${col(10 + j)}${last})`,
          sum((c) => c.proposal[k]),
        ),
      ),
    );
    totals.push(
      f(
        `SUM(Q2:Q${last})`,
        sum((c) => c.proposal.netExTax - c.baseline.netExTax),
      ),
    );
    XlsxExport.row(ws, cols, totals, true);
  }

  private writeByItem(v: Views): void {
    const ws = this.sheets.byItem;
    const cols = colsOf([
      ['Item', 16],
      ['名称 Name', 36],
      ['Clause 条項', 40],
      ['Baseline amount', 18, YEN],
      ['Baseline rows', 13, COUNT],
      ['Proposal amount', 18, YEN],
      ['Proposal rows', 13, COUNT],
      ['Δ Amount 差額', 18, YEN],
    ]);
    XlsxExport.start(ws, cols);
    v.byItem.forEach((x, i) => {
      const r = i + 2;
      XlsxExport.row(ws, cols, [
        x.item,
        x.name,
        x.clause,
        x.baseline.amount,
        x.baseline.rows,
        x.proposal.amount,
        x.proposal.rows,
        f(`F${r}-D${r}`, x.proposal.amount - x.baseline.amount),
      ]);
    });
    const last = v.byItem.length + 1;
    const sum = (pick: (x: Views['byItem'][number]) => number): number => v.byItem.reduce((a, x) => a + pick(x), 0);
    XlsxExport.row(
      ws,
      cols,
      [
        'Total 合計',
        '',
        '',
        f(
          `SUM(D2:D${last})`,
          sum((x) => x.baseline.amount),
        ),
        f(
          `SUM(E2:E${last})`,
          sum((x) => x.baseline.rows),
        ),
        f(
          `SUM(F2:F${last})`,
          sum((x) => x.proposal.amount),
        ),
        f(
          `SUM(G2:G${last})`,
          sum((x) => x.proposal.rows),
        ),
        f(
          `SUM(H2:H${last})`,
          sum((x) => x.proposal.amount - x.baseline.amount),
        ),
      ],
      true,
    );
  }

  private writeEvents(v: Views): void {
    const ws = this.sheets.events;
    const cols = colsOf([
      ['Event', 34],
      ['Clause 条項', 40],
      ['Baseline', 14, COUNT],
      ['Proposal', 14, COUNT],
      ['Difference', 14, COUNT],
    ]);
    XlsxExport.start(ws, cols);
    v.events.forEach((e, i) => XlsxExport.row(ws, cols, [e.event, e.clause, e.baseline, e.proposal, f(`D${i + 2}-C${i + 2}`, e.proposal - e.baseline)]));
  }
}
