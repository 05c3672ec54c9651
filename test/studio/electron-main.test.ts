import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { channelOf } from '../../src/studio/api/bridge.js';
import { CALL_NAMES } from '../../src/studio/api/contract.js';
import { scratch, SEED } from './helpers.js';

/**
 * Electron's main process (src/studio/main/main.ts) against a fake `electron`: the window it
 * opens, the security policy it applies and the IPC handlers it registers, end to end with the
 * fake preload calling through them.
 */
const state = vi.hoisted(() => ({
  appHandlers: new Map<string, (...a: unknown[]) => void>(),
  ipc: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
  windows: [] as { options: { webPreferences: Record<string, unknown> }; loaded: string; contentsEvents: string[] }[],
  permissionRequest: undefined as undefined | ((wc: unknown, perm: string, cb: (ok: boolean) => void) => void),
  permissionCheck: undefined as undefined | (() => boolean),
  devicePermission: undefined as undefined | (() => boolean),
  beforeRequest: undefined as undefined | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  ready: undefined as undefined | Promise<void>,
  errors: [] as string[],
  messages: [] as string[],
  focused: 0,
  quits: 0,
  lockData: undefined as unknown,
  menu: [] as { label?: string; role?: string; submenu?: { label?: string; role?: string; click?: () => void }[] }[],
  picked: [] as string[],
  relaunched: [] as unknown[],
  sessionHandlers: new Map<string, (...a: unknown[]) => void>(),
  saveAs: undefined as string | undefined,
  saveDialogs: [] as { title: string; defaultPath: string; filters: unknown }[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    options: { webPreferences: Record<string, unknown> };
    loaded = '';
    /** The window's page events main listens to (will-prevent-unload: the question before unsaved typing is lost). */
    contentsEvents: string[] = [];
    webContents = { on: (event: string) => this.contentsEvents.push(event) };
    constructor(options: { webPreferences: Record<string, unknown> }) {
      this.options = options;
      state.windows.push(this);
    }
    once() {}
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {
      state.focused += 1;
    }
    loadFile(f: string) {
      this.loaded = f;
      return Promise.resolve();
    }
  }
  return {
    app: {
      getAppPath: () => '/app',
      isPackaged: false,
      getPath: () => '/tmp/userData',
      on: (e: string, fn: (...a: unknown[]) => void) => state.appHandlers.set(e, fn),
      relaunch: (o: unknown) => state.relaunched.push(o),
      requestSingleInstanceLock: (data: unknown) => ((state.lockData = data), true),
      whenReady: () => (state.ready = Promise.resolve()),
      exit: () => undefined,
      quit: () => {
        state.quits += 1;
      },
    },
    BrowserWindow,
    Menu: { buildFromTemplate: (t: typeof state.menu) => t, setApplicationMenu: (m: typeof state.menu) => (state.menu = m) },
    dialog: {
      showSaveDialogSync: (_win: unknown, o: { title: string; defaultPath: string; filters: unknown }) => (state.saveDialogs.push(o), state.saveAs),
      showOpenDialog: () => Promise.resolve({ canceled: state.picked.length === 0, filePaths: state.picked }),
      showErrorBox: (title: string, body: string) => state.errors.push(`${title}: ${body}`),
      showMessageBox: (_win: unknown, o: { message: string; detail: string }) => (state.messages.push(`${o.message} ${o.detail}`), Promise.resolve({ response: 0 })),
    },
    ipcMain: { handle: (channel: string, fn: (event: unknown, payload: unknown) => Promise<unknown>) => state.ipc.set(channel, fn), removeHandler: () => undefined },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: typeof state.permissionRequest) => (state.permissionRequest = fn),
        setPermissionCheckHandler: (fn: typeof state.permissionCheck) => (state.permissionCheck = fn),
        setDevicePermissionHandler: (fn: typeof state.permissionCheck) => (state.devicePermission = fn),
        webRequest: { onBeforeRequest: (fn: typeof state.beforeRequest) => (state.beforeRequest = fn) },
        on: (e: string, fn: (...a: unknown[]) => void) => state.sessionHandlers.set(e, fn),
      },
    },
  };
});

