import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { assumptionRows } from '../../src/camera-sim/assumptions.js';
import { openOutput } from '../../src/camera-sim/export-output.js';
import type { RegisterRow } from '../../src/camera-sim/contract-register.js';
import { eventLogDecoder, registerOf, type EventLogRow, type LedgerRow } from '../../src/camera-sim/ledger-rows.js';
import type { SimulationResult } from '../../src/camera-sim/result.js';
import { runSimulation } from '../../src/camera-sim/run-simulation.js';
import { resolveScenario } from '../../src/camera-sim/scenario-loader.js';
import { monthDate } from '../../src/camera-sim/export-xlsx.js';
import { CATEGORIES, EX_TAX, type Views } from '../../src/camera-sim/views.js';
import { DataLoadError } from '../../src/engine/errors.js';
import { projectRegistry, smallScenario } from './support.js';

/**
 * One run written as JSON, CSV and Excel at once; the workbook read back with exceljs and with
 * LibreOffice (headless, every sheet to CSV) equals the JSON. The ledger is split at 2,000 rows a
 * sheet here to test the split (Excel's own limit is 1,048,576).
 */
type JsonOut = SimulationResult & { views: Views; ledger: LedgerRow[]; assumptions: Record<string, unknown> };
const MAX_ROWS = 2_000;
let dir: string;
let json: JsonOut;
let wb: ExcelJS.Workbook;

const cellValue = (c: ExcelJS.Cell): unknown => {
  const v = c.value;
  // exceljs's reader drops a cached formula result of 0 (the file holds <v>0</v>: LibreOffice's read below sees it).
  if (v && typeof v === 'object' && 'formula' in v) return (v as { result?: unknown }).result ?? 0;
  if (v && typeof v === 'object' && 'richText' in v) return c.text;
  return v;
};
const sheetRows = (name: string): unknown[][] => {
  const ws = wb.getWorksheet(name)!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => {
    const r: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (c, i) => {
      r[i - 1] = cellValue(c);
    });
    rows.push(r);
  });
  return rows;
};

/** RFC 4180 CSV (LibreOffice's and ours). */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const t = text.replace(/^\ufeff/, '');
  for (let i = 0; i < t.length; i += 1) {
    const ch = t[i]!;
    if (quoted) {
      if (ch === '"' && t[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && t[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
};
const num = (s: string | undefined): number => (s?.endsWith('%') ? Number(s.slice(0, -1)) / 100 : Number(s));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tariff-sim-'));
  const rs = resolveScenario(smallScenario(250, 18), 'small.json', projectRegistry());
  const outs = await Promise.all(['r.xlsx', 'r.json', 'r.csv'].map((f) => openOutput(join(dir, f), rs, true, { xlsxMaxRows: MAX_ROWS })));
  const result = await runSimulation(rs, {
    workers: 0,
    ledger: true,
    onLedger: async (c) => {
      for (const o of outs) await o.ledger(c);
    },
  });
  const assumptions = assumptionRows(rs.scenario, result, { workers: 0, generatedAt: '2025-04-01T00:00:00Z', node: process.version });
  for (const o of outs) await o.finish(result, assumptions);
  json = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as JsonOut;
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, 'r.xlsx'));
}, 120_000);

describe('JSON export', () => {
  it('holds the result, the views, the assumptions and the ledger', () => {
    expect(json.views.summary.length).toBeGreaterThan(10);
    expect(json.ledger.length).toBeGreaterThan(MAX_ROWS * 2);
    expect(json.assumptions.seed).toBe(json.scenario.seed);
    const fees = json.ledger.filter((l) => l.side === 'baseline' && l.item === 'monthly-fee').reduce((a, l) => a + l.amount, 0);
    expect(fees).toBe(json.views.summary.find((s) => s.key === 'monthlyFees')!.baseline);
  });
});

