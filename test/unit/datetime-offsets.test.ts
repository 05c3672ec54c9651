import { describe, expect, it } from 'vitest';
import { parseDateTime } from '../../src/engine/dates.js';

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
