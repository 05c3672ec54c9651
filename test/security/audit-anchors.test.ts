import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextEntry, type AuditEntry } from '../../src/io/audit-chain.js';
import { createDispatcher } from '../../src/studio/api/dispatcher.js';
import { studioHandlers } from '../../src/studio/handlers/studio-handlers.js';
import { anchorFileOf, auditHead, readAnchors } from '../../src/studio/workspace/audit-anchor.js';
import { listAudit } from '../../src/studio/workspace/audit-log.js';
import { exportFolders } from '../../src/studio/workspace/export-folders.js';
import { openWorkspace } from '../../src/studio/workspace/open-workspace.js';
import { closeWorkspace, type Workspace } from '../../src/studio/workspace/workspace.js';
import { scratch, SEED, TODAY } from '../studio/helpers.js';
import { runCli } from './helpers.js';

/** Attack 4: a chain cut short, emptied or re-hashed as a whole, which holds against itself. */
async function workspaceWithHistory(): Promise<{ file: string; ws: Workspace; dispatch: ReturnType<typeof createDispatcher> }> {
  const file = join(scratch('anchor-'), 'ws.sqlite');
  const { ws, created } = openWorkspace(file, { seed: SEED, actor: 'tester' });
  const dispatch = createDispatcher(studioHandlers({ ws, createdNow: created, today: () => TODAY }));
  const d = (await dispatch('tariffs.createDraft', { from: 1, effective: '2031-01-01', title: 'next' })) as { ok: true; value: { summary: { id: number; revision: number } } };
  expect(d.ok).toBe(true);
  const e = await dispatch('tariffs.edit', {
    id: d.value.summary.id,
    revision: d.value.summary.revision,
    edits: [{ table: 'courses', index: 0, field: 'monthlyFee', text: '12345' }],
  });
  expect(e.ok).toBe(true);
  return { file, ws, dispatch };
}
const dropTriggers = (ws: Workspace) => {
  for (const { name } of ws.db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]) ws.db.exec(`DROP TRIGGER "${name}"`);
};
/** Rewrites the whole chain from entry 1 with a forged actor on entry 2: it holds against itself. */
const rehash = (ws: Workspace) => {
  const entries = listAudit(ws, 1000).reverse();
  dropTriggers(ws);
  ws.db.exec('DELETE FROM audit_log');
  let last: AuditEntry | undefined;
  for (const e of entries) {
    const { seq: _s, prevHash: _p, hash: _h, ...content } = e;
    last = nextEntry(last, e.seq === 2 ? { ...content, actor: 'mallory' } : content);
    ws.db
      .prepare('INSERT INTO audit_log (seq, at, actor, action, target, before, after, comment, prev_hash, hash, versions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(
        last.seq,
        last.at,
        last.actor,
        last.action,
        last.target,
        JSON.stringify(last.before),
        JSON.stringify(last.after),
        last.comment ?? null,
        last.prevHash,
        last.hash,
        last.versions ? JSON.stringify(last.versions) : null,
      );
  }
};

describe('anchors outside the workspace file', () => {
  it('the studio appends the head after each write; verify compares and holds', async () => {
    const { file, ws } = await workspaceWithHistory();
    const anchors = readAnchors(anchorFileOf(file));
    expect(anchors.at(-1)).toMatchObject(auditHead(ws));
    expect(anchors.map((a) => a.entries)).toEqual([1, 2, 3]);
    closeWorkspace(ws);
    const r = await runCli('audit', 'verify', '--workspace', file);
    expect(r.out).toContain('the chain reaches every anchor');
    expect(r.code).toBe(0);
  });

  it('deleting the last entries is caught by the anchor file', async () => {
    const { file, ws } = await workspaceWithHistory();
    dropTriggers(ws);
    ws.db.exec('DELETE FROM audit_log WHERE seq > 1');
    closeWorkspace(ws);
    const r = await runCli('audit', 'verify', '--workspace', file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/AUDIT_ANCHOR_NOT_REACHED: .*records 2 entries .*the log has 1: entries were removed/);
  });

  it('an emptied log never holds, with or without anchors', async () => {
    const { file, ws } = await workspaceWithHistory();
    dropTriggers(ws);
    ws.db.exec('DELETE FROM audit_log');
    closeWorkspace(ws);
    renameSync(anchorFileOf(file), `${file}.gone`);
    const r = await runCli('audit', 'verify', '--workspace', file);
    expect(r.code).toBe(1);
    expect(r.out).toContain('no audit entry: the log was emptied');
  });

  it('a chain re-hashed as a whole holds against itself but not against the anchor file, an export anchor or --expect-head', async () => {
    const { file, ws, dispatch } = await workspaceWithHistory();
    const head = auditHead(ws).head;
    const out = scratch('export-');
    const { anchorFile } = exportFolders(ws, { rulesDir: join(out, 'rules'), tariffsDir: join(out, 'tariffs') });
    expect(JSON.parse(readFileSync(anchorFile, 'utf8'))).toMatchObject({ head, entries: 3 });
    const notice = (await dispatch('rules.notice', { id: 1, format: 'md' })) as { ok: true; value: { markdown: string } };
    expect(notice.value.markdown).toContain(head);
    rehash(ws);
    closeWorkspace(ws);
    const beside = await runCli('audit', 'verify', '--workspace', file);
    expect(beside.out).toContain('the audit chain holds');
    expect(beside.out).toMatch(/AUDIT_ANCHOR_NOT_REACHED: .*the log was rewritten/);
    expect(beside.code).toBe(1);
    renameSync(anchorFileOf(file), `${file}.gone`);
    expect((await runCli('audit', 'verify', '--workspace', file)).code).toBe(0);
    const since = await runCli('audit', 'verify', '--workspace', file, '--since-anchor', anchorFile);
    expect(since.code).toBe(1);
    expect(since.out).toContain('AUDIT_ANCHOR_NOT_REACHED');
    const expectHead = await runCli('audit', 'verify', '--workspace', file, '--expect-head', head);
    expect(expectHead.code).toBe(1);
    expect(expectHead.out).toContain(`the expected head ${head} is not the hash of any entry`);
  });

  it('--expect-head of a true head holds; a bad hash is a usage error', async () => {
    const { file, ws } = await workspaceWithHistory();
    const head = auditHead(ws).head;
    closeWorkspace(ws);
    expect((await runCli('audit', 'verify', '--workspace', file, '--expect-head', head)).code).toBe(0);
    expect((await runCli('audit', 'verify', '--workspace', file, '--expect-head', 'abc')).code).toBe(2);
    expect(existsSync(anchorFileOf(file))).toBe(true);
  });
});