describe('Excel export read back with exceljs', () => {
  it('has the sheets in order, frozen headers and auto-filters', () => {
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 6)).toEqual(['Summary', 'By month', 'By course', 'By item', 'Events', 'Assumptions']);
    const ledgerSheets = names.filter((n) => n.startsWith('Ledger '));
    expect(ledgerSheets.length).toBe(Math.ceil(json.ledger.length / (MAX_ROWS - 1)));
    for (const ws of wb.worksheets) expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(wb.getWorksheet('By month')!.autoFilter).toBeTruthy();
    expect(wb.getWorksheet('By month')!.getCell('B2').numFmt).toContain('¥');
  });

  it('Summary equals the JSON summary; totals and differences are formulas', () => {
    const rows = sheetRows('Summary').slice(1);
    expect(rows.map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual(json.views.summary.map((s) => [s.key, s.label, s.baseline, s.proposal, s.difference]));
    const ws = wb.getWorksheet('Summary')!;
    expect((ws.getCell('E2').value as { formula: string }).formula).toBe('D2-C2');
    expect((ws.getCell('C2').value as { formula: string }).formula).toContain("'By month'!");
  });

  it('By month equals the JSON, with a totals row', () => {
    const rows = sheetRows('By month');
    const body = rows.slice(1, -1);
    expect(body.length).toBe(json.views.byMonth.length);
    body.forEach((r, i) => {
      const m = json.views.byMonth[i]!;
      // A billing month is a date (its first day), formatted yyyy-mm: Excel sorts and groups it as one.
      expect(r[0]).toEqual(monthDate(m.month));
      EX_TAX.forEach((c, k) => {
        expect(r[1 + k]).toBe(m.baseline[c]);
        expect(r[1 + EX_TAX.length + 3 + k]).toBe(m.proposal[c]);
      });
    });
    const totals = rows.at(-1)!;
    expect(totals[1]).toBe(json.views.summary.find((s) => s.key === CATEGORIES[0])!.baseline);
  });

  it('By course, By item and Events equal the JSON; course names are Japanese', () => {
    const courses = sheetRows('By course').slice(1, -1);
    expect(courses.map((r) => [r[0], r[1], r[2], r[8], r[9], r[15]])).toEqual(
      json.views.byCourse.map((c) => [c.code, c.name, c.baseline.contractMonths, c.baseline.netExTax, c.proposal.contractMonths, c.proposal.netExTax]),
    );
    expect(courses.some((r) => String(r[1]).includes('コース'))).toBe(true);
    const items = sheetRows('By item').slice(1, -1);
    expect(items.map((r) => [r[0], r[2], r[3], r[4], r[5], r[6]])).toEqual(
      json.views.byItem.map((x) => [x.item, x.clause, x.baseline.amount, x.baseline.rows, x.proposal.amount, x.proposal.rows]),
    );
    const events = sheetRows('Events').slice(1);
    expect(events.map((r) => [r[0], r[1] ?? '', r[2], r[3]])).toEqual(json.views.events.map((e) => [e.event, e.clause, e.baseline, e.proposal]));
  });

  it('the ledger sheets, read in order, are the JSON ledger', () => {
    const rows = wb.worksheets.filter((w) => w.name.startsWith('Ledger ')).flatMap((w) => sheetRows(w.name).slice(1));
    expect(rows.length).toBe(json.ledger.length);
    rows.forEach((r, i) => {
      const l = json.ledger[i]!;
      expect([r[0], r[1], r[2], r[3], r[4], r[5], r[6] ?? '', r[7]]).toEqual([l.side, l.contract, l.month, l.course, l.courseName, l.item, l.clause, l.amount]);
    });
  });

  it('Assumptions list the versions, the seed and every scenario input', () => {
    const rows = new Map(
      sheetRows('Assumptions')
        .slice(1)
        .map((r) => [r[0], r[1]]),
    );
    expect(rows.get('seed')).toBe(json.scenario.seed);
    expect(rows.get('baseline rules')).toBe('2023-09-19 (approved)');
    expect(rows.get('proposal tariffs')).toBe('2023-09-19 (draft)');
    expect(rows.get('scenario /fleet/size')).toBe(250);
    expect(String(rows.get('program'))).toMatch(/^tariff-studio /);
    // Dates are dates: the run's time and the fleet's start dates.
    expect(rows.get('generated at')).toBeInstanceOf(Date);
    expect(rows.get('scenario /fleet/startDates/from')).toEqual(new Date('2023-10-01T00:00:00Z'));
    expect(wb.getWorksheet('By month')!.getCell('A2').numFmt).toBe('yyyy-mm');
  });
});

