import { createHash } from 'node:crypto';
import { monthIndex, monthLabel } from '../../engine/dates.js';
import { DataLoadError, type DataError } from '../../engine/errors.js';
import { Registry } from '../../engine/registry.js';
import type { RuleVersion } from '../../engine/rule-types.js';
import type { TariffVersion } from '../../engine/tariff-types.js';
import { resolveScenario, type ResolvedScenario } from '../../camera-sim/scenario-loader.js';
import type { Scenario, SideSpec } from '../../camera-sim/scenario-types.js';
import type { EditLine, ScenarioForm, ScenarioSideRef, SideEditLines } from '../api/contract.js';
import { editLines } from './edit-lines.js';
import type { Issue } from '../../tariff-model/issue.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import { allRuleVersions } from '../workspace/rule-store.js';
import { allTariffVersions } from '../workspace/tariff-store.js';
import type { Workspace } from '../workspace/workspace.js';

/**
 * A scenario form (workspace versions by id) made into the simulator's scenario (versions by
 * effective date) and resolved by the simulator's own loader, each side against a registry of
 * what its user picked: a draft can be compared with the approved version of the same date.
 * Every problem comes back as one StudioError SCENARIO_INVALID, each issue with its field as a
 * JSON pointer into the form (the same pointers as a scenario file's).
 */
const sideLabel = (k: 0 | 1): 'baseline' | 'proposal' => (k === 0 ? 'baseline' : 'proposal');

export const formFile = (name: string): string => `studio scenario "${name}"`;

/** Pointers of the scenario file that name a side's versions, as the form's fields. */
const formPointer = (pointer: string): string => pointer.replace(/^\/(baseline|proposal)\/tariffs$/u, '/$1/tariffVersionId').replace(/^\/(baseline|proposal)\/rules$/u, '/$1/ruleVersionId');

const issueOf = (e: DataError): Issue => {
  const field = formPointer(e.pointer) || '/';
  return { code: e.code, severity: 'error', field, message: `${field}: ${e.message}` };
};

export const invalidScenario = (issues: Issue[]): StudioError =>
  new StudioError('SCENARIO_INVALID', `the scenario cannot run: ${issues.length === 1 ? issues[0]!.message : `${issues.length} problems, first ${issues[0]?.message ?? ''}`}`, issues, 'Correct the fields listed; nothing was saved or run.');

type Pick = { registry: Registry; spec: SideSpec; issues: Issue[] };

/** One side's registry: the picked versions only (by their date), else every approved one (in force by date). */
function pickSide(ws: Workspace, form: ScenarioForm, k: 0 | 1): Pick {
  const label = sideLabel(k);
  const ref: ScenarioSideRef = form[label];
  const fallback = k === 1 ? form.baseline : undefined;
  const tariffId = ref.tariffVersionId ?? fallback?.tariffVersionId ?? null;
  const ruleId = ref.ruleVersionId ?? fallback?.ruleVersionId ?? null;
  const issues: Issue[] = [];
  const tariffs = allTariffVersions(ws);
  const rules = allRuleVersions(ws);
  let tariffList: TariffVersion[] = tariffs.filter((t) => t.status !== 'draft').map((t) => t.version);
  let ruleList: RuleVersion[] = rules.filter((r) => r.status === 'approved' || r.status === 'superseded').map((r) => r.version);
  const spec: SideSpec = { edits: ref.edits };
  if (tariffId !== null) {
    const t = tariffs.find((x) => x.id === tariffId);
    const field = `/${ref.tariffVersionId === null ? 'baseline' : label}/tariffVersionId`;
    if (!t) issues.push({ code: 'VERSION_NOT_FOUND', severity: 'error', field, message: `${field}: tariff version ${tariffId} is not in this workspace` });
    else {
      tariffList = [t.version];
      spec.tariffs = t.effective;
    }
  }
  if (ruleId !== null) {
    const r = rules.find((x) => x.id === ruleId);
    const field = `/${ref.ruleVersionId === null ? 'baseline' : label}/ruleVersionId`;
    if (!r) issues.push({ code: 'VERSION_NOT_FOUND', severity: 'error', field, message: `${field}: rule version ${ruleId} is not in this workspace` });
    else {
      ruleList = [r.version];
      spec.rules = r.effective;
    }
  }
  return { registry: new Registry(ruleList, tariffList), spec, issues };
}

/** The scenario file this form stands for (as `tariff simulate` would read it), with the registries of its sides. */
export function scenarioOfForm(ws: Workspace, form: ScenarioForm): { scenario: Scenario; registries: [Registry, Registry]; issues: Issue[] } {
  const [b, p] = [pickSide(ws, form, 0), pickSide(ws, form, 1)];
  const { baseline: _b, proposal: _p, ...sections } = form;
  const scenario: Scenario = { ...sections, baseline: b.spec, proposal: p.spec };
  return { scenario, registries: [b.registry, p.registry], issues: [...b.issues, ...p.issues] };
}

