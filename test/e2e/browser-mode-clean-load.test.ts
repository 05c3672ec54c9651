import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch } from '../studio/helpers.js';
import { useStudio, waitText } from './studio-harness.js';

/**
 * Loading the studio in browser mode (`tariff studio --web`, `npm start` without Electron) is
 * clean in the browser's console: the page asks `auth/session` whether it runs on a team server,
 * and the browser mode answers it (no sign-in here) instead of a 404 that the console shows as
 * an error at every load. No request fails and none is answered with an error status.
 */
const studio = useStudio(join(scratch('e2e-clean-load-'), 'workspace.sqlite'));

describe('browser mode: a page load the console has nothing to say about', () => {
  it('loads the studio (and loads it again) with no console error, no failed request and no error status', async () => {
    const page = studio.page;
    const problems: string[] = [];
    const sessionAnswers: number[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.method()} ${r.url()} (${r.failure()?.errorText ?? 'no reason'})`));
    page.on('response', (r) => {
      if (new URL(r.url()).pathname.endsWith('/auth/session')) sessionAnswers.push(r.status());
      if (r.status() >= 400) problems.push(`${r.status()}: ${r.request().method()} ${r.url()}`);
    });
    for (const load of [() => page.goto(studio.url, { waitUntil: 'networkidle' }), () => page.reload({ waitUntil: 'networkidle' })]) {
      await load();
      await waitText(studio.testId('version-heading'), '施行日 2023-09-19');
    }
    expect(problems).toEqual([]);
    // The question was asked at each load, and answered.
    expect(sessionAnswers).toEqual([200, 200]);
  });
});
