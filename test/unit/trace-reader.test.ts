import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factDomain, sampleFacts } from '../camera-sim/rule-fact-domain.js';
import { dayNumber, fromDayNumber, monthIndex, parseDateTime, weekday } from '../../src/engine/dates.js';
import { factsRead } from '../../src/engine/evaluators.js';
import { DECISIONS } from '../../src/engine/rule-types.js';
import { readerOf } from '../../src/engine/trace-reader.js';
import { loadRegistry } from '../../src/io/folder-store.js';

/** The once-per-version trace reader and date arithmetic hold exactly to what they replace. */
const root = join(__dirname, '..', '..');
const rules = loadRegistry(join(root, 'rules'), join(root, 'tariffs')).ruleVersions[0]!;

describe('compiled trace reader', () => {
  for (const d of DECISIONS)
    it(`${d}: reads the same facts, in the same order, as factsRead on 2,000 random fact sets`, () => {
      const file = rules.decisions[d];
      const differ: string[] = [];
      for (const facts of sampleFacts(factDomain(file), 2000, 7))
        for (const rule of file.rules) {
          const want = JSON.stringify(Object.entries(factsRead(rule, facts)));
          const got = JSON.stringify(Object.entries(readerOf(rule)(facts)));
          if (got !== want && differ.length < 3) differ.push(`${rule.id} on ${JSON.stringify(facts)}: ${got} ≠ ${want}`);
        }
      expect(differ).toEqual([]);
    });
});

describe('day numbers', () => {
  it('fromDayNumber, dayNumber, monthIndex, weekday and Tokyo dates agree with Date from 1600 to 2400', () => {
    const differ: string[] = [];
    for (let n = -135140; n <= 157000; n += 1) {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      const [y, m] = iso.split('-').map(Number) as [number, number];
      if (
        fromDayNumber(n) !== iso ||
        dayNumber(iso) !== n ||
        monthIndex(iso) !== y * 12 + m - 1 ||
        monthIndex(iso.slice(0, 7)) !== y * 12 + m - 1 ||
        weekday(iso) !== new Date(n * 86_400_000).getUTCDay()
      )
        differ.push(iso);
      if (n % 7 === 0 && parseDateTime(`${iso}T23:30`)?.tokyoDate !== iso) differ.push(`${iso}T23:30`);
    }
    expect(differ).toEqual([]);
  });
});
