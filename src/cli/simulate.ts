import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { digitsOf, parseFlags } from './parse-flags.js';
import { assumptionRows } from '../camera-sim/assumptions.js';
import { formatOf, openOutput, type RunOutput } from '../camera-sim/export-output.js';
import { progressReporter } from '../camera-sim/progress.js';
import { outputError } from '../camera-sim/staged-files.js';
import { bandSheets, runReplications } from '../camera-sim/replications.js';
import { checkRunSize, DEFAULT_MAX_CONTRACT_MONTHS, LEDGER_RUNS, runSize, VERIFY_RUNS, type RunRequest } from '../camera-sim/run-size.js';
import { runSensitivity, sensitivitySheet } from '../camera-sim/sensitivity.js';
import { buildViews } from '../camera-sim/views.js';
import { loadScenario, type ResolvedScenario } from '../camera-sim/scenario-loader.js';
import { summaryText } from '../camera-sim/summary-text.js';
import { verifyRun } from '../camera-sim/verify-run.js';
import { loadRegistry } from '../io/folder-store.js';
import type { Command } from './main.js';
import { DEFAULT_RULES, DEFAULT_TARIFFS, UsageError } from './options.js';
import { plural } from '../io/plural.js';

/** Each worker thread holds its own engine (about 40 MB: 16 workers took 0.9 GB), so their number is bounded. */
const MAX_WORKERS = 64;
const workersOf = (value: string | undefined): number => {
  const workers = value === undefined ? availableParallelism() : digitsOf(value);
  if (!Number.isInteger(workers) || workers < 0 || workers > MAX_WORKERS)
    throw new UsageError(
      `--workers must be a whole number from 0 to ${MAX_WORKERS} (each worker holds its own engine; this machine has ${availableParallelism()} cores), got "${value}"`,
    );
  return workers;
};

/** --max-contract-months: a whole number from 1 (default DEFAULT_MAX_CONTRACT_MONTHS, run-size.ts). */
const maxContractMonthsOf = (value: string | undefined): number => {
  const max = value === undefined ? DEFAULT_MAX_CONTRACT_MONTHS : digitsOf(value);
  if (!Number.isSafeInteger(max) || max < 1)
    throw new UsageError(
      `--max-contract-months must be a whole number of contract-months from 1 (default ${DEFAULT_MAX_CONTRACT_MONTHS.toLocaleString('en')}: about 10 minutes), got "${value}"`,
    );
  return max;
};

/** Refuses a run larger than --max-contract-months before anything runs (run-size.ts). */
const checkSize = (rs: ResolvedScenario, request: RunRequest, max: number): void => checkRunSize(rs, runSize(rs, request), max);

/** --verify: the run replayed row by row (verify-run.ts). */
async function verify(
  file: string,
  values: { workers?: string; rules?: string; tariffs?: string; quiet?: boolean; 'max-contract-months'?: string },
  io: Parameters<Command['run']>[1],
): Promise<number> {
  const max = maxContractMonthsOf(values['max-contract-months']);
  const registry = loadRegistry(values.rules ?? DEFAULT_RULES, values.tariffs ?? DEFAULT_TARIFFS);
  const rs = loadScenario(file, registry);
  const workers = workersOf(values.workers);
  checkSize(rs, { replications: 1, replicationsFrom: 'default', sensitivity: false, ledger: true, verify: true }, max);
  const r = await verifyRun(rs, registry, { workers });
  for (const m of r.mismatches) io.out(`MISMATCH ${m.side} contract ${m.contract} ${m.month} ${m.decision} ${m.facts}: expected ${m.expected}, got ${m.got}`);
  if (r.mismatchCount > r.mismatches.length) io.out(`… and ${r.mismatchCount - r.mismatches.length} more`);
  io.out(
    `verified ${plural(r.rows, 'ledger row')} and ${plural(r.events, 'logged event')} by ${plural(r.questions, 'engine decision')}; the paid of ${plural(r.settlementsPaidChecked, 'settlement')} checked against the billed history; ${plural(r.mismatchCount, 'mismatch', 'mismatches')}`,
  );
  return r.mismatchCount === 0 ? 0 : 1;
}

