import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8 } from '../../src/io/json-file.js';

const decodes = (b: Uint8Array): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
};

describe('the UTF-8 check of case files', () => {
  it('agrees with a fatal TextDecoder on which bytes are UTF-8, and the bytes before the offset it finds decode', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 20 }).map((s) => new Uint8Array(Buffer.from(s, 'utf8'))),
      fc
        .tuple(fc.string({ unit: 'binary', maxLength: 10 }), fc.uint8Array({ minLength: 1, maxLength: 4 }), fc.string({ maxLength: 5 }))
        .map(([a, mid, z]) => new Uint8Array(Buffer.concat([Buffer.from(a, 'utf8'), mid, Buffer.from(z, 'utf8')]))),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        const at = firstInvalidUtf8(b);
        expect(at === b.length).toBe(decodes(b));
        expect(decodes(b.subarray(0, at))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds surrogates, overlong forms, code points above U+10FFFF and cut-off sequences', () => {
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0xe0, 0x80, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0x41, 0x42, 0xe3, 0x81]))).toBe(2);
  });
});
