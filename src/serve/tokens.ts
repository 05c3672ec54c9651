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
 * new wrong tokens is told to wait (TokenChecker.throttled).
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
 * Checks presented tokens against the file's hashes; the client's name, or undefined. Accepted
 * verdicts are kept apart from refused ones: there is at most one per line of the file, so a
 * flood of wrong tokens (which fills and empties the refused verdicts) never makes a good client
 * pay scrypt again.
 */
export class TokenChecker {
  private readonly accepted = new Map<string, string>();
  private readonly refused = new Set<string>();
  /** New tokens checked per client address in the current window (a good one is given back). */
  private readonly misses = new Map<string, { start: number; count: number }>();
  private readonly options: TokenCheckerOptions;
  /** Counts `replace`: a check that began under other entries is made again under the new ones. */
  private generation = 0;
  constructor(
    private entries: readonly TokenEntry[],
    options: Partial<TokenCheckerOptions> = {},
    private readonly clock: () => number = Date.now,
  ) {
    this.options = { ...DEFAULT_TOKEN_CHECKS, ...options };
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

  /** The verdict on a token checked before: its client's name, null when it was refused, undefined when never seen (then `check`). */
  known(token: string): string | null | undefined {
    const key = TokenChecker.keyOf(token);
    return this.accepted.get(key) ?? (this.refused.has(key) ? null : undefined);
  }

  /** Seconds until `client` may present a new token, when it presented too many wrong ones in this window; else undefined. */
  throttled(client: string): number | undefined {
    const m = this.misses.get(client);
    if (!m) return undefined;
    const left = m.start + this.options.windowMs - this.clock();
    if (left <= 0) {
      this.misses.delete(client);
      return undefined;
    }
    return m.count >= this.options.refusedPerWindow ? Math.ceil(left / 1000) : undefined;
  }

  private miss(client: string): void {
    const now = this.clock();
    if (this.misses.size >= this.options.maxVerdicts) for (const [k, m] of this.misses) if (now - m.start >= this.options.windowMs) this.misses.delete(k);
    const m = this.misses.get(client);
    if (!m || now - m.start >= this.options.windowMs) this.misses.set(client, { start: now, count: 1 });
    else m.count += 1;
  }

  async check(token: string, client = ''): Promise<string | undefined> {
    const key = createHash('sha256').update(token, 'utf8').digest();
    const cacheKey = key.toString('hex');
    const known = this.known(token);
    if (known !== undefined) return known ?? undefined;
    // Counted before the first hash, so a burst of requests sent at once is counted too (and given back if the token is good).
    this.miss(client);
    let found: string | null = null;
    const generation = this.generation;
    for (const e of this.entries) {
      const h = e.kind === 'sha256' ? key : await scryptAsync(token, e.salt!);
      if (h.length === e.hash.length && timingSafeEqual(h, e.hash)) {
        found = e.name;
        break;
      }
    }
    if (generation !== this.generation) {
      // The file changed while scrypt ran: the verdict is made again under its new lines (the miss above is given back).
      const m = this.misses.get(client);
      if (m && m.count > 0) m.count -= 1;
      return this.check(token, client);
    }
    if (found !== null) {
      this.accepted.set(cacheKey, found);
      const m = this.misses.get(client);
      if (m && m.count > 0) m.count -= 1;
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