/** Runs the replications (and the tornado), hands the ledger to the output as it comes and writes the answer. */
async function runAndWrite(
  rs: ResolvedScenario,
  output: RunOutput,
  o: { workers: number; ledger: boolean; replications: number; quiet: boolean; sensitivity: boolean },
  io: Parameters<Command['run']>[1],
): Promise<number> {
  const { workers, ledger, replications, quiet } = o;
  const tty = process.stderr.isTTY === true;
  const progress = progressReporter({ isTTY: tty, write: (s) => process.stderr.write(s), line: (s) => io.err(s) });
  const started = Date.now();
  const { result, bands } = await runReplications(rs, replications, {
    workers,
    ledger,
    ...(quiet ? {} : { onProgress: (p) => progress.update(p), onReplication: (done, of) => done < of && io.err(`replication ${done + 1} of ${of} …`) }),
    ...(ledger ? { onLedger: (chunk) => output.ledger(chunk) } : {}),
  });
  progress.done();
  const seconds = (Date.now() - started) / 1000;
  const baseDifference = buildViews(result).summary.find((x) => x.key === 'netExTax')!.difference;
  const tornado = o.sensitivity
    ? await runSensitivity(rs, { workers, ...(quiet ? {} : { onStep: (done, of) => io.err(`sensitivity ${done} of ${of}`) }) }, baseDifference)
    : undefined;
  const extra = {
    sheets: [...(bands ? bandSheets(bands) : []), ...(tornado ? [sensitivitySheet(tornado)] : [])],
    json: { ...(bands ? { bands: { ...bands, values: undefined } } : {}), ...(tornado ? { sensitivity: tornado } : {}) },
  };
  const views = await output.finish(
    result,
    assumptionRows(rs.scenario, result, { workers, generatedAt: new Date().toISOString(), node: process.version, replications }, rs),
    extra,
  );
  if (!quiet) io.out(summaryText(result, views, { seconds, workers, files: output.files, ...(bands ? { bands } : {}), ...(tornado ? { tornado } : {}) }));
  return 0;
}

