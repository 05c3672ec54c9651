import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { StudioError } from '../../tariff-model/studio-error.js';

/**
 * Password hashes with scrypt (node:crypto): `scrypt$N$r$p$salt$hash`, salt and hash base64url.
 * The parameters travel with the hash, so they can be raised later without breaking logins:
 * a hash weaker than today's is replaced at the user's next sign-in (`needsRehash`).
 * N=2^14, r=8, p=5 is one of the settings OWASP's Password Storage Cheat Sheet gives as equal to
 * its minimum (N=2^17, r=8, p=1): the same work with 16 MB of memory per hash instead of 128 MB,
 * so a few sign-ins at once cannot exhaust the server's memory. Earlier versions used p=1.
 * A password is never logged, returned or stored in clear.
 */
const N = 16384;
const R = 8;
const P = 5;
const KEYLEN = 32;
export const MIN_PASSWORD_LENGTH = 10;

const derive = (password: string, salt: Buffer, opts: ScryptOptions, keylen: number): Promise<Buffer> =>
  new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, keylen, { ...opts, maxmem: 64 * 1024 * 1024 }, (e, key) => (e ? reject(e) : resolve(key))));

export function checkPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new StudioError(
      'PASSWORD_TOO_SHORT',
      `the password has ${password.length} characters; at least ${MIN_PASSWORD_LENGTH} are needed`,
      [],
      'Choose a longer password (a few words make a good one).',
    );
  if (password.length > 1024) throw new StudioError('PASSWORD_TOO_LONG', 'the password is longer than 1024 characters', [], 'Choose a shorter password.');
}

export async function hashPassword(password: string): Promise<string> {
  checkPasswordStrength(password);
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N, r: R, p: P }, KEYLEN);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Compares in constant time; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64url');
  const want = Buffer.from(parts[5]!, 'base64url');
  if (!Number.isInteger(n) || !Number.isInteger(r) || !Number.isInteger(p) || want.length === 0) return false;
  const got = await derive(password.slice(0, 1024), salt, { N: n, r, p }, want.length);
  return timingSafeEqual(got, want);
}

/** Whether a stored hash is weaker than what hashPassword makes today (an earlier version's, or not scrypt): replace it once the password is known. */
export function needsRehash(stored: string): boolean {
  const [kind, n, r, p] = stored.split('$');
  return kind !== 'scrypt' || Number(r) !== R || Number(n) < N || Number(p) < P;
}

/** A hash of a random password: compared against when the user does not exist, so a login takes as long either way. */
export const DUMMY_HASH = `scrypt$${N}$${R}$${P}$${randomBytes(16).toString('base64url')}$${randomBytes(KEYLEN).toString('base64url')}`;
