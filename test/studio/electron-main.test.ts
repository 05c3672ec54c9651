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
  windows: [] as { options: { webPreferences: Record<string, unknown> }; loaded: string }[],
  permissionRequest: undefined as undefined | ((wc: unknown, perm: string, cb: (ok: boolean) => void) => void),
  permissionCheck: undefined as undefined | (() => boolean),
  ready: undefined as undefined | Promise<void>,
  errors: [] as string[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    options: { webPreferences: Record<string, unknown> };
    loaded = '';
    constructor(options: { webPreferences: Record<string, unknown> }) {
      this.options = options;
      state.windows.push(this);
    }
    once() {}
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
      whenReady: () => (state.ready = Promise.resolve()),
      exit: () => undefined,
      quit: () => undefined,
    },
    BrowserWindow,
    dialog: { showErrorBox: (title: string, body: string) => state.errors.push(`${title}: ${body}`) },
    ipcMain: { handle: (channel: string, fn: (event: unknown, payload: unknown) => Promise<unknown>) => state.ipc.set(channel, fn), removeHandler: () => undefined },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: typeof state.permissionRequest) => (state.permissionRequest = fn),
        setPermissionCheckHandler: (fn: typeof state.permissionCheck) => (state.permissionCheck = fn),
      },
    },
  };
});

describe('Electron main process', async () => {
  process.env.TARIFF_STUDIO_WORKSPACE = join(scratch('electron-'), 'workspace.sqlite');
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
    expect(String(w.options.webPreferences.preload)).toMatch(/preload\.cjs$/u);
    expect(w.loaded).toBe(join('/app', 'dist-renderer', 'index.html'));
  });

  it('refuses every permission, new windows, navigation and webviews', () => {
    let granted: boolean | undefined;
    state.permissionRequest!(undefined, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    expect(state.permissionCheck!()).toBe(false);
    const listeners = new Map<string, (e: { preventDefault: () => void }) => void>();
    let openHandler: (() => { action: string }) | undefined;
    state.appHandlers.get('web-contents-created')!(
      {},
      { setWindowOpenHandler: (fn: () => { action: string }) => (openHandler = fn), on: (e: string, fn: (ev: { preventDefault: () => void }) => void) => listeners.set(e, fn) },
    );
    expect(openHandler!()).toEqual({ action: 'deny' });
    for (const e of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const prevent = vi.fn();
      listeners.get(e)!({ preventDefault: prevent });
      expect(prevent, e).toHaveBeenCalled();
    }
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
});
