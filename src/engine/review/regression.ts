import { decide } from '../decide.js';
import { canonical } from './version-diff.js';
import type { CaseInput, Output } from '../output-types.js';
import type { Registry } from '../registry.js';
import type { RuleVersion } from '../rule-types.js';
import type { TariffVersion } from '../tariff-types.js';

/**
 * Regression of a draft against the version in force: every case answered twice, and the cases
 * whose answer changes listed with both answers (and their traces). The answer compared is the
 * output less its trace and version stamps: a rule renamed with the same result is no change.
 */
export type Side = { rules?: RuleVersion; tariff?: TariffVersion };
export type RegressionCase = { file: string; index: number; case: CaseInput };
/**
 * `facts` and `interpretations`: the case's own, as the file gives them (a reviewer reads which case
 * it is by them, whatever language its name is in; two cases with the same facts differ by the
 * interpretations they override).
 */
export type RegressionChange = {
  file: string;
  index: number;
  name: string;
  facts?: Record<string, unknown>;
  interpretations?: Record<string, unknown>;
  before: Output;
  after: Output;
  changedFields: string[];
};

const objectOr = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/** A case's facts and interpretation overrides, where they are objects (an invalid case may give anything). */
export const caseFacts = (c: CaseInput | undefined): { facts?: Record<string, unknown>; interpretations?: Record<string, unknown> } => {
  const given = c as { facts?: unknown; interpretations?: unknown } | undefined;
  const facts = objectOr(given?.facts);
  const interpretations = objectOr(given?.interpretations);
  return { ...(facts ? { facts } : {}), ...(interpretations && Object.keys(interpretations).length ? { interpretations } : {}) };
};
export type RegressionReport = { total: number; changed: RegressionChange[]; invalidAfter: RegressionChange[] };

/**
 * An invalid answer's errors are compared by where and what kind (`path`, `code`), not by their
 * message: the message names the tariff answered from ("in the tariff of 2025-04-01") and the
 * closest names in it, so every invalid-by-design case of a draft read as changed (32 for a draft
 * with no edit). The message itself is kept in the answer shown.
 */
const answer = (o: Output): Record<string, unknown> => {
  const { trace: _t, versions: _v, errors, ...rest } = o;
  return errors ? { ...rest, errors: errors.map((e) => ({ path: e.path, code: e.code })) } : rest;
};

export async function runRegression(registry: Registry, cases: RegressionCase[], baseline: Side, candidate: Side, today: string): Promise<RegressionReport> {
  const changed: RegressionChange[] = [];
  const invalidAfter: RegressionChange[] = [];
  for (const rc of cases) {
    const before = await decide(registry, rc.case, { today, ...baseline });
    const after = await decide(registry, rc.case, { today, ...candidate });
    const a = answer(before);
    const b = answer(after);
    const changedFields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(canonical(a[k])) !== JSON.stringify(canonical(b[k])));
    const entry = {
      file: rc.file,
      index: rc.index,
      name: typeof rc.case.name === 'string' ? rc.case.name : `case ${rc.index + 1}`,
      ...caseFacts(rc.case),
      before,
      after,
      changedFields,
    };
    if (changedFields.length) changed.push(entry);
    if (after.outcome === 'invalid') invalidAfter.push(entry);
  }
  return { total: cases.length, changed, invalidAfter };
}
