import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseFolder, RegressionView } from '../../src/studio/api/contract.js';
import { CASE_WALK_LIMITS } from '../../src/io/case-files.js';
import { userCaseFolders } from '../../src/studio/handlers/case-runs.js';
import { runCli } from '../security/helpers.js';
import { freshStudio, scratch } from './helpers.js';

/**
 * The studio's case folders (Rules page, regression and approval) are read within the walk's
 * limits: a folder such as / or a home folder is refused where it is typed (nothing saved), one
 * kept from before shows why it is skipped, and a pipe or a device is never read. The CLI's
 * `tariff test DIR` refuses the same folders with exit 2.
 */
const CASE = { name: 'ok', asOf: '2025-02-28', decision: 'surcharge', facts: { evadedAmount: 1000 }, expect: { outcome: 'charge' } };

const studio = () => {
  const { ws, ok, fails: refused } = freshStudio();
  return { ws, ok, refused };
};

/** A folder with more folders than the walk reads. */
const tooManyFolders = (): string => {
  const dir = scratch('home-');
  writeFileSync(join(dir, 'a.json'), JSON.stringify(CASE));
  for (let i = 0; i <= CASE_WALK_LIMITS.folders; i++) mkdirSync(join(dir, `d${i}`));
  return dir;
};

describe('case folders of the studio, within the walk limits', () => {
  it('refuses a folder too large to read where it is added, naming it and the limit; nothing is saved', async () => {
    const { ws, ok, refused } = studio();
    const good = scratch('cases-');
    writeFileSync(join(good, 'a.json'), JSON.stringify(CASE));
    await ok('rules.setCaseFolders', { folders: [good] });
    const big = tooManyFolders();
    const e = await refused('rules.setCaseFolders', { folders: [good, big] });
    expect(e.code).toBe('CASE_FOLDER_TOO_LARGE');
    expect(e.message).toMatch(
      new RegExp(
        `^the case folder cannot be used: ${big}: is too large a folder to read for case files: it holds more than 2,000 folders \\(stopped at ${big}/d\\d+; every folder inside`,
      ),
    );
    expect(e.issues).toEqual([expect.objectContaining({ code: 'CASE_FOLDER_TOO_LARGE', field: '/folders/1', value: big })]);
    expect(e.hint).toBe('Choose a narrower folder, the one holding your case files (at most 2,000 folders, 100,000 names, 10,000 .json files, 32 levels deep). Nothing was saved.');
    expect(userCaseFolders(ws)).toEqual([good]);
    // A folder that is not there yet is taken (it shows as missing), as before.
    const later = join(scratch('later-'), 'not-yet');
    const folders = (await ok<{ folders: CaseFolder[] }>('rules.setCaseFolders', { folders: [good, later] })).folders;
    expect(folders.find((f) => f.path === later)).toEqual({ path: later, exists: false, files: 0 });
    expect(folders.find((f) => f.path === good)).toEqual({ path: good, exists: true, files: 1 });
  });

  it('refuses a pipe named as a folder, and a folder holding a pipe named *.json, without reading either', async () => {
    const { refused } = studio();
    const dir = scratch('pipes-');
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const e = await refused('rules.setCaseFolders', { folders: [join(dir, 'pipe')] });
    expect(e.code).toBe('CASE_FOLDER_NOT_FOLDER');
    expect(e.message).toBe(`the case folder cannot be used: ${join(dir, 'pipe')}: is not a folder; give the folder that holds your case files`);
    mkdirSync(join(dir, 'cases'));
    execFileSync('mkfifo', [join(dir, 'cases', 'x.json')]);
    const e2 = await refused('rules.setCaseFolders', { folders: [join(dir, 'cases')] });
    expect(e2.code).toBe('CASE_PATH_NOT_FILE');
    expect(e2.issues[0]).toMatchObject({ field: '/folders/0' });
  });

  it('a folder kept from before that is now too large shows why, and regression skips it and runs the rest', async () => {
    const { ws, ok } = studio();
    const big = tooManyFolders();
    // Kept before the limit (or grown since): the setting holds it as it is.
    ws.db.prepare("INSERT INTO settings (key, value) VALUES ('rules.caseFolders', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(JSON.stringify([big]));
    const listed = (await ok<{ folders: CaseFolder[] }>('rules.caseFolders', {})).folders.find((f) => f.path === big);
    expect(listed).toMatchObject({ path: big, exists: true, files: 0, problem: { code: 'CASE_FOLDER_TOO_LARGE' } });
    expect(listed!.problem!.message).toMatch(new RegExp(`^${big}: is too large a folder to read for case files: it holds more than 2,000 folders`));
    // Removing another folder (or keeping this one) is not refused: only a folder being added is read.
    await ok('rules.setCaseFolders', { folders: [big] });
    const report = await ok<RegressionView>('rules.regression', { id: 1 });
    expect(report.total).toBeGreaterThan(100);
    expect(report.unreadable).toEqual([expect.objectContaining({ file: big, message: expect.stringMatching(/^cannot read the folder: .*more than 2,000 folders/) as unknown })]);
  });

  it('tariff test DIR refuses the same folder with exit 2 and the same words; a normal folder answers as before', async () => {
    const big = tooManyFolders();
    const r = await runCli('test', big);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^tariff test: CASE_FOLDER_TOO_LARGE\\n  ${big}: is too large a folder to read for case files: it holds more than 2,000 folders`));
    const good = scratch('cli-cases-');
    writeFileSync(join(good, 'a.json'), JSON.stringify(CASE));
    const fine = await runCli('test', good);
    expect(fine).toMatchObject({ code: 0, out: '1 passed, 0 failed' });
  });
});
