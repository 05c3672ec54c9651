import type { ScenarioForm } from '../api/contract.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import { appendAudit } from './audit-log.js';
import { staleSave } from './stale-save.js';
import { nowIso, type Workspace } from './workspace.js';

/**
 * Finance's saved scenarios (migration 3): the form as JSON and the last run's stored result. A
 * save and its audit entry are one transaction; a run's result is written when the run ends (the
 * run is not a change to anything legal or product own, so it is recorded as `scenario.run`).
 */
export type ScenarioRecord = { id: number; name: string; revision: number; createdAt: string; createdBy: string; updatedAt: string; lastRunAt: string | null };
export type StoredScenario<R> = ScenarioRecord & { form: ScenarioForm; lastResult: R | null };

type Row = {
  id: number;
  name: string;
  form: string;
  revision: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  last_run_at: string | null;
  last_result: string | null;
};

const record = (r: Row): ScenarioRecord => ({
  id: r.id,
  name: r.name,
  revision: r.revision,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  lastRunAt: r.last_run_at,
});

export function listScenarios<R>(ws: Workspace): StoredScenario<R>[] {
  return (ws.db.prepare('SELECT * FROM scenarios ORDER BY updated_at DESC, id DESC').all() as Row[]).map((r) => stored<R>(r));
}

const stored = <R>(r: Row): StoredScenario<R> => ({
  ...record(r),
  form: JSON.parse(r.form) as ScenarioForm,
  lastResult: r.last_result === null ? null : (JSON.parse(r.last_result) as R),
});

export function getScenario<R>(ws: Workspace, id: number): StoredScenario<R> {
  const row = ws.db.prepare('SELECT * FROM scenarios WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new StudioError('SCENARIO_NOT_FOUND', `scenario ${id} is not in this workspace`, [], 'Reload the scenario list.');
  return stored<R>(row);
}

/** Creates (id null) or updates a scenario's form; the caller has checked the form. Returns the new record. */
export function saveScenario(ws: Workspace, id: number | null, form: ScenarioForm, revision?: number): ScenarioRecord {
  return ws.db
    .transaction(() => {
      const now = nowIso();
      const name = form.name.trim();
      if (id === null) {
        const info = ws.db
          .prepare('INSERT INTO scenarios (name, form, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?)')
          .run(name, JSON.stringify(form), now, ws.actor, now);
        const newId = Number(info.lastInsertRowid);
        appendAudit(ws, 'scenario.created', `scenario:${newId}`, { after: { name } });
        return record(ws.db.prepare('SELECT * FROM scenarios WHERE id = ?').get(newId) as Row);
      }
      const cur = getScenario(ws, id);
      if (revision !== undefined && cur.revision !== revision) throw staleSave(ws, `scenario:${id}`, `scenario "${cur.name}" (#${id})`, cur.revision, revision);
      const formJson = JSON.stringify(form);
      if (JSON.stringify(cur.form) === formJson) return cur;
      ws.db.prepare('UPDATE scenarios SET name = ?, form = ?, revision = revision + 1, updated_at = ? WHERE id = ?').run(name, formJson, now, id);
      appendAudit(ws, 'scenario.saved', `scenario:${id}`, { before: { name: cur.name, revision: cur.revision }, after: { name, revision: cur.revision + 1 } });
      return record(ws.db.prepare('SELECT * FROM scenarios WHERE id = ?').get(id) as Row);
    })
    .immediate();
}

/** Stores a finished run as the scenario's last result; false when the scenario was deleted meanwhile. */
export function saveScenarioResult(ws: Workspace, id: number, result: unknown, summary: unknown): boolean {
  return ws.db
    .transaction(() => {
      const now = nowIso();
      const info = ws.db.prepare('UPDATE scenarios SET last_result = ?, last_run_at = ? WHERE id = ?').run(JSON.stringify(result), now, id);
      if (info.changes === 0) return false;
      appendAudit(ws, 'scenario.run', `scenario:${id}`, { after: summary });
      return true;
    })
    .immediate();
}

export function deleteScenario(ws: Workspace, id: number): void {
  ws.db
    .transaction(() => {
      const cur = getScenario(ws, id);
      ws.db.prepare('DELETE FROM scenarios WHERE id = ?').run(id);
      appendAudit(ws, 'scenario.deleted', `scenario:${id}`, { before: { name: cur.name, revision: cur.revision } });
    })
    .immediate();
}
