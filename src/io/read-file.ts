import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';

/**
 * Reads a file a user named (a key, a token file, a workbook, a certificate) within `maxBytes`:
 * a device or a socket (/dev/zero never ends) is refused before it is opened, a file larger than
 * the bound before it is read, and a pipe (the shell's <(…)) is read up to the bound. The errors
 * carry a code fileProblem puts into words (ENOTREGULAR, EFBIG), so every reader says what the
 * path is and what to give instead, never an out-of-memory abort.
 */
export function readFileWithin(path: string, maxBytes: number): Buffer {
  const st = statSync(path);
  const device = st.isCharacterDevice() ? 'a character device' : st.isBlockDevice() ? 'a block device' : st.isSocket() ? 'a socket' : undefined;
  if (device) throw Object.assign(new Error(`${path} is ${device}`), { code: 'ENOTREGULAR', path, kind: device });
  if (st.isFile()) {
    if (st.size > maxBytes) throw tooLarge(path, st.size, maxBytes);
    return readFileSync(path);
  }
  if (!st.isFIFO()) return readFileSync(path); // a folder: EISDIR, in words
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    const buf = Buffer.alloc(64 * 1024);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw tooLarge(path, total, maxBytes);
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    return Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}

const tooLarge = (path: string, size: number, max: number): Error =>
  Object.assign(new Error(`${size.toLocaleString('en-US')} bytes or more; at most ${max.toLocaleString('en-US')} are read here`), { code: 'EFBIG', path });
