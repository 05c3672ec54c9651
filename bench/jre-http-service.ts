import { createServer } from 'node:http';
import { join } from 'node:path';
import { decide } from '../src/engine/decide.js';
import { loadRegistry } from '../src/io/folder-store.js';
import { ROOT } from './serve-cases.js';

/**
 * The baseline of bench:serve: a minimal HTTP service that answers POST /v1/decisions/{decision}
 * through json-rules-engine (decide), with no limits, auth or logs. Prints its port.
 */
const registry = loadRegistry(join(ROOT, 'rules'), join(ROOT, 'tariffs'));
const server = createServer({ keepAliveTimeout: 5000 }, (req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const decision = (req.url ?? '').split('/')[3] ?? '';
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as object;
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
