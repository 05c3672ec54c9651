import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { MAX_BODY, startStudioServer } from '../../src/studio/server/http-server.js';
import { freshStudio } from '../studio/helpers.js';

/** Attack 8: a body over the limit must get the documented 413 with its JSON error, not a reset. */
const { dispatch } = freshStudio();

/** Posts `size` bytes of JSON-ish body with a raw client and reads the answer (status and body). */
const post = (port: number, path: string, size: number, declare = true): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { 'Content-Type': 'application/json', ...(declare ? { 'Content-Length': String(size) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let left = size;
    const pump = (): void => {
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        left -= n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });

describe('request bodies over the limit', () => {
  it.each([
    ['with Content-Length', true],
    ['chunked', false],
  ])('get 413 and the JSON error PAYLOAD_TOO_LARGE (%s); the server keeps serving', async (_name, declare) => {
    const server = await startStudioServer({ dispatch });
    try {
      const r = await post(server.port, `/s/${server.secret}/api/tariffs.list`, MAX_BODY + 1024 * 1024, declare);
      expect(r.status).toBe(413);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('30 MB') } });
      const ok = await fetch(`${server.url}api/tariffs.list`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(ok.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('fetch (as the browser-mode client) reads the 413 instead of a network error', async () => {
    const server = await startStudioServer({ dispatch });
    try {
      const r = await fetch(`${server.url}api/workbook.previewImport`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ fileName: 'a.xlsx', contentBase64: 'A'.repeat(MAX_BODY) }),
      });
      expect(r.status).toBe(413);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
    } finally {
      await server.close();
    }
  });
});
