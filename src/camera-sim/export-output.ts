import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { extname } from 'node:path';
import type { ChunkResult } from './chunk-simulator.js';
import { XlsxExport, type ExtraSheet } from './export-xlsx.js';
import { REGISTER_COLUMNS, registerCells, type RegisterRow } from './contract-register.js';
import { EVENT_LOG_COLUMNS, eventLogDecoder, LEDGER_COLUMNS, ledgerDecoder, registerOf, type EventLogRow, type LedgerRow } from './ledger-rows.js';
import type { SimulationResult } from './result.js';
import type { ResolvedScenario } from './scenario-loader.js';
import { StagedFiles } from './staged-files.js';
import { buildViews, type Views } from './views.js';
import { csvLine } from '../io/csv.js';
import { DataLoadError } from '../engine/errors.js';

/**
 * Writes a run to FILE.xlsx, FILE.json or FILE.csv, streaming the ledger as the simulation hands
 * it over (in contract order), then the tables once the run is done.
 *
 * - .xlsx: export-xlsx.ts.
 * - .json: { ledger?, scenario, program, months, courses, options, baseline, proposal, views, assumptions, eventLog?, register? }.
 * - .csv: the tidy cube, one row per (kind, side, month, course, name, clause): every number of
 *   the run, ready for a pivot table; with a ledger, FILE.ledger.csv, FILE.events.csv (the event
 *   log) and FILE.register.csv (the contract register) beside it.
 *
 * Every file is staged (staged-files.ts): written beside its destination under a hidden name and
 * renamed over it by `finish`, so an existing file is replaced whole or not at all; `abort` (a
 * failed or interrupted run) removes what was staged.
 */
export type OutputFormat = 'xlsx' | 'json' | 'csv';
export type Assumptions = [string, string | number | boolean][];
/** What a run adds besides its result: workbook sheets (bands, sensitivity) and the same as JSON fields. */
export type OutputExtra = { sheets?: ExtraSheet[]; json?: Record<string, unknown> };
export type RunOutput = {
  ledger(chunk: ChunkResult): Promise<void>;
  finish(result: SimulationResult, assumptions: Assumptions, extra?: OutputExtra): Promise<Views>;
  /** Files written (the ledger CSV besides the main file, for .csv). */
  files: string[];
  /** Removes every file staged so far; the destinations stay as they were. Synchronous (signal handlers). */
  abort(): void;
};

export const formatOf = (path: string): OutputFormat | undefined => {
  const ext = extname(path).toLowerCase().slice(1);
  return ext === 'xlsx' || ext === 'json' || ext === 'csv' ? ext : undefined;
};

/** A file written with back-pressure: waits whenever the stream's buffer is full; a write error (a full disk) is thrown by the next write or close. */
class Writer {
  private readonly stream: WriteStream;
  private failed?: Error;
  constructor(path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    this.stream.on('error', (e) => {
      this.failed ??= e;
    });
  }
  async write(s: string): Promise<void> {
    if (this.failed) throw this.failed;
    if (!this.stream.write(s)) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    if (this.failed) throw this.failed;
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(resolve);
    });
  }
}

/** Rows as JSON array items in a scratch file, copied into the JSON output at the end. */
class JsonLines {
  private readonly w: Writer;
  private first = true;
  constructor(private readonly path: string) {
    this.w = new Writer(path);
  }
  async add(row: unknown): Promise<void> {
    await this.w.write(`${this.first ? '' : ',\n'}${JSON.stringify(row)}`);
    this.first = false;
  }
  async copyTo(out: Writer): Promise<void> {
    await this.w.close();
    for await (const piece of createReadStream(this.path, { encoding: 'utf8' })) await out.write(piece as string);
  }
}

const ledgerLine = (r: LedgerRow): string => csvLine(LEDGER_COLUMNS.map((c) => r[c]));
const ledgerJson = (r: LedgerRow): string => JSON.stringify(r);

export const CUBE_COLUMNS = ['kind', 'side', 'month', 'course', 'course_name', 'name', 'clause', 'value', 'rows'] as const;

