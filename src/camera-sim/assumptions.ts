import { createHash } from 'node:crypto';
import { canonicalJson } from '../engine/canonical-json.js';
import type { SimulationResult } from './result.js';
import type { ResolvedScenario } from './scenario-loader.js';
import type { Scenario } from './scenario-types.js';

/**
 * Every input of a run as [key, value] rows: the scenario's values by JSON pointer, the rule and
 * tariff versions of each side with the edits applied, the interpretations the answers relied on,
 * the seed, the workers and the program version. The Assumptions sheet and the JSON show them.
 */
export type RunInfo = { workers: number; generatedAt: string; node: string; replications?: number };

const flatten = (v: unknown, pointer: string, out: [string, string | number | boolean][]): void => {
  if (Array.isArray(v)) v.forEach((x, i) => flatten(x, `${pointer}/${i}`, out));
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) flatten(x, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
  else out.push([pointer, v === null ? 'null' : (v as string | number | boolean)]);
};

/** The sha256 of a version's canonical JSON: names its content exactly, where its date names only which version. */
export const contentSha256 = (v: unknown): string => createHash('sha256').update(canonicalJson(v)).digest('hex');

/** Excel's limit on the text of one cell. */
const CELL_CHARS = 32_767;

/**
 * `rs`, when given, adds what makes a figure defensible months later: each side's rule and tariff
 * content as run (edits applied) by sha256, so a version edited since, under the same date, shows
 * as different; and the whole scenario as one JSON cell, to save as a file and run again.
 */
export function assumptionRows(scenario: Scenario, r: SimulationResult, run: RunInfo, rs?: ResolvedScenario): [string, string | number | boolean][] {
  const rows: [string, string | number | boolean][] = [
    ['program', `${r.program.name} ${r.program.version}`],
    ['node', run.node],
    ['generated at', run.generatedAt],
    ['workers', run.workers],
    ['scenario file', r.scenario.file],
    ['seed', r.scenario.seed],
    ...(run.replications && run.replications > 1 ? [['replications', run.replications] as [string, number]] : []),
  ];
  for (const side of [r.baseline, r.proposal]) {
    rows.push([`${side.label} rules`, `${side.versions.rules} (${side.versions.rulesStatus})`]);
    rows.push([`${side.label} tariffs`, `${side.versions.tariffs} (${side.versions.tariffsStatus})`]);
    side.edits.forEach((e, i) => rows.push([`${side.label} edit ${i + 1}`, e]));
    for (const [k, v] of Object.entries(side.interpretations)) rows.push([`${side.label} interpretation ${k}`, v]);
    const resolved = rs?.sides.find((x) => x.label === side.label);
    if (resolved) {
      rows.push([`${side.label} rules sha256`, contentSha256(resolved.rules)]);
      rows.push([`${side.label} tariffs sha256`, contentSha256(resolved.tariff)]);
    }
  }
  for (const n of rs?.notes ?? []) rows.push([`note ${n.pointer}`, n.message]);
  const whole = JSON.stringify(scenario);
  if (rs)
    rows.push(['scenario JSON', whole.length <= CELL_CHARS ? whole : `(${whole.length.toLocaleString('en-US')} characters, more than a cell holds: see the scenario rows below)`]);
  const flat: [string, string | number | boolean][] = [];
  flatten(scenario, '', flat);
  return [...rows, ...flat.map(([k, v]): [string, string | number | boolean] => [`scenario ${k}`, v])];
}
