import { CourseResolver } from '../engine/course-resolver.js';
import { isIsoDate } from '../engine/dates.js';
import { DataLoadError, type DataError } from '../engine/errors.js';
import type { Registry } from '../engine/registry.js';
import type { RuleVersion } from '../engine/rule-types.js';
import type { TariffVersion } from '../engine/tariff-types.js';
import { schemaErrors } from '../engine/validate-data.js';
import { readJson } from '../io/json-file.js';
import { contractEventErrors } from './contract-events.js';
import { scenarioSchema } from './scenario-schema.js';
import { sensitivityErrors } from './sensitivity-check.js';
import type { Scenario, SideSpec } from './scenario-types.js';
import { applyEdits, type NewCourseUptake } from './version-edits.js';

/**
 * Reads and checks a scenario file: the schema first (every error, with its JSON pointer), then
 * every reference (versions, courses, options) against each side's tariff. Nothing is simulated
 * unless all of it holds. Errors are one DataLoadError (code SCENARIO_SCHEMA or SCENARIO_INVALID),
 * which the CLI prints with the file and the pointer and exits 2.
 */
export type SideLabel = 'baseline' | 'proposal';
export type ResolvedSide = {
  label: SideLabel;
  rules: RuleVersion;
  tariff: TariffVersion;
  versions: { rules: string; rulesStatus: string; tariffs: string; tariffsStatus: string };
  edits: string[];
  uptakes: NewCourseUptake[];
};
/**
 * `notes`: what runs but reads the scenario in a way the user should know (code `SCENARIO_NOTE`,
 * with its pointer): printed before a run by `tariff simulate`, and a row of the Assumptions.
 */
export type ResolvedScenario = { file: string; scenario: Scenario; sides: [ResolvedSide, ResolvedSide]; notes?: DataError[] };

/** Start dates before the first tariff version the baseline knows: no fee of the terms was in force then. */
const startNotes = (s: Scenario, file: string, registry: Registry, baseline: ResolvedSide): DataError[] => {
  const first = registry.tariffVersions[0]?.effective;
  const from = s.fleet.startDates.from;
  if (!first || from >= first) return [];
  const message =
    `contracts may start on ${from}, before the first tariff version (${first}); the run bills only the horizon's months, ` +
    `but a settlement counts the fees paid before the horizon at the baseline's fees (${baseline.versions.tariffs}), which were not in force before ${first}, ` +
    `and keep-price contracts keep the baseline's prices. If that matters, start the fleet on or after ${first} (fleet.startDates.from)`;
  return [{ file, pointer: '/fleet/startDates/from', message, code: 'SCENARIO_NOTE' }];
};

const weightsOk = (xs: readonly number[]): boolean => xs.reduce((a, b) => a + b, 0) > 0;

const semanticErrors = (s: Scenario, file: string, recheck = true): DataError[] => {
  const errors: DataError[] = [];
  const err = (pointer: string, message: string): void => {
    errors.push({ file, pointer, message, code: 'SCENARIO_INVALID' });
  };
  const { from, to } = s.fleet.startDates;
  if (!isIsoDate(from)) err('/fleet/startDates/from', `"${from}" is not a calendar date (YYYY-MM-DD)`);
  if (!isIsoDate(to)) err('/fleet/startDates/to', `"${to}" is not a calendar date (YYYY-MM-DD)`);
  if (isIsoDate(from) && isIsoDate(to) && from > to) err('/fleet/startDates', `from (${from}) is after to (${to})`);
  const ranges: [string, { min: number; max: number }][] = [];
  if (s.cancellation) ranges.push(['/cancellation/noticeDays', s.cancellation.noticeDays]);
  s.outages?.durationHours.forEach((r, i) => ranges.push([`/outages/durationHours/${i}`, r]));
  s.payments?.delayDays.forEach((r, i) => ranges.push([`/payments/delayDays/${i}`, r]));
  for (const [p, r] of ranges) if (r.min > r.max) err(p, `min (${r.min}) is above max (${r.max})`);
  const weighted: [string, number[]][] = [
    ['/fleet/courseMix', s.fleet.courseMix.map((x) => x.share)],
    ['/fleet/freeMonths', (s.fleet.freeMonths ?? [{ share: 1 }]).map((x) => x.share)],
  ];
  if (s.outages) weighted.push(['/outages/causes', Object.values(s.outages.causes)], ['/outages/durationHours', s.outages.durationHours.map((x) => x.share)]);
  if (s.payments) weighted.push(['/payments/delayDays', s.payments.delayDays.map((x) => x.share)]);
  if (s.courseChanges) weighted.push(['/courseChanges/requests', s.courseChanges.requests.map((x) => x.share)]);
  if (s.suspension?.otherGrounds) weighted.push(['/suspension/otherGrounds/grounds', Object.values(s.suspension.otherGrounds.grounds)]);
  if (s.termination?.insolvency) weighted.push(['/termination/insolvency/events', Object.values(s.termination.insolvency.events)]);
  for (const [p, w] of weighted) if (!weightsOk(w)) err(p, 'the shares must not all be zero');
  contractEventErrors(s, err);
  // The tornado's moved scenarios pass the same checks (sensitivity-check.ts).
  if (recheck) errors.push(...sensitivityErrors(s, file, (moved) => semanticErrors(moved, file, false)));
  return errors;
};

const pickVersion = <T extends { effective: string; status: string }>(all: readonly T[], date: string | undefined, inForce: T | undefined): T | undefined =>
  date === undefined ? inForce : all.find((v) => v.effective === date);

