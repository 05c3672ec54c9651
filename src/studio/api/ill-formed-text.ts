import { escapePointer } from '../../engine/errors.js';

/**
 * A lone UTF-16 surrogate (half of a character: JSON's "\ud800" with no partner) is not text.
 * SQLite stores it as bytes that read back as three replacement characters, so a title or a
 * cell saved with one comes back changed. The dispatcher refuses such a payload before any
 * handler sees it, naming the JSON pointer of the first string (or key) that holds one.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The JSON pointer of the first string or property name holding a lone surrogate, or undefined. Call after the depth check (it recurses). */
export function illFormedTextAt(value: unknown, pointer = ''): string | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? pointer || '/' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const at = illFormedTextAt(value[i], `${pointer}/${i}`);
      if (at !== undefined) return at;
    }
    return undefined;
  }
  for (const [k, x] of Object.entries(value)) {
    const here = `${pointer}/${escapePointer(k)}`;
    if (LONE_SURROGATE.test(k)) return here;
    const at = illFormedTextAt(x, here);
    if (at !== undefined) return at;
  }
  return undefined;
}
