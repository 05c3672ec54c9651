import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RULES, DEFAULT_TARIFFS } from '../../src/cli/options.js';
import { canonicalJson } from '../../src/engine/canonical-json.js';
import { releaseIdOf, type ReleaseFile } from '../../src/engine/release-types.js';
import { folderReleaseSource, releaseContent } from '../../src/io/release-build.js';
import { sealRelease, sha256Hex, writeReleaseFile } from '../../src/io/release-file.js';
import type { LoadedRelease } from '../../src/engine/release-types.js';
import type { ServiceOptions } from '../../src/serve/decision-service.js';
import type { AccessLogLine } from '../../src/serve/service-types.js';
import { tariff as runTariff } from '../cli/run-tariff.js';

export { BIN } from '../cli/run-tariff.js';
export const tariff = (...args: string[]) => runTariff(args);

export const scratch = (): string => mkdtempSync(join(tmpdir(), 'tariff-release-'));

/** A release of the committed folders, built at `builtAt` (so two releases differ in content and id). */
export function folderRelease(builtAt = '2026-01-01T00:00:00.000Z', signKey?: string): ReleaseFile {
  return sealRelease(releaseContent(folderReleaseSource(DEFAULT_RULES, DEFAULT_TARIFFS), builtAt), signKey);
}

/** Options of an in-process decision service answering `release` on `today`: small limits, each access-log line pushed to `logs`. */
export const serviceOptions =
  (release: LoadedRelease, logs: AccessLogLine[], today: string, programVersion: string) =>
  (extra: Partial<ServiceOptions> = {}): ServiceOptions => ({
    current: () => release,
    limits: { maxBodyBytes: 64 * 1024, maxBatch: 50 },
    today: () => today,
    log: (l) => logs.push(l),
    programVersion,
    ...extra,
  });

export function writeRelease(dir: string, name: string, r: ReleaseFile): string {
  const file = join(dir, name);
  writeReleaseFile(file, r);
  return file;
}

/** Re-seals hand-edited content with a correct hash and id: what a careful forger would do. */
export function reseal(r: ReleaseFile): ReleaseFile {
  const sha256 = sha256Hex(canonicalJson(r.content));
  const { signature: _s, ...rest } = r;
  return { ...rest, sha256, id: releaseIdOf(sha256) };
}

export function ed25519Keys(dir: string, name: string): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const priv = join(dir, `${name}.key`);
  const pub = join(dir, `${name}.pub`);
  writeFileSync(priv, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(pub, publicKey.export({ type: 'spki', format: 'pem' }));
  return { privateKey: priv, publicKey: pub };
}
