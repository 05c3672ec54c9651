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

/**
 * The renderer's files. A refusal is JSON with a code, as every error of the studio's servers
 * (`{ok: false, error: {code, message}}`): 404 NOT_FOUND for a path that is no file inside the
 * folder, 503 RENDERER_NOT_BUILT when the folder has no index.html.
 */
export function serveStatic(res: ServerResponse, dir: string | undefined, path: string, headers: Record<string, string>): void {
  const refuse = (status: number, code: string, message: string) => {
    const body = JSON.stringify({ ok: false, error: { code, message, issues: [] } });
    res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  };
  const notFound = () => refuse(404, 'NOT_FOUND', 'no such page or file in the studio');
  if (!dir || !existsSync(join(dir, 'index.html')))
    return refuse(503, 'RENDERER_NOT_BUILT', 'The studio renderer is not built. Run `npm run build:studio` (npm start does it for you), then reload.');
  const root = resolve(dir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return notFound();
  }
  const file = resolve(root, normalize(decoded).replace(/^([/\\])+/u, ''));
  if (file !== root && !file.startsWith(root + sep)) return notFound();
  if (!existsSync(file) || !statSync(file).isFile()) return notFound();
  const body = readFileSync(file);
  res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': body.length });
  res.end(body);
}