describe('Electron main process', async () => {
  const workspace = join(scratch('electron-'), 'workspace.sqlite');
  process.env.TARIFF_STUDIO_WORKSPACE = workspace;
  process.env.TARIFF_STUDIO_RULES = SEED.rulesDir;
  process.env.TARIFF_STUDIO_TARIFFS = SEED.tariffsDir;
  afterAll(() => {
    for (const k of ['TARIFF_STUDIO_WORKSPACE', 'TARIFF_STUDIO_RULES', 'TARIFF_STUDIO_TARIFFS']) delete process.env[k];
  });
  await import('../../src/studio/main/main.js');
  await state.ready;
  await new Promise((r) => setTimeout(r, 0));

  it('opens the workspace and registers one IPC handler per studio call', () => {
    expect(state.errors).toEqual([]);
    expect([...state.ipc.keys()]).toEqual(CALL_NAMES.map(channelOf));
  });

  it('opens a sandboxed, isolated window without Node, with the preload and the built renderer', () => {
    expect(state.windows).toHaveLength(1);
    const w = state.windows[0]!;
    expect(w.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    // A development checkout (app.isPackaged false) keeps the developer tools; the installed app has none (window-security.test.ts).
    expect(w.options.webPreferences.devTools).toBe(true);
    expect(String(w.options.webPreferences.preload)).toMatch(/preload\.cjs$/u);
    expect(w.loaded).toBe(join('/app', 'dist-renderer', 'index.html'));
    // A close or reload the page asks to stay for (typing not saved) asks the user instead of being cancelled silently.
    expect(w.contentsEvents).toContain('will-prevent-unload');
  });

  it('refuses every permission, new windows, navigation and webviews', () => {
    let granted: boolean | undefined;
    state.permissionRequest!(undefined, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    expect(state.permissionCheck!()).toBe(false);
    expect(state.devicePermission!()).toBe(false);
    const listeners = new Map<string, (e: { url?: string; preventDefault: () => void }) => void>();
    let openHandler: (() => { action: string }) | undefined;
    state.appHandlers.get('web-contents-created')!(
      {},
      {
        setWindowOpenHandler: (fn: () => { action: string }) => (openHandler = fn),
        on: (e: string, fn: (ev: { url?: string; preventDefault: () => void }) => void) => listeners.set(e, fn),
      },
    );
    expect(openHandler!()).toEqual({ action: 'deny' });
    for (const e of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const url of ['https://example.com/', 'file:///etc/passwd', 'file:///app/dist-renderer-copy/index.html']) {
        const prevent = vi.fn();
        listeners.get(e)!({ url, preventDefault: prevent });
        expect(prevent, `${e} ${url}`).toHaveBeenCalled();
      }
      // Its own page (a reload of the renderer) stays allowed.
      const prevent = vi.fn();
      listeners.get(e)!({ url: 'file:///app/dist-renderer/index.html', preventDefault: prevent });
      expect(prevent, e).not.toHaveBeenCalled();
    }
    const prevent = vi.fn();
    listeners.get('will-attach-webview')!({ preventDefault: prevent });
    expect(prevent).toHaveBeenCalled();
  });

  it('loads nothing but its own files: any other request of the session is cancelled', () => {
    const cancelled = (url: string): boolean => {
      let answer: boolean | undefined;
      state.beforeRequest!({ url }, (r) => (answer = r.cancel));
      return answer!;
    };
    for (const url of ['https://cdn.example.com/lib.js', 'http://127.0.0.1:8080/api', 'file:///etc/passwd', 'file:///app/dist-renderer-copy/x.js', 'ws://example.com/'])
      expect(cancelled(url), url).toBe(true);
    for (const url of ['file:///app/dist-renderer/index.html', 'file:///app/dist-renderer/assets/index-abc.js', 'blob:file:///1234', 'data:,', 'devtools://devtools/bundled/x.js'])
      expect(cancelled(url), url).toBe(false);
  });

  it('saves every download through the system save dialog, and saves nothing when it is cancelled', () => {
    const item = () => ({ getFilename: () => 'release-2025-04-01.json', setSavePath: vi.fn(), cancel: vi.fn() });
    const chosen = item();
    state.saveAs = '/home/pm/releases/r.json';
    state.sessionHandlers.get('will-download')!({}, chosen);
    expect(chosen.setSavePath).toHaveBeenCalledWith('/home/pm/releases/r.json');
    expect(chosen.cancel).not.toHaveBeenCalled();
    expect(state.saveDialogs[0]).toEqual({ title: 'Save', defaultPath: join('/tmp/userData', 'release-2025-04-01.json'), filters: [{ name: 'JSON', extensions: ['json'] }] });
    const cancelled = item();
    state.saveAs = undefined;
    state.sessionHandlers.get('will-download')!({}, cancelled);
    expect(cancelled.setSavePath).not.toHaveBeenCalled();
    expect(cancelled.cancel).toHaveBeenCalled();
  });

  it('holds the single-instance lock: a second start brings this window forward and says what is open', () => {
    expect(state.lockData).toEqual({ opens: workspace });
    state.appHandlers.get('second-instance')!({}, [], '/', { opens: workspace });
    expect(state.focused).toBe(1);
    expect(state.messages).toEqual([]);
    state.appHandlers.get('second-instance')!({}, [], '/', { opens: '/elsewhere/other.sqlite' });
    expect(state.focused).toBe(2);
    expect(state.messages).toEqual([expect.stringMatching(/^Tariff Studio is already open on .*workspace\.sqlite .*To open \/elsewhere\/other\.sqlite, close this window/u)]);
  });

  it('answers a call from its own page and refuses one from any other', async () => {
    const handler = state.ipc.get(channelOf('tariffs.list'))!;
    expect(await handler({ senderFrame: { url: 'file:///app/dist-renderer/index.html' } }, {})).toMatchObject({
      ok: true,
      value: { versions: [expect.objectContaining({ status: 'approved' })] },
    });
    expect(await handler({ senderFrame: { url: 'https://example.com/' } }, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(await handler({ senderFrame: { url: 'file:///app/dist-renderer-copy/index.html' } }, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(await handler({ senderFrame: null }, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(await handler({ senderFrame: { url: 'file:///app/dist-renderer/index.html' } }, { id: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
  });

  it('File › Open Workspace… picks a file in the system dialog and restarts the studio on it', async () => {
    const file = state.menu.find((m) => m.label === 'File')!.submenu!;
    const open = file.find((i) => i.label === 'Open Workspace…')!;
    expect(state.menu.find((m) => m.label === 'View')!.submenu!.map((i) => i.role)).toContain('toggleDevTools');
    open.click!();
    await new Promise((r) => setTimeout(r, 0));
    expect(state.relaunched).toEqual([]);
    state.picked = ['/data/other.sqlite'];
    const quitsBefore = state.quits;
    open.click!();
    await new Promise((r) => setTimeout(r, 0));
    expect(state.relaunched).toEqual([{ args: [...process.argv.slice(1), '--workspace=/data/other.sqlite'] }]);
    expect(state.quits).toBe(quitsBefore + 1);
  });

  // Last: it closes the workspace.
  it('quits when its window closes, and quitting (also Cmd+Q, where no window-all-closed comes) closes the workspace once: WAL in the file, lock released', async () => {
    const save = state.ipc.get(channelOf('rules.setCaseFolders'))!;
    expect(await save({ senderFrame: { url: 'file:///app/dist-renderer/index.html' } }, { folders: [] })).toMatchObject({ ok: true });
    expect(existsSync(`${workspace}.lock`)).toBe(true);
    // Cmd+Q / the menu's Quit: Electron emits will-quit without window-all-closed.
    state.appHandlers.get('will-quit')!();
    expect(existsSync(`${workspace}.lock`)).toBe(false);
    expect(existsSync(`${workspace}-wal`) ? statSync(`${workspace}-wal`).size : 0).toBe(0);
    const quits = state.quits;
    state.appHandlers.get('window-all-closed')!();
    expect(state.quits).toBe(quits + 1);
    state.appHandlers.get('will-quit')!();
  });
});
