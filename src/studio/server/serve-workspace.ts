import { closeWorkspace, type Workspace } from '../workspace/workspace.js';

/**
 * A server started over an open workspace (the browser mode, the team server): if it fails to
 * start, the workspace is closed (its lock released) and the error passed on; `stop` closes the
 * server, then the workspace.
 */
export async function serveOpenWorkspace<S extends { close(): Promise<void> }>(ws: Workspace, start: () => Promise<S>): Promise<{ server: S; stop(): Promise<void> }> {
  try {
    const server = await start();
    return {
      server,
      stop: async () => {
        await server.close();
        closeWorkspace(ws);
      },
    };
  } catch (e) {
    closeWorkspace(ws);
    throw e;
  }
}
