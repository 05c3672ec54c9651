import { createHash } from 'node:crypto';
import { canonical } from '../engine/review/version-diff.js';

/**
 * A hash-chained audit log: each entry's hash covers its content and the previous entry's hash,
 * so editing, deleting or reordering any entry breaks every hash after it. `verifyChain` says
 * whether the chain holds and, if not, the first entry where it breaks and why. An entry written
 * since workspace migration 4 may carry the hashes of the versions it saved (`versions`), which the
 * entry's own hash covers; older entries hash exactly as they did.
 */
export type AuditContent = { at: string; actor: string; action: string; target: string; before: unknown; after: unknown; comment?: string; versions?: VersionSeal[] };
/**
 * The content of a version as the entry saw it: `target` (tariff:ID or rule:ID), the SHA-256 of
 * its canonical content, and for a version that is no longer a draft the hash of every field by
 * JSON pointer, so a later change can be named field by field.
 */
export type VersionSeal = { target: string; hash: string; fields?: Record<string, string> };
export type AuditEntry = AuditContent & { seq: number; prevHash: string; hash: string };

export const GENESIS = '0'.repeat(64);

export const hashEntry = (seq: number, prevHash: string, c: AuditContent): string =>
  createHash('sha256')
    .update(
      JSON.stringify(
        canonical({
          seq,
          prevHash,
          at: c.at,
          actor: c.actor,
          action: c.action,
          target: c.target,
          before: c.before ?? null,
          after: c.after ?? null,
          comment: c.comment ?? null,
          ...(c.versions ? { versions: c.versions } : {}),
        }),
      ),
    )
    .digest('hex');

/** The next entry of a chain whose last entry is `last` (undefined for the first). */
export const nextEntry = (last: AuditEntry | undefined, c: AuditContent): AuditEntry => {
  const seq = last ? last.seq + 1 : 1;
  const prevHash = last ? last.hash : GENESIS;
  return { ...c, seq, prevHash, hash: hashEntry(seq, prevHash, c) };
};

export type ChainVerdict = { ok: true; entries: number; head: string } | { ok: false; entries: number; brokenAt: number; reason: string };

export function verifyChain(entries: readonly AuditEntry[]): ChainVerdict {
  let prev = GENESIS;
  for (const [i, e] of entries.entries()) {
    if (e.seq !== i + 1) return { ok: false, entries: entries.length, brokenAt: e.seq, reason: `entry ${i + 1} has sequence number ${e.seq}: an entry was removed or reordered` };
    if (e.prevHash !== prev) return { ok: false, entries: entries.length, brokenAt: e.seq, reason: `entry ${e.seq} does not follow the hash of entry ${e.seq - 1}` };
    const expected = hashEntry(e.seq, e.prevHash, e);
    if (expected !== e.hash)
      return { ok: false, entries: entries.length, brokenAt: e.seq, reason: `entry ${e.seq} was altered after it was written (its content no longer matches its hash)` };
    prev = e.hash;
  }
  return { ok: true, entries: entries.length, head: prev };
}
