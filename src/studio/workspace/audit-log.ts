import { nextEntry, verifyChain, type AuditContent, type AuditEntry, type ChainVerdict, type VersionSeal } from '../../io/audit-chain.js';
import { checkAnchors, reachesHead, type AuditAnchor } from './audit-anchor.js';
import { sealOf, VERSION_TARGET, verifyVersions, type VersionProblem } from './version-seal.js';
import { nowIso, type Workspace } from './workspace.js';

/**
 * The workspace's audit log: entries of src/io/audit-chain.ts in an append-only table (triggers
 * refuse UPDATE and DELETE). An entry is appended inside the transaction of the change it
 * records, so a change and its entry commit or roll back together.
 */
type Row = {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  before: string;
  after: string;
  comment: string | null;
  prev_hash: string;
  hash: string;
  versions?: string | null;
};

const entry = (r: Row): AuditEntry => ({
  seq: r.seq,
  at: r.at,
  actor: r.actor,
  action: r.action,
  target: r.target,
  before: JSON.parse(r.before) as unknown,
  after: JSON.parse(r.after) as unknown,
  ...(r.comment !== null ? { comment: r.comment } : {}),
  ...(r.versions ? { versions: JSON.parse(r.versions) as VersionSeal[] } : {}),
  prevHash: r.prev_hash,
  hash: r.hash,
});

/**
 * Appends an entry. An entry about a version (target tariff:ID or rule:ID) records the hash of the
 * version's content as it stands in this transaction (and its fields, past draft); `versions`
 * names other versions to record (the workspace's creation records all of them).
 */
export function appendAudit(ws: Workspace, action: string, target: string, change: { before?: unknown; after?: unknown; comment?: string; versions?: string[] }): AuditEntry {
  const lastRow = ws.db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1').get() as Row | undefined;
  // JSON round trip first, so the hash covers exactly what is stored (no undefined, no Dates).
  const content: AuditContent = {
    at: nowIso(),
    actor: ws.actor,
    action,
    target,
    before: JSON.parse(JSON.stringify(change.before ?? null)) as unknown,
    after: JSON.parse(JSON.stringify(change.after ?? null)) as unknown,
    ...(change.comment !== undefined ? { comment: change.comment } : {}),
  };
  const seals = (change.versions ?? (VERSION_TARGET.test(target) ? [target] : [])).map((t) => sealOf(ws, t)).filter((s): s is VersionSeal => s !== undefined);
  if (seals.length) content.versions = seals;
  const e = nextEntry(lastRow ? entry(lastRow) : undefined, content);
  ws.db
    .prepare('INSERT INTO audit_log (seq, at, actor, action, target, before, after, comment, prev_hash, hash, versions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(
      e.seq,
      e.at,
      e.actor,
      e.action,
      e.target,
      JSON.stringify(e.before),
      JSON.stringify(e.after),
      e.comment ?? null,
      e.prevHash,
      e.hash,
      e.versions ? JSON.stringify(e.versions) : null,
    );
  return e;
}

export function listAudit(ws: Workspace, limit = 200): AuditEntry[] {
  return (ws.db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?').all(limit) as Row[]).map(entry);
}

export function verifyAudit(ws: Workspace): ChainVerdict {
  return verifyChain((ws.db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[]).map(entry));
}

/**
 * `sealed`: false for a workspace older than migration 4 opened read-only, whose entries record
 * no version content. `anchors`: every anchor (file or expected head) the chain does not reach.
 */
export type WorkspaceVerdict = { chain: ChainVerdict; versions: VersionProblem[]; sealed: boolean; anchors: string[] };
export type AnchorSource = { source: string; anchors: AuditAnchor[] };

/** The chain, every version against the last entry that recorded its content, and the chain against each anchor. */
export function verifyWorkspace(ws: Workspace, opts: { anchors?: AnchorSource[]; expectHead?: string[] } = {}): WorkspaceVerdict {
  const entries = (ws.db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[]).map(entry);
  const sealed = (ws.db.prepare("SELECT count(*) AS n FROM pragma_table_info('audit_log') WHERE name = 'versions'").get() as { n: number }).n > 0;
  const versions = (ws.db.prepare('SELECT (SELECT count(*) FROM tariff_versions) + (SELECT count(*) FROM rule_versions) AS n').get() as { n: number }).n;
  // An emptied log is a broken chain, never "holds": every workspace starts with its creation entry.
  const chain: ChainVerdict =
    entries.length === 0 && versions > 0
      ? { ok: false, entries: 0, brokenAt: 1, reason: `the workspace holds ${versions} version(s) but no audit entry: the log was emptied` }
      : verifyChain(entries);
  const anchors: string[] = [];
  for (const a of opts.anchors ?? []) {
    const problem = checkAnchors(entries, a.anchors, a.source);
    if (problem) anchors.push(problem);
  }
  for (const h of opts.expectHead ?? [])
    if (reachesHead(entries, h) === undefined) anchors.push(`the expected head ${h} is not the hash of any entry: the log was cut short or rewritten since that head was recorded`);
  return { chain, versions: sealed ? verifyVersions(ws, entries) : [], sealed, anchors };
}
