import { escapePointer } from './errors.js';

// Object.prototype.hasOwnProperty through call: inside a for…in, V8 optimises it (about twice
// as fast as Object.hasOwn there), and this walk runs on every request.
const hasOwnProperty = Object.prototype.hasOwnProperty;

/**
 * How deep a JSON value nests, measured without recursion, so a case or a payload nested
 * thousands deep is refused with the pointer where it passes the limit instead of overflowing
 * the stack in a matcher, a validator or JSON.stringify.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether an object at `depth` holds an object at depth `max` or deeper. Recursive, but never
 * deeper than `max` frames, and without a pointer string or an entries array per value: every
 * request runs it, and it almost always answers no.
 */
export const nestsTooDeep = (v: object, depth: number, max: number): boolean => {
  if (depth >= max) return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i += 1) {
      const x: unknown = v[i];
      if (x !== null && typeof x === 'object' && nestsTooDeep(x, depth + 1, max)) return true;
    }
    return false;
  }
  for (const k in v)
    if (hasOwnProperty.call(v, k)) {
      const x: unknown = (v as Record<string, unknown>)[k];
      if (x !== null && typeof x === 'object' && nestsTooDeep(x, depth + 1, max)) return true;
    }
  return false;
};

/** The JSON pointer of the first value deeper than `max` (the root is depth 0), or undefined. */
export function tooDeepAt(value: unknown, max = MAX_JSON_DEPTH): string | undefined {
  if (value === null || typeof value !== 'object' || !nestsTooDeep(value, 0, max)) return undefined;
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
