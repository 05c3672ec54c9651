import { describe, expect, it } from 'vitest';
import { firstMismatch } from '../../src/engine/expect.js';

const same = (a: string, b: string) => a === b;

describe('expect: deep subset match (case-files.md)', () => {
  it('passes when every given key equals the output', () => {
    expect(firstMismatch({ amount: 1, nested: { a: 1 } }, { amount: 1, extra: 2, nested: { a: 1, b: 2 } }, same)).toBeUndefined();
  });
  it('names the first differing key with both values', () => {
    expect(firstMismatch({ outcome: 'settle', amount: 14000 }, { outcome: 'settle', amount: 13999 }, same)).toEqual({ path: '/amount', expected: 14000, actual: 13999 });
    expect(firstMismatch({ tax: 1 }, {}, same)).toEqual({ path: '/tax', expected: 1, actual: undefined });
  });
  it('compares arrays as multisets, of the same size', () => {
    expect(firstMismatch({ reasons: ['b', 'a'] }, { reasons: ['a', 'b'] }, same)).toBeUndefined();
    expect(firstMismatch({ reasons: ['a', 'a'] }, { reasons: ['a', 'b'] }, same)).toBeDefined();
    expect(firstMismatch({ reasons: ['a'] }, { reasons: ['a', 'b'] }, same)).toBeDefined();
    expect(
      firstMismatch(
        { lines: [{ item: 'x' }, { amount: 5 }] },
        {
          lines: [
            { item: 'y', amount: 5 },
            { item: 'x', amount: 1 },
          ],
        },
        same,
      ),
    ).toBeUndefined();
  });
  it('compares course-valued fields by course', () => {
    const eq = (a: string, b: string) => a.replace(/\s/g, '') === b.replace(/\s/g, '');
    expect(firstMismatch({ basisCourse: 'M2035N・1年コース・クラウド 7' }, { basisCourse: 'M2035N・1年コース・クラウド7' }, eq)).toBeUndefined();
    expect(firstMismatch({ amount: '1 4' }, { amount: '14' }, eq)).toBeDefined();
  });
});
