import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { DataLoadError } from '../engine/errors.js';
import type { LoadedRelease } from '../engine/release-types.js';
import { loadReleaseFile, readPublicKey } from '../io/release-file.js';

/**
 * The release a decision service answers from. Given a file, that release; given a directory,
 * the newest valid release in it (by build time, then id), re-scanned when the directory changes
 * (fs.watch) and on a timer (fs.watch is not reliable on every file system). A new release is
 * fully loaded and checked before it replaces the current one, and the swap is one assignment:
 * a request holds the release it started with, so none is dropped or answered half-and-half.
 * An invalid new release is logged and ignored; the old one keeps serving.
 */
export type StoreEvent =
  | { event: 'release.loaded'; file: string; release: string; builtAt: string; previous: string | null }
  | { event: 'release.rejected'; file: string; code: string; errors: string[] }
  | { event: 'release.ignored'; file: string; release: string; reason: string }
  | { event: 'release.removed'; file: string; release: string; serving: string; reason?: string };

export type StoreOptions = { publicKeyFile?: string; pollMs?: number; log: (e: StoreEvent) => void; /** The clock of the settling below (tests). */ now?: () => number };

/**
 * `unsettled`: when a file that is not whole JSON was first read in this state. A release copied
 * in with a plain `cp` is read while it is being written (fs.watch reports each write), and a part
 * of a release is never whole JSON; so such a file is judged only once it has stayed the same for
 * a poll interval, and a copy in progress is not reported as a broken release.
 */
type Seen = { stamp: string; ok: boolean; builtAt?: string; id?: string; why?: { code: string; errors: string[] }; unsettled?: number };

const describe = (e: unknown): { code: string; errors: string[] } =>
  e instanceof DataLoadError
    ? { code: e.code, errors: e.errors.map((x) => `${x.file}${x.pointer ? ` ${x.pointer}` : ''}: ${x.message}`) }
    : { code: 'RELEASE_UNREADABLE', errors: [String((e as Error)?.message ?? e)] };

export class ReleaseStore {
  private currentRelease: LoadedRelease | undefined;
  private currentFile = '';
  private readonly seen = new Map<string, Seen>();
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** The removed file of the release still served because no other valid one was left (said once). */
  private orphan = '';
  /** False during the first scan, whose verdicts are final at once (start says why there is nothing to serve). */
  private running = false;
  readonly isDirectory: boolean;

  constructor(
    readonly path: string,
    private readonly opts: StoreOptions,
  ) {
    this.isDirectory = statSync(path).isDirectory();
  }

  /** Loads the first release; throws a DataLoadError when there is none to serve. */
  start(): LoadedRelease {
    if (!this.isDirectory) {
      this.currentRelease = loadReleaseFile(this.path, this.keyOpts());
      this.currentFile = this.path;
      this.opts.log({ event: 'release.loaded', file: this.path, release: this.currentRelease.id, builtAt: this.currentRelease.manifest.builtAt, previous: null });
      return this.currentRelease;
    }
    // The key first: a wrong one (a private key, a missing file) is one error naming it, not every release rejected over it.
    if (this.opts.publicKeyFile) readPublicKey(this.opts.publicKeyFile);
    this.scan();
    this.running = true;
    if (!this.currentRelease) {
      // Each rejected file with its reasons in the error itself: the release.rejected lines go to
      // standard output, and through a pipe they may come after this error on standard error.
      const rejected = [...this.seen].filter(([, v]) => !v.ok);
      const why = rejected.length
        ? `none of its ${rejected.length} *.json file(s) is a valid release (each is named below); fix or rebuild one with tariff release build --out`
        : 'it holds no *.json file; build one into it with tariff release build --out DIR/release.json';
      throw new DataLoadError('NO_RELEASE', [
        { file: this.path, pointer: '', message: `no valid release in this directory: ${why}`, code: 'NO_RELEASE' },
        ...rejected.map(([file, v]) => ({
          file,
          pointer: '',
          message: `not a valid release (${v.why!.code}): ${v.why!.errors.map((x) => (x.startsWith(`${file}: `) ? x.slice(file.length + 2) : x)).join('; ')}`,
          code: v.why!.code,
        })),
      ]);
    }
    try {
      this.watcher = watch(this.path, () => this.scan());
      this.watcher.on('error', () => undefined);
    } catch {
      // Polling below still finds new releases.
    }
    this.timer = setInterval(() => this.scan(), this.opts.pollMs ?? 1000);
    this.timer.unref();
    return this.currentRelease;
  }

