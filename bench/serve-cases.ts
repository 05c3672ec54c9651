import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseInput } from '../src/engine/output-types.js';
import { listCaseFiles, readCaseFile } from '../src/io/case-files.js';

/** The fixed mix of bench:serve: every case of test/cases that answers (not `invalid`), as a request body by decision. */
export const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');

export function benchCases(): { decision: string; body: Omit<CaseInput, 'decision' | 'expect'> }[] {
  return listCaseFiles([join(ROOT, 'test', 'cases')])
    .map(readCaseFile)
    .flatMap((f) => f.cases)
    .filter((c) => typeof c.decision === 'string' && c.asOf !== undefined && (c.expect as { outcome?: string } | undefined)?.outcome !== 'invalid')
    .map(({ expect: _e, decision, ...body }) => ({ decision: decision!, body }));
}
