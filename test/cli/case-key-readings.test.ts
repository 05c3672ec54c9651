import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { todayInTokyo } from '../../src/engine/dates.js';
import { scratchFiles, tariff } from './run-tariff.js';

/**
 * Readings of the case keys where case-files.md is silent, as docs/engine.md and docs/cli.md name
 * them: `asOf: null` and `interpretations: null` are "not given"; a null interpretation value is
 * named as null; a key written twice keeps its last value; a dot file in a folder is a case file.
 */
const { dir, write } = scratchFiles('tariff-case-keys-');
const SURCHARGE = { decision: 'surcharge', facts: { evadedAmount: 100 } };

describe('case keys given as null, twice, or in a dot file', () => {
  it('asOf null is today in Asia/Tokyo and interpretations null the defaults, as when they are left out', () => {
    const before = todayInTokyo();
    const out = JSON.parse(
      tariff([
        'decide',
        write('nulls.json', [
          { ...SURCHARGE, asOf: null },
          { ...SURCHARGE, asOf: '2025-02-28', interpretations: null },
        ]),
      ]).stdout,
    );
    expect([before, todayInTokyo()]).toContain(out[0].asOf);
    expect(out.map((o: { outcome: string }) => o.outcome)).toEqual(['charge', 'charge']);
  });

  it('an interpretation given the value null is invalid at its pointer, the value written as null (not the string "null")', () => {
    const out = JSON.parse(tariff(['decide', write('null-value.json', { ...SURCHARGE, asOf: '2025-02-28', interpretations: { dailyRate: null } })]).stdout);
    expect(out).toMatchObject({ outcome: 'invalid', errors: [{ path: '/interpretations/dailyRate', code: 'UNKNOWN_INTERPRETATION_VALUE' }] });
    expect(out.errors[0].message).toMatch(/^null is not a value of dailyRate; use one of "own-month", "known-month", "thirty-days"$/);
  });

  it('a key written twice keeps its last value: two "expect" keys check the second only', () => {
    const file = write('twice.json', '{"asOf":"2025-02-28","decision":"surcharge","facts":{"evadedAmount":100},"expect":{"amount":1},"expect":{"amount":200}}');
    const r = tariff(['test', file]);
    expect([r.status, r.stdout]).toEqual([0, '1 passed, 0 failed\n']);
  });

  it('a file whose name starts with a dot, in a folder whose name does too, is read as a case file', () => {
    mkdirSync(join(dir, '.drafts'));
    write('.drafts/.hidden.json', { ...SURCHARGE, asOf: '2025-02-28', expect: { amount: 1 } });
    const r = tariff(['test', join(dir, '.drafts')]);
    expect([r.status, r.stdout]).toEqual([1, `FAIL ${join(dir, '.drafts', '.hidden.json')} › case 1: /amount expected 1, actual 200\n0 passed, 1 failed\n`]);
  });
});
