import { describe, expect, it } from 'vitest';
import { tariff } from './run-tariff.js';

/** A date written YYYY-MM-DD that no calendar has (2023-02-30) is named as such by every command that takes one, as tariff notice does. */
describe('a date option that does not exist', () => {
  it.each([
    ['courses', '--date'],
    ['coverage', '--version'],
  ])('tariff %s %s 2023-02-30: exit 2, "a date YYYY-MM-DD that exists"', (command, flag) => {
    const r = tariff([command, flag, '2023-02-30']);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`tariff ${command}: ${flag} must be a date YYYY-MM-DD that exists, got "2023-02-30"`);
  });

  it('tariff tariffs import --effective 2025-02-29: the same words', () => {
    const r = tariff(['tariffs', 'import', 'book.xlsx', '--workspace', 'ws.sqlite', '--effective', '2025-02-29']);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('tariff tariffs import: --effective must be a date YYYY-MM-DD that exists, got "2025-02-29"');
  });
});