describe('Excel export read back by LibreOffice (headless, to CSV)', () => {
  it('every sheet converts, and the numbers equal the JSON', () => {
    const out = join(dir, 'lo');
    execFileSync('soffice', ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, join(dir, 'r.xlsx')], {
      stdio: 'pipe',
      timeout: 120_000,
    });
    const read = (sheet: string): string[][] => parseCsv(readFileSync(join(out, `r-${sheet}.csv`), 'utf8'));
    const summary = read('Summary')
      .slice(1)
      .filter((r) => r.length > 1);
    expect(summary.map((r) => [r[0], r[1], num(r[2]), num(r[3]), num(r[4])])).toEqual(json.views.summary.map((s) => [s.key, s.label, s.baseline, s.proposal, s.difference]));
    const months = read('By month')
      .slice(1, -1)
      .filter((r) => r.length > 1);
    months.forEach((r, i) => {
      const m = json.views.byMonth[i]!;
      // LibreOffice reads the month as a date (its raw CSV form is MM/DD/YYYY), not as the text 2025-04.
      expect(r[0]).toBe(`${m.month.slice(5, 7)}/01/${m.month.slice(0, 4)}`);
      EX_TAX.forEach((c, k) => expect(num(r[1 + k])).toBe(m.baseline[c]));
    });
    const ledger = readdirSync(out)
      .filter((f) => f.startsWith('r-Ledger '))
      .sort((a, b) => Number(a.match(/(\d+)\.csv$/)![1]) - Number(b.match(/(\d+)\.csv$/)![1]))
      .flatMap((f) =>
        parseCsv(readFileSync(join(out, f), 'utf8'))
          .slice(1)
          .filter((r) => r.length > 1),
      );
    expect(ledger.length).toBe(json.ledger.length);
    ledger.forEach((r, i) => {
      const l = json.ledger[i]!;
      expect([r[0], num(r[1]), r[2], r[3], r[4], r[5], r[6], num(r[7])]).toEqual([l.side, l.contract, l.month, l.course, l.courseName, l.item, l.clause, l.amount]);
    });
  }, 120_000);
});

describe('CSV export', () => {
  it('the cube sums to the JSON summary, and the ledger CSV is the JSON ledger', () => {
    const cube = parseCsv(readFileSync(join(dir, 'r.csv'), 'utf8'));
    expect(cube[0]).toEqual(['kind', 'side', 'month', 'course', 'course_name', 'name', 'clause', 'value', 'rows']);
    const fees = cube.filter((r) => r[0] === 'amount' && r[1] === 'proposal' && r[5] === 'monthly-fee').reduce((a, r) => a + Number(r[7]), 0);
    expect(fees).toBe(json.views.summary.find((s) => s.key === 'monthlyFees')!.proposal);
    const ledger = parseCsv(readFileSync(join(dir, 'r.ledger.csv'), 'utf8')).slice(1);
    expect(ledger.length).toBe(json.ledger.length);
    expect(ledger.map((r) => Number(r[7])).reduce((a, b) => a + b, 0)).toBe(json.ledger.reduce((a, l) => a + l.amount, 0));
  });
});

describe('JSON export of a large fleet', () => {
  it('streams the event log and the register to scratch files beside --out (not memory) and copies them in at the end', async () => {
    const out = mkdtempSync(join(tmpdir(), 'tariff-sim-json-'));
    const rs = resolveScenario(smallScenario(120, 12), 'small.json', projectRegistry());
    const o = await openOutput(join(out, 'r.json'), rs, true);
    const log: EventLogRow[] = [];
    const register: RegisterRow[] = [];
    const result = await runSimulation(rs, {
      workers: 0,
      ledger: true,
      onLedger: async (c) => {
        log.push(...eventLogDecoder(rs)(c));
        register.push(...registerOf(c));
        await o.ledger(c);
      },
    });
    const scratch = readdirSync(out).filter((n) => n.endsWith('.events.partial'));
    expect(scratch).toHaveLength(1);
    expect(readFileSync(join(out, scratch[0]!), 'utf8')).toContain(JSON.stringify(log[0]));
    await o.finish(result, assumptionRows(rs.scenario, result, { workers: 0, generatedAt: '2025-04-01T00:00:00Z', node: process.version }));
    expect(readdirSync(out)).toEqual(['r.json']);
    const j = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8')) as JsonOut & { eventLog: EventLogRow[]; register: RegisterRow[] };
    expect(j.eventLog).toEqual(log);
    expect(j.register).toEqual(register);
    expect(j.views.summary.length).toBeGreaterThan(10);
  });
});

describe('a workbook ledger too large for memory', () => {
  it('is refused before the run, at /fleet/size, naming the limit and the CSV; nothing written', async () => {
    const out = mkdtempSync(join(tmpdir(), 'tariff-sim-big-'));
    const rs = resolveScenario(smallScenario(120, 12), 'big.json', projectRegistry());
    const refused = await openOutput(join(out, 'r.xlsx'), rs, true, { xlsxLedgerLimit: 1_000 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(DataLoadError);
    expect((refused as DataLoadError).errors).toEqual([
      expect.objectContaining({
        file: 'big.json',
        pointer: '/fleet/size',
        code: 'OUTPUT_TOO_LARGE',
        message: expect.stringContaining('at most 1,000 contract-months (fleet.size × horizon.months); this scenario has 120 × 12 = 1,440. Write the ledger as CSV'),
      }),
    ]);
    expect(readdirSync(out)).toEqual([]);
    // Without the ledger, or as CSV, the same fleet is written.
    for (const [file, ledger] of [
      ['r.xlsx', false],
      ['r.csv', true],
    ] as const)
      (await openOutput(join(out, file), rs, ledger, { xlsxLedgerLimit: 1_000 })).abort();
  });
});
