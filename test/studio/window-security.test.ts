import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { SECURITY_HEADERS } from '../../src/studio/server/http-server.js';
import { hardenContents, loadedFilePrefix, SECURE_PREFERENCES, studioPageCheck, windowPreferences } from '../../src/studio/main/window-security.js';

/** The studio window's policy (Electron's security checklist), without Electron's binary. */
describe('window security', () => {
  it('has developer tools in a development checkout only, never in the installed app', () => {
    expect(windowPreferences({ packaged: true })).toMatchObject({ ...SECURE_PREFERENCES, devTools: false });
    expect(windowPreferences({ packaged: false })).toMatchObject({ devTools: true });
    expect(windowPreferences({ packaged: true })).not.toHaveProperty('preload');
    expect(windowPreferences({ packaged: true, preload: '/app/dist-electron/preload.cjs' })).toMatchObject({ preload: '/app/dist-electron/preload.cjs' });
  });

  it('keeps the local studio in its renderer folder and a team server window on its origin', () => {
    const local = studioPageCheck({ filePrefix: 'file:///app/dist-renderer/' });
    expect(local('file:///app/dist-renderer/index.html')).toBe(true);
    expect(local('file:///app/dist-renderer-evil/index.html')).toBe(false);
    expect(local('file:///etc/passwd')).toBe(false);
    expect(local('https://example.com/')).toBe(false);
    const team = studioPageCheck({ origin: 'https://studio.example.com' });
    expect(team('https://studio.example.com/')).toBe(true);
    expect(team('https://studio.example.com/login?next=/')).toBe(true);
    expect(team('http://studio.example.com/')).toBe(false);
    expect(team('https://studio.example.com.evil.test/')).toBe(false);
    expect(team('https://evil.test/?https://studio.example.com')).toBe(false);
    expect(team('not a url')).toBe(false);
  });

  it('names the renderer folder as the page loadFile opened is named, wherever the app is installed', () => {
    // What Chromium shows for the page loadFile opens (url.format of the path, parsed; e2e electron-renderer.test.ts sees Chromium do it).
    const shown = (file: string): string => new URL(format({ protocol: 'file', slashes: true, pathname: file })).href;
    for (const folder of [
      '/app',
      '/Applications/Tariff Studio.app/Contents/Resources/app.asar',
      '/home/田中/料金表',
      '/C/Users/TANAKA~1/x',
      '/srv/[old]/100%',
      "/o'k (2)/a#1?b",
      'C:\\Program Files\\Tariff Studio\\resources\\app.asar',
    ]) {
      const dir = folder.includes('\\') ? `${folder}\\dist-renderer` : `${folder}/dist-renderer`;
      const prefix = loadedFilePrefix(dir);
      const page = shown(folder.includes('\\') ? `${dir}\\index.html` : `${dir}/index.html`);
      expect(page.startsWith(prefix), `${page} under ${prefix}`).toBe(true);
      expect(studioPageCheck({ filePrefix: prefix })(page), folder).toBe(true);
      expect(studioPageCheck({ filePrefix: prefix })(shown(`${folder}/dist-renderer-copy/index.html`)), folder).toBe(false);
    }
    expect(loadedFilePrefix('C:\\Program Files\\Tariff Studio\\resources\\app.asar\\dist-renderer')).toBe(
      'file:///C:/Program%20Files/Tariff%20Studio/resources/app.asar/dist-renderer/',
    );
    // Chromium writes the drive letter in capitals, however Electron's app path spells it.
    expect(loadedFilePrefix('c:\\tariff studio\\dist-renderer')).toBe('file:///C:/tariff%20studio/dist-renderer/');
    // pathToFileURL names some folders otherwise: the studio installed there refused its own page.
    expect(loadedFilePrefix('/C/Users/TANAKA~1/[old]/100%')).toBe('file:///C/Users/TANAKA~1/[old]/100%/');
    expect(`${pathToFileURL('/C/Users/TANAKA~1/[old]/100%').href}/`).not.toBe(loadedFilePrefix('/C/Users/TANAKA~1/[old]/100%'));
  });

  it('asks the current check at each navigation (the connection is chosen after the window exists)', () => {
    const listeners = new Map<string, (e: { url: string; preventDefault: () => void }) => void>();
    let allowed = 'https://a.example';
    hardenContents(
      {
        setWindowOpenHandler: () => undefined,
        on: (e: string, fn: (ev: { url: string; preventDefault: () => void }) => void) => listeners.set(e, fn),
      } as unknown as Parameters<typeof hardenContents>[0],
      (url) => new URL(url).origin === allowed,
    );
    const prevented = (url: string): boolean => {
      const prevent = vi.fn();
      listeners.get('will-navigate')!({ url, preventDefault: prevent });
      return prevent.mock.calls.length > 0;
    };
    expect(prevented('https://a.example/x')).toBe(false);
    allowed = 'https://b.example';
    expect(prevented('https://a.example/x')).toBe(true);
    expect(prevented('https://b.example/x')).toBe(false);
  });
});

describe("the renderer's Content-Security-Policy", () => {
  const directives = (csp: string): string[] =>
    csp
      .split(';')
      .map((d) => d.trim().replace(/\s+/gu, ' '))
      .filter(Boolean);

  it('loads nothing remote and runs no inline or eval-ed script, in Electron (meta tag) as in the browser mode (header)', () => {
    const html = readFileSync(join(PROJECT_ROOT, 'src', 'studio', 'renderer', 'index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/u.exec(html)?.[1];
    expect(meta).toBeDefined();
    const inPage = directives(meta!);
    expect(inPage).toEqual(expect.arrayContaining(["default-src 'self'", "script-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'"]));
    expect(inPage.join(';')).not.toMatch(/unsafe-eval|https?:|\*/u);
    // The same policy as the HTTP header, less frame-ancestors (which a meta tag cannot carry).
    expect(inPage).toEqual(directives(SECURITY_HEADERS['Content-Security-Policy']!).filter((d) => !d.startsWith('frame-ancestors')));
  });
});
