import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decide, decideFast } from '../../src/engine/decide.js';
import { caseVariants } from './case-variants.js';
import { registry, TODAY } from './helpers.js';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

describe('decideFast answers every case variant byte for byte as decide', () => {
  it('every case of test/cases × every interpretation alternative', async () => {
    const variants = caseVariants(registry, ROOT, TODAY);
    expect(variants.length).toBeGreaterThan(9000);
    const differ: string[] = [];
    let invalid = 0;
    for (const [i, v] of variants.entries()) {
      const fast = decideFast(registry, v, { today: TODAY });
      if (fast.outcome === 'invalid') invalid += 1;
      const a = JSON.stringify(fast);
      const b = JSON.stringify(await decide(registry, v, { today: TODAY }));
      if (a !== b && differ.length < 3) differ.push(`variant ${i} (${v.name ?? v.decision}):\n fast ${a}\n ref  ${b}`);
    }
    expect(differ).toEqual([]);
    // The variants reach the answers, not only the validation.
    expect(invalid).toBeLessThan(variants.length / 2);
  }, 120_000);
});