export function cubeLines(r: SimulationResult): string[] {
  const names = new Map(r.courses.map((c) => [c.code, c.name]));
  const lines: string[] = [];
  for (const side of [r.baseline, r.proposal]) {
    for (const a of side.amounts) lines.push(csvLine(['amount', side.label, a.month, a.course, names.get(a.course), a.item, a.clause, a.amount, a.rows]));
    for (const e of side.events) lines.push(csvLine(['event', side.label, e.month, e.course, names.get(e.course), e.event, e.clause, e.count, e.count]));
  }
  return lines;
}

/**
 * The largest fleet whose ledger a workbook takes, in contract-months (fleet.size × horizon.months):
 * its event log and register sheets are built in memory, and 20,000 × 60 (1,200,000) already took
 * 1.1 GB and 7 minutes for a 220 MB workbook. Above it the run is refused before it starts; the
 * CSV (and the JSON) stream a ledger of any size.
 */
export const XLSX_LEDGER_LIMIT = 2_000_000;

export async function openOutput(path: string, rs: ResolvedScenario, withLedger: boolean, opts: { xlsxMaxRows?: number; xlsxLedgerLimit?: number } = {}): Promise<RunOutput> {
  const format = formatOf(path);
  const { size } = rs.scenario.fleet;
  const { months } = rs.scenario.horizon;
  const limit = opts.xlsxLedgerLimit ?? XLSX_LEDGER_LIMIT;
  if (format === 'xlsx' && withLedger && size * months > limit)
    throw new DataLoadError('OUTPUT_TOO_LARGE', [
      {
        file: rs.file,
        pointer: '/fleet/size',
        message: `a workbook with the ledger takes at most ${limit.toLocaleString('en')} contract-months (fleet.size × horizon.months); this scenario has ${size.toLocaleString('en')} × ${months} = ${(size * months).toLocaleString('en')}. Write the ledger as CSV (--out FILE.csv --ledger streams any size), leave out --ledger, or make the fleet smaller`,
        code: 'OUTPUT_TOO_LARGE',
      },
    ]);
  const decode = ledgerDecoder(rs);
  const decodeLog = eventLogDecoder(rs);
  const eventLog: EventLogRow[] = [];
  const register: RegisterRow[] = [];
  const staged = new StagedFiles();
  const abort = (): void => staged.discard();
  if (format === 'xlsx') {
    const x = new XlsxExport(staged.stage(path), withLedger, opts.xlsxMaxRows);
    return {
      files: [path],
      abort,
      async ledger(chunk) {
        await x.addLedgerRows(decode(chunk));
        eventLog.push(...decodeLog(chunk));
        register.push(...registerOf(chunk));
      },
      async finish(result, assumptions, extra) {
        const views = buildViews(result);
        const audit = withLedger ? auditSheets(eventLog, register, opts.xlsxMaxRows ?? 1_048_576) : [];
        await x.finish(result, views, assumptions, [...extraSheets(extra), ...audit]);
        staged.commit();
        return views;
      },
    };
  }
  if (format === 'json') {
    const w = new Writer(staged.stage(path));
    let first = true;
    if (withLedger) await w.write('{\n"ledger": [\n');
    // The event log and the register go to scratch files as the run goes (a large fleet's would not
    // fit in memory) and are copied into the JSON at the end.
    const logFile = withLedger ? new JsonLines(staged.scratch(path, 'events')) : undefined;
    const registerFile = withLedger ? new JsonLines(staged.scratch(path, 'register')) : undefined;
    return {
      files: [path],
      abort,
      async ledger(chunk) {
        for (const r of decode(chunk)) {
          await w.write(`${first ? '' : ',\n'}${ledgerJson(r)}`);
          first = false;
        }
        for (const r of decodeLog(chunk)) await logFile?.add(r);
        for (const r of registerOf(chunk)) await registerFile?.add(r);
      },
      async finish(result, assumptions, extra) {
        const views = buildViews(result);
        const body = JSON.stringify({ ...result, views, assumptions: Object.fromEntries(assumptions), ...(extra?.json ?? {}) }, null, 1);
        if (logFile && registerFile) {
          await w.write(`\n],\n${body.slice(1, body.lastIndexOf('}')).trimEnd()},\n"eventLog": [\n`);
          await logFile.copyTo(w);
          await w.write('\n],\n"register": [\n');
          await registerFile.copyTo(w);
          await w.write('\n]\n}\n');
        } else await w.write(`${body}\n`);
        await w.close();
        staged.commit();
        return views;
      },
    };
  }
  if (format === 'csv') {
    const ledgerPath = path.replace(/\.csv$/i, '.ledger.csv');
    const eventsPath = path.replace(/\.csv$/i, '.events.csv');
    const registerPath = path.replace(/\.csv$/i, '.register.csv');
    // The cube is staged now too: its folder is checked before the run.
    const cubeTemp = staged.stage(path);
    const lw = withLedger ? new Writer(staged.stage(ledgerPath)) : undefined;
    const ew = withLedger ? new Writer(staged.stage(eventsPath)) : undefined;
    const rw = withLedger ? new Writer(staged.stage(registerPath)) : undefined;
    if (lw) await lw.write(`\ufeff${csvLine([...LEDGER_COLUMNS])}`);
    if (ew) await ew.write(`\ufeff${csvLine([...EVENT_LOG_COLUMNS])}`);
    if (rw) await rw.write(`\ufeff${csvLine([...REGISTER_COLUMNS])}`);
    const files = withLedger ? [path, ledgerPath, eventsPath, registerPath] : [path];
    return {
      files,
      abort,
      async ledger(chunk) {
        if (!lw || !ew || !rw) return;
        for (const r of decode(chunk)) await lw.write(ledgerLine(r));
        for (const r of decodeLog(chunk)) await ew.write(csvLine(EVENT_LOG_COLUMNS.map((c) => r[c])));
        for (const r of registerOf(chunk)) await rw.write(csvLine(registerCells(r)));
      },
      async finish(result, _assumptions, extra) {
        await lw?.close();
        await ew?.close();
        await rw?.close();
        for (const x of extraSheets(extra)) {
          const file = path.replace(/\.csv$/i, `.${x.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.csv`);
          const xw = new Writer(staged.stage(file));
          await xw.write(`\ufeff${csvLine(x.columns.map((c) => c.header))}`);
          for (const row of x.rows)
            await xw.write(csvLine(row.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : c !== null && typeof c === 'object' ? c.result : c))));
          await xw.close();
          files.push(file);
        }
        const w = new Writer(cubeTemp);
        await w.write(`\ufeff${csvLine([...CUBE_COLUMNS])}`);
        for (const line of cubeLines(result)) await w.write(line);
        await w.close();
        staged.commit();
        return buildViews(result);
      },
    };
  }
  throw new Error(`unknown output format of ${path}`);
}

