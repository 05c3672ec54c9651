import { describe, expect, it } from 'vitest';
import { elapsedWholeMs, notBefore, parseDateTime } from '../../src/engine/dates.js';

const at = (s: string): number | undefined => parseDateTime(s)?.epochMs;

describe('parseDateTime: ISO 8601 offsets (hours 00–23, minutes 00–59)', () => {
  it('reads every in-range offset form to the same instant', () => {
    const tokyo = at('2024-03-01T09:00');
    for (const s of [
      '2024-03-01T00:00Z',
      '2024-03-01T09:00+09:00',
      '2024-03-01T09:00+0900',
      '2024-03-01T09:00+09',
      '2024-03-01T14:00+14:00',
      '2024-02-29T12:00-12:00',
      '2024-03-01T00:00:00.000+00:00',
    ])
      expect(at(s), s).toBe(tokyo);
  });

  it('refuses an offset out of range, in the short and the fractional-second forms', () => {
    for (const s of [
      '2024-03-01T00:00+25:00',
      '2024-03-01T00:00+24:00',
      '2024-03-01T00:00+09:60',
      '2024-03-01T00:00-9900',
      '2024-03-01T00:00:00.5+24:00',
      '2024-03-01T00:00:00.5+09:75',
      '2024-03-01T00:00:00.5+99',
    ])
      expect(at(s), s).toBeUndefined();
  });
});

describe('parseDateTime: fractions to the nanosecond, whatever the year', () => {
  const span = (from: string, to: string): number => elapsedWholeMs(parseDateTime(from)!, parseDateTime(to)!);
  it('counts 800 ns short of 24 hours as short in 2024, in year 24 and in 9999 alike (a double of the epoch would not)', () => {
    for (const y of ['2024', '0024', '9998']) expect(span(`${y}-01-01T00:00:00.0000009`, `${y}-01-02T00:00:00.0000001`), y).toBe(24 * 3_600_000 - 1);
    expect(span('0024-01-01T00:00:00.0000001', '0024-01-02T00:00:00.0000001')).toBe(24 * 3_600_000);
  });
  it('orders two instants inside one millisecond by their nanoseconds', () => {
    const a = parseDateTime('0100-05-05T10:00:00.123456789')!;
    const b = parseDateTime('0100-05-05T10:00:00.123456788')!;
    expect(a.epochMs).toBe(b.epochMs);
    expect(notBefore(b, a)).toBe(true);
    expect(notBefore(a, b)).toBe(false);
    expect(elapsedWholeMs(a, b)).toBe(-1);
  });
});
