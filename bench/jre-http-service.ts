import { createServer } from 'node:http';
import { join } from 'node:path';
import { decide } from '../src/engine/decide.js';
import { loadRegistry } from '../src/io/folder-store.js';
import { ROOT } from './serve-cases.js';

/**
 * The baselines of bench:serve, minimal HTTP services on node's http server with no limits, auth
 * or logs. Prints its port.
 * - (no argument) answers POST /v1/decisions/{decision} through json-rules-engine (decide);
 * - `bare` reads the body and answers a fixed JSON of a decision's usual size without deciding:
 *   what HTTP alone costs on this machine, so the most any decision service could gain over the
 *   first (bench:serve's `serveVsJreHttpCeiling`).
 */
const bare = process.argv[2] === 'bare';
const registry = bare ? undefined : loadRegistry(join(ROOT, 'rules'), join(ROOT, 'tariffs'));
const fixed = Buffer.from(JSON.stringify({ outcome: 'fixed', padding: 'x'.repeat(600) }), 'utf8');
const server = createServer({ keepAliveTimeout: 5000 }, (req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as object;
    if (!registry) {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': fixed.length });
      res.end(fixed);
      return;
    }
    const decision = (req.url ?? '').split('/')[3] ?? '';
    void decide(registry, { ...body, decision }, { today: '2025-01-01' }).then((out) => {
      const text = JSON.stringify(out);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    });
  });
});
server.listen(0, '127.0.0.1', () => {
  const a = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof a === 'object' && a ? a.port : 0 })}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
