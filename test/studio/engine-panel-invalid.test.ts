import { describe, expect, it } from 'vitest';
import { decideFast } from '../../src/engine/decide.js';
import type { CourseAnswer, VersionDetail } from '../../src/studio/api/contract.js';
import { loadRegistry } from '../../src/io/folder-store.js';
import { freshStudio, SEED } from './helpers.js';

/**
 * The engine panel's invalid answer carries the case it asked and the engine's errors as the engine
 * gave them (pointer, message, code), not one English sentence: the page says them in its language.
 */
const { ok } = freshStudio();

describe('engine.coursePreview when the engine answers invalid', () => {
  it("returns the decision, the case's facts and the engine's own errors, unchanged", async () => {
    const d = await ok<VersionDetail>('tariffs.createDraft', { from: 1, effective: '9990-01-01', title: 'far' });
    const p = await ok<{ before: CourseAnswer | null; after: CourseAnswer }>('engine.coursePreview', { versionId: d.summary.id, index: 0, months: 120 });
    expect(p.after.ok).toBe(false);
    if (p.after.ok) return;
    const { schema, ...rest } = p.after;
    expect(rest).toEqual({
      ok: false,
      versionId: d.summary.id,
      effective: '9990-01-01',
      code: 'SHORT',
      decision: 'settlement',
      asOf: '9990-02-01',
      months: 120,
      facts: { course: 'SHORT', startDate: '9990-02-01', endDate: '10000-01-00' },
      errors: [{ path: '/facts/endDate', message: expect.any(String) as string, code: 'FACT_FORMAT' }],
    });
    expect(schema).toMatchObject({ type: 'object', properties: { endDate: { format: 'iso-date' } } });
    // The engine's message as the CLI prints it for the same case.
    const engine = decideFast(loadRegistry(SEED.rulesDir, SEED.tariffsDir), { asOf: rest.asOf, decision: 'settlement', facts: rest.facts }, { today: rest.asOf });
    expect(rest.errors).toEqual(engine.errors);
  });
});
