import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the browser mode keeps the workspace when none is named: the per-user data folder
 * (Electron uses app.getPath('userData'), the same folder on each platform).
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
