import { describe, expect, it } from 'vitest';
import { elapsedWholeMs, notBefore, parseDateTime } from '../../src/engine/dates.js';

const at = (s: string) => parseDateTime(s)!;

describe('datetimes keep their nanoseconds apart from the whole milliseconds', () => {
  it('800 ns short of 24 hours stays short in every year (a double of the instant in ms rounds it away from 0024 and 9999)', () => {
    for (const y of ['0024', '2024', '9999']) {
      const span = elapsedWholeMs(at(`${y}-02-27T00:00:00.0000009`), at(`${y}-02-28T00:00:00.0000001`));
      expect(span, y).toBe(86_399_999);
      expect(Math.floor(span / 3_600_000), y).toBe(23);
    }
  });

  it('splits a fraction of 1–9 digits into whole ms and the nanoseconds below them', () => {
    const a = at('2024-05-01T09:00:00.123456789+09:00');
    expect(a.epochMs % 1000).toBe(123);
    expect(a.subMsNs).toBe(456789);
    expect(at('2024-05-01T09:00:00.5').subMsNs).toBe(0);
    expect(at('2024-05-01T09:00:00.5').epochMs % 1000).toBe(500);
    expect(at('2024-05-01T09:00').subMsNs).toBe(0);
    expect(elapsedWholeMs(at('9999-12-31T00:00:00.000000002'), at('9999-12-31T00:00:00.000000001'))).toBeLessThan(0);
    expect(notBefore(at('9999-12-31T00:00:00.000000002'), at('9999-12-31T00:00:00.000000001'))).toBe(false);
  });

  it('24:00 with a fraction is no datetime', () => {
    expect(parseDateTime('2024-05-01T24:00:00.000000001')).toBeUndefined();
  });
});
