import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseInput } from '../src/engine/output-types.js';
import { listCaseFiles, readCaseFile } from '../src/io/case-files.js';
import { encodePost, type EncodedRequest } from './http-load.js';

/** The fixed mix of bench:serve: every case of test/cases that answers (not `invalid`), as a request body by decision. */
export const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');

export function benchCases(): { decision: string; body: Omit<CaseInput, 'decision' | 'expect'> }[] {
  return listCaseFiles([join(ROOT, 'test', 'cases')])
    .map(readCaseFile)
    .flatMap((f) => f.cases)
    .filter((c) => typeof c.decision === 'string' && c.asOf !== undefined && (c.expect as { outcome?: string } | undefined)?.outcome !== 'invalid')
    .map(({ expect: _e, decision, ...body }) => ({ decision: decision!, body }));
}

/** Cases a batch of bench:serve holds. */
export const BATCH = 1000;

/**
 * The mix as bench:serve sends it: each case as a single request, and per decision one batch of
 * BATCH cases (that decision's cases of the mix, repeated), as JSON text and as encoded requests.
 */
export function benchRequests(cases: ReturnType<typeof benchCases> = benchCases()): {
  singles: EncodedRequest[];
  batchTexts: { decision: string; text: string }[];
  batches: EncodedRequest[];
} {
  const singles = cases.map((c) => encodePost(`/v1/decisions/${c.decision}`, JSON.stringify(c.body)));
  const byDecision = new Map<string, object[]>();
  for (const c of cases) byDecision.set(c.decision, [...(byDecision.get(c.decision) ?? []), c.body]);
  const batchTexts = [...byDecision].map(([decision, bodies]) => ({
    decision,
    text: JSON.stringify({ cases: Array.from({ length: BATCH }, (_x, i) => bodies[i % bodies.length]) }),
  }));
  const batches = batchTexts.map((b) => encodePost(`/v1/decisions/${b.decision}/batch`, b.text));
  return { singles, batchTexts, batches };
}
