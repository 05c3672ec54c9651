import { describe, expect, it } from 'vitest';
import { lineBuffer } from '../../src/serve/line-buffer.js';

/** The service's log writer: whole lines, in order, each write at most 4 KiB (one atomic pipe write) unless one line is longer. */
describe('lineBuffer', () => {
  it('writes every queued line once, in order, in writes of whole lines of at most 4 KiB with their newlines', () => {
    const writes: string[] = [];
    const logs = lineBuffer((t) => writes.push(t));
    const lines = Array.from({ length: 60 }, (_x, i) => ({ n: i, note: 'ログ'.repeat(40 + (i % 7) * 10) }));
    for (const l of lines) logs.line(l);
    logs.line({ long: 'x'.repeat(10_000) });
    logs.flush();
    expect(writes.length).toBeGreaterThan(3);
    for (const w of writes.slice(0, -1)) expect(Buffer.byteLength(`${w}\n`)).toBeLessThanOrEqual(4096);
    expect(writes.at(-1)).toBe(JSON.stringify({ long: 'x'.repeat(10_000) }));
    expect(writes.join('\n').split('\n')).toEqual([...lines.map((l) => JSON.stringify(l)), JSON.stringify({ long: 'x'.repeat(10_000) })]);
  });

  it('writes a turn of the event loop at once when it is small', async () => {
    const writes: string[] = [];
    const logs = lineBuffer((t) => writes.push(t));
    logs.line({ a: 1 });
    logs.line({ b: 2 });
    expect(writes).toEqual([]);
    await new Promise((ok) => setImmediate(ok));
    expect(writes).toEqual(['{"a":1}\n{"b":2}']);
  });
});