/**
 * A key of the rule and tariff versions a form's sides pick (as stored, before edits): a run kept
 * for re-pricing is reused only while this key is the same, so a draft changed since the run (or
 * another version picked) means a full run.
 */
export function versionsKey(ws: Workspace, form: ScenarioForm): string {
  const { registries } = scenarioOfForm(ws, form);
  const text = JSON.stringify(registries.map((r) => [r.ruleVersions, r.tariffVersions]));
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The edits of both sides as lines (edit-lines.ts), each side's applied to the versions it picks
 * (as the loader picks them: by date, else the one in force at the first month). A side whose
 * versions cannot be found has each edit's line say so; the rest of the form is not checked here
 * (saving and running do), so the lines follow the form as it is typed.
 */
export function describeForm(ws: Workspace, form: ScenarioForm): SideEditLines {
  const { scenario, registries, issues } = scenarioOfForm(ws, form);
  const startDay = `${typeof form.horizon?.start === 'string' ? form.horizon.start : ''}-01`;
  const side = (k: 0 | 1): EditLine[] => {
    const label = sideLabel(k);
    const spec = scenario[label];
    const registry = registries[k];
    const edits = Array.isArray(form[label].edits) ? form[label].edits : [];
    const rules = spec.rules !== undefined ? registry.ruleVersions.find((v) => v.effective === spec.rules) : registry.rulesInForce(startDay);
    const tariff = spec.tariffs !== undefined ? registry.tariffVersions.find((v) => v.effective === spec.tariffs) : registry.tariffInForce(startDay);
    if (!rules || !tariff) {
      const own = issues.filter((i) => i.field?.startsWith(`/${label}/`) || (k === 1 && i.field?.startsWith('/baseline/')));
      const problem = own[0]?.message ?? `/${label}: no ${rules ? 'tariff' : 'rule'} version is in force on ${startDay}; pick one`;
      return edits.map((e, index) => ({ index, edit: String(e.edit), note: typeof e.note === 'string' ? e.note : '', changes: [], problem }));
    }
    return editLines(rules, tariff, edits, `/${label}/edits`);
  };
  return { baseline: side(0), proposal: side(1) };
}

/** Checks a form completely; throws SCENARIO_INVALID with every problem and its field. */
export function resolveForm(ws: Workspace, form: ScenarioForm): ResolvedScenario {
  if (typeof form.name !== 'string' || form.name.trim() === '') throw invalidScenario([{ code: 'SCENARIO_INVALID', severity: 'error', field: '/name', message: '/name: give the scenario a name' }]);
  const { scenario, registries, issues } = scenarioOfForm(ws, form);
  if (issues.length) throw invalidScenario(issues);
  try {
    return resolveScenario(scenario, formFile(form.name), registries);
  } catch (e) {
    if (e instanceof DataLoadError) throw invalidScenario(e.errors.map(issueOf));
    throw e;
  }
}

/**
 * A form to start from: a small fleet on the first courses of the tariff in force, two years from
 * next month, with modest hazards. Every value is the user's to change; none is a price.
 */
export function defaultForm(ws: Workspace, today: string): ScenarioForm {
  const approved = allTariffVersions(ws).filter((t) => t.status === 'approved');
  const inForce = approved.filter((t) => t.effective <= today).pop() ?? approved[0];
  // Two courses of each current series, 3-year terms first (the usual contract), so an edit of either series shows.
  const all = inForce?.version.courses ?? [];
  const courses = [...new Set(all.map((c) => c.series))]
    .filter((s) => s !== 'legacy')
    .flatMap((s) => {
      const ofSeries = all.filter((c) => c.series === s);
      return [...ofSeries.filter((c) => c.termMonths === 36), ...ofSeries.filter((c) => c.termMonths !== 36)].slice(0, 2);
    });
  const start = monthLabel(monthIndex(today) + 1);
  const startYear = Number(start.slice(0, 4));
  return {
    name: '',
    description: '',
    seed: 1,
    horizon: { start, months: 24 },
    fleet: {
      size: 1000,
      courseMix: courses.map((c) => ({ course: c.code, share: 1 })),
      optionUptake: [],
      startDates: { from: `${startYear - 1}${start.slice(4)}-01`, to: `${start}-01` },
    },
    cancellation: { monthlyHazard: 0.01, noticeDays: { min: 2, max: 30 } },
    outages: {
      monthlyRate: 0.03,
      durationHours: [
        { min: 1, max: 12, share: 60 },
        { min: 12, max: 48, share: 30 },
        { min: 48, max: 168, share: 10 },
      ],
      causes: { contractor: 15, other: 80, 'company-gross-negligence': 5 },
      cameraUsable: 0.1,
      cloudUsable: 0.1,
    },
    payments: { dueMonthsAfter: 1, dueDay: 31, lateProbability: 0.04, delayDays: [{ min: 1, max: 45, share: 1 }], neverPaysProbability: 0.03 },
    baseline: { tariffVersionId: inForce?.id ?? null, ruleVersionId: null, edits: [] },
    proposal: { tariffVersionId: null, ruleVersionId: null, edits: [] },
  };
}
