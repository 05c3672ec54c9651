import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { collectErrors, DataLoadError, type DataError } from '../engine/errors.js';
import { Registry } from '../engine/registry.js';
import { DECISIONS, type DecisionName, type RuleVersion } from '../engine/rule-types.js';
import type { TariffVersion } from '../engine/tariff-types.js';
import { validateRuleVersion, validateTariffVersion, validateVersionIndex, type IndexEntry, type RuleFiles } from '../engine/validate-data.js';
import { EMPTY_DATA_FILE, readJson as readAnyJson } from './json-file.js';

/** Reads rules/ and tariffs/ folders (each an index.json plus one folder per version). */
export const TARIFF_FILES = { courses: 'courses.json', initialFees: 'initial-fees.json', options: 'options.json', policies: 'settlement-policies.json' } as const;

const rel = (p: string): string => relative(process.cwd(), p) || p;

/**
 * A file of rules/ or tariffs/: an empty one is told to be restored, not to hold a case. A named
 * pipe there would wait for a writer that never comes: refused before it is opened (a device is
 * refused by readJson itself).
 */
const readJson = (file: string): unknown => {
  let fifo = false;
  try {
    fifo = statSync(file).isFIFO();
  } catch {
    // missing or unreadable: readJson names what is wrong
  }
  if (fifo)
    throw new DataLoadError('FILE_NOT_REGULAR', [
      {
        file: rel(file),
        pointer: '',
        message: 'is a named pipe (FIFO), not a file: reading it could wait forever. Put the file itself here (git checkout -- FILE).',
        code: 'FILE_NOT_REGULAR',
      },
    ]);
  return readAnyJson(file, 'JSON_SYNTAX', EMPTY_DATA_FILE);
};

/**
 * Every version a folder's index.json lists, each read from its own folder by `read` (undefined
 * when it cannot be, its errors added to `errors`). Every error of every version is found before
 * one DataLoadError is thrown.
 */
const loadVersions = <T>(dir: string, read: (entry: IndexEntry, base: string, errors: DataError[]) => T | undefined): T[] => {
  const errors: DataError[] = [];
  const index = collectErrors(errors, () => validateVersionIndex(readJson(join(dir, 'index.json')), rel(join(dir, 'index.json'))));
  const versions: T[] = [];
  for (const entry of index ?? []) {
    const v = read(entry, join(dir, entry.dir), errors);
    if (v) versions.push(v);
  }
  if (errors.length) throw new DataLoadError(errors[0]!.code, errors);
  return versions;
};

export const loadTariffVersions = (dir: string): TariffVersion[] =>
  loadVersions(dir, (entry, base, errors) => {
    const names = Object.fromEntries(Object.entries(TARIFF_FILES).map(([k, f]) => [k, rel(join(base, f))])) as Record<keyof typeof TARIFF_FILES, string>;
    const files = Object.fromEntries(Object.entries(TARIFF_FILES).map(([k, f]) => [k, collectErrors(errors, () => readJson(join(base, f)))]));
    if (Object.values(files).some((f) => f === undefined)) return undefined;
    const status = entry.status === 'draft' ? 'draft' : 'approved';
    const v = collectErrors(errors, () => validateTariffVersion(entry.effective, status, files as never, names));
    if (v && entry.existingContracts) v.existingContracts = entry.existingContracts;
    return v;
  });

export const loadRuleVersions = (dir: string): RuleVersion[] =>
  loadVersions(dir, (entry, base, errors) => {
    const decisions: RuleFiles['decisions'] = {};
    // Decisions whose file is already reported here (missing, or unreadable with its own error):
    // validateRuleVersion's "missing" for them would be a second, wrong line.
    const reported = new Set<string>();
    for (const d of DECISIONS) {
      const file = join(base, `${d}.json`);
      if (!existsSync(file)) {
        reported.add(d);
        errors.push({
          file: rel(file),
          pointer: '',
          message:
            'missing: a rule version holds one file per decision; restore it from version control (git checkout -- FILE), or write the folders again from a workspace (tariff workspace export)',
          code: 'RULE_MISSING',
        });
        continue;
      }
      const data = collectErrors(errors, () => readJson(file));
      if (data !== undefined) decisions[d as DecisionName] = { file: rel(file), data };
      else reported.add(d);
    }
    const interpFile = join(base, 'interpretations.json');
    const interpretations = { file: rel(interpFile), data: collectErrors(errors, () => readJson(interpFile)) };
    if (interpretations.data === undefined) return undefined;
    const { dir: _dir, ...meta } = entry;
    const found: DataError[] = [];
    const v = collectErrors(found, () => validateRuleVersion(meta, { decisions, interpretations }));
    errors.push(...found.filter((e) => !(e.code === 'RULE_MISSING' && [...reported].some((d) => e.file === `${meta.effective}/${d}.json`))));
    return v;
  });

export function loadRegistry(rulesDir: string, tariffsDir: string): Registry {
  const errors: DataError[] = [];
  const rules = collectErrors(errors, () => loadRuleVersions(rulesDir));
  const tariffs = collectErrors(errors, () => loadTariffVersions(tariffsDir));
  if (errors.length || !rules || !tariffs) throw new DataLoadError(errors[0]?.code ?? 'LOAD', errors);
  return new Registry(rules, tariffs);
}
