import { extraColumns, type ExtraSheet } from './export-xlsx.js';
import { runSimulation, type RunOptions } from './run-simulation.js';
import type { ResolvedScenario } from './scenario-loader.js';
import { scenarioSchema } from './scenario-schema.js';
import type { Scenario, SensitivityAssumption } from './scenario-types.js';
import { buildViews } from './views.js';

/**
 * The tornado (docs/scenarios.md § Sensitivity): each assumption moved down and up (by the
 * scenario's values, else by ± `relative`, 20 % by default, of its value; probabilities are kept
 * within 0…1), the scenario run again on the same seed (the same draws, so only the assumption
 * moves the answer), and its effect on the proposal's net-revenue difference (proposal − baseline,
 * ex tax) measured against the unmoved run. Rows are sorted by swing (|up − down| effect),
 * largest first.
 */
export type SensitivityRow = {
  pointer: string;
  label: string;
  base: number[];
  down: number[];
  up: number[];
  /** The net-revenue difference with the assumption down / up, and the effect against the unmoved run. */
  differenceDown: number;
  differenceUp: number;
  effectDown: number;
  effectUp: number;
  swing: number;
};
export type Sensitivity = { baseDifference: number; relative: number; rows: SensitivityRow[] };

/** The label of each default assumption: Japanese, a space, English (the studio shows the half of its language). */
export const SENSITIVITY_LABELS: Readonly<Record<string, string>> = {
  '/cancellation/monthlyHazard': '解約ハザード Cancellation hazard',
  '/outages/monthlyRate': '利用不能の発生率 Outage rate',
  '/outages/cameraUsable': 'カメラ利用可能の率 Camera still usable',
  '/outages/cloudUsable': 'クラウド利用可能の率 Cloud still usable',
  '/payments/lateProbability': '支払遅延率 Late-payment rate',
  '/payments/neverPaysProbability': '未払いのままの率 Never-pays rate',
  '/fleet/optionUptake/*/probability': 'オプション加入率 Option uptake',
  '/courseChanges/monthlyProbability': 'コース変更率 Course-change rate',
  '/suspension/otherGrounds/monthlyProbability': 'その他の利用停止事由の発生率 Other suspension grounds',
  '/suspension/remedyMonthlyProbability': '利用停止事由の解消率 Suspension remedied',
  '/termination/insolvency/monthlyProbability': '支払停止等の発生率 Insolvency rate',
  '/returns/lateProbability': '返還遅延率 Late-return rate',
  '/returns/announcedShare': '返還遅延の事前連絡率 Late returns announced',
  '/equipment/lossMonthlyRate': '設備の滅失率 Equipment loss rate',
  '/equipment/damageMonthlyRate': '設備の毀損率 Equipment damage rate',
  '/equipment/contractorAtFault': '契約者の責による率 Equipment: contractor at fault',
  '/equipment/remedyExcessive': '過分の費用・時間を要する率 Equipment: remedy excessive',
  '/damages/claimProbability': '損害賠償請求率 Damages claim rate',
  '/damages/companyShare': '当社の責に帰すべき割合 Damages: company share',
  '/refunds/paidShare': '減免月の支払済み率 Waived months already paid',
  '/response/cancellation/elasticity': '解約の価格弾力性 Cancellation elasticity',
  '/response/choice/elasticity': 'コース選択の価格弾力性 Choice elasticity',
};
export const DEFAULT_ASSUMPTIONS = Object.keys(SENSITIVITY_LABELS);

const unescape = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** The places a pointer (with `*` for every array item) names in the scenario that hold numbers. */
export function locate(scenario: unknown, pointer: string): { parent: Record<string, unknown>; key: string }[] {
  const parts = pointer.split('/').slice(1).map(unescape);
  let at: { node: unknown; parent?: Record<string, unknown>; key?: string }[] = [{ node: scenario }];
  for (const p of parts) {
    const next: typeof at = [];
    for (const a of at) {
      const n = a.node as Record<string, unknown> | unknown[] | null;
      if (n === null || typeof n !== 'object') continue;
      if (p === '*' && Array.isArray(n)) n.forEach((x, i) => next.push({ node: x, parent: n as unknown as Record<string, unknown>, key: String(i) }));
      else if (p in n) next.push({ node: (n as Record<string, unknown>)[p], parent: n as Record<string, unknown>, key: p });
    }
    at = next;
  }
  return at.filter((a) => typeof a.node === 'number' && a.parent).map((a) => ({ parent: a.parent!, key: a.key! }));
}

type SchemaNode = { properties?: Record<string, SchemaNode>; items?: SchemaNode; anyOf?: SchemaNode[]; oneOf?: SchemaNode[]; type?: unknown; minimum?: number; maximum?: number };

/** Every pointer of the scenario schema (`*` for array items) whose value is a probability (a number within 0…1). */
export function probabilityPointers(node: SchemaNode = scenarioSchema as unknown as SchemaNode, at = ''): string[] {
  if (node.type === 'number' && node.minimum === 0 && node.maximum === 1) return [at];
  return [
    ...Object.entries(node.properties ?? {}).flatMap(([k, n]) => probabilityPointers(n, `${at}/${k}`)),
    ...(node.items ? probabilityPointers(node.items, `${at}/*`) : []),
    ...[...(node.anyOf ?? []), ...(node.oneOf ?? [])].flatMap((n) => probabilityPointers(n, at)),
  ];
}
const PROBABILITIES = new Set(probabilityPointers());
/** Whether a pointer names probabilities (kept within 0…1 when moved); array indices count as `*`. */
const isProbability = (pointer: string): boolean => PROBABILITIES.has(pointer.replace(/\/\d+(?=\/|$)/g, '/*'));

