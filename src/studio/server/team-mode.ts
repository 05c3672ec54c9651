import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { logInternalError, studioDispatch } from '../handlers/studio-dispatch.js';
import { actorFromRequests } from '../team/request-user.js';
import type { LoginPolicy } from '../team/login.js';
import type { TrustedProxies } from '../../io/client-address.js';
import type { HttpLimits } from '../../io/http-limits.js';
import { setRequiredApprovals } from '../team/team-settings.js';
import { listUsers } from '../team/user-store.js';
import { networkFsWarning } from '../workspace/network-fs.js';
import { openWorkspace } from '../workspace/open-workspace.js';
import { restrictWorkspaceFiles } from '../workspace/private-files.js';
import type { SeedFolders } from '../workspace/seed-from-folders.js';
import type { Workspace } from '../workspace/workspace.js';
import { serveOpenWorkspace } from './serve-workspace.js';
import { startTeamServer, type TeamServer } from './team-server.js';

/**
 * The studio as a team server: the workspace opened by this one process (the writer's lock),
 * every call made as the signed-in user (ws.actor follows the request), behind startTeamServer.
 */
export type TeamStudio = { server: TeamServer; ws: Workspace; created: boolean; users: number; caseRoots: string[]; warnings: string[]; stop(): Promise<void> };

/** The default case root of a team server: `cases/` beside its workspace. */
export const defaultCaseRoot = (workspace: string): string => join(dirname(resolve(workspace)), 'cases');

export type TeamStudioOptions = {
  workspace: string;
  seed: SeedFolders;
  host: string;
  port: number;
  staticDir: string;
  tls?: { cert: Buffer; key: Buffer };
  origins?: string[];
  /** Where case folders may be (explorer cases, regression folders); default `cases/` beside the workspace, created at start. */
  caseRoots?: string[];
  requiredApprovals?: number;
  /** The simulator's run-size limit in contract-months (default the CLI's, run-size.ts); a run cannot raise it here (scenarios/run-limit.ts). */
  maxContractMonths?: number;
  policy?: Partial<LoginPolicy>;
  log?: (line: string) => void;
  /** Timeouts and caps on clients (--headers-timeout-ms and the rest; default TEAM_HTTP_LIMITS). */
  limits?: HttpLimits;
  /** --trust-proxy: the reverse proxies whose X-Forwarded-For names the client. */
  trustProxy?: TrustedProxies;
};

export async function startTeamStudio(opts: TeamStudioOptions): Promise<TeamStudio> {
  const warnings = [networkFsWarning(opts.workspace)].filter((w): w is string => w !== undefined);
  const { ws, created } = openWorkspace(opts.workspace, { seed: opts.seed, lock: 'the team server (tariff studio --serve)', actor: 'tariff studio --serve' });
  // It holds password hashes: owner only, even if an earlier version created it readable by all.
  if (!ws.readOnly) warnings.push(...restrictWorkspaceFiles(opts.workspace));
  const caseRoots = (opts.caseRoots?.length ? opts.caseRoots : [defaultCaseRoot(opts.workspace)]).map((r) => resolve(r));
  for (const r of caseRoots)
    try {
      mkdirSync(r, { recursive: true, mode: 0o750 });
    } catch {
      // A read-only folder: saving a case there fails with its own message, the server still starts.
    }
  let users = 0;
  const { server, stop } = await serveOpenWorkspace(ws, async () => {
    actorFromRequests(ws, 'tariff studio --serve');
    if (opts.requiredApprovals !== undefined) setRequiredApprovals(ws, opts.requiredApprovals);
    users = listUsers(ws).filter((u) => !u.disabled).length;
    const run = { overrideAllowed: false, ...(opts.maxContractMonths !== undefined ? { maxContractMonths: opts.maxContractMonths } : {}) };
    // A run answers when it starts; when it finished, the others' pages are told (the starter's own page follows its progress).
    const live: { server?: TeamServer } = {};
    const onRunFinished = (id: number, by: string): void => live.server?.announce({ call: 'scenarios.runFinished', domain: 'scenarios', id, by, at: new Date().toISOString() });
    const dispatch = studioDispatch(ws, created, logInternalError(opts.log), { caseRoots, run, onRunFinished });
    const started = await startTeamServer({
      ws,
      dispatch,
      host: opts.host,
      port: opts.port,
      staticDir: opts.staticDir,
      ...(opts.tls ? { tls: opts.tls } : {}),
      ...(opts.origins ? { origins: opts.origins } : {}),
      ...(opts.policy ? { policy: opts.policy } : {}),
      ...(opts.log ? { log: opts.log } : {}),
      ...(opts.limits ? { limits: opts.limits } : {}),
      ...(opts.trustProxy ? { trustProxy: opts.trustProxy } : {}),
    });
    live.server = started;
    return started;
  });
  return { server, ws, created, users, caseRoots, warnings, stop };
}