  /** The file the current release was loaded from, when `release` is the current one. */
  fileOf(release: LoadedRelease): string | undefined {
    return release === this.currentRelease ? this.currentFile : undefined;
  }

  current(): LoadedRelease {
    if (!this.currentRelease) throw new Error('the release store was not started');
    return this.currentRelease;
  }

  stop(): void {
    this.watcher?.close();
    if (this.timer) clearInterval(this.timer);
  }

  private keyOpts() {
    return this.opts.publicKeyFile ? { publicKeyFile: this.opts.publicKeyFile } : {};
  }

  /** Looks at every *.json of the directory not seen in this state (path, size, mtime) and switches to the newest valid one. */
  scan(): void {
    let names: string[];
    try {
      names = readdirSync(this.path)
        .filter((n) => n.endsWith('.json'))
        .sort();
    } catch {
      return;
    }
    // The served release's file now holds another, older release (an earlier one copied over it to go back).
    let replaced = false;
    for (const name of names) {
      const file = join(this.path, name);
      let stamp: string;
      try {
        const st = statSync(file);
        if (!st.isFile()) continue;
        stamp = `${st.size}:${st.mtimeMs}`;
      } catch {
        continue;
      }
      const before = this.seen.get(file);
      if (before?.stamp === stamp && before.unsettled === undefined) continue;
      try {
        const r = loadReleaseFile(file, this.keyOpts());
        this.seen.set(file, { stamp, ok: true, builtAt: r.manifest.builtAt, id: r.id });
        const cur = this.currentRelease;
        const newer = !cur || r.manifest.builtAt > cur.manifest.builtAt || (r.manifest.builtAt === cur.manifest.builtAt && r.id > cur.id);
        if (cur && r.id === cur.id) continue;
        if (newer) {
          this.currentRelease = r;
          this.currentFile = file;
          this.opts.log({ event: 'release.loaded', file, release: r.id, builtAt: r.manifest.builtAt, previous: cur?.id ?? null });
        } else if (file === this.currentFile) replaced = true;
        else this.opts.log({ event: 'release.ignored', file, release: r.id, reason: `built ${r.manifest.builtAt}, not newer than ${cur!.id} (built ${cur!.manifest.builtAt})` });
      } catch (e) {
        const why = describe(e);
        if (this.running && why.code === 'RELEASE_JSON') {
          const now = (this.opts.now ?? Date.now)();
          const since = before?.stamp === stamp ? before.unsettled : undefined;
          if (since === undefined || now - since < (this.opts.pollMs ?? 1000)) {
            this.seen.set(file, { stamp, ok: false, why, unsettled: since ?? now });
            continue;
          }
        }
        this.seen.set(file, { stamp, ok: false, why });
        this.opts.log({ event: 'release.rejected', file, ...why });
      }
    }
    // A file gone is forgotten (put back, it is read again); the served release's file gone is a rollback.
    const present = new Set(names.map((n) => join(this.path, n)));
    for (const file of [...this.seen.keys()]) if (!present.has(file)) this.seen.delete(file);
    if (present.has(this.orphan)) this.orphan = '';
    if (this.running && this.currentRelease && (replaced || (!present.has(this.currentFile) && this.orphan !== this.currentFile))) this.replaceRemoved();
  }

  /**
   * The served release's file was removed, or another release copied over it (to go back to the
   * one before): the newest valid release now in the directory is served, as at start. With none left, the removed one
   * goes on answering (the service never stops answering), and that is said once.
   */
  private replaceRemoved(): void {
    const gone = this.currentRelease!;
    const goneFile = this.currentFile;
    const newestFirst = [...this.seen].filter(([, v]) => v.ok).sort(([, a], [, b]) => (a.builtAt === b.builtAt ? (a.id! < b.id! ? 1 : -1) : a.builtAt! < b.builtAt! ? 1 : -1));
    for (const [file] of newestFirst) {
      let r: LoadedRelease;
      try {
        r = loadReleaseFile(file, this.keyOpts());
      } catch {
        // Changed since it was read: the next scan judges it as a new file.
        this.seen.delete(file);
        continue;
      }
      this.opts.log({ event: 'release.removed', file: goneFile, release: gone.id, serving: r.id });
      this.currentRelease = r;
      this.currentFile = file;
      this.opts.log({ event: 'release.loaded', file, release: r.id, builtAt: r.manifest.builtAt, previous: gone.id });
      return;
    }
    this.orphan = goneFile;
    this.opts.log({
      event: 'release.removed',
      file: goneFile,
      release: gone.id,
      serving: gone.id,
      reason: 'no other valid release is in the directory: the removed release is still served until one is added',
    });
  }
}
