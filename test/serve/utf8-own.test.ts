import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { utf8Own } from '../../src/serve/batch-answer.js';

const encoder = new TextEncoder();

describe('utf8Own: a batch answer as UTF-8 bytes of its own', () => {
  it('gives the same bytes as TextEncoder for any text, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        expect(Buffer.from(utf8Own(s)).equals(Buffer.from(encoder.encode(s)))).toBe(true);
      }),
    );
    expect(Buffer.from(utf8Own('第9条第1項 😀 \ud800')).toString('hex')).toBe(Buffer.from(encoder.encode('第9条第1項 😀 \ud800')).toString('hex'));
  });

  it('hands out a buffer of exactly the bytes, never shared with the next answer', () => {
    const a = utf8Own('料金表'.repeat(10));
    const b = utf8Own('x'.repeat(200_000)); // grows the scratch buffer
    const c = utf8Own('料金表');
    expect(a.buffer.byteLength).toBe(a.length);
    expect(b.buffer.byteLength).toBe(200_000);
    expect(c.buffer).not.toBe(a.buffer);
    expect(new TextDecoder().decode(a)).toBe('料金表'.repeat(10));
    expect(new TextDecoder().decode(c)).toBe('料金表');
  });
});
