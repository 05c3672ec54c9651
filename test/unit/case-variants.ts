import { join } from 'node:path';
import type { CaseInput } from '../../src/engine/output-types.js';
import type { Registry } from '../../src/engine/registry.js';
import { listCaseFiles, readCaseFile } from '../../src/io/case-files.js';

/**
 * Every case of test/cases, then the same case with each interpretation alternative of the rule
 * version in force on its asOf (one at a time), then with every first alternative at once: the
 * variants a speed change must answer byte for byte as before (fast-path-variants.test.ts,
 * bench/answer-snapshot.ts).
 */
export function caseVariants(registry: Registry, root: string, today: string): CaseInput[] {
  const cases = listCaseFiles([join(root, 'test', 'cases')])
    .map(readCaseFile)
    .flatMap((f) => f.cases);
  const variants: CaseInput[] = [];
  for (const c of cases) {
    variants.push(c);
    const asOf = typeof c.asOf === 'string' ? c.asOf : today;
    const defs = registry.rulesInForce(asOf)?.interpretations ?? [];
    const all: Record<string, string> = {};
    for (const d of defs)
      for (const [i, a] of d.alternatives.entries()) {
        if (i === 0) all[d.name] = a.value;
        variants.push({ ...c, interpretations: { ...(c.interpretations ?? {}), [d.name]: a.value } });
      }
    if (Object.keys(all).length) variants.push({ ...c, interpretations: { ...(c.interpretations ?? {}), ...all } });
  }
  return variants;
}
