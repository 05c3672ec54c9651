import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { digitsOf, parseFlags } from './parse-flags.js';
import { startBrowserStudio } from '../studio/server/browser-mode.js';
import { defaultWorkspacePath } from '../studio/workspace/default-path.js';
import { exportFolders } from '../studio/workspace/export-folders.js';
import { openWorkspace } from '../studio/workspace/open-workspace.js';
import { closeWorkspace } from '../studio/workspace/workspace.js';
import type { Command, Io } from './main.js';
import { ownWorkspaceHint, PROJECT_ROOT, UsageError, workspaceSeed } from './options.js';
import { withStudioErrors } from './studio-errors.js';
import { serveTeam, untilStopSignal } from './studio-serve.js';
import { HTTP_FLAGS, httpFlagsUsage } from './http-flags.js';
import { TEAM_HTTP_LIMITS } from '../io/http-limits.js';
import { checkServerUrl } from '../studio/main/connection.js';
import { plural } from '../io/plural.js';

/** `tariff studio`: the desktop app in Electron where its binary exists, otherwise (or with --web) in the browser. */
export const RENDERER_DIR = join(PROJECT_ROOT, 'dist-renderer');
export const ELECTRON_MAIN = join(PROJECT_ROOT, 'dist-electron', 'main.cjs');

/**
 * The Electron executable when `npm install` could download it (node_modules/electron/dist, as
 * electron/path.txt names it), else undefined. `from`: the file the package is resolved from.
 */
export function electronBinary(from: string = import.meta.url): string | undefined {
  try {
    const dir = dirname(createRequire(from).resolve('electron/package.json'));
    const rel = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    const exe = join(dir, 'dist', rel);
    return existsSync(exe) ? exe : undefined;
  } catch {
    return undefined;
  }
}