const resolveSide = (label: SideLabel, spec: SideSpec, base: SideSpec, s: Scenario, file: string, registry: Registry, errors: DataError[]): ResolvedSide | undefined => {
  const startDay = `${s.horizon.start}-01`;
  const ruleDate = spec.rules ?? base.rules;
  const tariffDate = spec.tariffs ?? base.tariffs;
  const rules = pickVersion(registry.ruleVersions, ruleDate, registry.rulesInForce(startDay));
  const tariff = pickVersion(registry.tariffVersions, tariffDate, registry.tariffInForce(startDay));
  /** A side names no version of that kind (or none is in force): one error at /<side>/<field>. */
  const missing = (kind: 'rule' | 'tariff', field: 'rules' | 'tariffs', date: string | undefined, all: readonly { effective: string }[]): void => {
    const known = all.map((v) => v.effective).join(', ') || '(none)';
    const first = all[0]?.effective;
    const message = date
      ? `no ${kind} version takes effect on ${date}; known: ${known}`
      : first && startDay < first
        ? `no ${kind} version is in force on ${startDay}, the horizon's first day: the first takes effect on ${first}. Start the horizon on or after ${first.slice(0, 7)} (horizon.start), or name a version with "${field}"`
        : `no ${kind} version is in force on ${startDay}; name one with "${field}"`;
    errors.push({ file, pointer: `/${label}/${field}`, message, code: 'SCENARIO_INVALID' });
  };
  if (!rules) missing('rule', 'rules', ruleDate, registry.ruleVersions);
  if (!tariff) missing('tariff', 'tariffs', tariffDate, registry.tariffVersions);
  if (!rules || !tariff) return undefined;
  const edited = applyEdits(rules, tariff, spec.edits ?? [], file, `/${label}/edits`);
  errors.push(...edited.errors);
  if (!edited.versions) return undefined;
  const t = edited.versions.tariff;
  const resolver = new CourseResolver(t.courses);
  const courseRef = (ref: string, pointer: string): void => {
    if (!resolver.resolve(ref))
      errors.push({
        file,
        pointer,
        message: `unknown course "${ref}" in the ${label}'s tariff (${t.effective}); closest: ${resolver.closest(ref).join(' / ')}`,
        code: 'UNKNOWN_COURSE',
      });
  };
  s.fleet.courseMix.forEach((m, i) => courseRef(m.course, `/fleet/courseMix/${i}/course`));
  s.courseChanges?.requests.forEach((r, i) => {
    r.from?.forEach((f, j) => courseRef(f, `/courseChanges/requests/${i}/from/${j}`));
    courseRef(r.to, `/courseChanges/requests/${i}/to`);
  });
  if (label === 'proposal')
    for (const kind of ['cancellation', 'choice'] as const) s.response?.[kind]?.byCourse?.forEach((x, i) => courseRef(x.course, `/response/${kind}/byCourse/${i}/course`));
  const optionCodes = new Set(t.options.map((o) => o.code));
  s.fleet.optionUptake?.forEach((o, i) => {
    if (!optionCodes.has(o.option))
      errors.push({
        file,
        pointer: `/fleet/optionUptake/${i}/option`,
        message: `unknown option "${o.option}" in the ${label}'s tariff; known: ${[...optionCodes].join(', ')}`,
        code: 'UNKNOWN_OPTION',
      });
  });
  return {
    label,
    rules: edited.versions.rules,
    tariff: t,
    versions: { rules: rules.effective, rulesStatus: edited.versions.rules.status, tariffs: tariff.effective, tariffsStatus: t.status },
    edits: edited.versions.descriptions,
    uptakes: edited.versions.uptakes,
  };
};

/** What to write where the schema's own message does not say it: an option price given as a bare number. */
const PRICE_HINT =
  'must be an object: {"kind": "flat", "amount": YEN}, {"kind": "by-term", "amounts": {"TERM": YEN}} or {"kind": "by-series", "amounts": {"SERIES": YEN}} (as in options.json)';
const withHint = (e: DataError): DataError => (/\/edits\/\d+\/price$/.test(e.pointer) && e.message === 'must be object' ? { ...e, message: PRICE_HINT } : e);
/** One error per pointer and message (a schema's branches can report the same one twice). */
const dedupe = (errors: DataError[]): DataError[] => {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.pointer}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/**
 * Checks parsed scenario JSON; throws DataLoadError listing every problem (file and pointer each).
 * `registry` may be one per side (baseline, proposal): the studio resolves each side against the
 * versions or drafts its user picked, which may share an effective date.
 */
export function resolveScenario(data: unknown, file: string, registry: Registry | readonly [Registry, Registry]): ResolvedScenario {
  const [baseRegistry, proposalRegistry] = Array.isArray(registry) ? (registry as readonly [Registry, Registry]) : [registry as Registry, registry as Registry];
  const schema = dedupe(schemaErrors(scenarioSchema, data, file, 'SCENARIO_SCHEMA').map(withHint));
  if (schema.length) throw new DataLoadError('SCENARIO_SCHEMA', schema);
  const s = data as Scenario;
  const errors = semanticErrors(s, file);
  const baseline = resolveSide('baseline', s.baseline, {}, s, file, baseRegistry, errors);
  const proposal = resolveSide('proposal', s.proposal, s.baseline, s, file, proposalRegistry, errors);
  if (errors.length || !baseline || !proposal) throw new DataLoadError(errors[0]?.code ?? 'SCENARIO_INVALID', errors);
  const notes = startNotes(s, file, baseRegistry, baseline);
  return { file, scenario: s, sides: [baseline, proposal], ...(notes.length ? { notes } : {}) };
}

export function loadScenario(path: string, registry: Registry): ResolvedScenario {
  return resolveScenario(readJson(path, 'SCENARIO_JSON'), path, registry);
}
