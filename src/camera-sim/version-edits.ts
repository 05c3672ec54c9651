import { CourseResolver } from '../engine/course-resolver.js';
import { D, floorYen } from '../engine/money.js';
import type { DataError } from '../engine/errors.js';
import type { Interpretation, RuleVersion } from '../engine/rule-types.js';
import { coursesFileSchema, initialFeesFileSchema, optionsFileSchema, policiesFileSchema, ruleFileSchema } from '../engine/schemas.js';
import type { Course, TariffVersion } from '../engine/tariff-types.js';
import { schemaErrors, tariffReferenceErrors } from '../engine/validate-data.js';
import type { CourseMatch, Edit } from './scenario-types.js';

/**
 * What-if edits, applied to copies of a RuleVersion and a TariffVersion: the engine then answers
 * from the edited data exactly as it would from a version on disk. No edit is special-cased in the
 * simulator; the edited versions are checked with the same schemas and cross-references as files.
 */
export type NewCourseUptake = { course: string; from: string[]; share: number };
export type EditedVersions = { rules: RuleVersion; tariff: TariffVersion; descriptions: string[]; uptakes: NewCourseUptake[] };

export const selectCourses = (courses: readonly Course[], match: CourseMatch): { selected: Course[]; unknown: string[] } => {
  const resolver = new CourseResolver(courses);
  const unknown: string[] = [];
  let selected = [...courses];
  if (match.courses) {
    const named = new Set<Course>();
    for (const ref of match.courses) {
      const c = resolver.resolve(ref);
      if (c) named.add(c);
      else unknown.push(`${ref} (closest: ${resolver.closest(ref).join(' / ')})`);
    }
    selected = selected.filter((c) => named.has(c));
  }
  const cols = ['series', 'model', 'sim', 'cloudDays', 'termMonths', 'legacyKind'] as const;
  for (const col of cols) if (match[col] !== undefined) selected = selected.filter((c) => c[col] === match[col]);
  return { selected, unknown };
};

