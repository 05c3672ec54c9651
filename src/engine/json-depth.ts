import { escapePointer } from './errors.js';

/**
 * How deep a JSON value nests, measured without recursion, so a case or a payload nested
 * thousands deep is refused with the pointer where it passes the limit instead of overflowing
 * the stack in a matcher, a validator or JSON.stringify.
 */
export const MAX_JSON_DEPTH = 64;

/** The JSON pointer of the first value deeper than `max` (the root is depth 0), or undefined. */
export function tooDeepAt(value: unknown, max = MAX_JSON_DEPTH): string | undefined {
  const stack: { v: unknown; depth: number; pointer: string }[] = [{ v: value, depth: 0, pointer: '' }];
  while (stack.length) {
    const { v, depth, pointer } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return pointer || '/';
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
    for (const [k, x] of entries) if (x !== null && typeof x === 'object') stack.push({ v: x, depth: depth + 1, pointer: `${pointer}/${escapePointer(k)}` });
  }
  return undefined;
}
