import Database from 'better-sqlite3';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getSetting, setSetting } from '../../src/studio/workspace/settings.js';
import { openWorkspace } from '../../src/studio/workspace/open-workspace.js';
import { closeWorkspace } from '../../src/studio/workspace/workspace.js';
import { scratch, SEED } from './helpers.js';

/**
 * Closing a workspace (the desktop app quitting, `--web` stopped with Ctrl+C, the team server
 * stopping) leaves every saved change in the .sqlite file itself, even while another connection
 * (a backup, `tariff workspace check`) still has the file open and SQLite cannot remove the WAL.
 */
describe('closing a workspace', () => {
  it('checkpoints the write-ahead log into the file while another connection keeps it open', () => {
    const file = join(scratch('close-'), 'workspace.sqlite');
    const { ws } = openWorkspace(file, { seed: SEED, actor: 'tester' });
    const reader = new Database(file, { readonly: true });
    try {
      reader.prepare('SELECT count(*) FROM settings').get();
      setSetting(ws, 'rules.caseFolders', ['/saved/just/before/quit']);
      expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
      closeWorkspace(ws);
      expect(existsSync(`${file}.lock`)).toBe(false);
      expect(statSync(`${file}-wal`).size).toBe(0);
      // The file alone, as someone copying the workspace without its -wal would take it.
      const copy = join(scratch('close-copy-'), 'copy.sqlite');
      copyFileSync(file, copy);
      const { ws: again } = openWorkspace(copy, { seed: SEED, actor: 'tester' });
      try {
        expect(getSetting<string[]>(again, 'rules.caseFolders')).toEqual(['/saved/just/before/quit']);
      } finally {
        closeWorkspace(again);
      }
    } finally {
      reader.close();
    }
  });

  it('closes a read-only workspace without writing to it', () => {
    const file = join(scratch('close-ro-'), 'workspace.sqlite');
    closeWorkspace(openWorkspace(file, { seed: SEED, actor: 'tester' }).ws);
    const { ws } = openWorkspace(file, { seed: SEED, actor: 'tester', readOnly: true });
    expect(ws.readOnly).toBe(true);
    closeWorkspace(ws);
    expect(ws.db.open).toBe(false);
  });
});
