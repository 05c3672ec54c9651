import type { App } from 'electron';

/**
 * One desktop studio per user (Electron's single-instance lock): a second start hands over what
 * it was asked to open (a workspace file or a team server) and quits before opening anything; the
 * running studio hears it in `onSecond` (to bring its window forward and, when the second start
 * asked for something else, say what is open). False when this start is the second one.
 */
export type SecondStart = { opens: string | undefined };

export function holdSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'on'>, opens: string, onSecond: (second: SecondStart) => void): boolean {
  if (!app.requestSingleInstanceLock({ opens })) return false;
  app.on('second-instance', (_event, _argv, _cwd, data) => {
    const asked = (data as { opens?: unknown } | null | undefined)?.opens;
    onSecond({ opens: typeof asked === 'string' ? asked : undefined });
  });
  return true;
}

/**
 * Closing the last window quits, and quitting closes the workspace once (its WAL checkpointed
 * into the file, its lock released): also on Cmd+Q, the menu's Quit or a signal, where Electron
 * quits without 'window-all-closed'. Calls still running in main (`inFlight`) finish first: the
 * quit is held until they have, then goes on.
 */
export function closeOnQuit(app: Pick<App, 'on' | 'quit'>, close: () => void, inFlight?: { pending(): number; settled(): Promise<void> }): void {
  let closed = false;
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (closed) return;
    if (inFlight && inFlight.pending() > 0) {
      event.preventDefault();
      void inFlight.settled().then(() => app.quit());
      return;
    }
    closed = true;
    close();
  });
}

const WORKSPACE_ARG = '--workspace=';

/** The workspace named on Electron's command line (`--workspace=FILE`, as "Open Workspace…" restarts with), else undefined. */
export const workspaceArg = (argv: readonly string[]): string | undefined => {
  const named = argv
    .filter((a) => a.startsWith(WORKSPACE_ARG))
    .at(-1)
    ?.slice(WORKSPACE_ARG.length);
  return named ? named : undefined;
};

/** The arguments of a restart on `file`: this start's own, without its `--workspace=`, plus the new one. */
export const relaunchArgs = (argv: readonly string[], file: string): string[] => [...argv.slice(1).filter((a) => !a.startsWith(WORKSPACE_ARG)), `${WORKSPACE_ARG}${file}`];
