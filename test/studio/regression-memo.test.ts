import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RegressionView, RuleVersionDetail } from '../../src/studio/api/contract.js';
import { createRegressionMemo } from '../../src/studio/handlers/regression-memo.js';
import { freshStudio, scratch } from './helpers.js';

/**
 * rules.regression answers again from its last run when nothing it depends on changed (every
 * open page of a team server asks for it at each live update), and runs again when anything did:
 * the version, the versions of the workspace, the case files on disk.
 */
describe('the regression memo', () => {
  it('computes a key once, keeps no failure, and keeps a bounded number of answers', async () => {
    const memo = createRegressionMemo<number>();
    let runs = 0;
    const compute = () => Promise.resolve(++runs);
    expect(await memo.get('a', compute)).toBe(1);
    expect(await memo.get('a', compute)).toBe(1);
    expect(await memo.get('b', compute)).toBe(2);
    expect(runs).toBe(2);
    await expect(memo.get('bad', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await memo.get('bad', compute)).toBe(3);
    for (let i = 0; i < 20; i++) await memo.get(`k${i}`, compute);
    expect(memo.size).toBe(8);
  });

  it('rules.regression: the same answer while nothing changed; a new one after an edit or a case file added or changed', async () => {
    const { ok } = freshStudio();
    let draft = await ok<RuleVersionDetail>('rules.createDraft', { from: 1, effective: '2026-04-01', title: 'memo' });
    const first = await ok<RegressionView>('rules.regression', { id: draft.summary.id });
    expect(first.changed).toEqual([]);
    expect(await ok<RegressionView>('rules.regression', { id: draft.summary.id })).toEqual(first);
    // An interpretation switched: the draft's revision moves on, and its answers change.
    draft = await ok<RuleVersionDetail>('rules.setInterpretation', { id: draft.summary.id, revision: draft.summary.revision, name: 'partialMonthFee', value: 'daily-prorate' });
    const switched = await ok<RegressionView>('rules.regression', { id: draft.summary.id });
    expect(switched.version.revision).toBe(draft.summary.revision);
    expect(switched.changed.length).toBeGreaterThan(0);
    // Switched back: the same answers as at first, under the new revision.
    draft = await ok<RuleVersionDetail>('rules.setInterpretation', { id: draft.summary.id, revision: draft.summary.revision, name: 'partialMonthFee', value: 'full-month' });
    const back = await ok<RegressionView>('rules.regression', { id: draft.summary.id });
    expect(back.changed).toEqual([]);
    expect(back.version.revision).toBe(draft.summary.revision);
    // A case folder with one more case: run again, the new case counted.
    const folder = join(scratch('regression-memo-'), 'cases');
    mkdirSync(folder, { recursive: true });
    const one = {
      name: 'memo: 3年コース settlement',
      asOf: '2025-02-28',
      decision: 'settlement',
      facts: { course: 'どこでも“me”REC M2035N・3年コース・クラウド７・SN', startDate: '2024-01-01', endDate: '2025-02-28' },
      expect: { outcome: 'settle' },
    };
    writeFileSync(join(folder, 'memo.json'), JSON.stringify([one]));
    await ok('rules.setCaseFolders', { folders: [folder] });
    const withFolder = await ok<RegressionView>('rules.regression', { id: draft.summary.id });
    expect(withFolder.total).toBe(back.total + 1);
    // The file edited on disk (a second case): read and run again, not the kept answer.
    writeFileSync(join(folder, 'memo.json'), JSON.stringify([one, { ...one, name: 'memo: again' }]));
    expect((await ok<RegressionView>('rules.regression', { id: draft.summary.id })).total).toBe(back.total + 2);
  });
});
