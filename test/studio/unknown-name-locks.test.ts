import { describe, expect, it } from 'vitest';
import { createUnknownNameLocks } from '../../src/studio/team/unknown-name-locks.js';

describe('the lockout of names that are no user', () => {
  it('locks after maxFailures in a row for lockMinutes, then counts again from zero', () => {
    const locks = createUnknownNameLocks({ maxFailures: 3, lockMinutes: 15 });
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    expect([locks.fail('x', t0), locks.fail('x', t0)]).toEqual([null, null]);
    expect(locks.fail('x', t0)).toBe('2026-01-01T00:15:00.000Z');
    expect(locks.lockedUntil('x', t0 + 60_000)).toBe('2026-01-01T00:15:00.000Z');
    expect(locks.lockedUntil('x', t0 + 15 * 60_000)).toBeNull();
    expect(locks.fail('x', t0 + 15 * 60_000)).toBeNull();
  });

  it('keeps at most maxNames, dropping the least recently tried, and keeps a lock that is still in force', () => {
    const locks = createUnknownNameLocks({ maxFailures: 2, lockMinutes: 15, maxNames: 100 });
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    locks.fail('locked', t0);
    locks.fail('locked', t0);
    for (let i = 0; i < 1000; i++) locks.fail(`name-${i}`, t0 + i);
    expect(locks.size).toBeLessThanOrEqual(100);
    expect(locks.lockedUntil('locked', t0 + 1000)).toBe('2026-01-01T00:15:00.000Z');
    expect(locks.lockedUntil('name-999', t0 + 1000)).toBeNull();
    locks.fail('name-999', t0 + 1000);
    expect(locks.lockedUntil('name-999', t0 + 1000)).not.toBeNull();
  });
});
