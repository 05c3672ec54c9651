import type { SimulationResult } from './result.js';
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

export function assumptionRows(scenario: Scenario, r: SimulationResult, run: RunInfo): [string, string | number | boolean][] {
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
  }
  const flat: [string, string | number | boolean][] = [];
  flatten(scenario, '', flat);
  return [...rows, ...flat.map(([k, v]): [string, string | number | boolean] => [`scenario ${k}`, v])];
}
