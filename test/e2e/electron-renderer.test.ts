import ExcelJS from 'exceljs';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { format } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { loadTariffVersions } from '../../src/io/folder-store.js';
import { BRIDGE_GLOBAL, channelOf } from '../../src/studio/api/bridge.js';
import { CONTRACT, type Envelope, type VersionDetail } from '../../src/studio/api/contract.js';
import { courseColumns } from '../../src/tariff-model/tariff-columns.js';
import { buildElectronApp, electronBuilderConfig, packLikeElectronBuilder, startBundledMain, type BundledMain } from '../studio/electron-app.js';
import { scratch, SEED } from '../studio/helpers.js';
import { cellOf } from '../studio/workbook-helpers.js';
import { createTariffDraft, launchChromium, selectedVersion, shot, waitText } from './studio-harness.js';

/**
 * The desktop studio's page as the installed app shows it, where no Electron binary is installed:
 * the renderer `npm run build:renderer` built, packed with main and preload (`vite build --mode
 * electron-main` / `electron-preload`) as electron-builder.yml packs them (app.asar standing in
 * as a folder: test/studio/electron-app.ts), loaded from file:// exactly where the bundled main,
 * run under Node as the installed app with a stand-in `electron`, tells its window to load it.
 * The bundled preload runs before the page, as a sandboxed preload does: a CommonJS wrapper whose
 * `require` knows `electron` only; its `ipcRenderer.invoke` reaches the handler main registered for
 * the channel, with the page's frame as the sender (main's sender check applies). Chromium gets
 * what Electron's file protocol keeps (the fuse grantFileProtocolExtraPrivileges, left on in
 * electron-builder.yml, sets Chromium's allow_file_access_from_file_urls, which
 * `--allow-file-access-from-files` sets): without it no module script loads from file:// at all.
 * Every request the page makes must pass main's session filter, none may fail, and the console
 * must stay clean: a renderer that asks a server (auth/session, api/) or names an absolute
 * /assets path breaks here, as it would in the desktop app.
 */
// Installed where a person installs it: a folder with a space (macOS's /Applications/Tariff Studio.app),
// Japanese, and characters the URL parser leaves as they are in a file: URL ([ ] ~ %), as a Windows
// short name (TANAKA~1) or a folder of one's own may have them.
const dir = join(scratch('e2e-electron-'), 'Tariff Studio 料金表 [TANAKA~1] 100%');
const app = join(dir, 'app');
const resources = join(dir, 'resources');
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
/** The URL Electron's loadFile opens for a file: the path written into a file: URL by url.format (Chromium then parses it). */
const loadFileUrl = (file: string): string => format({ protocol: 'file', slashes: true, pathname: file });
const IPC_BINDING = '__tariffStudioIpcInvoke';

const [tariff] = loadTariffVersions(SEED.tariffsDir);
const FEE = tariff!.courses.find((c) => c.code === 'M2035N-3Y-C7-SN')!.monthlyFee;
const NEW_FEE = FEE + 320;
const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;
const col = (key: string) => courseColumns.findIndex((c) => c.key === key) + 2;

/** The preload's source run as Electron runs a sandboxed preload, its `electron` being the page's side of the IPC binding. */
const asSandboxedPreload = (source: string): string => `(() => {
  const invoke = globalThis[${JSON.stringify(IPC_BINDING)}];
  delete globalThis[${JSON.stringify(IPC_BINDING)}];
  const electron = {
    contextBridge: { exposeInMainWorld: (key, api) => Object.defineProperty(globalThis, key, { value: api, enumerable: true }) },
    ipcRenderer: { invoke: (channel, ...args) => invoke(channel, ...args) },
  };
  const require = (id) => {
    if (id === 'electron') return electron;
    throw new Error('module not found: ' + id + ' (a sandboxed preload can require electron only)');
  };
  const module = { exports: {} };
  (function (require, module, exports) {
${source}
  })(require, module, module.exports);
})();`;

