/**
 * Canonical JSON (in the spirit of RFC 8785): object keys sorted by UTF-16 code unit, no white
 * space, numbers and strings as JSON.stringify writes them. Two values that are equal as JSON
 * serialize to the same text, so a hash of the text identifies the content whatever the key
 * order or indentation of the file it came from. Values that JSON cannot carry (undefined, a
 * function, NaN, Infinity) are refused rather than silently dropped.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '');
}

function write(v: unknown, at: string): string {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new TypeError(`canonical JSON: ${String(v)} at ${at || '/'} is not a JSON number`);
    return JSON.stringify(v);
  }
  if (Array.isArray(v)) return `[${v.map((x, i) => write(x, `${at}/${i}`)).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${write(o[k], `${at}/${k}`)}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON: a ${typeof v} at ${at || '/'} is not JSON`);
}
