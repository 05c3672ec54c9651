import { inflateRawSync } from 'node:zlib';

/**
 * Checks an .xlsx archive before exceljs parses it, so a small file that inflates to gigabytes
 * (a "zip bomb") or a sheet of millions of rows is refused with a clear error instead of
 * exhausting memory. Reads the zip's central directory itself: the declared sizes of every entry
 * are checked against the budget first, then each entry is inflated on its own with
 * `maxOutputLength` set to what it declared (so a lying header stops at its declared size and the
 * budget), and each worksheet's rows and cells are counted. A tariff workbook is some tens of
 * kilobytes; the limits are far above any real one and far below what hurts a server.
 */
export const XLSX_LIMITS = {
  /** Entries in the archive. */
  entries: 2_000,
  /** Decompressed bytes of one entry. */
  entryBytes: 16 * 1024 * 1024,
  /** Decompressed bytes of all entries together. */
  totalBytes: 48 * 1024 * 1024,
  /** Rows of one worksheet. */
  rowsPerSheet: 10_000,
  /** Cells of one worksheet. */
  cellsPerSheet: 200_000,
} as const;

export type XlsxLimits = { [K in keyof typeof XLSX_LIMITS]: number };

/** Why an archive is refused: a stable code, what and where, and the limit that applies. */
export type ArchiveProblem = { code: 'WORKBOOK_TOO_LARGE' | 'WORKBOOK_UNREADABLE'; message: string; entry?: string };

const MB = (n: number): string => (n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${Math.round((n / 1024 / 1024) * 10) / 10} MB`);

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

type Entry = { name: string; method: number; compressed: number; size: number; localOffset: number };

function centralDirectory(buf: Buffer): Entry[] | ArchiveProblem {
  const unreadable = (why: string): ArchiveProblem => ({ code: 'WORKBOOK_UNREADABLE', message: `not a zip archive (${why})` });
  if (buf.length < 22) return unreadable('too short');
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i -= 1)
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) return unreadable('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
    return { code: 'WORKBOOK_TOO_LARGE', message: 'the archive is a ZIP64 archive (over 4 GB or 65,535 entries); a tariff workbook is never that large' };
  if (cdOffset + cdSize > buf.length) return unreadable('the central directory lies outside the file');
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i += 1) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return unreadable(`entry ${i + 1} of the central directory is damaged`);
    const nameLen = buf.readUInt16LE(p + 28);
    const e: Entry = {
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      localOffset: buf.readUInt32LE(p + 42),
    };
    if (e.compressed === 0xffffffff || e.size === 0xffffffff || e.localOffset === 0xffffffff)
      return { code: 'WORKBOOK_TOO_LARGE', entry: e.name, message: `entry ${e.name} is a ZIP64 entry (over 4 GB); a tariff workbook is never that large` };
    entries.push(e);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/** Counts `<row ` / `<row>` and `<c ` / `<c>` (with any namespace prefix absent, as Excel, LibreOffice and exceljs write them). */
const countTags = (xml: Buffer, tag: string): number => {
  let n = 0;
  const open = Buffer.from(`<${tag}`);
  for (let i = xml.indexOf(open); i >= 0; i = xml.indexOf(open, i + open.length)) {
    const next = xml[i + open.length];
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) n += 1;
  }
  return n;
};

const isSheet = (name: string): boolean => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

/** An XML attribute of one tag, decoded (the five entities XML defines). */
const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}="([^"]*)"`, 'u').exec(tag);
  return m?.[1]?.replace(/&(lt|gt|quot|apos|amp);/gu, (_e, x: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[x]!);
};

/**
 * The name a sheet entry has in the workbook (表1 コース for xl/worksheets/sheet1.xml), read from
 * xl/workbook.xml and its relationships; undefined when they cannot be read. `body` gives an
 * entry's decompressed bytes (within the limits).
 */
