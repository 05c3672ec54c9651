import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChunkResult } from '../src/camera-sim/chunk-simulator.js';
import { XlsxExport } from '../src/camera-sim/export-xlsx.js';
import { ledgerDecoder, type LedgerRow } from '../src/camera-sim/ledger-rows.js';
import { runSimulation } from '../src/camera-sim/run-simulation.js';
import { loadScenario } from '../src/camera-sim/scenario-loader.js';
import { buildViews } from '../src/camera-sim/views.js';
import { loadRegistry } from '../src/io/folder-store.js';

/**
 * Child process of bench/run.ts: writes a ROWS-row ledger to an .xlsx with the streaming writer
 * and prints one JSON line (rows per second, peak RSS, and the largest Buffer memory seen every
 * 10,000 rows: the XML waiting to be zipped, plus garbage not yet collected). The rows are a real
 * simulated ledger (600 contracts × 60 months), repeated with new contract numbers until ROWS.
 */
const rows = Number(process.argv[2] ?? 1_000_000);
const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const rs = loadScenario(join(root, 'scenarios', 'example.json'), loadRegistry(join(root, 'rules'), join(root, 'tariffs')));
rs.scenario.fleet.size = 600;
const chunks: ChunkResult[] = [];
const result = await runSimulation(rs, { workers: 0, ledger: true, onLedger: (c) => void chunks.push(c) });
const decode = ledgerDecoder(rs);
const base: LedgerRow[] = chunks.flatMap((c) => [...decode(c)]);
let peakArrayBuffers = 0;
function* source(): Generator<LedgerRow> {
  for (let n = 0, round = 0; ; round += 1)
    for (const r of base) {
      if (n === rows) return;
      n += 1;
      if (n % 10_000 === 0) peakArrayBuffers = Math.max(peakArrayBuffers, process.memoryUsage().arrayBuffers);
      yield { ...r, contract: r.contract + round * rs.scenario.fleet.size };
    }
}
const dir = mkdtempSync(join(tmpdir(), 'tariff-export-'));
const file = join(dir, 'ledger.xlsx');
const started = performance.now();
const x = new XlsxExport(file, true);
await x.addLedgerRows(source());
await x.finish(result, buildViews(result), [['rows', rows]]);
const seconds = (performance.now() - started) / 1000;
const bytes = statSync(file).size;
rmSync(dir, { recursive: true, force: true });
process.stdout.write(
  `${JSON.stringify({ rows, seconds, rowsPerSec: rows / seconds, sheets: x.ledgerSheetCount, fileMb: bytes / 2 ** 20, peakRssMb: process.resourceUsage().maxRSS / 1024, peakArrayBuffersMb: peakArrayBuffers / 2 ** 20 })}\n`,
);