/**
 * The scenario with one assumption moved down (-1) or up (1). A relative move of a probability is
 * kept within 0…1; so is an explicit one, except for sensitivity-check.ts, which passes
 * `clampExplicit: false` to refuse an explicit value outside 0…1 rather than run it clamped.
 */
export const movedScenario = (
  s: Scenario,
  a: SensitivityAssumption,
  relative: number,
  dir: -1 | 1,
  opts: { clampExplicit?: boolean } = {},
): { scenario: Scenario; values: number[]; base: number[] } => {
  const copy = structuredClone(s);
  const places = locate(copy, a.pointer);
  const base = places.map((p) => p.parent[p.key] as number);
  const values = places.map((p, i) => {
    const explicit = dir < 0 ? a.down : a.up;
    let v = explicit ?? base[i]! * (1 + dir * relative);
    if (isProbability(a.pointer) && (explicit === undefined || opts.clampExplicit !== false)) v = Math.min(1, Math.max(0, v));
    p.parent[p.key] = v;
    return v;
  });
  return { scenario: copy, values, base };
};

const netDifference = (r: Awaited<ReturnType<typeof runSimulation>>): number => buildViews(r).summary.find((x) => x.key === 'netExTax')!.difference;

/**
 * The labels of assumptions that are not moved by default but a scenario (or the studio's form)
 * may list with their values: the fleet size, moved to whole numbers of contracts given as `down`
 * and `up` (a relative move of a whole number is refused, sensitivity-check.ts).
 */
export const ASSUMPTION_LABELS: Readonly<Record<string, string>> = {
  ...SENSITIVITY_LABELS,
  '/fleet/size': '契約数 Fleet size',
};

/**
 * The assumptions to move: the scenario's, else every default one the scenario holds; with
 * `defaults: true`, every default one the scenario holds and then the scenario's (a listed pointer
 * replaces the default of the same pointer).
 */
export const assumptionsOf = (s: Scenario): SensitivityAssumption[] => {
  const listed = s.sensitivity?.assumptions;
  if (listed && s.sensitivity?.defaults !== true) return listed;
  const own = new Set((listed ?? []).map((a) => a.pointer));
  return [...DEFAULT_ASSUMPTIONS.filter((p) => !own.has(p) && locate(s, p).length > 0).map((pointer) => ({ pointer })), ...(listed ?? [])];
};

export async function runSensitivity(
  rs: ResolvedScenario,
  opts: Pick<RunOptions, 'workers' | 'signal' | 'chunkSize'> & { onStep?: (done: number, of: number) => void },
  baseDifference?: number,
): Promise<Sensitivity> {
  const s = rs.scenario;
  const relative = s.sensitivity?.relative ?? 0.2;
  const list = assumptionsOf(s);
  const runOpts: RunOptions = { workers: opts.workers, ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.chunkSize ? { chunkSize: opts.chunkSize } : {}) };
  const base = baseDifference ?? netDifference(await runSimulation(rs, runOpts));
  const rows: SensitivityRow[] = [];
  let done = 0;
  for (const a of list) {
    const down = movedScenario(s, a, relative, -1);
    const up = movedScenario(s, a, relative, 1);
    if (!down.base.length) throw new Error(`sensitivity: ${a.pointer} names no number in the scenario`);
    const dDown = netDifference(await runSimulation({ ...rs, scenario: down.scenario }, runOpts));
    const dUp = netDifference(await runSimulation({ ...rs, scenario: up.scenario }, runOpts));
    done += 1;
    opts.onStep?.(done, list.length);
    rows.push({
      pointer: a.pointer,
      label: a.label ?? ASSUMPTION_LABELS[a.pointer] ?? a.pointer,
      base: down.base,
      down: down.values,
      up: up.values,
      differenceDown: dDown,
      differenceUp: dUp,
      effectDown: dDown - base,
      effectUp: dUp - base,
      swing: Math.abs(dUp - dDown),
    });
  }
  rows.sort((x, y) => y.swing - x.swing || (x.pointer < y.pointer ? -1 : 1));
  return { baseDifference: base, relative, rows };
}

/** A moved value: a number (so the sheet can compute with it), or a list when the pointer has `*` and names several. */
const values = (v: number[]): number | string => (v.length === 1 ? Number(v[0]!.toPrecision(6)) : v.map((x) => Number(x.toPrecision(6))).join(', '));

/** The workbook's Sensitivity sheet: one row per assumption, sorted by swing. */
export function sensitivitySheet(t: Sensitivity): ExtraSheet {
  return {
    name: 'Sensitivity',
    columns: extraColumns([
      ['Assumption 前提', 40, 'text'],
      ['Pointer', 34, 'text'],
      ['Value 値', 16, 'text'],
      ['Down 下', 16, 'text'],
      ['Up 上', 16, 'text'],
      ['Difference, down 差額（下）', 18, 'yen'],
      ['Difference, up 差額（上）', 18, 'yen'],
      ['Effect down 影響（下）', 18, 'yen'],
      ['Effect up 影響（上）', 18, 'yen'],
      ['Swing 幅', 16, 'yen'],
    ]),
    rows: [
      ['(unmoved) 基準', '', '', '', '', t.baseDifference, t.baseDifference, 0, 0, 0],
      ...t.rows.map((r, i) => [
        r.label,
        r.pointer,
        values(r.base),
        values(r.down),
        values(r.up),
        r.differenceDown,
        r.differenceUp,
        { formula: `F${i + 3}-F2`, result: r.effectDown },
        { formula: `G${i + 3}-G2`, result: r.effectUp },
        { formula: `ABS(G${i + 3}-F${i + 3})`, result: r.swing },
      ]),
    ],
  };
}