/** The event log and the contract register as workbook sheets, split at the row limit. */
function auditSheets(eventLog: EventLogRow[], register: RegisterRow[], maxRows: number): ExtraSheet[] {
  const split = (name: string, columns: ExtraSheet['columns'], rows: (string | number | null)[][]): ExtraSheet[] => {
    const per = maxRows - 1;
    const sheets: ExtraSheet[] = [];
    for (let i = 0, n = 1; i < Math.max(rows.length, 1); i += per, n += 1) sheets.push({ name: `${name} ${n}`, columns, rows: rows.slice(i, i + per) });
    return sheets;
  };
  const text = (header: string, width = 14) => ({ header, width, kind: 'text' as const });
  return [
    ...split(
      'Contracts',
      [
        text('Side', 10),
        { header: 'Contract', width: 10, kind: 'count' },
        text('Start 開始日', 12),
        { header: 'Free months 無料月', width: 10, kind: 'count' },
        text('Courses (code@from)', 60),
        text('Options (code@month..until)', 60),
        text('End 終了日', 12),
        text('Ended by 終了事由', 14),
      ],
      register.map(registerCells),
    ),
    ...split(
      'Event log',
      [
        text('Side', 10),
        { header: 'Contract', width: 10, kind: 'count' },
        text('Month', 9),
        text('Course', 20),
        text('Event', 26),
        text('Clause 条項', 30),
        text('Decision', 18),
        text('Facts (tariff decide)', 90),
      ],
      eventLog.map((r) => EVENT_LOG_COLUMNS.map((c) => r[c])),
    ),
  ];
}

const extraSheets = (extra: OutputExtra | undefined): ExtraSheet[] => extra?.sheets ?? [];
