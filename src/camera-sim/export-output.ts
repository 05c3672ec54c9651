import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { extname } from 'node:path';
import type { ChunkResult } from './chunk-simulator.js';
import { XlsxExport } from './export-xlsx.js';
import { LEDGER_COLUMNS, ledgerDecoder, type LedgerRow } from './ledger-rows.js';
import type { SimulationResult } from './result.js';
import type { ResolvedScenario } from './scenario-loader.js';
import { buildViews, type Views } from './views.js';
import { csvLine } from '../io/csv.js';

/**
 * Writes a run to FILE.xlsx, FILE.json or FILE.csv, streaming the ledger as the simulation hands
 * it over (in contract order), then the tables once the run is done.
 *
 * - .xlsx: export-xlsx.ts.
 * - .json: { ledger?, scenario, program, months, courses, options, baseline, proposal, views, assumptions }.
 * - .csv: the tidy cube, one row per (kind, side, month, course, name, clause): every number of
 *   the run, ready for a pivot table; with a ledger, FILE.ledger.csv beside it.
 */
export type OutputFormat = 'xlsx' | 'json' | 'csv';
export type Assumptions = [string, string | number | boolean][];
export type RunOutput = {
  ledger(chunk: ChunkResult): Promise<void>;
  finish(result: SimulationResult, assumptions: Assumptions): Promise<Views>;
  /** Files written (the ledger CSV besides the main file, for .csv). */
  files: string[];
};

export const formatOf = (path: string): OutputFormat | undefined => {
  const ext = extname(path).toLowerCase().slice(1);
  return ext === 'xlsx' || ext === 'json' || ext === 'csv' ? ext : undefined;
};


/** A file written with back-pressure: waits whenever the stream's buffer is full. */
class Writer {
  private readonly stream: WriteStream;
  constructor(path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
  }
  async write(s: string): Promise<void> {
    if (!this.stream.write(s)) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(resolve);
    });
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

export async function openOutput(path: string, rs: ResolvedScenario, withLedger: boolean, opts: { xlsxMaxRows?: number } = {}): Promise<RunOutput> {
  const format = formatOf(path);
  const decode = ledgerDecoder(rs);
  if (format === 'xlsx') {
    const x = new XlsxExport(path, withLedger, opts.xlsxMaxRows);
    return {
      files: [path],
      ledger: (chunk) => x.addLedgerRows(decode(chunk)),
      async finish(result, assumptions) {
        const views = buildViews(result);
        await x.finish(result, views, assumptions);
        return views;
      },
    };
  }
  if (format === 'json') {
    const w = new Writer(path);
    let first = true;
    if (withLedger) await w.write('{\n"ledger": [\n');
    return {
      files: [path],
      async ledger(chunk) {
        for (const r of decode(chunk)) {
          await w.write(`${first ? '' : ',\n'}${ledgerJson(r)}`);
          first = false;
        }
      },
      async finish(result, assumptions) {
        const views = buildViews(result);
        const body = JSON.stringify({ ...result, views, assumptions: Object.fromEntries(assumptions) }, null, 1);
        await w.write(withLedger ? `\n],\n${body.slice(1)}\n` : `${body}\n`);
        await w.close();
        return views;
      },
    };
  }
  if (format === 'csv') {
    const ledgerPath = path.replace(/\.csv$/i, '.ledger.csv');
    const lw = withLedger ? new Writer(ledgerPath) : undefined;
    if (lw) await lw.write(`\ufeff${csvLine([...LEDGER_COLUMNS])}`);
    return {
      files: withLedger ? [path, ledgerPath] : [path],
      async ledger(chunk) {
        if (!lw) return;
        for (const r of decode(chunk)) await lw.write(ledgerLine(r));
      },
      async finish(result) {
        await lw?.close();
        const w = new Writer(path);
        await w.write(`\ufeff${csvLine([...CUBE_COLUMNS])}`);
        for (const line of cubeLines(result)) await w.write(line);
        await w.close();
        return buildViews(result);
      },
    };
  }
  throw new Error(`unknown output format of ${path}`);
}
