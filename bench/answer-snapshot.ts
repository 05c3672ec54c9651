import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decide, decideFast } from '../src/engine/decide.js';
import { loadRegistry } from '../src/io/folder-store.js';
import { caseVariants } from '../test/unit/case-variants.js';
import { ROOT } from './serve-cases.js';

/**
 * `node --import tsx bench/answer-snapshot.ts OUT [BEFORE]`: the answers of every case of
 * test/cases × every interpretation alternative (test/unit/case-variants.ts), through decideFast
 * and decide, one JSON line each, written to OUT; with BEFORE, the lines are
 * compared with an earlier snapshot and the first difference printed (exit 1). A speed change
 * must leave every line byte-identical: run it before and after.
 */
const [out, before] = process.argv.slice(2);
if (!out) throw new Error('usage: answer-snapshot.ts OUT [BEFORE]');
const today = '2025-01-01';
const registry = loadRegistry(join(ROOT, 'rules'), join(ROOT, 'tariffs'));
const variants = caseVariants(registry, ROOT, today);
const lines: string[] = [];
let differ = 0;
for (const v of variants) {
  const fast = JSON.stringify(decideFast(registry, v, { today }));
  const ref = JSON.stringify(await decide(registry, v, { today }));
  if (fast !== ref) differ += 1;
  lines.push(fast);
}
writeFileSync(out, `${lines.join('\n')}\n`);
const digest = createHash('sha256').update(lines.join('\n')).digest('hex');
process.stdout.write(`${variants.length} variants, sha256 ${digest}, decideFast ≠ decide: ${differ}\n`);
let failed = differ > 0;
if (before) {
  const old = readFileSync(before, 'utf8').split('\n').slice(0, -1);
  if (old.length !== lines.length) {
    process.stdout.write(`line count ${lines.length} ≠ ${old.length} before\n`);
    failed = true;
  } else {
    const i = lines.findIndex((l, k) => l !== old[k]);
    if (i >= 0) {
      process.stdout.write(`first difference at variant ${i}:\n before ${old[i]}\n after  ${lines[i]}\n`);
      failed = true;
    } else process.stdout.write('identical to the snapshot before\n');
  }
}
process.exit(failed ? 1 : 0);
