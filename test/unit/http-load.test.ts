import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePost, runLoad } from '../../bench/http-load.js';

/** bench:serve's load client (bench/http-load.ts): every answer counted once, large bodies framed, failures counted. */
describe('bench load client', () => {
  let server: Server;
  let port = 0;
  let served = 0;
  const big = Buffer.from(JSON.stringify({ padding: 'あ'.repeat(200_000) }), 'utf8');
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        served += 1;
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { n: number };
        const out = req.url === '/big' ? big : Buffer.from(JSON.stringify({ echo: body.n }), 'utf8');
        res.writeHead(body.n % 5 === 0 ? 500 : 200, { 'content-type': 'application/json', 'content-length': out.length });
        res.end(out);
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('sends each request once, cycling the list, and counts the answers that are not 200', async () => {
    served = 0;
    const requests = [1, 2, 3, 4, 5].map((n) => encodePost('/small', JSON.stringify({ n })));
    const r = await runLoad(port, requests, 50, 4);
    expect(r.requests).toBe(50);
    expect(served).toBe(50);
    expect(r.failed).toBe(10);
    expect(r.perSec).toBeGreaterThan(0);
    expect(r.p99Ms).toBeGreaterThanOrEqual(r.p50Ms);
  });

  it('frames a response of many chunks by its content-length', async () => {
    served = 0;
    const r = await runLoad(port, [encodePost('/big', JSON.stringify({ n: 1 }))], 6, 2);
    expect(served).toBe(6);
    expect(r.failed).toBe(0);
  });
});
