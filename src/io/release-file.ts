import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { fileProblem } from './file-problem.js';
import { readFileWithin } from './read-file.js';
import { writeFileAtomically } from './atomic-write.js';
import { canonicalJson } from '../engine/canonical-json.js';
import { DataLoadError } from '../engine/errors.js';
import { openRelease } from '../engine/release-loader.js';
import { RELEASE_FORMAT, releaseIdOf, signedText, type LoadedRelease, type ReleaseContent, type ReleaseFile } from '../engine/release-types.js';
import { readJson } from './json-file.js';

/** The node:crypto side of releases: SHA-256, Ed25519 signing and verification, reading and writing files. */
export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** A key's id: the first 16 hex digits of the SHA-256 of its public key (SPKI, DER). */
export const keyIdOf = (key: KeyObject): string => {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256')
    .update(pub.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
};

const readKey = (path: string, kind: 'private' | 'public'): KeyObject => {
  let text: string;
  try {
    // A PEM key is a few hundred bytes.
    text = readFileWithin(path, 64 * 1024).toString('utf8');
  } catch (e) {
    throw new DataLoadError('KEY_UNREADABLE', [{ file: path, pointer: '', message: `the ${kind} key ${fileProblem(e, { use: 'read' })}`, code: 'KEY_UNREADABLE' }]);
  }
  // createPublicKey accepts a private key too (it derives the public half), so a private key
  // copied to where releases are only verified would pass unnoticed: refused in words.
  if (kind === 'private' && /-----BEGIN PUBLIC KEY-----/u.test(text))
    throw new DataLoadError('KEY_INVALID', [
      {
        file: path,
        pointer: '',
        message:
          'is a public key; --sign takes the private key it was made from (release.key), and the public key goes where releases are verified (release verify, serve --public-key)',
        code: 'KEY_INVALID',
      },
    ]);
  if (kind === 'public' && /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/u.test(text))
    throw new DataLoadError('KEY_INVALID', [
      {
        file: path,
        pointer: '',
        message: `is a private key; give its public key (openssl pkey -in ${path} -pubout -out release.pub), and keep the private key only where releases are signed`,
        code: 'KEY_INVALID',
      },
    ]);
  try {
    const key = kind === 'private' ? createPrivateKey(text) : createPublicKey(text);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`it is a ${key.asymmetricKeyType ?? 'symmetric'} key, not Ed25519`);
    return key;
  } catch (e) {
    throw new DataLoadError('KEY_INVALID', [
      {
        file: path,
        pointer: '',
        message: `not an Ed25519 ${kind} key in PEM: ${(e as Error).message}. Make one with: openssl genpkey -algorithm ed25519 -out release.key && openssl pkey -in release.key -pubout -out release.pub`,
        code: 'KEY_INVALID',
      },
    ]);
  }
};

/** Reads and checks a public key file (KEY_UNREADABLE, KEY_INVALID: a private key, not Ed25519), as loadReleaseFile does with one. */
export const readPublicKey = (path: string): KeyObject => readKey(path, 'public');

/** Seals content into a release: hash, id and (with a private key file) an Ed25519 signature. */
export function sealRelease(content: ReleaseContent, signKeyFile?: string): ReleaseFile {
  const sha256 = sha256Hex(canonicalJson(content));
  const release: ReleaseFile = { format: RELEASE_FORMAT, id: releaseIdOf(sha256), sha256, content };
  if (signKeyFile) {
    const key = readKey(signKeyFile, 'private');
    release.signature = { algorithm: 'ed25519', keyId: keyIdOf(key), value: sign(null, Buffer.from(signedText(sha256), 'utf8'), key).toString('base64') };
  }
  return release;
}

/** Writes a release atomically (a side file renamed into place): a reader never sees half a release. */
export function writeReleaseFile(path: string, release: ReleaseFile): void {
  writeFileAtomically(path, `${JSON.stringify(release, null, 2)}\n`);
}

/**
 * Reads and checks a release file: JSON, schema, hash, every version; with a public key, its
 * signature too (RELEASE_UNSIGNED when it has none, RELEASE_SIGNATURE when it does not verify).
 */
export function loadReleaseFile(path: string, opts: { publicKeyFile?: string } = {}): LoadedRelease {
  const data = readJson(path, 'RELEASE_JSON');
  const loaded = openRelease(data, sha256Hex, path);
  if (opts.publicKeyFile) {
    const key = readKey(opts.publicKeyFile, 'public');
    const sig = (data as ReleaseFile).signature;
    if (!sig)
      throw new DataLoadError('RELEASE_UNSIGNED', [
        { file: path, pointer: '/signature', message: 'the release is not signed, and a public key was given: build it with --sign KEY', code: 'RELEASE_UNSIGNED' },
      ]);
    const ok = sig.keyId === keyIdOf(key) && verify(null, Buffer.from(signedText(loaded.sha256), 'utf8'), key, Buffer.from(sig.value, 'base64'));
    if (!ok)
      throw new DataLoadError('RELEASE_SIGNATURE', [
        {
          file: path,
          pointer: '/signature',
          message:
            sig.keyId !== keyIdOf(key)
              ? `signed with key ${sig.keyId}, not with the given public key (${keyIdOf(key)})`
              : 'the Ed25519 signature does not verify: the release or its signature was changed',
          code: 'RELEASE_SIGNATURE',
        },
      ]);
    return { ...loaded, signatureVerified: true };
  }
  return loaded;
}
