/**
 * Lockout for names that are no (enabled) user, kept in memory: the same count of wrong
 * passwords locks them for the same time as a real account, so the answers (401, then 423
 * ACCOUNT_LOCKED with its lock time) do not tell which names exist. Nothing is written to the
 * workspace or the audit (a name typed by mistake may be someone's password). At most
 * `maxNames` are kept: expired entries go first, then the least recently tried (unlocked ones
 * before locked ones).
 */
export type UnknownNameLocks = {
  /** The lock in force for this name at `now`, if any. */
  lockedUntil(key: string, now: number): string | null;
  /** Counts a failed attempt; returns the lock time when this one locked the name. */
  fail(key: string, now: number): string | null;
  readonly size: number;
};

export function createUnknownNameLocks(opts: { maxFailures: number; lockMinutes: number; maxNames?: number }): UnknownNameLocks {
  const maxNames = opts.maxNames ?? 10_000;
  const lockMs = opts.lockMinutes * 60_000;
  const names = new Map<string, { failures: number; lockedUntil: number | null; last: number }>();

  const prune = (now: number): void => {
    for (const [k, e] of names) if ((e.lockedUntil !== null && e.lockedUntil <= now) || (e.lockedUntil === null && now - e.last > lockMs)) names.delete(k);
    // Still full: drop the least recently tried (a Map iterates in insertion order, and each try
    // re-inserts), names that are not locked before the locked ones.
    for (const lockedToo of [false, true])
      for (const [k, e] of names) {
        if (names.size < maxNames) return;
        if (lockedToo || e.lockedUntil === null) names.delete(k);
      }
  };

  return {
    lockedUntil(key, now) {
      const e = names.get(key);
      return e?.lockedUntil != null && e.lockedUntil > now ? new Date(e.lockedUntil).toISOString() : null;
    },
    fail(key, now) {
      let e = names.get(key);
      if (e?.lockedUntil != null && e.lockedUntil <= now) e = undefined;
      names.delete(key);
      if (!e && names.size >= maxNames) prune(now);
      const failures = (e?.failures ?? 0) + 1;
      const lock = failures >= opts.maxFailures ? now + lockMs : null;
      // Like recordFailedLogin: the count starts again once a lock is set.
      names.set(key, { failures: lock !== null ? 0 : failures, lockedUntil: lock, last: now });
      return lock !== null ? new Date(lock).toISOString() : null;
    },
    get size() {
      return names.size;
    },
  };
}
