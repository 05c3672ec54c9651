#!/usr/bin/env node
// The memory attacks of docs/security.md, kept out of the unit suite because they are slow:
// a 3 MB .xlsx that inflates to 3 GB (its true size declared, then a lying one), sent to
// `tariff tariffs import` with a 256 MB heap, and to a running studio server's import preview.
// Each must be refused with WORKBOOK_TOO_LARGE, and the server must still answer afterwards.
// Run: node scripts/attack-memory.mjs   (exit 0 when every attack is refused, 1 otherwise)
import { Buffer } from 'node:buffer';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDeflateRaw, crc32 } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'tariff.mjs');
const INFLATED = 3 * 1024 * 1024 * 1024;

/** `size` zero bytes deflated as a stream (memory stays at a megabyte). */
async function deflateZeros(size) {
  const chunk = Buffer.alloc(1024 * 1024);
  const out = [];
  const z = createDeflateRaw({ level: 9 });
  z.on('data', (c) => out.push(c));
  const done = new Promise((resolve, reject) => z.on('end', resolve).on('error', reject));
  let crc = 0;
  for (let left = size; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(piece, crc);
    if (!z.write(piece)) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
  return { raw: Buffer.concat(out), size, crc };
}

/** A zip of [Content_Types].xml and one worksheet holding the deflated bytes, declaring `declared` as its size. */
function zip(entry, declared) {
  const files = [
    { name: '[Content_Types].xml', raw: Buffer.from('<Types/>'), size: 8, crc: crc32(Buffer.from('<Types/>')), method: 0 },
    { name: 'xl/worksheets/sheet1.xml', ...entry, size: declared, method: 8 },
  ];
  const parts = [];
  const central = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(f.method, 8);
    local.writeUInt32LE(f.crc >>> 0, 14);
    local.writeUInt32LE(f.raw.length, 18);
    local.writeUInt32LE(f.size, 22);
    local.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(f.method, 10);
    c.writeUInt32LE(f.crc >>> 0, 16);
    c.writeUInt32LE(f.raw.length, 20);
    c.writeUInt32LE(f.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    parts.push(local, name, f.raw);
    central.push(c, name);
    offset += 30 + name.length + f.raw.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

let failed = 0;
const check = (what, ok, detail) => {
  console.log(`${ok ? 'held ' : 'FAIL '} ${what}${ok ? '' : `\n  ${detail}`}`);
  if (!ok) failed += 1;
};

const dir = mkdtempSync(join(tmpdir(), 'tariff-attack-memory-'));
console.log(`deflating ${INFLATED / 1024 ** 3} GB of zeros …`);
const bomb = await deflateZeros(INFLATED);
console.log(`${(bomb.raw.length / 1024 / 1024).toFixed(1)} MB compressed`);
const books = {
  'declares 3 GB': zip(bomb, 0xfffffffe),
  'declares 1 KB, inflates to 3 GB': zip(bomb, 1024),
};

for (const [what, data] of Object.entries(books)) {
  const file = join(dir, 'bomb.xlsx');
  writeFileSync(file, data);
  const r = spawnSync(process.execPath, ['--max-old-space-size=256', BIN, 'tariffs', 'import', file, '--workspace', join(dir, 'ws.sqlite')], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  check(
    `tariff tariffs import, a workbook that ${what} (256 MB heap)`,
    r.status === 2 && r.stderr.includes('is refused before it is read'),
    `exit ${r.status}: ${r.stderr.slice(-400)}`,
  );
}

// The studio server: one process, every bomb sent to the import preview, then an ordinary call.
const studio = spawn(process.execPath, ['--max-old-space-size=256', BIN, 'studio', '--web', '--workspace', join(dir, 'studio.sqlite')], { stdio: ['ignore', 'pipe', 'pipe'] });
const url = await new Promise((resolve, reject) => {
  let out = '';
  studio.stdout.on('data', (c) => {
    out += c;
    const m = /(http:\/\/127\.0\.0\.1:\d+\/s\/[^/\s]+\/)/.exec(out);
    if (m) resolve(m[1]);
  });
  studio.on('exit', (code) => reject(new Error(`the studio exited (${code}) before printing its URL: ${out}`)));
});
try {
  const call = (name, body) => globalThis.fetch(`${url}api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  for (const [what, data] of Object.entries(books)) {
    const r = await call('workbook.previewImport', { fileName: 'bomb.xlsx', contentBase64: data.toString('base64') });
    const text = await r.text();
    check(`studio import preview, a workbook that ${what}`, r.status === 200 && text.includes('WORKBOOK_TOO_LARGE'), `${r.status}: ${text.slice(0, 300)}`);
  }
  const list = await call('tariffs.list', {});
  check('the studio server still answers afterwards', list.status === 200 && studio.exitCode === null, `status ${list.status}, exit ${studio.exitCode}`);
} finally {
  studio.kill('SIGTERM');
}
console.log(failed ? `${failed} attack(s) not refused` : 'every memory attack was refused');
process.exit(failed ? 1 : 0);
