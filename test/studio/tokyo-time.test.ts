import { describe, expect, it } from 'vitest';
import { tokyoTime } from '../../src/studio/renderer/ui/tokyo-time.js';

/** The audit log, review histories and lockouts show Japan time, labelled, not the stored UTC. */
describe('tokyoTime', () => {
  it('shows a stored UTC moment in Japan time, labelled JST, to the second or the minute', () => {
    expect(tokyoTime('2026-11-30T09:35:31.123Z')).toBe('2026-11-30 18:35:31 JST');
    expect(tokyoTime('2026-11-30T09:35:31.123Z', 'minutes')).toBe('2026-11-30 18:35 JST');
  });

  it('moves to the next day (and year) in Tokyo after 15:00 UTC, with a 24-hour clock', () => {
    expect(tokyoTime('2026-12-31T15:00:00Z')).toBe('2027-01-01 00:00:00 JST');
    expect(tokyoTime('2026-06-30T14:59:59Z')).toBe('2026-06-30 23:59:59 JST');
  });

  it('leaves a text that is not a moment as it is', () => {
    expect(tokyoTime('not a time')).toBe('not a time');
  });
});
