import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/options.js';

/** Starts `tariff studio --web` on a fresh workspace and a headless Debian Chromium pointed at it. */
export const SCREENSHOTS = join(PROJECT_ROOT, 'test-results', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type Studio = { url: string; child: ChildProcess; stop(): Promise<void> };

export async function startStudio(workspace: string, args: string[] = []): Promise<Studio> {
  if (!existsSync(join(PROJECT_ROOT, 'dist-renderer', 'index.html'))) throw new Error('the renderer is not built: run `npm run test:e2e` (it builds first)');
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'tariff.mjs'), 'studio', '--web', '--workspace', workspace, ...args], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr!.on('data', (c: Buffer) => process.stderr.write(`[studio] ${c.toString()}`));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /^ {2}(http:\/\/127\.0\.0\.1:\d+\/s\/\S+\/)$/mu.exec(out);
      if (m && out.includes('Press Ctrl+C')) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`tariff studio --web exited with ${code}: ${out}`)));
  });
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Debian's Chromium, headless; `extraArgs` after the usual ones (the desktop studio's test adds the file:// privileges Electron keeps). */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run scripts/setup-system.sh (apt install chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

export type StudioPageOptions = {
  /** The browser window; 1440×900 unless given. */
  viewport?: { width: number; height: number };
  /** Browser permissions granted to the studio's origin (e.g. the clipboard). */
  permissions?: string[];
  /** More arguments of `tariff studio --web` (e.g. --read-only). */
  args?: string[];
  /** The browser's locale; ja-JP unless given (the studio's own language is chosen in the page). */
  locale?: string;
  /** Lets a test inject a script (axe-core) past the page's CSP; the page's own CSP stays in the response. */
  bypassCSP?: boolean;
};

/** The studio of one test file, ready between its beforeAll and afterAll. */
export type StudioSession = {
  readonly url: string;
  readonly page: Page;
  testId(id: string): Locator;
};

/**
 * The shared setup of the e2e files: registers a beforeAll that starts the studio on `workspace`
 * (a fresh file), launches Chromium and opens a Japanese page that fails the test on a page error,
 * and an afterAll that closes them.
 */
export function useStudio(workspace: string, options: StudioPageOptions = {}): StudioSession {
  let studio: Studio | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the studio is not started yet (use it inside a test)');
    return value;
  };
  beforeAll(async () => {
    studio = await startStudio(workspace, options.args);
    browser = await launchChromium();
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1440, height: 900 },
      acceptDownloads: true,
      locale: options.locale ?? 'ja-JP',
      ...(options.bypassCSP ? { bypassCSP: true } : {}),
    });
    if (options.permissions) await context.grantPermissions(options.permissions, { origin: new URL(studio.url).origin });
    page = await context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
  });
  afterAll(async () => {
    await browser?.close();
    await studio?.stop();
  });
  return {
    get url() {
      return ready(studio).url;
    },
    get page() {
      return ready(page);
    },
    testId: (id) => ready(page).getByTestId(id),
  };
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Waits until the locator's text satisfies `test` (or fails with the last text seen). Generous by default: CI machines are shared and slow, and a wait ends as soon as the text is there. */
export async function waitText(locator: Locator, test: string | RegExp, timeout = 60_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  for (;;) {
    last = (await locator.textContent({ timeout }).catch(() => null)) ?? '';
    if (typeof test === 'string' ? last.includes(test) : test.test(last)) return last;
    if (Date.now() > deadline) throw new Error(`waited for ${String(test)}; last text: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts a tariff draft from the version open on the Tariff page and waits until it is the one shown (in Japanese: 施行日 `effective`). */
export async function createTariffDraft(page: Page, effective: string, title: string): Promise<void> {
  await page.getByTestId('btn-create-draft').click();
  await page.getByTestId('draft-effective').fill(effective);
  await page.getByTestId('draft-title').fill(title);
  await page.getByTestId('draft-create').click();
  await waitText(page.getByTestId('version-heading'), `施行日 ${effective}`);
}

/** Starts a rule draft from the rule version open on the Rules page and waits until it is the one shown (in Japanese: 下書き). */
export async function createRuleDraft(page: Page, effective: string, title: string): Promise<void> {
  await page.getByTestId('btn-rule-draft').click();
  await page.getByTestId('rule-draft-effective').fill(effective);
  await page.getByTestId('rule-draft-title').fill(title);
  await page.getByTestId('rule-draft-create').click();
  await waitText(page.getByTestId('rule-version-status'), '下書き');
}

/** In a rule draft on the Rules page: sets one parameter of a decision through its editor and waits for the saved value. */
export async function setRuleParameter(page: Page, decision: string, parameter: string, value: string): Promise<void> {
  await page.getByTestId('decision-select').selectOption(decision);
  await page.getByTestId(`param-edit-${parameter}`).click();
  await page.getByTestId('pe-value').fill(value);
  await page.getByTestId('pe-save').click();
  await waitText(page.getByTestId(`param-value-${parameter}`), value);
}

/** The id of the version selected in the Tariff page's list (`version-`) or the Rules page's (`rule-version-`). */
export async function selectedVersion(page: Page, prefix: 'version-' | 'rule-version-'): Promise<number> {
  return Number((await page.locator('.version-item.selected').getAttribute('data-testid'))!.replace(prefix, ''));
}

/** Opens the studio on its Scenarios page and waits for the scenario form. */
export async function openScenarios(studio: StudioSession): Promise<void> {
  await studio.page.goto(studio.url);
  await studio.testId('nav-scenarios').click();
  await studio.testId('scenario-form').waitFor();
}

/** The scenario form's first fields: its name (when given), the fleet's size and the months simulated. */
export async function fillScenario(studio: StudioSession, s: { name?: string; size: number; months: number }): Promise<void> {
  if (s.name !== undefined) await studio.testId('scn-name').fill(s.name);
  await studio.testId('scn-size').fill(String(s.size));
  await studio.testId('scn-months').fill(String(s.months));
}

/** Presses Run and waits until the notice says the run has finished. */
export async function runScenario(studio: StudioSession, timeout = 120_000): Promise<void> {
  await studio.testId('scn-run').click();
  await waitText(studio.testId('scn-notice'), '実行が終わりました', timeout);
}