describe('the desktop studio: its renderer from file://, through the preload, to main', () => {
  let electron: BundledMain;
  let browser: Browser | undefined;
  let page: Page;
  let pageUrl: string;
  let rendererDir: string;
  let loaded: string;
  const problems: string[] = [];
  const requested: string[] = [];
  const testId = (id: string) => page.getByTestId(id);
  const cell = (row: number, key: string) => page.locator(`[data-testid=grid-courses] [role=row][aria-rowindex="${row + 1}"] [role=gridcell][aria-colindex="${col(key)}"]`);

  beforeAll(async () => {
    const renderer = join(PROJECT_ROOT, 'dist-renderer');
    if (!existsSync(join(renderer, 'index.html'))) throw new Error('the renderer is not built: run `npm run test:e2e` (it builds first)');
    await buildElectronApp(app);
    cpSync(renderer, join(app, 'dist-renderer'), { recursive: true });
    const { asar } = packLikeElectronBuilder(app, resources, await electronBuilderConfig());
    rendererDir = join(asar, 'dist-renderer');
    const pkg = JSON.parse(readFileSync(join(asar, 'package.json'), 'utf8')) as { main: string };
    electron = startBundledMain(asar, join(asar, pkg.main), { TARIFF_STUDIO_WORKSPACE: join(dir, 'workspace.sqlite') }, { resourcesPath: resources });
    const [win] = electron.windows;
    if (!win?.loaded) throw new Error('main opened no window with a file');
    // What the window shows once Chromium parsed the URL loadFile gave it.
    loaded = win.loaded;
    pageUrl = new URL(loadFileUrl(win.loaded)).href;
    const preload = String(win.options.webPreferences.preload);

    browser = await launchChromium(['--allow-file-access-from-files']);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ja-JP', acceptDownloads: true });
    await context.exposeBinding(IPC_BINDING, async ({ frame }, channel: string, args: unknown): Promise<Envelope<unknown>> => {
      const handler = electron.ipc.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return handler({ senderFrame: { url: frame.url() } }, args);
    });
    await context.addInitScript({ content: asSandboxedPreload(readFileSync(preload, 'utf8')) });
    page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.method()} ${r.url()} (${r.failure()?.errorText ?? 'no reason'})`));
    page.on('request', (r) => {
      requested.push(r.url());
      if (!electron.allowsRequest(r.url())) problems.push(`main's session would cancel: ${r.method()} ${r.url()}`);
    });
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame() && f.url() !== pageUrl) problems.push(`the page left the studio's file: ${f.url()}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
    electron?.quit();
  });

  it('opens the approved tariff from file://, its calls carried by the preload to main', async () => {
    expect(loaded).toBe(join(rendererDir, 'index.html'));
    await page.goto(pageUrl);
    // A page that does not start (its script not loaded, a call refused) says why: what went wrong on the way.
    await waitText(testId('version-heading'), '施行日 2023-09-19').catch((e: Error) => {
      throw new Error(`${e.message}\n${problems.join('\n')}`);
    });
    await waitText(testId('grid-count'), '150 行中 150 行');
    // workspace.info went through IPC: the header names main's workspace file.
    await waitText(page.locator('.workspace-file'), 'workspace.sqlite');
    expect(await cell(1, 'monthlyFee').textContent()).toBe('24,000円');
    // The page sees the preload's object and nothing of the IPC beneath it.
    expect(await page.evaluate((g) => Object.keys((window as unknown as Record<string, object>)[g]!), BRIDGE_GLOBAL)).toEqual(Object.keys(CONTRACT));
    expect(await page.evaluate((b) => b in window, IPC_BINDING)).toBe(false);
    // Its own files only: the page, its script and its style, each beside index.html.
    const prefix = new URL(loadFileUrl(`${rendererDir}/`)).href;
    expect(requested.filter((u) => !u.startsWith('data:'))).toEqual([
      pageUrl,
      expect.stringMatching(new RegExp(`^${escapeRegExp(prefix)}assets/index-[\\w-]+\\.js$`, 'u')),
      expect.stringMatching(new RegExp(`^${escapeRegExp(prefix)}assets/index-[\\w-]+\\.css$`, 'u')),
    ]);
    expect(problems).toEqual([]);
    await shot(page, 'electron-01-opened');
  });

  it('edits a price in a new draft, and main has saved it (the page reloaded shows it again)', async () => {
    await createTariffDraft(page, '2025-04-01', '2025年4月改定');
    const draft = await selectedVersion(page, 'version-');
    await testId('grid-search').fill('M2035N・3年コース・クラウド 7・SN');
    await waitText(testId('grid-count'), '150 行中 1 行');
    const fee = cell(1, 'monthlyFee');
    expect(await fee.textContent()).toBe(yen(FEE));
    await fee.dblclick();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(String(NEW_FEE));
    await page.keyboard.press('Enter');
    await waitText(testId('change-count'), '変更 1 件');
    await waitText(fee, yen(NEW_FEE));
    // Saved in main's workspace: asked as the page would ask, through main's handler.
    const saved = (await electron.ipc.get(channelOf('tariffs.get'))!({ senderFrame: { url: pageUrl } }, { id: draft })) as Envelope<VersionDetail>;
    if (!saved.ok) throw new Error(`tariffs.get: ${saved.error.code} ${saved.error.message}`);
    expect(saved.value.version.courses.find((c) => c.code === 'M2035N-3Y-C7-SN')!.monthlyFee).toBe(NEW_FEE);
    await shot(page, 'electron-02-edited');
    // A reload (View › Reload) stays on the studio's file and finds the price where it was saved.
    await page.reload();
    await testId(`version-${draft}`).click();
    await waitText(testId('version-heading'), '施行日 2025-04-01');
    await waitText(testId('change-count'), '変更 1 件');
    await testId('grid-search').fill('M2035N・3年コース・クラウド 7・SN');
    await waitText(testId('grid-count'), '150 行中 1 行');
    await waitText(cell(1, 'monthlyFee'), yen(NEW_FEE));
    expect(page.url()).toBe(pageUrl);
    expect(problems).toEqual([]);
  });

  it('exports the draft to Excel from the file:// page (a blob download the session lets through): the workbook holds the new price', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), testId('btn-export').click()]);
    expect(download.url()).toMatch(/^blob:/u);
    expect(electron.allowsRequest(download.url())).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    expect(cellOf(wb, '表1 コース', 'M2035N-3Y-C7-SN', '月額料金（円）').value).toBe(NEW_FEE);
    expect(problems).toEqual([]);
  });
});
