import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** The renderer's built files (dist-renderer), served read-only; nothing outside that folder. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function serveStatic(res: ServerResponse, dir: string | undefined, path: string, headers: Record<string, string>): void {
  const text = (status: number, body: string) => {
    res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(body);
  };
  if (!dir || !existsSync(join(dir, 'index.html'))) return text(503, 'The studio renderer is not built. Run `npm run build:studio` (npm start does it for you), then reload.\n');
  const root = resolve(dir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return text(404, 'Not found.\n');
  }
  const file = resolve(root, normalize(decoded).replace(/^([/\\])+/u, ''));
  if (file !== root && !file.startsWith(root + sep)) return text(404, 'Not found.\n');
  if (!existsSync(file) || !statSync(file).isFile()) return text(404, 'Not found.\n');
  const body = readFileSync(file);
  res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': body.length });
  res.end(body);
}
