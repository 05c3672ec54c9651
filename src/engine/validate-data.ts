import type { ExistingContracts } from './tariff-types.js';
import { compileSchema } from './ajv.js';
import { schemaErrorMessage } from './schema-errors.js';
import { DataLoadError, type DataError } from './errors.js';
import { conditionLeaves, DECISIONS, type Condition, type DecisionName, type RuleFile, type RuleVersion, type RuleVersionStatus, type Interpretation } from './rule-types.js';
import { coursesFileSchema, initialFeesFileSchema, interpretationsFileSchema, optionsFileSchema, policiesFileSchema, ruleFileSchema, versionIndexSchema } from './schemas.js';
import type { Course, InitialFeeGroup, MinimumPeriodRow, SettlementPolicy, TariffOption, TariffVersion } from './tariff-types.js';
import { isIsoDate } from './dates.js';
import { versionReferenceErrors } from './rule-references.js';

/**
 * Strict validation of tariff and rule data (openfisca-core's parameter loader): every schema
 * error, then every cross-reference error, each with the file and the JSON pointer. Pure: the
 * callers (folder loader, studio workspace) read the files and pass the parsed JSON in.
 */
/** Runs a schema; returns its errors with file and pointer (empty when valid). */
export const schemaErrors = (schema: object, data: unknown, file: string, code: string): DataError[] => {
  const v = compileSchema(schema);
  if (v(data)) return [];
  const errors = (v.errors ?? []).filter((e) => e.keyword !== 'if');
  // oneOf noise: when a more specific error exists under the same pointer, drop the generic one.
  return errors
    .filter((e) => !(e.keyword === 'oneOf' && errors.some((o) => o !== e && o.instancePath.startsWith(e.instancePath) && o.keyword !== 'oneOf')))
    .map((e) => ({ file, pointer: e.instancePath, message: schemaErrorMessage(e, 'data'), code }));
};

export type TariffFiles = { courses: unknown; initialFees: unknown; options: unknown; policies: unknown };
export type FileNames = Record<keyof TariffFiles, string>;

/** A tariff version held in memory (a release's, the studio's) as the four files validateTariffVersion reads. */
export const tariffFilesOf = (v: Pick<TariffVersion, 'courses' | 'initialFeeGroups' | 'options' | 'policies' | 'minimumPeriods'>): TariffFiles => ({
  courses: { courses: v.courses },
  initialFees: { groups: v.initialFeeGroups },
  options: { options: v.options },
  policies: { policies: v.policies, minimumPeriods: v.minimumPeriods },
});

export function validateTariffVersion(effective: string, status: 'draft' | 'approved', files: TariffFiles, names: FileNames): TariffVersion {
  const errors: DataError[] = [
    ...schemaErrors(coursesFileSchema, files.courses, names.courses, 'TARIFF_SCHEMA'),
    ...schemaErrors(initialFeesFileSchema, files.initialFees, names.initialFees, 'TARIFF_SCHEMA'),
    ...schemaErrors(optionsFileSchema, files.options, names.options, 'TARIFF_SCHEMA'),
    ...schemaErrors(policiesFileSchema, files.policies, names.policies, 'TARIFF_SCHEMA'),
  ];
  if (errors.length) throw new DataLoadError('TARIFF_SCHEMA', errors);
  const courses = (files.courses as { courses: Course[] }).courses;
  const groups = (files.initialFees as { groups: InitialFeeGroup[] }).groups;
  const options = (files.options as { options: TariffOption[] }).options;
  const { policies, minimumPeriods } = files.policies as { policies: SettlementPolicy[]; minimumPeriods: MinimumPeriodRow[] };
  const version: TariffVersion = { effective, status, courses, initialFeeGroups: groups, options, policies, minimumPeriods };
  const refErrors = tariffReferenceErrors(version, names);
  if (refErrors.length) throw new DataLoadError('TARIFF_REFERENCE', refErrors);
  return version;
}

