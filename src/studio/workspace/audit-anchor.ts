import { appendFileSync, closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { fileProblem } from '../../io/file-problem.js';
import { readFileWithin } from '../../io/read-file.js';
import { GENESIS, type AuditEntry } from '../../io/audit-chain.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import { nowIso, type Workspace } from './workspace.js';

/**
 * Anchors: the audit log's head (its last hash and its number of entries) written outside the
 * workspace file, so a log that was cut short, emptied or re-hashed from some entry on no longer
 * reaches a head recorded before. The studio appends one line to `FILE.anchors` beside the
 * workspace after every write; every exported folder set, change notice and release records the
 * head too (`auditHead`). `checkAnchors` says whether a chain still reaches each anchor.
 */
export type AuditAnchor = { entries: number; head: string; at?: string; workspace?: string; for?: string };

/** The head of a workspace's audit log now: its number of entries and the last entry's hash (GENESIS when empty). */
export function auditHead(ws: Workspace): { entries: number; head: string } {
  const last = ws.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  return last ? { entries: last.seq, head: last.hash } : { entries: 0, head: GENESIS };
}

/** The append-only anchor file the studio keeps beside a workspace. */
export const anchorFileOf = (workspaceFile: string): string => `${workspaceFile}.anchors`;

const lastLine = (file: string): string | undefined => {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const n = Math.min(size, 4096);
    const buf = Buffer.alloc(n);
    readSync(fd, buf, 0, n, size - n);
    return buf.toString('utf8').trimEnd().split('\n').pop();
  } finally {
    closeSync(fd);
  }
};

/** Appends the head to the anchor file when it moved since the last line (never in a read-only workspace). */
export function recordAnchor(ws: Workspace): void {
  if (ws.readOnly || !ws.db.open) return;
  const file = anchorFileOf(ws.file);
  const head = auditHead(ws);
  if (head.entries === 0) return;
  if (existsSync(file)) {
    try {
      const last = JSON.parse(lastLine(file) ?? '') as AuditAnchor;
      if (last.entries === head.entries && last.head === head.head) return;
    } catch {
      // A damaged last line: the new line still follows it; verification reports the damage.
    }
  }
  try {
    appendFileSync(file, `${JSON.stringify({ ...head, at: nowIso() } satisfies AuditAnchor)}\n`, { mode: 0o644 });
  } catch {
    // The anchor is a second witness; a folder that refuses it never fails the save itself. Verification says when it lags.
  }
}

const isAnchor = (v: unknown): v is AuditAnchor =>
  typeof v === 'object' &&
  v !== null &&
  Number.isInteger((v as AuditAnchor).entries) &&
  (v as AuditAnchor).entries >= 0 &&
  typeof (v as AuditAnchor).head === 'string' &&
  /^[0-9a-f]{64}$/.test((v as AuditAnchor).head);

/** Reads an anchor file: the studio's JSON lines, or one JSON object (an export's or a release's anchor). */
export function readAnchors(file: string): AuditAnchor[] {
  let text: string;
  try {
    // A line per save, or a release: far below this bound; a device never ends.
    text = readFileWithin(file, 256 * 1024 * 1024).toString('utf8');
  } catch (e) {
    throw new StudioError(
      'ANCHOR_UNREADABLE',
      `the anchor file ${file} ${fileProblem(e, { use: 'read' })}`,
      [],
      'Give the path of an anchor file (FILE.anchors beside a workspace, or audit-anchor.json of an export).',
    );
  }
  const trimmed = text.trim();
  try {
    const whole = JSON.parse(trimmed) as unknown;
    const inner = (whole as { audit?: unknown } | null)?.audit ?? whole;
    if (isAnchor(inner)) return [inner];
  } catch {
    // Not one JSON value: JSON lines.
  }
  return trimmed.split('\n').map((line, i) => {
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      v = undefined;
    }
    if (!isAnchor(v))
      throw new StudioError(
        'ANCHOR_INVALID',
        `${file} line ${i + 1} is not an anchor ({"entries": N, "head": "64 hex digits"})`,
        [],
        'The anchor file was damaged or edited: compare it with a backup.',
      );
    return v;
  });
}

/** The first anchor the chain does not reach, with why; undefined when the chain reaches every one. */
export function checkAnchors(entries: readonly Pick<AuditEntry, 'seq' | 'hash'>[], anchors: readonly AuditAnchor[], source: string): string | undefined {
  for (const [i, a] of anchors.entries()) {
    const where = `${source}${anchors.length > 1 ? ` line ${i + 1}` : ''}${a.at ? ` (${a.at})` : ''}`;
    if (a.entries === 0) continue;
    const e = entries[a.entries - 1];
    if (!e) return `${where} records ${a.entries} entries with head ${a.head}, but the log has ${entries.length}: entries were removed`;
    if (e.hash !== a.head) return `${where} records head ${a.head} at entry ${a.entries}, but that entry's hash is ${e.hash}: the log was rewritten from some entry on`;
  }
  return undefined;
}

/** Whether the chain reaches a head given by hash (--expect-head): some entry carries it. */
export function reachesHead(entries: readonly Pick<AuditEntry, 'seq' | 'hash'>[], head: string): number | undefined {
  return entries.find((e) => e.hash === head.toLowerCase())?.seq;
}