function sheetName(entry: string, body: (name: string) => Buffer | undefined): string | undefined {
  const workbook = body('xl/workbook.xml')?.toString('utf8');
  const rels = body('xl/_rels/workbook.xml.rels')?.toString('utf8');
  if (!workbook || !rels) return undefined;
  const target = entry.replace(/^xl\//iu, '');
  const rel = (rels.match(/<Relationship\b[^>]*>/gu) ?? []).find((t) => attr(t, 'Target')?.replace(/^\/?(xl\/)?/iu, '') === target);
  const id = rel && attr(rel, 'Id');
  const sheet = id ? (workbook.match(/<sheet\b[^>]*>/gu) ?? []).find((t) => attr(t, 'r:id') === id) : undefined;
  return sheet && attr(sheet, 'name');
}

/** An entry's stored (compressed) bytes, after its local header; undefined when that header is not where the directory says. */
const storedBytes = (buf: Buffer, e: Entry): Buffer | undefined => {
  if (e.localOffset + 30 > buf.length || buf.readUInt32LE(e.localOffset) !== LOCAL) return undefined;
  const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
  return buf.subarray(start, start + e.compressed);
};

/** Undefined when the archive is within every limit; otherwise the first problem found. */
export function checkXlsxArchive(data: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): ArchiveProblem | undefined {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const entries = centralDirectory(buf);
  if (!Array.isArray(entries)) return entries;
  if (entries.length > limits.entries) return { code: 'WORKBOOK_TOO_LARGE', message: `the archive holds ${entries.length} entries; the limit is ${limits.entries}` };
  let declared = 0;
  for (const e of entries) {
    if (e.size > limits.entryBytes)
      return { code: 'WORKBOOK_TOO_LARGE', entry: e.name, message: `entry ${e.name} declares ${MB(e.size)} decompressed; the limit is ${MB(limits.entryBytes)} per entry` };
    declared += e.size;
  }
  if (declared > limits.totalBytes) return { code: 'WORKBOOK_TOO_LARGE', message: `the archive declares ${MB(declared)} decompressed; the limit is ${MB(limits.totalBytes)}` };
  let actual = 0;
  // The small workbook parts sheetName reads, only once a sheet is refused (so read again then, not kept).
  const bodyOf = (name: string): Buffer | undefined => {
    const e = entries.find((x) => x.name === name);
    const raw = e && e.size <= 1024 * 1024 ? storedBytes(buf, e) : undefined;
    if (!e || !raw) return undefined;
    try {
      return e.method === 0 ? raw : e.method === 8 ? inflateRawSync(raw, { maxOutputLength: e.size + 1 }) : undefined;
    } catch {
      return undefined;
    }
  };
  const named = (entry: string): string => {
    const name = sheetName(entry, bodyOf);
    return name === undefined ? entry : `sheet "${name}" (${entry})`;
  };
  for (const e of entries) {
    const raw = storedBytes(buf, e);
    if (!raw) return { code: 'WORKBOOK_UNREADABLE', entry: e.name, message: `not a zip archive (entry ${e.name} is damaged)` };
    let body: Buffer;
    if (e.method === 0) body = raw;
    else if (e.method === 8) {
      try {
        // One byte over the declared size is enough to know the header lies.
        body = inflateRawSync(raw, { maxOutputLength: Math.min(e.size, limits.totalBytes - actual) + 1 });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)
          return { code: 'WORKBOOK_TOO_LARGE', entry: e.name, message: `entry ${e.name} inflates to more than the ${MB(e.size)} it declares; the archive is forged or damaged` };
        return { code: 'WORKBOOK_UNREADABLE', entry: e.name, message: `entry ${e.name} cannot be decompressed (${(err as Error).message})` };
      }
    } else
      return { code: 'WORKBOOK_UNREADABLE', entry: e.name, message: `entry ${e.name} uses compression method ${e.method}; Excel and LibreOffice write 0 (stored) or 8 (deflate)` };
    if (body.length !== e.size)
      return { code: 'WORKBOOK_TOO_LARGE', entry: e.name, message: `entry ${e.name} inflates to ${body.length} bytes but declares ${e.size}; the archive is forged or damaged` };
    actual += body.length;
    if (isSheet(e.name)) {
      const rows = countTags(body, 'row');
      if (rows > limits.rowsPerSheet)
        return { code: 'WORKBOOK_TOO_LARGE', entry: e.name, message: `${named(e.name)} has ${rows} rows; the limit is ${limits.rowsPerSheet} rows per sheet` };
      const cells = countTags(body, 'c');
      if (cells > limits.cellsPerSheet)
        return { code: 'WORKBOOK_TOO_LARGE', entry: e.name, message: `${named(e.name)} has ${cells} cells; the limit is ${limits.cellsPerSheet} cells per sheet` };
    }
  }
  return undefined;
}

/**
 * What a zip archive that is no Excel workbook (no xl/workbook.xml) is, as the import names it:
 * another zip renamed .xlsx. Undefined for a workbook, or bytes that are no zip archive.
 */
export function notAWorkbook(data: Uint8Array): string | undefined {
  const entries = centralDirectory(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  if (!Array.isArray(entries)) return undefined;
  const has = (name: string): boolean => entries.some((e) => e.name === name);
  if (has('xl/workbook.xml')) return undefined;
  const kind =
    has('mimetype') || has('content.xml')
      ? 'an OpenDocument file (.ods)'
      : has('word/document.xml')
        ? 'a Word document (.docx)'
        : has('ppt/presentation.xml')
          ? 'a PowerPoint file (.pptx)'
          : 'a zip archive';
  return `it is ${kind}, with no xl/workbook.xml`;
}
