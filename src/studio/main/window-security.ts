import type { Session, WebContents, WebPreferences } from 'electron';
import { format } from 'node:url';

/**
 * The studio window's security policy (Electron's checklist): isolated, sandboxed renderer
 * without Node; no navigation away from the studio's own page, no new windows, no webviews,
 * every permission request (camera, notifications, …) refused; developer tools only in a
 * development checkout (`app.isPackaged` false), never in the installed app.
 */
export const SECURE_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const satisfies WebPreferences;

/** The preferences of a studio window: the policy above, devtools in development only, and the preload if any. */
export const windowPreferences = (opts: { packaged: boolean; preload?: string }): WebPreferences => ({
  ...SECURE_PREFERENCES,
  devTools: !opts.packaged,
  ...(opts.preload !== undefined ? { preload: opts.preload } : {}),
});

/**
 * The URL every page of the folder `dir` has once Electron's loadFile opened one, ending in `/`:
 * loadFile writes the path into a file: URL with url.format and Chromium parses that, so a page,
 * its requests and its frame carry the parsed form. pathToFileURL writes another one for some
 * folders: it escapes `[`, `]`, `~` and `%`, which the parser leaves as they are, and a studio
 * installed under such a folder (a Windows short name TANAKA~1, a folder "[old]") refused every
 * call and request of its own page. The parser is WHATWG's, as Chromium's is for file: paths.
 */
export function loadedFilePrefix(dir: string): string {
  const parsed = new URL(format({ protocol: 'file', slashes: true, pathname: dir })).href;
  // Chromium also writes a Windows drive letter in capitals (url_canon_fileurl.cc), WHATWG keeps it as given.
  const href = parsed.replace(/^file:\/\/\/([a-z]):/u, (_, drive: string) => `file:///${drive.toUpperCase()}:`);
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * Whether a window may go to `url`: the local studio stays on its renderer folder (a file://
 * prefix); a team server's window on that server's origin (its sign-in page, a proxy's redirect
 * on the same origin). Anything else, including another scheme, is refused.
 */
export const studioPageCheck =
  (allowed: { filePrefix: string } | { origin: string }) =>
  (url: string): boolean => {
    if ('filePrefix' in allowed) return url.startsWith(allowed.filePrefix);
    try {
      return new URL(url).origin === allowed.origin;
    } catch {
      return false;
    }
  };

/**
 * Applied to every web contents as it is created (app 'web-contents-created'): `window.open` and
 * target=_blank links are denied (the studio opens no other window and links nowhere outside);
 * a navigation or redirect (of the page or any of its frames) leaving the studio's page is
 * stopped; webviews are never attached. `isStudioPage` is asked at each navigation, so it follows
 * the connection chosen after start (the local renderer or a team server); by default nothing is.
 */
export function hardenContents(contents: Pick<WebContents, 'setWindowOpenHandler' | 'on'>, isStudioPage: (url: string) => boolean = () => false): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const guard = (details: { url: string; preventDefault(): void }): void => {
    if (!isStudioPage(details.url)) details.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Every permission request and check refused (camera, microphone, notifications, geolocation, HID/USB/serial devices, …). */
export function denyPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** What a studio page loads besides its own files: blobs (a download being saved), inline data (fonts, the empty icon), the developer tools. */
const LOCAL_SCHEMES = /^(?:blob|data|devtools):/u;

/**
 * No remote content, enforced below the page: every request of the session (a page, a script,
 * an image, a fetch, an EventSource) that is not the studio's own page (`isStudioPage`, asked at
 * each request) nor a blob, data or devtools URL is cancelled, whatever the page's CSP says.
 */
export function onlyStudioRequests(session: { webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> }, isStudioPage: (url: string) => boolean): void {
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !(isStudioPage(details.url) || LOCAL_SCHEMES.test(details.url)) }));
}