/** Cross-file checks: unique codes and names, every reference resolves. */
export function tariffReferenceErrors(v: TariffVersion, names: FileNames): DataError[] {
  const errors: DataError[] = [];
  const err = (file: string, pointer: string, message: string): void => {
    errors.push({ file, pointer, message, code: 'TARIFF_REFERENCE' });
  };
  const codes = new Map<string, number>();
  const courseNames = new Map<string, number>();
  const policyIds = new Set(v.policies.map((p) => p.id));
  const groupIds = new Set(v.initialFeeGroups.map((g) => g.group));
  v.courses.forEach((c, i) => {
    const at = `/courses/${i}`;
    if (codes.has(c.code)) err(names.courses, `${at}/code`, `duplicate course code "${c.code}" (also at /courses/${codes.get(c.code)}): codes must be unique`);
    else codes.set(c.code, i);
    const key = c.name.normalize('NFKC').replace(/\s+/gu, '');
    if (courseNames.has(key))
      errors.push({
        file: names.courses,
        pointer: `${at}/name`,
        message: `duplicate course name "${c.name}" (also at /courses/${courseNames.get(key)}): keep one, or give this course its own name`,
        code: 'DUPLICATE_NAME',
        also: `/courses/${courseNames.get(key)}/name`,
        value: c.name,
      });
    else courseNames.set(key, i);
    if (!policyIds.has(c.settlementPolicy)) err(names.courses, `${at}/settlementPolicy`, `unknown settlement policy "${c.settlementPolicy}"; known: ${[...policyIds].join(', ')}`);
    if (!groupIds.has(c.initialFeeGroup)) err(names.courses, `${at}/initialFeeGroup`, `unknown initial fee group "${c.initialFeeGroup}"; add it to ${names.initialFees}`);
    if (c.series === 'legacy' ? c.legacyKind === null : c.termMonths === null || c.model === null || c.sim === null || c.cloudDays === null)
      err(names.courses, at, c.series === 'legacy' ? 'a legacy course needs legacyKind' : 'an M-series course needs model, sim, cloudDays and termMonths');
    if (c.model !== null && !c.model.startsWith(c.series)) err(names.courses, `${at}/model`, `model "${c.model}" does not belong to series ${c.series}`);
  });
  v.initialFeeGroups.forEach((g, i) => {
    if (!codes.has(g.printedOn)) err(names.initialFees, `/groups/${i}/printedOn`, `unknown course code "${g.printedOn}"`);
  });
  const optionCodes = new Set<string>();
  v.options.forEach((o, i) => {
    if (optionCodes.has(o.code)) err(names.options, `/options/${i}/code`, `duplicate option code "${o.code}"`);
    optionCodes.add(o.code);
  });
  return errors;
}

/** Every fact a rule's conditions name (either side of a comparison), once each, in reading order. */
export const factsOfRule = (conditions: Condition): string[] => {
  const facts = new Set<string>();
  for (const c of conditionLeaves(conditions)) {
    facts.add(c.fact);
    if (typeof c.value === 'object' && c.value !== null && 'fact' in c.value) facts.add(String((c.value as { fact: string }).fact));
  }
  return [...facts];
};

export type RuleFiles = { decisions: Partial<Record<DecisionName, { file: string; data: unknown }>>; interpretations: { file: string; data: unknown } };

