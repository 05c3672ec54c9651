import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratch } from '../studio/helpers.js';
import { launchChromium, shot, startStudio, waitText, type Studio } from './studio-harness.js';

/**
 * A new user's walkthrough of the studio (ux5): finance on the Scenarios page, legal on the
 * Rules page, an admin on the team server, and the first start and its error states, held to
 * what the walkthrough found. Screenshots in test-results/screenshots (ux5-*).
 */
const dir = scratch('e2e-ux5-');

describe('the server gone', () => {
  let studio: Studio | undefined;
  let browser: Browser | undefined;
  let page: Page;
  beforeAll(async () => {
    studio = await startStudio(join(dir, 'gone.sqlite'));
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ja-JP' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await studio?.stop();
  });

  it('a page opened after the server stopped says so in Japanese and what to do, instead of "読み込み中…" for ever', async () => {
    await page.goto(studio!.url);
    await page.getByTestId('grid-courses').waitFor();
    await studio!.stop();
    await page.getByTestId('nav-rules').click();
    const banner = page.getByTestId('error-banner');
    await waitText(banner, 'SERVER_UNREACHABLE');
    await waitText(page.getByTestId('error-advice'), 'スタジオのサーバーが応答しません。この操作は届いていないので、何も保存されていません。');
    await shot(page, 'ux5-d1-server-gone-rules');
    await page.getByTestId('nav-tariffs').click();
    await waitText(page.getByTestId('error-advice'), 'スタジオのサーバーが応答しません');
    await shot(page, 'ux5-d2-server-gone-tariffs');
  });
});
