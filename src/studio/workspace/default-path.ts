import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * Where the studio keeps the workspace when none is named, in the browser mode and in the desktop
 * app alike (main.ts asks this function too, so both open the same file): the per-user data
 * folder, `Tariff Studio/workspace.sqlite` under %APPDATA% (Windows), ~/Library/Application
 * Support (macOS) or $XDG_DATA_HOME / ~/.local/share (Linux). An empty or relative
 * XDG_DATA_HOME or APPDATA is ignored, as the XDG Base Directory spec says: it would put the
 * workspace in whatever folder the studio was started from.
 */
export function defaultWorkspacePath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = homedir();
  // Written in an environment file (systemd, .env) no shell expands `~/`: it is the home folder here too.
  const named = env.TARIFF_STUDIO_WORKSPACE;
  if (named) return named === '~' || named.startsWith('~/') ? join(home, named.slice(1)) : named;
  const given = (value: string | undefined): string | undefined => (value && isAbsolute(value) ? value : undefined);
  const base =
    platform === 'win32'
      ? (given(env.APPDATA) ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (given(env.XDG_DATA_HOME) ?? join(home, '.local', 'share'));
  return join(base, 'Tariff Studio', 'workspace.sqlite');
}
