import { createHash } from 'node:crypto';
import type { Workspace } from './workspace.js';
import { nowIso } from './workspace.js';

/**
 * The hash-chained audit log: every entry's hash is sha256 over its fields and the previous
 * entry's hash, so an edited or removed entry breaks the chain from there on. Entries are
 * appended inside the transaction of the change they record.
 */
export type AuditEntry = { id: number; at: string; actor: string; action: string; subject: string; detail: unknown; prevHash: string; hash: string };

export const GENESIS_HASH = '0'.repeat(64);

type Row = { id: number; at: string; actor: string; action: string; subject: string; detail: string; prev_hash: string; hash: string };

const hashOf = (r: Omit<Row, 'hash'>): string =>
  createHash('sha256').update(JSON.stringify([r.id, r.at, r.actor, r.action, r.subject, r.detail, r.prev_hash])).digest('hex');

export function appendAudit(ws: Workspace, action: string, subject: string, detail: unknown): AuditEntry {
  const last = ws.db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  const row = { id: (last?.id ?? 0) + 1, at: nowIso(), actor: ws.actor, action, subject, detail: JSON.stringify(detail ?? null), prev_hash: last?.hash ?? GENESIS_HASH };
  const hash = hashOf(row);
  ws.db.prepare('INSERT INTO audit_log (id, at, actor, action, subject, detail, prev_hash, hash) VALUES (@id, @at, @actor, @action, @subject, @detail, @prev_hash, @hash)').run({ ...row, hash });
  return { id: row.id, at: row.at, actor: row.actor, action, subject, detail, prevHash: row.prev_hash, hash };
}

export function listAudit(ws: Workspace, limit = 200): AuditEntry[] {
  const rows = ws.db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit) as Row[];
  return rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, subject: r.subject, detail: JSON.parse(r.detail) as unknown, prevHash: r.prev_hash, hash: r.hash }));
}

export type AuditVerification = { ok: true; entries: number; head: string } | { ok: false; entries: number; brokenAt: number; reason: string };

/** Walks the chain from the first entry; reports the first entry whose link or hash does not hold. */
export function verifyAudit(ws: Workspace): AuditVerification {
  let prev = GENESIS_HASH;
  let expectedId = 1;
  let n = 0;
  for (const r of ws.db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<Row>) {
    n += 1;
    if (r.id !== expectedId) return { ok: false, entries: n, brokenAt: r.id, reason: `entry ${expectedId} is missing` };
    if (r.prev_hash !== prev) return { ok: false, entries: n, brokenAt: r.id, reason: 'its previous-hash does not match the entry before it' };
    if (hashOf(r) !== r.hash) return { ok: false, entries: n, brokenAt: r.id, reason: 'its content does not match its hash' };
    prev = r.hash;
    expectedId += 1;
  }
  return { ok: true, entries: n, head: prev };
}
