import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { factDomain, sampleFacts } from '../test/camera-sim/rule-fact-domain.js';
import { compileRuleFile, evaluateJre } from '../src/engine/evaluators.js';
import { DECISIONS } from '../src/engine/rule-types.js';
import { loadRegistry } from '../src/io/folder-store.js';
import { HANDWRITTEN } from './handwritten-rules.js';

/**
 * `npm run bench [-- --json]`: every number measured in this run, as ratios against baselines
 * measured in the same run. Never part of the tests.
 * - compiledVsJre: rule evaluations per second, compiled rules ÷ json-rules-engine, same fact sets.
 * - handwrittenVsCompiled: the same rules written by hand ÷ compiled, same fact sets.
 * - fleet*: the example scenario at 100,000 contracts × 60 months, baseline and proposal, all cores.
 * - reprice*: that run's events kept, a price edit re-priced (seconds) and the full run ÷ the re-price.
 * - export*: a 1,000,000-row ledger to .xlsx (and 100,000 rows, to show memory stays flat).
 * - decideStartVsNode: wall time of `tariff decide` on one case file (the built CLI, bin/tariff.mjs)
 *   ÷ wall time of `node -e 0`, medians of runs alternated in this run (target: at most 4).
 */
const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const asJson = process.argv.includes('--json');
const log = (s: string): void => {
  if (!asJson) process.stdout.write(`${s}\n`);
};
const rules = loadRegistry(join(root, 'rules'), join(root, 'tariffs')).ruleVersions[0]!;

const SETS = 2_000;
const timeLoop = (fn: () => number, minMs = 300): { perSec: number; sink: number } => {
  let n = 0;
  let sink = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    sink += fn();
    n += 1;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return { perSec: (n * SETS * 1000) / elapsed, sink };
};

const perDecision: Record<string, { jrePerSec: number; compiledPerSec: number; handwrittenPerSec: number }> = {};
let jreTime = 0;
let compiledTime = 0;
let handTime = 0;
for (const name of DECISIONS) {
  const file = rules.decisions[name];
  const facts = sampleFacts(factDomain(file), SETS, 42);
  const compiled = compileRuleFile(file);
  const hand = HANDWRITTEN[name];
  for (const f of facts) if (compiled(f).join() !== hand(f).join()) throw new Error(`hand-written ${name} disagrees with the compiled rules on ${JSON.stringify(f)}`);
  const t0 = performance.now();
  for (const f of facts) await evaluateJre(file, f);
  const jrePerSec = (SETS * 1000) / (performance.now() - t0);
  const c = timeLoop(() => {
    let s = 0;
    for (let i = 0; i < facts.length; i += 1) s += compiled(facts[i]!).length;
    return s;
  });
  const h = timeLoop(() => {
    let s = 0;
    for (let i = 0; i < facts.length; i += 1) s += hand(facts[i]!).length;
    return s;
  });
  perDecision[name] = { jrePerSec: Math.round(jrePerSec), compiledPerSec: Math.round(c.perSec), handwrittenPerSec: Math.round(h.perSec) };
  // Whole-suite rates: the same number of fact sets of every decision.
  jreTime += 1 / jrePerSec;
  compiledTime += 1 / c.perSec;
  handTime += 1 / h.perSec;
  log(
    `${name.padEnd(20)} jre ${Math.round(jrePerSec).toLocaleString()}/s  compiled ${Math.round(c.perSec).toLocaleString()}/s  hand-written ${Math.round(h.perSec).toLocaleString()}/s`,
  );
}
const compiledVsJre = jreTime / compiledTime;
const handwrittenVsCompiled = compiledTime / handTime;
log(`compiledVsJre ${compiledVsJre.toFixed(1)}  handwrittenVsCompiled ${handwrittenVsCompiled.toFixed(2)}`);

const probe = (script: string, args: string[]): Record<string, number> => {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'bench', script), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number>;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const wall = (args: string[]): number => {
  const t0 = performance.now();
  execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return performance.now() - t0;
};
const decideArgs = [join(root, 'bin', 'tariff.mjs'), 'decide', join(root, 'test', 'cases', 'bessi3-hyo1-monthly-charge.json')];
wall(decideArgs); // builds the bundle if src/ changed, and warms the file cache
const nodeTimes: number[] = [];
const decideTimes: number[] = [];
for (let i = 0; i < 15; i += 1) {
  nodeTimes.push(wall(['-e', '0']));
  decideTimes.push(wall(decideArgs));
}
const decideStartVsNode = median(decideTimes) / median(nodeTimes);
log(`start-up: tariff decide ${median(decideTimes).toFixed(0)} ms, node -e 0 ${median(nodeTimes).toFixed(0)} ms: decideStartVsNode ${decideStartVsNode.toFixed(2)}`);

log('fleet: 100,000 contracts × 60 months, baseline and proposal ...');
const fleet = probe('fleet-probe.ts', ['100000', '60']);
log(`  ${fleet.seconds!.toFixed(1)} s, ${fleet.contractMonths!.toLocaleString()} contract-months, peak RSS ${fleet.peakRssMb!.toFixed(0)} MB`);
log('re-pricing: the same fleet, events kept, a price edit re-priced vs run in full ...');
const rp = probe('reprice-probe.ts', ['100000', '60']);
log(`  re-price ${rp.repriceSeconds!.toFixed(2)} s, full run ${rp.fullRunSeconds!.toFixed(1)} s: ×${rp.repriceVsFullRun!.toFixed(1)}`);
log('export: 100,000 and 1,000,000 ledger rows to .xlsx ...');
const small = probe('export-probe.ts', ['100000']);
const big = probe('export-probe.ts', ['1000000']);
log(`  ${Math.round(big.rowsPerSec!).toLocaleString()} rows/s; peak RSS ${small.peakRssMb!.toFixed(0)} MB (100k) vs ${big.peakRssMb!.toFixed(0)} MB (1M)`);

const report = {
  compiledVsJre: Number(compiledVsJre.toFixed(1)),
  handwrittenVsCompiled: Number(handwrittenVsCompiled.toFixed(2)),
  decideStartVsNode: Number(decideStartVsNode.toFixed(2)),
  fleetContractMonthsPerSec: Math.round(fleet.contractMonths! / fleet.seconds!),
  fleetPeakRssMb: Math.round(fleet.peakRssMb!),
  repriceSeconds100kx60: Number(rp.repriceSeconds!.toFixed(3)),
  repriceVsFullRun: Number(rp.repriceVsFullRun!.toFixed(1)),
  exportRowsPerSec: Math.round(big.rowsPerSec!),
  exportPeakRssMb: Math.round(big.peakRssMb!),
  details: {
    fleet,
    reprice: rp,
    export: { rows100k: small, rows1m: big, rssRatio1mTo100k: Number((big.peakRssMb! / small.peakRssMb!).toFixed(2)) },
    rules: { factSetsPerDecision: SETS, perDecision },
  },
};
if (asJson) process.stdout.write(`${JSON.stringify(report)}\n`);
else log(JSON.stringify(report, null, 2));