export function validateRuleVersion(meta: { effective: string; status: RuleVersionStatus; author?: string; approvedBy?: string; note?: string }, files: RuleFiles): RuleVersion {
  const errors: DataError[] = [];
  const decisions = {} as Record<DecisionName, RuleFile>;
  for (const d of DECISIONS) {
    const entry = files.decisions[d];
    if (!entry) {
      errors.push({ file: `${meta.effective}/${d}.json`, pointer: '', message: `rule file for decision "${d}" is missing`, code: 'RULE_MISSING' });
      continue;
    }
    const e = schemaErrors(ruleFileSchema, entry.data, entry.file, 'RULE_SCHEMA');
    if (e.length) {
      errors.push(...e);
      continue;
    }
    const rf = entry.data as RuleFile;
    if (rf.decision !== d) errors.push({ file: entry.file, pointer: '/decision', message: `file holds decision "${rf.decision}" but is loaded as "${d}"`, code: 'RULE_REFERENCE' });
    const ids = new Set<string>();
    rf.rules.forEach((r, i) => {
      if (ids.has(r.id)) errors.push({ file: entry.file, pointer: `/rules/${i}/id`, message: `duplicate rule id "${r.id}"`, code: 'RULE_REFERENCE' });
      ids.add(r.id);
      if (!r.id.startsWith(`${d}/`)) errors.push({ file: entry.file, pointer: `/rules/${i}/id`, message: `rule id must start with "${d}/"`, code: 'RULE_REFERENCE' });
    });
    decisions[d] = rf;
  }
  const ie = schemaErrors(interpretationsFileSchema, files.interpretations.data, files.interpretations.file, 'RULE_SCHEMA');
  errors.push(...ie);
  if (errors.length) throw new DataLoadError(errors[0]!.code, errors);
  const interpretations = (files.interpretations.data as { interpretations: Interpretation[] }).interpretations;
  const refs = versionReferenceErrors(Object.fromEntries(DECISIONS.map((d) => [d, { file: files.decisions[d]!.file, data: decisions[d] }])), {
    file: files.interpretations.file,
    data: interpretations,
  });
  if (refs.length) throw new DataLoadError(refs[0]!.code, refs);
  return { ...meta, decisions, interpretations };
}

export type IndexEntry = { effective: string; status: RuleVersionStatus; dir: string; author?: string; approvedBy?: string; note?: string; existingContracts?: ExistingContracts };

/** Checks a version index: schema, ISO dates, and no two versions on the same date. */
export function validateVersionIndex(data: unknown, file: string): IndexEntry[] {
  const errors = schemaErrors(versionIndexSchema, data, file, 'INDEX_SCHEMA');
  if (errors.length) throw new DataLoadError('INDEX_SCHEMA', errors);
  const versions = (data as { versions: IndexEntry[] }).versions;
  if (versions.length === 0)
    throw new DataLoadError('INDEX_EMPTY', [
      {
        file,
        pointer: '/versions',
        message:
          'lists no version; the engine needs at least one (a folder per version, named in "versions"). Restore index.json from version control, or write the folders again from a workspace (tariff workspace export).',
        code: 'INDEX_EMPTY',
      },
    ]);
  const seen = new Map<string, number>();
  versions.forEach((v, i) => {
    // A version folder lives inside its root: a relative path with no ".." and no drive or leading slash.
    if (/^([/\\]|[A-Za-z]:)/u.test(v.dir) || v.dir.split(/[/\\]/u).includes('..'))
      errors.push({
        file,
        pointer: `/versions/${i}/dir`,
        message: `"${v.dir}" leaves the folder of ${file}; a version folder is a folder inside it (such as "${v.effective}")`,
        code: 'INDEX_SCHEMA',
      });
    if (!isIsoDate(v.effective)) errors.push({ file, pointer: `/versions/${i}/effective`, message: `"${v.effective}" is not a calendar date (YYYY-MM-DD)`, code: 'INDEX_SCHEMA' });
    if (seen.has(v.effective))
      errors.push({
        file,
        pointer: `/versions/${i}/effective`,
        message: `two versions take effect on ${v.effective} (also /versions/${seen.get(v.effective)}): give each version its own date`,
        code: 'DUPLICATE_VERSION',
      });
    seen.set(v.effective, i);
  });
  if (errors.length) throw new DataLoadError(errors[0]!.code, errors);
  return versions;
}
