import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { assumptionRows } from '../camera-sim/assumptions.js';
import { formatOf, openOutput } from '../camera-sim/export-output.js';
import { progressReporter } from '../camera-sim/progress.js';
import { runSimulation } from '../camera-sim/run-simulation.js';
import { loadScenario } from '../camera-sim/scenario-loader.js';
import { summaryText } from '../camera-sim/summary-text.js';
import { loadRegistry } from '../io/folder-store.js';
import type { Command } from './main.js';
import { DEFAULT_RULES, DEFAULT_TARIFFS, UsageError } from './options.js';

/** `tariff simulate`: runs a what-if scenario on a simulated fleet (docs/scenarios.md). */
export const simulate: Command = {
  summary: 'simulate a fleet under a baseline and a proposal (a what-if scenario) and write the comparison',
  usage: [
    'tariff simulate SCENARIO --out FILE.xlsx|FILE.json|FILE.csv [--ledger] [--workers N] [--quiet] [--rules DIR] [--tariffs DIR]',
    '  SCENARIO: a scenario file (docs/scenarios.md; scenarios/example.json is one).',
    '  --out: the workbook (summary, by month, by course, by item and clause, events, assumptions),',
    '         the JSON result, or the CSV cube (one row per side, month, course, item or event, clause).',
    '  --ledger: also write every ledger row (contract, month, item, clause, amount): ledger sheets split',
    '            at Excel’s row limit, a "ledger" array in JSON, FILE.ledger.csv beside the CSV.',
    '  --workers N: worker threads (default: the machine’s cores; 0 runs in this thread). Same result for any N.',
    '  --quiet: no progress and no summary.',
    'Exit 0 when written, 2 when the scenario or an option is unusable (file and JSON pointer are printed).',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        ledger: { type: 'boolean' },
        workers: { type: 'string' },
        quiet: { type: 'boolean' },
        rules: { type: 'string' },
        tariffs: { type: 'string' },
      },
    });
    if (positionals.length !== 1) throw new UsageError('tariff simulate needs exactly one SCENARIO file');
    const out = values.out;
    if (!out) throw new UsageError('--out FILE is required (.xlsx, .json or .csv)');
    if (!formatOf(out)) throw new UsageError(`--out must end in .xlsx, .json or .csv, got "${out}"`);
    const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
    if (!Number.isInteger(workers) || workers < 0) throw new UsageError(`--workers must be a whole number, 0 or more, got "${values.workers}"`);
    const registry = loadRegistry(values.rules ?? DEFAULT_RULES, values.tariffs ?? DEFAULT_TARIFFS);
    const rs = loadScenario(positionals[0]!, registry);
    const ledger = values.ledger === true;
    const output = await openOutput(out, rs, ledger);
    const quiet = values.quiet === true;
    const tty = process.stderr.isTTY === true;
    const progress = progressReporter({ isTTY: tty, write: (s) => process.stderr.write(s), line: (s) => io.err(s) });
    const started = Date.now();
    const result = await runSimulation(rs, {
      workers,
      ledger,
      ...(quiet ? {} : { onProgress: (p) => progress.update(p) }),
      ...(ledger ? { onLedger: (chunk) => output.ledger(chunk) } : {}),
    });
    progress.done();
    const seconds = (Date.now() - started) / 1000;
    const views = await output.finish(result, assumptionRows(rs.scenario, result, { workers, generatedAt: new Date().toISOString(), node: process.version }));
    if (!quiet) io.out(summaryText(result, views, { seconds, workers, files: output.files }));
    return 0;
  },
};
