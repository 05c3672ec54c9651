import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { scratch } from '../studio/helpers.js';
import { shot, useStudio, waitText } from './studio-harness.js';

/** The Rules page's "Publish release": a release file downloaded from the browser mode, which `tariff release verify` accepts. */
const dir = scratch('e2e-release-');
const studio = useStudio(join(dir, 'workspace.sqlite'));
const { testId } = studio;

describe('publish a release, browser mode', () => {
  it('publishes the approved versions as a release file that tariff release verify accepts', async () => {
    await studio.page.goto(studio.url);
    await testId('nav-rules').click();
    await waitText(testId('rule-version-heading'), '施行日 2023-09-19');
    await testId('rules-tab-notice').click();
    expect(await testId('release-publish').isDisabled()).toBe(true);
    await testId('release-publisher').fill('kato');
    const [download] = await Promise.all([studio.page.waitForEvent('download'), testId('release-publish').click()]);
    expect(download.suggestedFilename()).toMatch(/^release-r-[0-9a-f]{16}\.json$/u);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    await waitText(testId('release-done'), /r-[0-9a-f]{16}/u);
    await shot(studio.page, 'release-01-published');
    const v = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'tariff.mjs'), 'release', 'verify', file], { encoding: 'utf8' });
    expect(v.stdout).toContain('holds');
    expect(v.status).toBe(0);
  });

  it('the diff of the only version says both sides are the same and how to compare two', async () => {
    await testId('rules-tab-diff').click();
    await waitText(testId('diff-summary'), 'ルール 0 件');
    await waitText(testId('diff-same'), '比較元と比較先が同じバージョンなので、違いはありません。');
  });
});
