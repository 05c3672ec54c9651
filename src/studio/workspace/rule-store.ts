import type { RuleVersion } from '../../engine/rule-types.js';
import { StudioError } from '../model/studio-error.js';
import type { VersionStatus } from './tariff-store.js';
import type { RuleMeta } from './version-meta.js';
import type { Workspace } from './workspace.js';

/**
 * Rule versions of a workspace. Read-only for now: the legal review workflow (draft → in review
 * → approved → superseded, with the audit log) writes here when it lands.
 */
export type RuleVersionRecord = { id: number; effective: string; status: VersionStatus; basedOn: number | null; title: string; revision: number; updatedAt: string };
export type StoredRuleVersion = RuleVersionRecord & { version: RuleVersion; meta: RuleMeta };

type Row = { id: number; effective: string; status: VersionStatus; based_on: number | null; title: string; data: string; meta: string; revision: number; updated_at: string };

const record = (r: Row): RuleVersionRecord => ({ id: r.id, effective: r.effective, status: r.status, basedOn: r.based_on, title: r.title, revision: r.revision, updatedAt: r.updated_at });

const stored = (r: Row): StoredRuleVersion => {
  const meta = JSON.parse(r.meta) as RuleMeta;
  const data = JSON.parse(r.data) as Pick<RuleVersion, 'decisions' | 'interpretations'>;
  const version: RuleVersion = {
    effective: r.effective,
    status: r.status,
    ...(meta.author !== undefined ? { author: meta.author } : {}),
    ...(meta.approvedBy !== undefined ? { approvedBy: meta.approvedBy } : {}),
    ...(meta.note !== undefined ? { note: meta.note } : {}),
    decisions: data.decisions,
    interpretations: data.interpretations,
  };
  return { ...record(r), version, meta };
};

export function listRuleVersions(ws: Workspace): RuleVersionRecord[] {
  return (ws.db.prepare('SELECT * FROM rule_versions ORDER BY effective DESC, id DESC').all() as Row[]).map(record);
}

export function allRuleVersions(ws: Workspace): StoredRuleVersion[] {
  return (ws.db.prepare('SELECT * FROM rule_versions ORDER BY effective, id').all() as Row[]).map(stored);
}

export function getRuleVersion(ws: Workspace, id: number): StoredRuleVersion {
  const row = ws.db.prepare('SELECT * FROM rule_versions WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new StudioError('VERSION_NOT_FOUND', `rule version ${id} is not in this workspace`);
  return stored(row);
}

/** The rules a tariff preview answers with: the approved rules in force on `asOf`, else the earliest approved. */
export function rulesFor(ws: Workspace, asOf: string): RuleVersion {
  const approved = allRuleVersions(ws).filter((r) => r.status === 'approved' || r.status === 'superseded');
  let found = approved[0];
  for (const r of approved) if (r.effective <= asOf) found = r;
  if (!found) throw new StudioError('NO_RULES', 'this workspace has no approved rule version', [], 'Create the workspace from a rules/ folder with an approved version.');
  return found.version;
}
