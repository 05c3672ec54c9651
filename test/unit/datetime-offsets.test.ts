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

describe('parseDateTime: every ISO 8601 form of a date and time of day (case-files.md: datetimes ISO 8601)', () => {
  it('reads the basic format, the decimal comma and the reduced precisions as the extended forms they equal', () => {
    const pairs: [string, string][] = [
      ['20240410T0900', '2024-04-10T09:00'],
      ['20240410T090000', '2024-04-10T09:00:00'],
      ['20240410T000000Z', '2024-04-10T09:00'],
      ['20240410T090000+0900', '2024-04-10T09:00'],
      ['20240410T09+09', '2024-04-10T09:00'],
      ['2024-04-10T09', '2024-04-10T09:00'],
      ['2024-04-10T09Z', '2024-04-10T18:00'],
      ['2024-04-10T09,5', '2024-04-10T09:30'],
      ['2024-04-10T09.25', '2024-04-10T09:15'],
      ['2024-04-10T09:30,5', '2024-04-10T09:30:30'],
      ['20240410T0930.5', '2024-04-10T09:30:30'],
      ['2024-04-10T09:00:00,5', '2024-04-10T09:00:00.5'],
      ['2024-04-10T24', '2024-04-11T00:00'],
      ['20240410T2400', '2024-04-11T00:00'],
    ];
    for (const [form, same] of pairs) {
      expect(at(form), form).toBeDefined();
      expect(at(form), form).toBe(at(same));
    }
  });

  it('keeps a fraction of an hour or a minute to the nanosecond', () => {
    // 0.000000001 h = 3,600 ns; 0.000000001 min = 60 ns.
    expect(parseDateTime('2024-04-10T09,000000001')!.subMsNs).toBe(3_600);
    expect(parseDateTime('2024-04-10T09:30,000000001')!.subMsNs).toBe(60);
    expect(elapsedWholeMs(parseDateTime('2024-04-10T09:00')!, parseDateTime('2024-04-10T09,999999999')!)).toBe(3_599_999);
  });

  it('refuses what ISO 8601 does not write: basic and extended mixed, a date alone, a lower-case t or z, out-of-range parts', () => {
    for (const s of [
      '2024-04-10T0900',
      '20240410T09:00',
      '20240410',
      '2024-04-10',
      '2024-04-10t09:00',
      '2024-04-10T09:00z',
      '20240410 0900',
      '20240410T2500',
      '20240410T0960',
      '20240230T0900',
      '2024-04-10T24,5',
      '2024-04-10T24:00,5',
      '20240410T0900+25',
      '20240410T0900+09:00',
      '2024-04-10T09,',
      '2024-04-10T09,1234567890',
    ])
      expect(at(s), s).toBeUndefined();
  });
});
