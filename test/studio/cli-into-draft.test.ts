import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { openWorkspace } from '../../src/studio/workspace/open-workspace.js';
import { createTariffDraft, getTariffVersion } from '../../src/studio/workspace/tariff-store.js';
import { closeWorkspace } from '../../src/studio/workspace/workspace.js';
import { SEED, scratch } from './helpers.js';
import { cellOf, editWorkbook } from './workbook-helpers.js';

/** `tariff tariffs import FILE --workspace W --into-draft ID`: the studio's "import into this draft" from the command line. */
const BIN = join(PROJECT_ROOT, 'bin', 'tariff.mjs');
const dir = scratch('cli-into-');
const tariff = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir });
const workspace = join(dir, 'w.sqlite');
const inWorkspace = <T>(fn: (ws: ReturnType<typeof openWorkspace>['ws']) => T): T => {
  const { ws } = openWorkspace(workspace, { seed: SEED, actor: 'tester' });
  try {
    return fn(ws);
  } finally {
    closeWorkspace(ws);
  }
};
const draftData = (id: number) => inWorkspace((ws) => getTariffVersion(ws, id));

describe('tariff tariffs import --into-draft', () => {
  const draftId = inWorkspace((ws) => createTariffDraft(ws, { from: 1, effective: '2026-01-01', title: 'spring' }).id);
  const draftBook = join(dir, 'draft.xlsx');
  const edited = join(dir, 'edited.xlsx');

  it('--dry-run lists each change against the draft and changes nothing; without it, one save', async () => {
    expect(tariff('tariffs', 'export', '--version', '2026-01-01', '--out', draftBook, '--workspace', workspace).status).toBe(0);
    writeFileSync(edited, await editWorkbook(readFileSync(draftBook), (wb) => (cellOf(wb, '表1 コース', 'PLUS-LONG', '月額料金（円）').value = 17700)));
    const dry = tariff('tariffs', 'import', edited, '--workspace', workspace, '--into-draft', String(draftId), '--dry-run');
    expect(dry.stderr).toBe('');
    expect(dry.stdout.trim().split('\n')).toEqual([
      `${edited} into draft #${draftId} (2026-01-01, revision 1); dry run, nothing changed`,
      '表1 コース PLUS-LONG 月額料金（円）: 17000 → 17700',
      '1 change',
    ]);
    expect(draftData(draftId).revision).toBe(1);
    const r = tariff('tariffs', 'import', edited, '--workspace', workspace, '--into-draft', String(draftId));
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      `imported ${edited} into draft #${draftId} (2026-01-01), revision 1 → 2`,
      '表1 コース PLUS-LONG 月額料金（円）: 17000 → 17700',
      '1 change',
    ]);
    expect(draftData(draftId)).toMatchObject({ revision: 2, status: 'draft' });
    expect(draftData(draftId).version.courses.find((c) => c.code === 'PLUS-LONG')!.monthlyFee).toBe(17700);
  });

  it('a stale workbook (exported from the approved base) is refused with exit 2 unless --confirm-stale; overwrites are marked', async () => {
    const baseBook = join(dir, 'base.xlsx');
    expect(tariff('tariffs', 'export', '--version', '2023-09-19', '--out', baseBook, '--workspace', workspace).status).toBe(0);
    writeFileSync(edited, await editWorkbook(readFileSync(baseBook), (wb) => (cellOf(wb, '表1 コース', 'SHORT', '月額料金（円）').value = 25000)));
    const refused = tariff('tariffs', 'import', edited, '--workspace', workspace, '--into-draft', String(draftId));
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(
      'tariff tariffs import: IMPORT_STALE_UNCONFIRMED: edited.xlsx is not the draft as it is now: the workbook was exported from tariff version 2023-09-19 (#1, approved',
    );
    expect(refused.stderr).toContain('(1 of its 2 change(s) are marked as undoing the draft');
    expect(draftData(draftId).revision).toBe(2);
    const r = tariff('tariffs', 'import', edited, '--workspace', workspace, '--into-draft', String(draftId), '--confirm-stale');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain('表1 コース PLUS-LONG 月額料金（円）: 17700 → 17000  (undoes an edit made in the draft that the workbook does not have)');
    expect(lines.at(-1)).toBe('2 changes');
    expect(draftData(draftId).revision).toBe(3);
  });

  it('an approved version, an unknown id and bad options are refused with their code', () => {
    const approved = tariff('tariffs', 'import', edited, '--workspace', workspace, '--into-draft', '1');
    expect(approved.status).toBe(2);
    expect(approved.stderr).toContain('VERSION_NOT_DRAFT: tariff version 2023-09-19 (#1) is approved: only a version in draft can be imported into');
    const missing = tariff('tariffs', 'import', edited, '--workspace', workspace, '--into-draft', '77');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('VERSION_NOT_FOUND');
    expect(tariff('tariffs', 'import', edited, '--workspace', workspace, '--into-draft', 'x').stderr).toContain('--into-draft must be a version id');
    expect(tariff('tariffs', 'import', edited, '--workspace', workspace, '--into-draft', '2', '--effective', '2026-01-01').stderr).toContain('leave out --effective and --title');
  });

  it("a workbook exported from the folders (README: tariffs export without --workspace) is known as the workspace's version of its date and content", async () => {
    const folderBook = join(dir, 'folders.xlsx');
    expect(tariff('tariffs', 'export', '--version', '2023-09-19', '--out', folderBook).status).toBe(0);
    writeFileSync(edited, await editWorkbook(readFileSync(folderBook), (wb) => (cellOf(wb, '表1 コース', 'SHORT', '月額料金（円）').value = 25500)));
    const dry = tariff('tariffs', 'import', edited, '--workspace', workspace, '--into-draft', String(draftId), '--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stderr).toContain('stale: IMPORT_STALE (other-version): the workbook was exported from tariff version 2023-09-19 (#1, approved');
    expect(dry.stdout).toContain('表1 コース SHORT 月額料金（円）: 25000 → 25500');
    // Another content under that date (the folders changed since, or another program wrote it): not this workspace's version, in words that say so.
    const foreign = await editWorkbook(readFileSync(folderBook), (wb) =>
      wb.getWorksheet('about')!.eachRow((r) => {
        if (r.getCell(1).text === '内容の指紋') r.getCell(2).value = 'f'.repeat(64);
      }),
    );
    writeFileSync(edited, foreign);
    const unknown = tariff('tariffs', 'import', edited, '--workspace', workspace, '--into-draft', String(draftId), '--dry-run');
    expect(unknown.stderr).toContain(
      'stale: IMPORT_STALE (unknown-origin): the workbook names tariff version 2023-09-19 and no version id (it was not exported from this workspace), and no version of that date here has the content it was exported with;',
    );
  });
});
