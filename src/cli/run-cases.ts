import { decide, decideFast } from '../engine/decide.js';
import { firstMismatch, type Equalities, type Mismatch } from '../engine/expect.js';
import { sameInterpretationValue } from '../engine/interpretations.js';
import type { CaseInput, Output } from '../engine/output-types.js';
import type { Registry } from '../engine/registry.js';
import type { CaseFile } from '../io/case-files.js';

export type CaseResult = { file: string; index: number; name: string; output: Output; mismatch?: Mismatch };

/**
 * Course names compare by the course they resolve to in the tariff in force on asOf;
 * interpretation values by the value their name, alias or wording names in the rules in force.
 */
const equalities = (registry: Registry, asOf: string): Equalities => {
  const t = registry.tariffInForce(asOf);
  const resolver = t ? registry.index(t).resolver : undefined;
  const interpretations = registry.rulesInForce(asOf)?.interpretations ?? [];
  return {
    course: (a, b) => {
      if (a === b) return true;
      const ca = resolver?.resolve(a);
      return ca !== undefined && ca === resolver?.resolve(b);
    },
    interpretation: (name, expected, actual) => sameInterpretationValue(interpretations, name, expected, actual),
  };
};

export async function runCase(registry: Registry, file: string, index: number, c: CaseInput, today: string, fast = false): Promise<CaseResult> {
  const output = fast ? decideFast(registry, c, { today }) : await decide(registry, c, { today });
  const name = typeof c?.name === 'string' ? c.name : c?.name !== undefined ? JSON.stringify(c.name) : `case ${index + 1}`;
  const result: CaseResult = { file, index, name, output };
  if (c && typeof c === 'object' && c.expect !== undefined) {
    const m = firstMismatch(c.expect, output, equalities(registry, output.asOf));
    if (m) result.mismatch = m;
  }
  return result;
}

export async function runCaseFiles(registry: Registry, files: CaseFile[], today: string, fast = false): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const f of files) for (const [i, c] of f.cases.entries()) results.push(await runCase(registry, f.file, i, c, today, fast));
  return results;
}

const show = (v: unknown): string => (v === undefined ? '(absent)' : JSON.stringify(v));

/**
 * A case's name (free text) or a file's path written on one line: a line break or another control
 * character is shown as its escape (\n, \u2028), so every failing case stays one line.
 */
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const oneLine = (s: string): string =>
  [...s].map((ch) => (/[\p{Cc}\u2028\u2029]/u.test(ch) ? (ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`) : ch)).join('');

export const formatFailure = (r: CaseResult): string => {
  const m = r.mismatch!;
  const errors = r.output.outcome === 'invalid' && r.output.errors ? ` [errors: ${r.output.errors.map((e) => `${e.path} ${e.message}`).join('; ')}]` : '';
  return oneLine(`FAIL ${r.file} › ${r.name}: ${m.path} expected ${show(m.expected)}, actual ${show(m.actual)}${errors}`);
};