/** `tariff simulate`: runs a what-if scenario on a simulated fleet (docs/scenarios.md). */
export const simulate: Command = {
  summary: 'simulate a fleet under a baseline and a proposal (a what-if scenario) and write the comparison',
  usage: [
    'tariff simulate SCENARIO --out FILE.xlsx|FILE.json|FILE.csv [--ledger] [--replications N] [--sensitivity | --no-sensitivity] [--workers N] [--quiet] [--max-contract-months N] [--rules DIR] [--tariffs DIR]',
    'tariff simulate SCENARIO --verify [--workers N] [--max-contract-months N] [--rules DIR] [--tariffs DIR]',
    '  SCENARIO: a scenario file (docs/scenarios.md; scenarios/example.json is one).',
    '  --out: the workbook (summary, by month, by course, by item and clause, events, assumptions),',
    '         the JSON result, or the CSV cube (one row per side, month, course, item or event, clause).',
    '  --ledger: also write every ledger row (contract, month, item, clause, amount): ledger sheets split',
    '            at Excel’s row limit, a "ledger" array in JSON, FILE.ledger.csv beside the CSV (with the event log',
    '            and the contract register: FILE.events.csv, FILE.register.csv; docs/scenarios.md § The answer).',
    '  --workers N: worker threads, 0 to 64 (default: the machine’s cores; 0 runs in this thread). Same result for any N.',
    '  --quiet: no progress and no summary.',
    "  --replications N: N runs (1 to 1000) on derived seeds (replication 0 is the scenario's seed; default: the scenario's",
    '            "replications", else 1): p5, p50, p95 and mean of every figure and paired difference (Bands sheet).',
    '  --sensitivity: also the tornado: each assumption (the scenario\'s "sensitivity", else hazards, outage rate,',
    '            late payments, option uptake, elasticities; "defaults": true moves those and the listed ones, such as',
    '            /fleet/size with its down and up sizes) moved down and up, its effect on the net-revenue difference.',
    '            On by default when the scenario has a "sensitivity" section (the studio\'s 感応度 box writes one);',
    '            --no-sensitivity skips it.',
    '  --verify: instead of writing, replay every ledger row and logged event through the engine (the answers of',
    "            tariff decide, on each side's versions with its edits) and list mismatches; exit 1 when there is one.",
    '  --max-contract-months N: the largest run started, in contract-months: fleet.size × horizon.months × runs',
    `            (each replication 1, --sensitivity 2 per assumption, --ledger ${LEDGER_RUNS} more, --verify ${1 + VERIFY_RUNS} in all).`,
    `            Default ${DEFAULT_MAX_CONTRACT_MONTHS.toLocaleString('en')} (about 10 minutes on two cores); a larger run is refused before it starts.`,
    'Exit 0 when written, 2 when the scenario or an option is unusable (file and JSON pointer are printed).',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseFlags({
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
        verify: { type: 'boolean' },
        replications: { type: 'string' },
        sensitivity: { type: 'boolean' },
        'no-sensitivity': { type: 'boolean' },
        'max-contract-months': { type: 'string' },
      },
    });
    if (positionals.length !== 1) throw new UsageError('tariff simulate needs exactly one SCENARIO file');
    if (values.verify) return verify(positionals[0]!, values, io);
    const out = values.out;
    if (!out) throw new UsageError('--out FILE is required (.xlsx, .json or .csv)');
    if (!formatOf(out)) throw new UsageError(`--out must end in .xlsx, .json or .csv, got "${out}"`);
    const workers = workersOf(values.workers);
    const max = maxContractMonthsOf(values['max-contract-months']);
    const registry = loadRegistry(values.rules ?? DEFAULT_RULES, values.tariffs ?? DEFAULT_TARIFFS);
    const rs = loadScenario(positionals[0]!, registry);
    // Printed even with --quiet: the run goes ahead, but reads the scenario in a way to know.
    for (const n of rs.notes ?? []) io.err(`tariff simulate: note ${n.code}\n  ${n.file} ${n.pointer}: ${n.message}`);
    const ledger = values.ledger === true;
    const replications = values.replications === undefined ? (rs.scenario.replications ?? 1) : digitsOf(values.replications);
    if (!Number.isInteger(replications) || replications < 1 || replications > 1000)
      throw new UsageError(`--replications must be a whole number from 1 to 1000, got "${values.replications}"`);
    const replicationsFrom = values.replications !== undefined ? '--replications' : rs.scenario.replications !== undefined ? 'scenario' : 'default';
    if (values.sensitivity === true && values['no-sensitivity'] === true) throw new UsageError('--sensitivity and --no-sensitivity contradict each other; give one');
    // As the replications: the scenario's own section is the default, a flag overrides it.
    const sensitivity = values['no-sensitivity'] === true ? false : values.sensitivity === true || rs.scenario.sensitivity !== undefined;
    const sensitivityFrom = values.sensitivity === true ? '--sensitivity' : 'scenario';
    checkSize(rs, { replications, replicationsFrom, sensitivity, sensitivityFrom, ledger, verify: false }, max);
    if (resolve(out) === resolve(positionals[0]!)) throw new UsageError(`--out ${out} is the scenario file itself; choose another file for the answer`);
    const output = await openOutput(out, rs, ledger);
    // Ctrl-C (or a SIGTERM) stops the run: what was staged is removed, an existing --out stays as it was.
    const interrupted = (signal: NodeJS.Signals): void => {
      output.abort();
      io.err(`tariff simulate: interrupted (${signal}); nothing written, ${out} is as it was`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
    try {
      return await runAndWrite(rs, output, { workers, ledger, replications, quiet: values.quiet === true, sensitivity }, io);
    } catch (e) {
      output.abort();
      const code = (e as NodeJS.ErrnoException).code;
      if (e instanceof Error && typeof code === 'string' && /^E[A-Z]+$/.test(code))
        throw outputError(out, `${e.message}; nothing was written (check the disk space and the folder, then run again)`);
      throw e;
    } finally {
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
    }
  },
};
