import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textDiff, type TextPart } from '../../src/studio/renderer/ui/text-diff.js';

const text = (parts: TextPart[]) => parts.map((p) => p.text).join('');
const kept = (parts: TextPart[]) =>
  parts
    .filter((p) => !p.changed)
    .map((p) => p.text)
    .join('');

describe('textDiff: the characters that changed between two texts', () => {
  it('marks the … added to a quote and nothing else', () => {
    const before = '申込を承諾しないことがあります。(1) 本サービスを提供することが技術上著しく困難なとき。';
    const after = '申込を承諾しないことがあります。…(1) 本サービスを提供することが技術上著しく困難なとき。';
    const d = textDiff(before, after);
    expect(d.before).toEqual([{ text: before, changed: false }]);
    expect(d.after.filter((p) => p.changed)).toEqual([{ text: '…', changed: true }]);
  });

  it('marks a replaced word on both sides', () => {
    const d = textDiff('年 14.6％の割合', '年 14.0％の割合');
    expect(d.before.filter((p) => p.changed).map((p) => p.text)).toEqual(['6']);
    expect(d.after.filter((p) => p.changed).map((p) => p.text)).toEqual(['0']);
  });

  it('each side reads back whole, and the unmarked parts are the same on both sides', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (a, b) => {
        const d = textDiff(a, b);
        expect(text(d.before)).toBe(a);
        expect(text(d.after)).toBe(b);
        expect(kept(d.before)).toBe(kept(d.after));
        if (a === b) expect(d.before.every((p) => !p.changed)).toBe(true);
      }),
    );
  });
});
