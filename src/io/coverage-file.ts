import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { clauseCoverage, coverageFileSchema, type CoverageFile, type CoverageReport } from '../engine/coverage.js';
import { DataLoadError, type DataError } from '../engine/errors.js';
import type { RuleVersion } from '../engine/rule-types.js';
import { schemaErrors, validateVersionIndex } from '../engine/validate-data.js';
import { DECISIONS } from '../engine/rule-types.js';
import { quoteIssues } from '../tariff-model/quote-check.js';
import { readJson } from './json-file.js';

/** Reads a rule version's coverage.json and the terms in force for it, and computes its clause coverage. */
const rel = (p: string): string => relative(process.cwd(), p) || p;

/** The terms text in force on `effective`: the latest rules/terms-<date>.txt on or before it. */
export function termsFileFor(rulesDir: string, effective: string): string | undefined {
  const files = readdirSync(rulesDir)
    .filter((f) => /^terms-\d{4}-\d{2}-\d{2}\.txt$/u.test(f))
    .sort();
  let found: string | undefined;
  for (const f of files) if (f.slice('terms-'.length, 'terms-'.length + 10) <= effective) found = f;
  return found === undefined ? undefined : join(rulesDir, found);
}

export type VersionCoverage = { version: RuleVersion; coverageFile: string; termsFile: string; report: CoverageReport };

/** The coverage of one rule version of `rulesDir`; a missing or malformed coverage.json is a DataLoadError naming the file and pointer. */
export function loadVersionCoverage(rulesDir: string, version: RuleVersion): VersionCoverage {
  const index = validateVersionIndex(readJson(join(rulesDir, 'index.json')), rel(join(rulesDir, 'index.json')));
  const entry = index.find((e) => e.effective === version.effective && e.status === version.status) ?? index.find((e) => e.effective === version.effective);
  const errors: DataError[] = [];
  const coverageFile = join(rulesDir, entry?.dir ?? version.effective, 'coverage.json');
  const termsFile = termsFileFor(rulesDir, version.effective);
  if (!termsFile)
    errors.push({
      file: rel(rulesDir),
      pointer: '',
      message: `no terms-<date>.txt on or before ${version.effective}; add the terms text the rules quote`,
      code: 'COVERAGE_NO_TERMS',
    });
  if (!existsSync(coverageFile))
    errors.push({
      file: rel(coverageFile),
      pointer: '',
      message: 'missing: every rule version needs a coverage.json classifying each paragraph of the terms (docs/legal-review.md, "Clause coverage")',
      code: 'COVERAGE_MISSING',
    });
  if (errors.length) throw new DataLoadError(errors[0]!.code, errors);
  const data = readJson(coverageFile);
  const schema = schemaErrors(coverageFileSchema, data, rel(coverageFile), 'COVERAGE_SCHEMA');
  if (schema.length) throw new DataLoadError('COVERAGE_SCHEMA', schema);
  const report = clauseCoverage(readFileSync(termsFile!, 'utf8'), version, data as CoverageFile);
  return { version, coverageFile: rel(coverageFile), termsFile: rel(termsFile!), report };
}

/** The errors that make `tariff validate` fail: unclassified paragraphs and contradicting entries. */
export function coverageErrors(c: VersionCoverage): DataError[] {
  return [
    ...c.report.unclassified.map((ref) => ({
      file: c.coverageFile,
      pointer: '',
      message: `${ref} is not classified: cite it from a rule, or add it to "deciding" (not encoded yet), "engine" or "nonDeciding" with a one-line reason`,
      code: 'COVERAGE_UNCLASSIFIED',
    })),
    // A rule's citation of no paragraph is the rule file's mistake: named there, at the citation.
    ...c.report.problems.map((p) =>
      p.rule
        ? { file: join(dirname(c.coverageFile), `${p.rule.decision}.json`), pointer: p.rule.pointer, message: p.message, code: 'COVERAGE_CONFLICT' }
        : { file: c.coverageFile, pointer: p.pointer.startsWith('/') ? p.pointer : '', message: p.message, code: 'COVERAGE_CONFLICT' },
    ),
  ];
}

/**
 * Every rule's and parameter's clause and quote checked against the terms in force for its version,
 * the check the studio runs as a quote is typed (src/tariff-model/quote-check.ts): the quote is the
 * terms' text character for character (white space aside), a gap marked …, from the clause cited.
 * Each error names the decision's file and the JSON pointer of the quote (or clause).
 */
export function quoteErrors(c: VersionCoverage): DataError[] {
  const terms = readFileSync(c.termsFile, 'utf8');
  const errors: DataError[] = [];
  for (const d of DECISIONS) {
    const f = c.version.decisions[d];
    if (!f) continue;
    const file = join(dirname(c.coverageFile), `${d}.json`);
    const report = (at: string, clause: string, quote: string) => {
      for (const i of quoteIssues(terms, clause, quote, at))
        errors.push({ file, pointer: i.field ?? at, message: `${i.message.replace(/^\S+: /u, '')} (${c.termsFile})`, code: i.code });
    };
    f.rules.forEach((r, i) => report(`/rules/${i}`, r.clause, r.quote));
    for (const [k, p] of Object.entries(f.parameters ?? {})) report(`/parameters/${k}`, p.clause, p.quote);
  }
  return errors;
}
