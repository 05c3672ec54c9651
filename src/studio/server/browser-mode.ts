import { logInternalError, studioDispatch } from '../handlers/studio-dispatch.js';
import { openWorkspace } from '../workspace/open-workspace.js';
import type { SeedFolders } from '../workspace/seed-from-folders.js';
import type { Workspace } from '../workspace/workspace.js';
import { serveOpenWorkspace } from './serve-workspace.js';
import { startStudioServer, type StudioServer } from './http-server.js';

/** The studio in browser mode: the workspace opened (or created from the folders) behind the local server. */
export type BrowserStudio = { server: StudioServer; ws: Workspace; created: boolean; stop(): Promise<void> };

export async function startBrowserStudio(opts: {
  workspace: string;
  seed: SeedFolders;
  readOnly?: boolean;
  port?: number;
  staticDir: string;
  log?: (line: string) => void;
}): Promise<BrowserStudio> {
  const { ws, created } = openWorkspace(opts.workspace, {
    seed: opts.seed,
    lock: 'the studio in browser mode (tariff studio --web)',
    ...(opts.readOnly ? { readOnly: true } : {}),
  });
  const { server, stop } = await serveOpenWorkspace(ws, async () =>
    startStudioServer({
      dispatch: studioDispatch(ws, created, logInternalError(opts.log)),
      staticDir: opts.staticDir,
      ...(opts.port !== undefined ? { port: opts.port } : {}),
      ...(opts.log ? { log: opts.log } : {}),
    }),
  );
  return { server, ws, created, stop };
}
