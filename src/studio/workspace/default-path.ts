import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the studio keeps the workspace when none is named, in the browser mode and in the desktop
 * app alike (main.ts asks this function too, so both open the same file): the per-user data
 * folder, `Tariff Studio/workspace.sqlite` under %APPDATA% (Windows), ~/Library/Application
 * Support (macOS) or $XDG_DATA_HOME / ~/.local/share (Linux).
 */
export function defaultWorkspacePath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.TARIFF_STUDIO_WORKSPACE) return env.TARIFF_STUDIO_WORKSPACE;
  const home = homedir();
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_DATA_HOME ?? join(home, '.local', 'share'));
  return join(base, 'Tariff Studio', 'workspace.sqlite');
}
