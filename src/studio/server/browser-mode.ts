import { logInternalError, studioDispatch } from '../handlers/studio-dispatch.js';
import { openWorkspace } from '../workspace/open-workspace.js';
import type { SeedFolders } from '../workspace/seed-from-folders.js';
import type { Workspace } from '../workspace/workspace.js';
import { serveOpenWorkspace } from './serve-workspace.js';
import { startStudioServer, type StudioServer } from './http-server.js';

/**
 * The port the browser mode listens on when no --port is given, while it is free (else any free
 * port). A browser keeps what the page stores (the language chosen) per origin, port included: on
 * a new free port at each start the studio forgot it every time.
 */
export const PREFERRED_PORT = 41229;

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
  const { server, stop } = await serveOpenWorkspace(ws, async () => {
    const dispatch = studioDispatch(ws, created, logInternalError(opts.log));
    const listen = (port: number) => startStudioServer({ dispatch, staticDir: opts.staticDir, port, ...(opts.log ? { log: opts.log } : {}) });
    if (opts.port !== undefined) return listen(opts.port);
    return listen(PREFERRED_PORT).catch((e: unknown) => {
      if ((e as { code?: string }).code === 'PORT_IN_USE') return listen(0);
      throw e;
    });
  });
  return { server, ws, created, stop };
}
