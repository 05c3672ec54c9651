import { describe, expect, it } from 'vitest';
import { approveRuleVersion, createRuleDraft, getRuleVersion, submitRuleVersion } from '../../src/studio/workspace/rule-store.js';
import { freshWorkspace } from '../studio/helpers.js';

/** Attack 2: changing an approved version through a gap in the freeze triggers, or through INSERT OR REPLACE. */
const approvedTariff = (ws: ReturnType<typeof freshWorkspace>) =>
  ws.db.prepare("SELECT * FROM tariff_versions WHERE status = 'approved' ORDER BY id LIMIT 1").get() as Record<string, unknown>;

describe('approved versions are frozen, every column', () => {
  it.each([
    ["status = 'draft'"],
    ["status = 'in-review'"],
    ["title = 'forged'"],
    ["meta = '{}'"],
    ['revision = revision + 1'],
    ["updated_at = '2000-01-01T00:00:00Z'"],
    ["created_by = 'mallory'"],
    ['id = 999'],
  ])('refuses UPDATE … SET %s on an approved tariff and rule version', (set) => {
    const ws = freshWorkspace();
    const t = approvedTariff(ws);
    expect(() => ws.db.prepare(`UPDATE tariff_versions SET ${set} WHERE id = ?`).run(t.id)).toThrow(/VERSION_NOT_DRAFT/);
    const r = ws.db.prepare("SELECT id FROM rule_versions WHERE status = 'approved' LIMIT 1").get() as { id: number };
    expect(() => ws.db.prepare(`UPDATE rule_versions SET ${set} WHERE id = ?`).run(r.id)).toThrow(/VERSION_NOT_DRAFT/);
    expect(approvedTariff(ws)).toEqual(t);
  });

  it('flipping to draft, editing and flipping back is refused at the first step', () => {
    const ws = freshWorkspace();
    const t = approvedTariff(ws);
    expect(() =>
      ws.db.transaction(() => {
        ws.db.prepare("UPDATE tariff_versions SET status = 'draft' WHERE id = ?").run(t.id);
        ws.db.prepare("UPDATE tariff_versions SET data = json_set(data, '$.courses[0].monthlyFee', 1) WHERE id = ?").run(t.id);
        ws.db.prepare("UPDATE tariff_versions SET status = 'approved' WHERE id = ?").run(t.id);
      })(),
    ).toThrow(/VERSION_NOT_DRAFT/);
    expect(approvedTariff(ws)).toEqual(t);
  });

  it('the one allowed change: approved → superseded, status only; a superseded version is frozen too', () => {
    const ws = freshWorkspace();
    const t = approvedTariff(ws);
    expect(() => ws.db.prepare("UPDATE tariff_versions SET status = 'superseded', title = 'x' WHERE id = ?").run(t.id)).toThrow(/VERSION_NOT_DRAFT/);
    ws.db.prepare("UPDATE tariff_versions SET status = 'superseded' WHERE id = ?").run(t.id);
    expect(() => ws.db.prepare("UPDATE tariff_versions SET status = 'approved' WHERE id = ?").run(t.id)).toThrow(/VERSION_NOT_DRAFT/);
  });

  it('INSERT OR REPLACE of an existing id, or of an approved date, is refused', () => {
    const ws = freshWorkspace();
    const t = approvedTariff(ws);
    const cols = Object.keys(t);
    const insert = (verb: string, row: Record<string, unknown>) =>
      ws.db.prepare(`${verb} INTO tariff_versions (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
    const forged = { ...t, data: JSON.stringify({ ...JSON.parse(String(t.data)), courses: [] }) };
    expect(() => insert('INSERT OR REPLACE', forged)).toThrow(/VERSION_ID_TAKEN/);
    expect(() => insert('REPLACE', forged)).toThrow(/VERSION_ID_TAKEN/);
    expect(() => insert('INSERT OR REPLACE', { ...forged, id: 777 })).toThrow(/VERSION_ID_TAKEN/);
    expect(approvedTariff(ws)).toEqual(t);
  });

  it('the audit table refuses a replaced entry and an entry out of sequence', () => {
    const ws = freshWorkspace();
    const first = ws.db.prepare('SELECT * FROM audit_log WHERE seq = 1').get() as Record<string, unknown>;
    const cols = Object.keys(first);
    const insert = (verb: string, row: Record<string, unknown>) =>
      ws.db.prepare(`${verb} INTO audit_log (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
    expect(() => insert('INSERT OR REPLACE', { ...first, actor: 'mallory' })).toThrow(/AUDIT_APPEND_ONLY/);
    expect(() => insert('INSERT', { ...first, seq: 99, hash: 'f'.repeat(64) })).toThrow(/AUDIT_APPEND_ONLY/);
    expect(ws.db.prepare('SELECT * FROM audit_log WHERE seq = 1').get()).toEqual(first);
  });

  it('the legal workflow still approves and supersedes', () => {
    const ws = freshWorkspace();
    const base = ws.db.prepare("SELECT id FROM rule_versions WHERE status = 'approved' ORDER BY effective DESC LIMIT 1").get() as { id: number };
    const d = createRuleDraft(ws, { from: base.id, effective: '2031-01-01', title: 'next' });
    submitRuleVersion(ws, { id: d.id, revision: d.revision, comment: 'c' });
    const r = approveRuleVersion(ws, { id: d.id, reviewer: 'Legal', comment: 'ok' });
    expect(r.approved).toMatchObject({ status: 'approved', approvedBy: 'Legal' });
    expect(getRuleVersion(ws, base.id).status).toBe('superseded');
  });
});