const studioOptions = {
  web: { type: 'boolean' },
  'read-only': { type: 'boolean' },
  port: { type: 'string' },
  workspace: { type: 'string' },
  rules: { type: 'string' },
  tariffs: { type: 'string' },
  serve: { type: 'boolean' },
  listen: { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  origin: { type: 'string', multiple: true },
  'required-approvals': { type: 'string' },
  'max-contract-months': { type: 'string' },
  ...HTTP_FLAGS,
  server: { type: 'string' },
  local: { type: 'boolean' },
} as const;

/**
 * The browser mode serves dist-renderer/: when it is missing (a fresh checkout), build it now with
 * vite (its output on stderr), so nobody ever meets a page saying the renderer is not built.
 * False when it cannot be built (vite missing in an installed copy, or the build failed).
 */
function ensureRenderer(io: Io): boolean {
  if (existsSync(join(RENDERER_DIR, 'index.html'))) return true;
  let vite: string;
  try {
    vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  } catch {
    io.err(`tariff studio: the renderer is not built (${RENDERER_DIR}) and vite is not installed to build it: run \`npm ci\` then \`npm run build:renderer\`.`);
    return false;
  }
  io.err('tariff studio: building the renderer (first run) ...');
  const r = spawnSync(process.execPath, [vite, 'build'], { cwd: PROJECT_ROOT, stdio: ['ignore', 2, 2] });
  if (r.status === 0 && existsSync(join(RENDERER_DIR, 'index.html'))) return true;
  io.err('tariff studio: building the renderer failed (see above); fix it and run `npm run build:renderer`.');
  return false;
}

const serverUrl = (text: string): string => {
  try {
    return checkServerUrl(text);
  } catch (e) {
    throw new UsageError(`--server: ${(e as Error).message}`);
  }
};

/**
 * The environment of the Electron process `tariff studio` starts: what to open, read from
 * TARIFF_STUDIO_* by main.ts. ELECTRON_RUN_AS_NODE is dropped: inherited from a shell started by
 * an Electron app (an editor's terminal), it would run main.cjs as plain Node, without a window.
 */
export function electronEnv(
  base: NodeJS.ProcessEnv,
  open: { workspace: string; seed: { rulesDir: string; tariffsDir: string }; readOnly: boolean; server: string | undefined },
): NodeJS.ProcessEnv {
  const { ELECTRON_RUN_AS_NODE: _dropped, ...env } = base;
  return {
    ...env,
    ...(open.readOnly ? { TARIFF_STUDIO_READ_ONLY: '1' } : {}),
    TARIFF_STUDIO_WORKSPACE: open.workspace,
    TARIFF_STUDIO_RULES: open.seed.rulesDir,
    TARIFF_STUDIO_TARIFFS: open.seed.tariffsDir,
    ...(open.server ? { TARIFF_STUDIO_SERVER: open.server } : {}),
  };
}

/** What `tariff studio` looks for and waits on; a test gives its own (a stand-in Electron, a stop it controls). */
export type StudioHost = {
  electronBinary: () => string | undefined;
  electronMain: string;
  /** Resolves when the browser mode should stop (Ctrl+C, SIGTERM); called before "Press Ctrl+C" is printed, so a signal sent as soon as it is read stops it cleanly. */
  untilStopped: () => Promise<void>;
};

export const studioCommand: Command = studioCommandFor({ electronBinary: () => electronBinary(), electronMain: ELECTRON_MAIN, untilStopped: untilStopSignal });

export function studioCommandFor(host: StudioHost): Command {
  return {
    summary: 'open Tariff Studio (Electron where installed, else the browser mode; --web always serves the browser mode and prints its URL)',
    usage:
      'tariff studio [--web] [--read-only] [--port N] [--workspace FILE] [--rules DIR] [--tariffs DIR]\n' +
      '  --web: serve the studio to your browser on 127.0.0.1 and print the URL (it carries a per-run secret).\n' +
      '  --read-only: open the workspace read-only (as when its file or folder cannot be written): look, never change.\n' +
      '  --port N: listen on port N (default: 41229 while it is free, else a free port; the browser keeps the language chosen per port).\n' +
      '  --workspace FILE: the workspace to open; created from --rules and --tariffs (default rules/ and tariffs/) when missing.\n' +
      'tariff studio --serve --workspace FILE [--listen HOST:PORT] [--tls-cert F --tls-key F] [--origin URL] [--required-approvals N] [--max-contract-months N]\n' +
      '  --serve: the team server (docs/team.md): users sign in, roles are enforced, four-eyes approval. Without TLS it listens on 127.0.0.1 only.\n' +
      '  --max-contract-months N: the largest scenario run the team server starts (fleet.size × horizon.months × runs; default 100,000,000,\n' +
      '    as tariff simulate); its users cannot raise it (the desktop app and --web let a run do so with "Run anyway").\n' +
      '  [--headers-timeout-ms MS] [--request-timeout-ms MS] [--keep-alive-timeout-ms MS] [--max-connections N] [--max-header-bytes BYTES] [--max-header-count N]\n' +
      '  [--trust-proxy ADDR[,ADDR]]\n' +
      httpFlagsUsage(TEAM_HTTP_LIMITS)
        .map((l) => `${l}\n`)
        .join('') +
      '    Behind a trusted proxy the address it names is the one the sign-in limit counts and the log and audit name.\n' +
      'tariff studio --server URL | --local: the desktop app as a client of a team server (remembered for the next start), or back to the local workspace.\n' +
      `  Default workspace: ${defaultWorkspacePath()} (or $TARIFF_STUDIO_WORKSPACE).`,
    async run(args, io) {
      const { values } = parseFlags({ args, options: studioOptions, strict: true, allowPositionals: false });
      const port = values.port === undefined ? undefined : digitsOf(values.port);
      if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new UsageError(`--port must be a port number 0-65535, got "${values.port}"`);
      const workspace = resolve(values.workspace ?? defaultWorkspacePath());
      const seed = workspaceSeed(values);
      if (values.serve) {
        if (!values.workspace) throw new UsageError("tariff studio --serve needs --workspace FILE (the team's workspace, on a local disk of this machine)");
        return serveTeam(
          {
            workspace,
            seed,
            ...(values.listen !== undefined ? { listen: values.listen } : {}),
            ...(values['tls-cert'] !== undefined ? { tlsCert: values['tls-cert'] } : {}),
            ...(values['tls-key'] !== undefined ? { tlsKey: values['tls-key'] } : {}),
            origins: values.origin ?? [],
            ...(values['required-approvals'] !== undefined ? { requiredApprovals: values['required-approvals'] } : {}),
            ...(values['max-contract-months'] !== undefined ? { maxContractMonths: values['max-contract-months'] } : {}),
            http: values,
            staticDir: RENDERER_DIR,
            prepareStatic: () => ensureRenderer(io),
          },
          io,
        );
      }
      const serverFlag = Object.keys(HTTP_FLAGS).find((k) => values[k as keyof typeof HTTP_FLAGS] !== undefined);
      if (serverFlag)
        throw new UsageError(`--${serverFlag} goes with --serve (the team server); the desktop app and --web serve one person on this machine with fixed limits (docs/studio.md)`);
      if (values['max-contract-months'] !== undefined)
        throw new UsageError(
          '--max-contract-months goes with --serve (the team server\'s limit); in the desktop app and --web a run larger than the limit is refused with a "Run anyway" button',
        );
      const electron = values.web ? undefined : host.electronBinary();
      if (electron) {
        if (!existsSync(host.electronMain)) {
          io.err('tariff studio: the Electron bundles are not built. Run `npm run build:studio` (npm start does it for you).');
          return 2;
        }
        const server = values.local ? 'local' : values.server !== undefined ? serverUrl(values.server) : undefined;
        const child = spawn(electron, [PROJECT_ROOT], {
          stdio: 'inherit',
          env: electronEnv(process.env, { workspace, seed, readOnly: values['read-only'] === true, server }),
        });
        return new Promise<number>((done) => {
          child.on('exit', (code) => done(code ?? 0));
          child.on('error', (e) => {
            io.err(`tariff studio: Electron (${electron}) could not be started: ${e.message}. Run it with --web to use the browser mode.`);
            done(2);
          });
        });
      }
      if (values.server !== undefined) {
        const url = serverUrl(values.server);
        io.out(`Electron's binary is not installed here: open the team server in your browser instead:\n\n  ${url}\n`);
        return 0;
      }
      if (!ensureRenderer(io)) return 2;
      return withStudioErrors(io, 'studio', async () => {
        const studio = await startBrowserStudio({
          workspace,
          seed,
          readOnly: values['read-only'] === true,
          staticDir: RENDERER_DIR,
          ...(port !== undefined ? { port } : {}),
          log: (l) => io.err(l),
        }).catch((e: unknown) => {
          if ((e as { code?: string }).code === 'PORT_IN_USE') throw new UsageError((e as Error).message);
          throw e;
        });
        const stopRequested = host.untilStopped();
        if (!values.web) io.out("Electron's binary is not installed here (node_modules/electron/dist is missing), so Tariff Studio runs in your browser.");
        io.out('Tariff Studio (browser mode) is running. Open this URL in a browser on this computer:');
        io.out('');
        io.out(`  ${studio.server.url}`);
        io.out('');
        io.out(`Workspace: ${workspace}${studio.created ? ' (created now from tariffs/ and rules/)' : ''}`);
        if (studio.ws.readOnly && values['read-only'] === true) io.out('Opened read-only (--read-only): you can look at everything; no change can be saved.');
        else if (studio.ws.readOnly)
          io.out('Opened read-only: the workspace or its folder cannot be written, so no change can be saved (copy it to a folder you can write to, to make changes).');
        io.out('Press Ctrl+C to stop.');
        await stopRequested;
        await studio.stop();
        io.out('Tariff Studio stopped; every saved change is in the workspace.');
        return 0;
      });
    },
  };
}

export const workspaceExportCommand: Command = {
  summary: 'write a workspace back to rules/ and tariffs/ folders (an untouched workspace writes the same files)',
  usage: 'tariff workspace export --workspace FILE --rules DIR --tariffs DIR [--include-drafts]\n  Each folder is written beside the target and swapped in when complete.',
  async run(args, io) {
    const { values } = parseFlags({
      args,
      options: { workspace: { type: 'string' }, rules: { type: 'string' }, tariffs: { type: 'string' }, 'include-drafts': { type: 'boolean' } },
      strict: true,
    });
    if (!values.workspace || !values.rules || !values.tariffs)
      throw new UsageError(`tariff workspace export needs --workspace, --rules and --tariffs${values.workspace ? '' : ownWorkspaceHint()}`);
    return withStudioErrors(io, 'workspace export', async () => {
      const { ws } = openWorkspace(resolve(values.workspace!));
      try {
        const r = exportFolders(ws, { rulesDir: resolve(values.rules!), tariffsDir: resolve(values.tariffs!), includeDrafts: values['include-drafts'] === true });
        io.out(`wrote ${plural(r.files, 'file')} to ${values.rules} and ${values.tariffs}; audit head in ${r.anchorFile}`);
        return 0;
      } finally {
        closeWorkspace(ws);
      }
    });
  },
};
