import { describe, expect, it } from 'vitest';
import { decide } from '../../src/engine/decide.js';
import { decisionForms } from '../../src/studio/handlers/explorer-handlers.js';
import { listEntries, toFacts } from '../../src/studio/renderer/explorer/fact-values.js';
import { registry } from '../unit/helpers.js';

/** The explorer takes monthlyCharge's options as codes or {code, from} (case-files.md), as a list or as JSON. */
describe('explorer options as {code, from}', () => {
  const fields = decisionForms().find((f) => f.name === 'monthlyCharge')!.fields;

  it('reads code@YYYY-MM as {code, from}, plain codes as codes, and a JSON array as written', () => {
    expect(listEntries('event-api, pipe-mount@2025-03')).toEqual(['event-api', { code: 'pipe-mount', from: '2025-03' }]);
    expect(listEntries('[{"code": "event-api", "from": "2025-04"}, "video-api"]')).toEqual([{ code: 'event-api', from: '2025-04' }, 'video-api']);
    expect(listEntries('a、b  c')).toEqual(['a', 'b', 'c']);
  });

  it('answers a month with an option taken later, as the case file would', async () => {
    const course = 'どこでも“me”REC M5525N・1年コース・クラウド 7・SN';
    const facts = toFacts(fields, { course, startDate: '2025-01-10', month: '2025-02', options: 'event-api@2025-03' });
    expect(facts['options']).toEqual([{ code: 'event-api', from: '2025-03' }]);
    const before = await decide(registry, { asOf: '2025-02-01', decision: 'monthlyCharge', facts }, { today: '2025-02-01' });
    const taken = await decide(registry, { asOf: '2025-03-01', decision: 'monthlyCharge', facts: { ...facts, month: '2025-03' } }, { today: '2025-03-01' });
    expect(before.outcome).not.toBe('invalid');
    expect(JSON.stringify(before)).not.toContain('event-api');
    expect(JSON.stringify(taken)).toContain('event-api');
    const early = await decide(
      registry,
      { asOf: '2025-02-01', decision: 'monthlyCharge', facts: toFacts(fields, { course, startDate: '2025-01-10', month: '2025-02', options: 'event-api@2024-12' }) },
      { today: '2025-02-01' },
    );
    expect(early).toMatchObject({ outcome: 'invalid', errors: [expect.objectContaining({ path: '/facts/options/0/from' })] });
  });
});
