import { createHash } from 'node:crypto';
import type { VersionSeal } from '../../io/audit-chain.js';
import { canonical } from '../../engine/review/version-diff.js';
import type { Workspace } from './workspace.js';

/**
 * The content of a stored version that the audit log vouches for: its effective date, title,
 * data and meta (everything but its status, which legitimately moves from approved to
 * superseded, and its bookkeeping times). `sealOf` hashes it; `verifyVersions` recomputes every
 * version's hash from the rows and compares it with the last audit entry that recorded it, so a
 * version changed behind the studio's back (even with every trigger dropped) is named, and for a
 * version past draft the fields that changed.
 */
type VersionRow = { id: number; effective: string; status: string; based_on: number | null; title: string; data: string; meta: string };
type Table = 'tariff_versions' | 'rule_versions';

const TABLES: Record<string, Table> = { tariff: 'tariff_versions', rule: 'rule_versions' };
export const VERSION_TARGET = /^(tariff|rule):(\d+)$/;

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
// The base is left out: discarding a draft re-bases the drafts started from it, which is no change of theirs.
const contentOf = (r: VersionRow) => ({ effective: r.effective, title: r.title, data: JSON.parse(r.data) as unknown, meta: JSON.parse(r.meta) as unknown });

const escape = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every leaf of a JSON value by JSON pointer, each with a short hash of its value. */
export function fieldHashes(value: unknown, pointer = '', out: Record<string, string> = {}): Record<string, string> {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    if (entries.length === 0) out[pointer || '/'] = sha(JSON.stringify(value)).slice(0, 16);
    for (const [k, v] of entries) fieldHashes(v, `${pointer}/${escape(k)}`, out);
  } else out[pointer || '/'] = sha(JSON.stringify(value ?? null)).slice(0, 16);
  return out;
}

const rowOf = (ws: Workspace, target: string): VersionRow | undefined => {
  const m = VERSION_TARGET.exec(target);
  if (!m) return undefined;
  return ws.db.prepare(`SELECT id, effective, status, based_on, title, data, meta FROM ${TABLES[m[1]!]} WHERE id = ?`).get(Number(m[2])) as VersionRow | undefined;
};

const sealRow = (target: string, r: VersionRow): VersionSeal => {
  const content = contentOf(r);
  return { target, hash: sha(JSON.stringify(canonical(content))), ...(r.status !== 'draft' ? { fields: fieldHashes(content) } : {}) };
};

/** The seal of a version as it is now, or undefined when the target is not a version of this workspace. */
export function sealOf(ws: Workspace, target: string): VersionSeal | undefined {
  const r = rowOf(ws, target);
  return r ? sealRow(target, r) : undefined;
}

/** Every version of the workspace as a target (tariff:1, rule:3 …). */
export const versionTargets = (ws: Workspace): string[] => [
  ...(ws.db.prepare('SELECT id FROM tariff_versions ORDER BY id').all() as { id: number }[]).map((r) => `tariff:${r.id}`),
  ...(ws.db.prepare('SELECT id FROM rule_versions ORDER BY id').all() as { id: number }[]).map((r) => `rule:${r.id}`),
];

export type VersionProblem = { target: string; version: string; seq: number | null; fields: string[]; message: string };

type SealedEntry = { seq: number; action: string; target: string; versions?: VersionSeal[] };

const label = (ws: Workspace, target: string): string => {
  const r = rowOf(ws, target);
  const [kind, id] = target.split(':');
  return r ? `${kind} version ${r.effective} (#${id}, ${r.status})` : `${kind} version #${id}`;
};

/**
 * Compares every version with the last audit entry about it. A version no entry vouches for, a
 * version whose content no longer hashes as recorded, and a version the log says exists but the
 * table lacks are each a problem; past draft, the changed fields are named by JSON pointer.
 */
export function verifyVersions(ws: Workspace, entries: readonly SealedEntry[]): VersionProblem[] {
  const last = new Map<string, { seq: number; seal?: VersionSeal; gone: boolean }>();
  const lastFields = new Map<string, Record<string, string>>();
  for (const e of entries) {
    if (VERSION_TARGET.test(e.target) && e.action.endsWith('.discarded')) last.set(e.target, { seq: e.seq, gone: true });
    for (const v of e.versions ?? []) {
      last.set(v.target, { seq: e.seq, seal: v, gone: false });
      if (v.fields) lastFields.set(v.target, v.fields);
    }
  }
  const problems: VersionProblem[] = [];
  const present = new Set(versionTargets(ws));
  for (const target of present) {
    const seen = last.get(target);
    const version = label(ws, target);
    if (!seen || (!seen.seal && !seen.gone)) {
      problems.push({ target, version, seq: seen?.seq ?? null, fields: [], message: `${version}: no audit entry records its content; it was written outside the studio` });
      continue;
    }
    if (seen.gone) {
      problems.push({ target, version, seq: seen.seq, fields: [], message: `${version}: the audit log says entry ${seen.seq} discarded it, yet it is in the workspace` });
      continue;
    }
    const now = sealOf(ws, target)!;
    if (now.hash === seen.seal!.hash) continue;
    const recorded = lastFields.get(target);
    const fields = recorded && now.fields ? changedFields(recorded, now.fields) : [];
    problems.push({
      target,
      version,
      seq: seen.seq,
      fields,
      message: `${version}: its content changed after audit entry ${seen.seq} recorded it${fields.length ? `; changed: ${fields.slice(0, 20).join(', ')}${fields.length > 20 ? ` and ${fields.length - 20} more` : ''}` : ' (a draft: its fields are not recorded, only its hash)'}`,
    });
  }
  for (const [target, seen] of last)
    if (!present.has(target) && !seen.gone)
      problems.push({
        target,
        version: label(ws, target),
        seq: seen.seq,
        fields: [],
        message: `${label(ws, target)}: recorded by audit entry ${seen.seq} but missing from the workspace; it was deleted outside the studio`,
      });
  return problems;
}

const changedFields = (before: Record<string, string>, after: Record<string, string>): string[] => {
  const out: string[] = [];
  for (const [p, h] of Object.entries(after)) if (before[p] !== h) out.push(p);
  for (const p of Object.keys(before)) if (!(p in after)) out.push(p);
  return out;
};
