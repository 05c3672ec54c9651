import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { statSync } from 'node:fs';
import { fileProblem } from '../io/file-problem.js';
import { readFileWithin } from '../io/read-file.js';
import { DataLoadError, type DataError } from '../engine/errors.js';

/**
 * Bearer tokens of the decision service, stored only as hashes: one line per client,
 * `NAME sha256:HEX` or `NAME scrypt:SALT_B64:HASH_B64` (scrypt N=16384, r=8, p=1; what
 * `tariff serve hash-token` prints). `#` starts a comment. A presented token is checked once
 * per distinct token (the verdict is cached under the token's SHA-256, never the token), so
 * scrypt's cost is paid on a client's first request only; an address that presents too many
 * new wrong tokens is told to wait (TokenChecker.admit, BadTokenLimit).
 */
export type TokenEntry = { name: string; kind: 'sha256' | 'scrypt'; salt?: Buffer; hash: Buffer };

const SCRYPT = { N: 16384, r: 8, p: 1 } as const;
const KEYLEN = 32;

export function parseTokenFile(path: string): TokenEntry[] {
  let text: string;
  try {
    // A line per client: 16 MB is some hundred thousand tokens.
    text = readFileWithin(path, 16 * 1024 * 1024).toString('utf8');
  } catch (e) {
    throw new DataLoadError('TOKENS_UNREADABLE', [{ file: path, pointer: '', message: `the token file ${fileProblem(e, { use: 'read' })}`, code: 'TOKENS_UNREADABLE' }]);
  }
  const errors: DataError[] = [];
  const entries: TokenEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const bad = (message: string): void => {
      errors.push({ file: path, pointer: `line ${i + 1}`, message, code: 'TOKENS_FORMAT' });
    };
    const parts = line.split(/\s+/);
    if (parts.length !== 2) return bad('expected "NAME sha256:HEX" or "NAME scrypt:SALT:HASH" (tariff serve hash-token NAME prints one); a raw token is never accepted');
    const [name, hashed] = parts as [string, string];
    const sha = /^sha256:([0-9a-f]{64})$/.exec(hashed);
    const scr = /^scrypt:([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+)$/.exec(hashed);
    if (sha) entries.push({ name, kind: 'sha256', hash: Buffer.from(sha[1]!, 'hex') });
    else if (scr && Buffer.from(scr[2]!, 'base64').length === KEYLEN)
      entries.push({ name, kind: 'scrypt', salt: Buffer.from(scr[1]!, 'base64'), hash: Buffer.from(scr[2]!, 'base64') });
    else bad(`"${name}": the hash is neither sha256:<64 hex digits> nor scrypt:<salt base64>:<32-byte hash base64>`);
  });
  if (errors.length) throw new DataLoadError('TOKENS_FORMAT', errors);
  if (!entries.length)
    throw new DataLoadError('TOKENS_EMPTY', [{ file: path, pointer: '', message: 'the token file lists no token: add one (tariff serve hash-token NAME)', code: 'TOKENS_EMPTY' }]);
  return entries;
}

const scryptAsync = (token: string, salt: Buffer): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    scrypt(token, salt, KEYLEN, SCRYPT, (err, key) => (err ? reject(err) : resolve(key)));
  });

/** A token file line for `name`: a new random token (shown once) and its scrypt hash. */
export async function hashToken(name: string, token = randomBytes(24).toString('base64url')): Promise<{ token: string; line: string }> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(token, salt);
  return { token, line: `${name} scrypt:${salt.toString('base64')}:${hash.toString('base64')}` };
}

/**
 * How many verdicts are kept, and how many new wrong tokens one address may present in a window
 * before it is answered 429 without a check (each costs an scrypt per scrypt line: a flood of
 * distinct wrong tokens would otherwise buy unlimited hash work).
 */
export type TokenCheckerOptions = { maxVerdicts: number; refusedPerWindow: number; windowMs: number };
export const DEFAULT_TOKEN_CHECKS: TokenCheckerOptions = { maxVerdicts: 10_000, refusedPerWindow: 20, windowMs: 60_000 };

/**
 * The bad-token limit: `take` counts a new token from an address (undefined), or says how many
 * seconds it must wait when it has presented `refusedPerWindow` in this window (the token is then
 * neither counted nor checked); `giveBack` uncounts one that proved good (before it is answered,
 * so the address's next request meets the count without it). A process's own count
 * (BadTokenCount), or, in a worker of `tariff serve --workers N`, the primary's, asked over IPC
 * (src/serve/workers.ts), so the limit holds for the whole service and not N times over.
 */
export type BadTokenLimit = { take(client: string): number | undefined | Promise<number | undefined>; giveBack(client: string): void | Promise<void> };

/** New tokens presented per client address in the current window (a good one is given back). */
export class BadTokenCount implements BadTokenLimit {
  private readonly misses = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly options: TokenCheckerOptions = DEFAULT_TOKEN_CHECKS,
    private readonly clock: () => number = Date.now,
  ) {}

  take(client: string): number | undefined {
    const now = this.clock();
    const m = this.misses.get(client);
    if (m && now - m.start < this.options.windowMs) {
      if (m.count >= this.options.refusedPerWindow) return Math.ceil((m.start + this.options.windowMs - now) / 1000);
      m.count += 1;
      return undefined;
    }
    if (this.misses.size >= this.options.maxVerdicts) for (const [k, x] of this.misses) if (now - x.start >= this.options.windowMs) this.misses.delete(k);
    this.misses.set(client, { start: now, count: 1 });
    return undefined;
  }

  giveBack(client: string): void {
    const m = this.misses.get(client);
    if (m && m.count > 0) m.count -= 1;
  }
}

