import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveTariffDraft, createTariffDraft, discardTariffDraft, getTariffVersion } from '../../src/studio/workspace/tariff-store.js';
import { closeWorkspace } from '../../src/studio/workspace/workspace.js';
import { openWorkspace } from '../../src/studio/workspace/open-workspace.js';
import { scratch, SEED } from '../studio/helpers.js';
import { runCli } from './helpers.js';

/** Attack 3: version data changed behind the audit log's back, with every trigger dropped. */
const workspace = () => {
  const file = join(scratch('seal-'), 'ws.sqlite');
  const { ws } = openWorkspace(file, { seed: SEED, actor: 'tester' });
  return { file, ws };
};
const dropTriggers = (ws: ReturnType<typeof workspace>['ws']) => {
  for (const { name } of ws.db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]) ws.db.exec(`DROP TRIGGER "${name}"`);
};

describe('audit verify recomputes every version', () => {
  it('a clean workspace holds, after a draft is created and saved', async () => {
    const { file, ws } = workspace();
    const d = createTariffDraft(ws, { from: 1, effective: '2031-01-01', title: 'next' });
    saveTariffDraft(ws, { id: d.id, revision: d.revision, version: d.version, action: 'tariff.draft.edited', before: null, after: null });
    closeWorkspace(ws);
    const r = await runCli('audit', 'verify', '--workspace', file);
    expect(r.out).toContain('every version (3) matches');
    expect(r.code).toBe(0);
  });

  it('discarding a draft that another draft was started from keeps the log holding', async () => {
    const { file, ws } = workspace();
    const d1 = createTariffDraft(ws, { from: 1, effective: '2031-01-01', title: 'first' });
    createTariffDraft(ws, { from: d1.id, effective: '2031-02-01', title: 'second' });
    discardTariffDraft(ws, d1.id);
    closeWorkspace(ws);
    const r = await runCli('audit', 'verify', '--workspace', file);
    expect(r.out).toContain('every version (3) matches');
    expect(r.code).toBe(0);
  });

  it('a changed price in an approved tariff is named by version and field, triggers dropped', async () => {
    const { file, ws } = workspace();
    dropTriggers(ws);
    ws.db.prepare("UPDATE tariff_versions SET data = json_set(data, '$.courses[0].monthlyFee', 1) WHERE id = 1").run();
    closeWorkspace(ws);
    const r = await runCli('audit', 'verify', '--workspace', file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/VERSION_ALTERED: tariff version 2023-09-19 \(#1, approved\): .*changed: \/data\/courses\/0\/monthlyFee/);
  });

  it('a changed rule, a draft changed by hand, a version inserted and one deleted by hand are each reported', async () => {
    const { file, ws } = workspace();
    const d = createTariffDraft(ws, { from: 1, effective: '2031-01-01', title: 'next' });
    const gone = createTariffDraft(ws, { from: 1, effective: '2031-02-01', title: 'to delete' });
    dropTriggers(ws);
    ws.db.prepare('DELETE FROM tariff_versions WHERE id = ?').run(gone.id);
    ws.db.prepare("UPDATE rule_versions SET meta = json_set(meta, '$.approvedBy', 'mallory') WHERE id = 1").run();
    ws.db.prepare("UPDATE tariff_versions SET title = 'forged' WHERE id = ?").run(d.id);
    const t = getTariffVersion(ws, 1);
    ws.db
      .prepare(
        "INSERT INTO tariff_versions (id, effective, status, title, data, meta, created_at, updated_at) SELECT 50, '2032-01-01', 'approved', title, data, meta, created_at, updated_at FROM tariff_versions WHERE id = 1",
      )
      .run();
    closeWorkspace(ws);
    const r = await runCli('audit', 'verify', '--workspace', file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/rule version 2023-09-19 \(#1, approved\): .*\/meta\/approvedBy/);
    expect(r.out).toMatch(/tariff version 2031-01-01 \(#2, draft\): its content changed/);
    expect(r.out).toMatch(/tariff version 2032-01-01 \(#\d+, approved\): no audit entry records its content/);
    expect(r.out).toMatch(new RegExp(`tariff version #${gone.id}: recorded by audit entry \\d+ but missing from the workspace`));
    expect(t.status).toBe('approved');
  });
});
