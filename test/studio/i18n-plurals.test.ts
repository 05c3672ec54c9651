import { describe, expect, it } from 'vitest';
import { fill } from '../../src/studio/renderer/i18n/i18n-context.js';
import { en, ja } from '../../src/studio/renderer/i18n/messages.js';
import { teamEn, teamJa } from '../../src/studio/renderer/i18n/team-messages.js';

/** English counts take their plural (`{n|change|changes}`); the count of each plural is a value the Japanese text is given too. */
const PLURAL = /\{(\w+)\|[^|{}]*\|[^{}]*\}/gu;

describe('fill', () => {
  it('fills values, and the word of a plural by its count as shown (1, +1 and -1 singular)', () => {
    const text = '{n} {n|change|changes} in {file}';
    expect(fill(text, { n: 1, file: 'a.xlsx' })).toBe('1 change in a.xlsx');
    expect(fill(text, { n: 0, file: 'a.xlsx' })).toBe('0 changes in a.xlsx');
    expect(fill(text, { n: '1,000', file: 'a.xlsx' })).toBe('1,000 changes in a.xlsx');
    expect(fill('{n} {n|contract-month|contract-months}', { n: '+1' })).toBe('+1 contract-month');
    expect(fill('{n} {n|contract-month|contract-months}', { n: '-1' })).toBe('-1 contract-month');
    expect(fill('{n} {n|row|rows}', { m: 1 })).toBe('{n} {n|row|rows}');
  });

  it('every plural of the English messages counts a value its Japanese message is given, and none writes "(s)"', () => {
    const pairs: [Record<string, string>, Record<string, string>][] = [
      [en, ja],
      [teamEn, teamJa],
    ];
    let plurals = 0;
    for (const [english, japanese] of pairs)
      for (const [key, text] of Object.entries(english)) {
        expect(text, key).not.toMatch(/\w\(s\)/u);
        for (const [, name] of text.matchAll(PLURAL)) {
          plurals++;
          expect(japanese[key], `${key}: {${name}}`).toContain(`{${name}}`);
        }
        expect(japanese[key] ?? '', key).not.toMatch(PLURAL);
      }
    expect(plurals).toBeGreaterThan(20);
  });
});