/**
 * Checks presented tokens against the file's hashes; the client's name, or undefined. Accepted
 * verdicts are kept apart from refused ones: there is at most one per line of the file, so a
 * flood of wrong tokens (which fills and empties the refused verdicts) never makes a good client
 * pay scrypt again. A token never seen is first `admit`ted (counted against its address's
 * bad-token limit), then `check`ed.
 */
export class TokenChecker {
  private readonly accepted = new Map<string, string>();
  private readonly refused = new Set<string>();
  private readonly options: TokenCheckerOptions;
  private readonly limit: BadTokenLimit;
  /** Counts `replace`: a check that began under other entries is made again under the new ones. */
  private generation = 0;
  constructor(
    private entries: readonly TokenEntry[],
    options: Partial<TokenCheckerOptions> & { limit?: BadTokenLimit } = {},
    clock: () => number = Date.now,
  ) {
    const { limit, ...checks } = options;
    this.options = { ...DEFAULT_TOKEN_CHECKS, ...checks };
    this.limit = limit ?? new BadTokenCount(this.options, clock);
  }

  /** The token file changed: its new lines replace the old, and every verdict is forgotten, so a line taken out refuses its token from the next request on. */
  replace(entries: readonly TokenEntry[]): void {
    this.entries = entries;
    this.accepted.clear();
    this.refused.clear();
    this.generation += 1;
  }

  private static keyOf(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  }

  /** The verdict on a token checked before: its client's name, null when it was refused, undefined when never seen (then `admit`, then `check`). */
  known(token: string): string | null | undefined {
    const key = TokenChecker.keyOf(token);
    return this.accepted.get(key) ?? (this.refused.has(key) ? null : undefined);
  }

  /**
   * A new token from `client`, counted before it is checked (so a burst sent at once is counted
   * as it arrives): undefined, or the seconds `client` must wait, having presented too many wrong
   * ones in this window (then its token is not checked at all).
   */
  admit(client: string): number | undefined | Promise<number | undefined> {
    return this.limit.take(client);
  }

  /** The client a token names, or undefined; a good one is given back to `client`'s count (`admit` counted it). */
  async check(token: string, client = ''): Promise<string | undefined> {
    const key = createHash('sha256').update(token, 'utf8').digest();
    const cacheKey = key.toString('hex');
    const known = this.known(token);
    if (known !== undefined) {
      // Its verdict came while it was admitted (the same token in another request): a good one is given back all the same.
      if (known !== null) await this.limit.giveBack(client);
      return known ?? undefined;
    }
    let found: string | null = null;
    const generation = this.generation;
    for (const e of this.entries) {
      const h = e.kind === 'sha256' ? key : await scryptAsync(token, e.salt!);
      if (h.length === e.hash.length && timingSafeEqual(h, e.hash)) {
        found = e.name;
        break;
      }
    }
    // The file changed while scrypt ran: the verdict is made again under its new lines (counted once, by admit).
    if (generation !== this.generation) return this.check(token, client);
    if (found !== null) {
      this.accepted.set(cacheKey, found);
      await this.limit.giveBack(client);
    } else {
      if (this.refused.size >= this.options.maxVerdicts) this.refused.clear();
      this.refused.add(cacheKey);
    }
    return found ?? undefined;
  }
}

export type TokenFileEvent =
  { event: 'tokens.loaded'; file: string; clients: string[] } | { event: 'tokens.rejected'; file: string; code: string; errors: string[]; still: string };

/**
 * Re-reads the token file when it changes (its size or time, looked at every `pollMs`): a client
 * added or taken out is answered so without a restart. A file that cannot be used (unreadable,
 * a bad line, empty, deleted) keeps the tokens in force, and is said once it has stayed so for a
 * look (an editor that truncates then writes is not reported). `poll` looks once (tests).
 */
export function watchTokenFile(path: string, checker: TokenChecker, log: (e: TokenFileEvent) => void, pollMs = 1000): { poll: () => void; stop: () => void } {
  const stampOf = (): string => {
    try {
      const st = statSync(path);
      return `${st.size}:${st.mtimeMs}:${st.ino}`;
    } catch {
      return 'missing';
    }
  };
  let stamp = stampOf();
  let failing = '';
  const poll = (): void => {
    const now = stampOf();
    if (now === stamp) return;
    try {
      const entries = parseTokenFile(path);
      stamp = now;
      failing = '';
      checker.replace(entries);
      log({ event: 'tokens.loaded', file: path, clients: entries.map((e) => e.name) });
    } catch (e) {
      if (failing !== now) {
        failing = now;
        return;
      }
      stamp = now;
      const err = e instanceof DataLoadError ? e : new DataLoadError('TOKENS_UNREADABLE', [{ file: path, pointer: '', message: String(e), code: 'TOKENS_UNREADABLE' }]);
      log({
        event: 'tokens.rejected',
        file: path,
        code: err.code,
        errors: err.errors.map((x) => `${x.file}${x.pointer ? ` ${x.pointer}` : ''}: ${x.message}`),
        still: 'the tokens read before are in force',
      });
    }
  };
  const timer = setInterval(poll, pollMs);
  timer.unref();
  return { poll, stop: () => clearInterval(timer) };
}
