import { elapsedWholeMs, parseDateTime } from '../dates.js';
import { courseFact, outageSpan, typedAt, type DecisionContext } from '../decision-kit.js';
import type { Course } from '../tariff-types.js';
import { startedBy } from './contract-fee.js';

export const MS_PER_HOUR = 3_600_000;

/**
 * What 第25条第2項's waiver and 第34条's damages both start from: the course, the instant the
 * company knew of the outage and how long it lasted until restoredAt, in whole milliseconds
 * (floored: a fraction past the millisecond never makes a block or an hour whole). Undefined, with
 * every located error (an unknown course, restoredAt before knownAt, a contract started after the
 * day knownAt falls on), when a fact is off; each checked where the facts it reads are well-typed.
 */
export function outageOf(
  ctx: DecisionContext,
  facts: { course: string; knownAt: string; restoredAt: string; startDate?: string },
): { course: Course; knownMs: number; elapsedMs: number } | undefined {
  const course = courseFact(ctx, facts.course, 'course');
  const knownTyped = typedAt(ctx, '/facts/knownAt');
  const span = knownTyped && typedAt(ctx, '/facts/restoredAt') ? outageSpan(ctx, facts.knownAt, facts.restoredAt) : undefined;
  // The contract's start is held against the day knownAt falls on whether or not restoredAt is in order: two problems, two errors.
  const started = !knownTyped || startedBy(ctx, facts.startDate, (span?.known ?? parseDateTime(facts.knownAt)!).tokyoDate, 'the day knownAt falls on in Asia/Tokyo');
  if (!span || !started || !course || ctx.wellTyped) return undefined;
  const { known, restored } = span;
  return { course, knownMs: known.epochMs, elapsedMs: elapsedWholeMs(known, restored) };
}