/** A course match as words (series M2035, termMonths 1), for a message a reader takes in without JSON. */
export const matchText = (match: CourseMatch): string =>
  Object.entries(match ?? {})
    .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(' / ') : String(v)}`)
    .join(', ') || '(any course)';

const swapDefault = (def: Interpretation, value: string): Interpretation | undefined => {
  if (def.default === value || def.defaultAliases?.includes(value)) return def;
  const alt = def.alternatives.find((a) => a.value === value || a.aliases?.includes(value));
  if (!alt) return undefined;
  return {
    ...def,
    default: alt.value,
    defaultDescription: alt.description,
    ...(alt.aliases ? { defaultAliases: alt.aliases } : { defaultAliases: [] }),
    alternatives: [
      ...def.alternatives.filter((a) => a !== alt),
      { value: def.default, description: def.defaultDescription, ...(def.defaultAliases ? { aliases: def.defaultAliases } : {}) },
    ],
  };
};

/**
 * A monthly fee changed by `percent` % of itself (+10 → 110 %), floored to the yen as every amount
 * the terms compute: 第29条 "その計算結果に 1 円未満の端数が生じた場合は、その端数を切り捨てます。"
 * The percent is read as written in decimal (12.5 is exactly 12.5, not a binary fraction).
 */
export const feeChangedByPercent = (fee: number, percent: number): number => floorYen(new D(fee).times(new D(100).plus(new D(String(percent)))).dividedBy(100));

/** A percent change as written, with its sign: +10 %, −5 %, +12.5 %. */
export const percentText = (percent: number): string => `${percent > 0 ? '+' : percent < 0 ? '-' : ''}${Math.abs(percent)} %`;

const describe = (e: Edit): string => {
  const text = (() => {
    switch (e.edit) {
      case 'course-fee':
        return `course fee ${e.set !== undefined ? `set to ${e.set} yen` : e.changePercent !== undefined ? `changed by ${percentText(e.changePercent)} (floored to the yen)` : `changed by ${e.change} yen`} for ${JSON.stringify(e.match)}`;
      case 'add-course':
        return `new course ${e.course.code} ${e.course.name} at ${e.course.monthlyFee} yen${e.uptake ? `, taken by ${e.uptake.share * 100}% of ${e.uptake.from.join(', ')}` : ''}`;
      case 'settlement-policy':
        return `settlement policy ${e.policy} for ${JSON.stringify(e.match)}`;
      case 'add-settlement-policy':
        return `new settlement policy ${e.policy.id} (${e.policy.kind})`;
      case 'interpretation':
        return `interpretation ${e.name} = ${e.value}`;
      case 'rule-parameter':
        return `rule parameter ${e.decision}.${e.parameter} = ${e.value}`;
      case 'option-price':
        return `option ${e.option} price ${JSON.stringify(e.price)}`;
      case 'initial-fee':
        return `initial fee of group ${e.group} = ${e.amount} yen`;
      case 'existing-contracts':
        return `contracts started before the horizon: ${e.policy} (${e.clause})`;
    }
  })();
  return e.note ? `${text} (${e.note})` : text;
};

/**
 * Applies one edit to `r` and `t` in place (copies the caller made): a problem is reported to `err`
 * with its pointer under the edit (`''`, `/match`, `/change`…), and the edit is then skipped or
 * applied in part, as `applyEdits` reports it. The studio reads the edit's effect with it
 * (src/studio/scenarios/edit-lines.ts), so a line says what the run does.
 */
export function applyEdit(r: RuleVersion, t: TariffVersion, e: Edit, err: (message: string, at?: string) => void, uptakes: NewCourseUptake[]): void {
  switch (e.edit) {
    case 'course-fee':
    case 'settlement-policy': {
      const { selected, unknown } = selectCourses(t.courses, e.match);
      if (unknown.length) err(`unknown course(s): ${unknown.join('; ')}`, '/match/courses');
      if (!selected.length) {
        err(`no course of the tariff of ${t.effective} matches ${matchText(e.match)}`, '/match');
        return;
      }
      if (e.edit === 'settlement-policy') {
        for (const c of selected) c.settlementPolicy = e.policy;
        return;
      }
      if ([e.set, e.change, e.changePercent].filter((x) => x !== undefined).length !== 1) {
        err('give exactly one of "set" (the new monthly fee), "change" (yen added, negative for a cut) or "changePercent" (percent of the fee, negative for a cut)');
        return;
      }
      for (const c of selected) {
        const fee = e.set ?? (e.changePercent !== undefined ? feeChangedByPercent(c.monthlyFee, e.changePercent) : c.monthlyFee + e.change!);
        if (fee < 0) err(`${c.name}: a change of ${e.change} yen makes its monthly fee ${fee}, below zero`, '/change');
        c.monthlyFee = fee;
      }
      return;
    }
    case 'add-course': {
      t.courses.push(structuredClone(e.course));
      if (e.uptake) {
        const resolver = new CourseResolver(t.courses);
        const from: string[] = [];
        e.uptake.from.forEach((ref, j) => {
          const c = resolver.resolve(ref);
          if (!c) err(`unknown course "${ref}"; closest: ${resolver.closest(ref).join(' / ')}`, `/uptake/from/${j}`);
          else from.push(c.code);
        });
        uptakes.push({ course: e.course.code, from, share: e.uptake.share });
      }
      return;
    }
    case 'add-settlement-policy':
      t.policies.push(structuredClone(e.policy));
      return;
    case 'interpretation': {
      const k = r.interpretations.findIndex((d) => d.name === e.name);
      if (k < 0) {
        err(`unknown interpretation "${e.name}"; known: ${r.interpretations.map((d) => d.name).join(', ')}`, '/name');
        return;
      }
      const swapped = swapDefault(r.interpretations[k]!, e.value);
      if (!swapped) {
        const d = r.interpretations[k]!;
        err(`"${e.value}" is not a value of ${e.name}; use one of ${[d.default, ...d.alternatives.map((a) => a.value)].map((v) => `"${v}"`).join(', ')}`, '/value');
        return;
      }
      r.interpretations[k] = swapped;
      return;
    }
    case 'rule-parameter': {
      const p = r.decisions[e.decision].parameters?.[e.parameter];
      if (!p) {
        err(`decision ${e.decision} has no parameter "${e.parameter}"; it has: ${Object.keys(r.decisions[e.decision].parameters ?? {}).join(', ') || '(none)'}`, '/parameter');
        return;
      }
      if (typeof p.value !== typeof e.value) {
        err(`parameter ${e.decision}.${e.parameter} is a ${typeof p.value} (now ${JSON.stringify(p.value)}); give a ${typeof p.value}`, '/value');
        return;
      }
      p.value = e.value;
      return;
    }
    case 'option-price': {
      const o = t.options.find((x) => x.code === e.option);
      if (!o) {
        err(`unknown option "${e.option}"; known: ${t.options.map((x) => x.code).join(', ')}`, '/option');
        return;
      }
      o.price = structuredClone(e.price);
      return;
    }
    case 'initial-fee': {
      const g = t.initialFeeGroups.find((x) => x.group === e.group);
      if (!g) {
        err(`unknown initial fee group "${e.group}"; known: ${t.initialFeeGroups.map((x) => x.group).join(', ')}`, '/group');
        return;
      }
      g.amount = e.amount;
      return;
    }
    case 'existing-contracts':
      t.existingContracts = { policy: e.policy, clause: e.clause };
      return;
  }
}

/** Applies edits to copies; errors point at the edit (`${pointer}/${i}`) in `file`. */
export function applyEdits(rules: RuleVersion, tariff: TariffVersion, edits: readonly Edit[], file: string, pointer: string): { versions?: EditedVersions; errors: DataError[] } {
  if (!edits.length) return { versions: { rules, tariff, descriptions: [], uptakes: [] }, errors: [] };
  const r: RuleVersion = structuredClone(rules);
  const t: TariffVersion = structuredClone(tariff);
  const errors: DataError[] = [];
  const uptakes: NewCourseUptake[] = [];
  const err = (i: number, message: string, at = ''): void => {
    errors.push({ file, pointer: `${pointer}/${i}${at}`, message, code: 'SCENARIO_EDIT' });
  };
  edits.forEach((e, i) => applyEdit(r, t, e, (message, at) => err(i, message, at), uptakes));
  if (errors.length) return { errors };
  // The edited versions must pass the checks a version on disk passes.
  const names = { courses: 'courses.json', initialFees: 'initial-fees.json', options: 'options.json', policies: 'settlement-policies.json' };
  const dataErrors = [
    ...schemaErrors(coursesFileSchema, { courses: t.courses }, names.courses, 'TARIFF_SCHEMA'),
    ...schemaErrors(initialFeesFileSchema, { groups: t.initialFeeGroups }, names.initialFees, 'TARIFF_SCHEMA'),
    ...schemaErrors(optionsFileSchema, { options: t.options }, names.options, 'TARIFF_SCHEMA'),
    ...schemaErrors(policiesFileSchema, { policies: t.policies, minimumPeriods: t.minimumPeriods }, names.policies, 'TARIFF_SCHEMA'),
  ];
  if (!dataErrors.length) dataErrors.push(...tariffReferenceErrors(t, names));
  for (const [d, rf] of Object.entries(r.decisions)) dataErrors.push(...schemaErrors(ruleFileSchema, rf, `${d}.json`, 'RULE_SCHEMA'));
  for (const e of dataErrors)
    errors.push({
      file,
      pointer,
      message: `after the edits, the ${e.code.startsWith('RULE') ? 'rule' : 'tariff'} file ${e.file}${e.pointer ? ` at ${e.pointer}` : ''}: ${e.message}`,
      code: 'SCENARIO_EDIT',
    });
  if (errors.length) return { errors };
  r.status = 'draft';
  t.status = 'draft';
  return { versions: { rules: r, tariff: t, descriptions: edits.map(describe), uptakes }, errors };
}
