import { clauseText } from '../../engine/review/clause-text.js';
import { countedApprovalSteps, withCountedApprovals } from '../workspace/counted-approvals.js';
import { clauseCoverage, coverageFileSchema, type CoverageFile } from '../../engine/coverage.js';
import { schemaErrors } from '../../engine/validate-data.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import { FACT_LABELS } from '../../engine/review/fact-labels.js';
import { DECISIONS, type DecisionName, type RuleVersion } from '../../engine/rule-types.js';
import { acceptedEventTypes } from '../../engine/decision-events.js';
import { factsProvided } from '../../engine/rule-references.js';
import { diffRuleVersions } from '../../engine/review/version-diff.js';
import type { CoverageView, FactOffer, RuleVersionDetail, RuleVersionSummary } from '../api/contract.js';
import { getRuleVersion, listReviews, type RuleVersionRecord } from '../workspace/rule-store.js';
import type { Workspace } from '../workspace/workspace.js';
import { summaryOf } from './version-views.js';
import { lastChange } from '../workspace/stale-save.js';

/** How rule versions travel to the renderer, and the terms text their clauses quote. */
export const ruleSummaryOf = (r: RuleVersionRecord): RuleVersionSummary => ({ ...summaryOf(r), author: r.author, approvedBy: r.approvedBy });

/** The terms in force for a date, as the workspace keeps them (rules/terms-<date>.txt, byte for byte). */
export function termsFor(ws: Workspace, effective: string): string {
  const rows = ws.db.prepare("SELECT path, content FROM folder_files WHERE root = 'rules' AND path GLOB 'terms-*.txt' ORDER BY path").all() as { path: string; content: Buffer }[];
  if (!rows.length) return '';
  let found = rows[0]!;
  for (const r of rows) if (r.path.slice('terms-'.length, 'terms-'.length + 10) <= effective) found = r;
  return found.content.toString('utf8');
}

/** The text of each clause, for a reviewer to read beside the rule (clauses the terms lack are left out). */
export function clauseTexts(terms: string, clauses: Iterable<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of new Set(clauses)) {
    const text = clauseText(terms, c);
    if (text !== undefined) out[c] = text;
  }
  return out;
}

export const citedClauses = (v: Pick<RuleVersion, 'decisions' | 'interpretations'>): string[] => [
  ...DECISIONS.flatMap((d) => [
    ...(v.decisions[d]?.rules ?? []).flatMap((r) => [r.clause, ...(r.alsoCites ?? [])]),
    ...Object.values(v.decisions[d]?.parameters ?? {}).map((p) => p.clause),
  ]),
  ...v.interpretations.flatMap((i) => i.clauses),
];

/** The facts a condition of `decision` may read: those the engine's reference check allows (labelled facts, the rule file's parameters, the named interpretations), the base's parameters too. */
export function factsOffered(v: Pick<RuleVersion, 'decisions' | 'interpretations'>, decision: DecisionName, base?: Pick<RuleVersion, 'decisions'>): FactOffer[] {
  const labels = FACT_LABELS[decision] ?? {};
  const names = factsProvided(v.decisions[decision], decision, v.interpretations);
  for (const p of Object.keys(base?.decisions[decision]?.parameters ?? {})) names.add(p);
  return [...names].sort().map((name) => ({ name, ja: labels[name]?.ja ?? name, en: labels[name]?.en ?? name }));
}

export function ruleDetailOf(ws: Workspace, id: number): RuleVersionDetail {
  const v = getRuleVersion(ws, id);
  const base = v.basedOn !== null ? getRuleVersion(ws, v.basedOn) : null;
  const data = { decisions: v.version.decisions, interpretations: v.version.interpretations };
  const facts: Record<string, FactOffer[]> = {};
  const eventTypes: Record<string, string[]> = {};
  for (const d of DECISIONS) {
    facts[d] = factsOffered(data, d, base?.version);
    eventTypes[d] = acceptedEventTypes(d);
  }
  const diff = base ? diffRuleVersions(base.version, v.version) : null;
  return {
    summary: ruleSummaryOf(v),
    base: base ? ruleSummaryOf(base) : null,
    version: data,
    clauseTexts: clauseTexts(termsFor(ws, v.effective), citedClauses(data)),
    facts,
    eventTypes,
    changedRules: diff ? diff.rules.map((r) => r.id) : [],
    changedBy: lastChange(ws, `rule:${id}`)?.actor ?? null,
    reviews: withCountedApprovals(
      listReviews(ws, id).map((r) => ({ step: r.step, reviewer: r.reviewer, comment: r.comment, at: r.at })),
      countedApprovalSteps(ws, 'rule', id),
    ),
  };
}

/** The coverage.json in force for a date, as the workspace keeps it (rules/<date>/coverage.json, the latest on or before it). */
function coverageFileFor(ws: Workspace, effective: string): { path: string; data: unknown } | undefined {
  const rows = ws.db.prepare("SELECT path, content FROM folder_files WHERE root = 'rules' AND path GLOB '*/coverage.json' ORDER BY path").all() as {
    path: string;
    content: Buffer;
  }[];
  let found: (typeof rows)[number] | undefined;
  for (const r of rows) if (r.path.slice(0, 10) <= effective) found = r;
  if (!found) return undefined;
  try {
    return { path: `rules/${found.path}`, data: JSON.parse(found.content.toString('utf8')) };
  } catch (e) {
    throw new StudioError('COVERAGE_SCHEMA', `rules/${found.path} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Clause coverage of a rule version or draft: its rules against the terms and the coverage.json in force for its date. */
export function coverageOf(ws: Workspace, id: number): CoverageView {
  const v = getRuleVersion(ws, id);
  const file = coverageFileFor(ws, v.effective);
  if (!file)
    throw new StudioError('COVERAGE_MISSING', `no rules/<date>/coverage.json on or before ${v.effective} in this workspace; add one (docs/legal-review.md, "Clause coverage")`);
  const errors = schemaErrors(coverageFileSchema, file.data, file.path, 'COVERAGE_SCHEMA');
  if (errors.length) throw new StudioError('COVERAGE_SCHEMA', errors.map((e) => `${e.file} ${e.pointer}: ${e.message}`).join('; '));
  const report = clauseCoverage(termsFor(ws, v.effective), v.version, file.data as CoverageFile);
  return { version: ruleSummaryOf(v), ...report };
}
