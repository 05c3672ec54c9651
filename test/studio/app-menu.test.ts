import { describe, expect, it } from 'vitest';
import { relaunchArgs, workspaceArg } from '../../src/studio/main/app-lifecycle.js';
import { studioMenu } from '../../src/studio/main/app-menu.js';

type Item = { label?: string; role?: string; submenu?: Item[] };
const roles = (menu: Item[]): string[] => menu.flatMap((m) => [...(m.role ? [m.role] : []), ...roles(m.submenu ?? [])]);
const labels = (menu: Item[]): string[] => menu.flatMap((m) => [...(m.label ? [m.label] : []), ...labels(m.submenu ?? [])]);

describe("the desktop studio's menu", () => {
  it('has reload and developer tools in a development checkout only', () => {
    expect(roles(studioMenu({ platform: 'linux', packaged: false }) as Item[])).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    const installed = roles(studioMenu({ platform: 'linux', packaged: true }) as Item[]);
    expect(installed).not.toContain('toggleDevTools');
    expect(installed).not.toContain('reload');
    expect(installed).toEqual(expect.arrayContaining(['quit', 'editMenu', 'windowMenu']));
  });

  it('offers Open Workspace… for the local workspace only, and the macOS app menu on macOS', () => {
    expect(labels(studioMenu({ platform: 'win32', packaged: true, openWorkspace: () => undefined }) as Item[])).toContain('Open Workspace…');
    expect(labels(studioMenu({ platform: 'win32', packaged: true }) as Item[])).not.toContain('Open Workspace…');
    const mac = roles(studioMenu({ platform: 'darwin', packaged: true }) as Item[]);
    expect(mac[0]).toBe('appMenu');
    expect(mac).toContain('close');
  });
});

describe('restarting on another workspace', () => {
  it('names the workspace as --workspace=FILE, replacing the one this start was given', () => {
    expect(workspaceArg(['/opt/electron', '/app'])).toBeUndefined();
    expect(workspaceArg(['/opt/electron', '/app', '--workspace='])).toBeUndefined();
    const argv = ['/opt/electron', '/app', '--workspace=/a.sqlite'];
    expect(workspaceArg(argv)).toBe('/a.sqlite');
    const again = relaunchArgs(argv, '/data/b c.sqlite');
    expect(again).toEqual(['/app', '--workspace=/data/b c.sqlite']);
    expect(workspaceArg(['/opt/electron', ...again])).toBe('/data/b c.sqlite');
  });
});
