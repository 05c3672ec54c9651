import { canonicalJson } from './canonical-json.js';
import { collectErrors, DataLoadError, type DataError } from './errors.js';
import { Registry } from './registry.js';
import { releaseFileSchema, releaseIdOf, type LoadedRelease, type ReleaseFile } from './release-types.js';
import { DECISIONS, type RuleFile, type RuleVersion } from './rule-types.js';
import type { TariffVersion } from './tariff-types.js';
import { schemaErrors, tariffFilesOf, validateRuleVersion, validateTariffVersion, type RuleFiles } from './validate-data.js';

/**
 * Opens a parsed release file (pure: the caller reads the file and supplies SHA-256, e.g.
 * node:crypto in src/io/release-file.ts, or WebCrypto's result in a browser). Checks, in order,
 * and reports every problem with the file and JSON pointer:
 * the envelope and manifest schema (RELEASE_SCHEMA); the content hash (RELEASE_HASH: the file
 * was edited after it was built); the id (RELEASE_ID); every version against the same schemas
 * and cross-checks as the folders (RULE_*, TARIFF_*); no draft or in-review version
 * (RELEASE_DRAFT); the manifest lists exactly the versions packed (RELEASE_MANIFEST).
 * A signature is checked by the caller (it needs a public key and node:crypto).
 */
export type Sha256Hex = (text: string) => string;

const fail = (code: string, errors: DataError[]): never => {
  throw new DataLoadError(code, errors);
};

export function openRelease(data: unknown, sha256: Sha256Hex, file: string): LoadedRelease {
  const schema = schemaErrors(releaseFileSchema, data, file, 'RELEASE_SCHEMA');
  if (schema.length) fail('RELEASE_SCHEMA', schema);
  const release = data as ReleaseFile;
  let text: string;
  try {
    text = canonicalJson(release.content);
  } catch (e) {
    return fail('RELEASE_SCHEMA', [{ file, pointer: '/content', message: (e as Error).message, code: 'RELEASE_SCHEMA' }]);
  }
  const actual = sha256(text);
  if (actual !== release.sha256)
    fail('RELEASE_HASH', [
      {
        file,
        pointer: '/sha256',
        message: `the content's SHA-256 is ${actual}, the release says ${release.sha256}: the release was changed after it was built. Build it again from the approved versions (tariff release build); never edit a release by hand.`,
        code: 'RELEASE_HASH',
      },
    ]);
  if (release.id !== releaseIdOf(actual))
    fail('RELEASE_ID', [{ file, pointer: '/id', message: `id "${release.id}" does not belong to this content (expected "${releaseIdOf(actual)}")`, code: 'RELEASE_ID' }]);

  type Kind = 'rules' | 'tariffs';
  const notApproved = (kind: Kind, i: number, v: { effective: string; status: string }): DataError => ({
    file,
    pointer: `/content/${kind}/${i}/status`,
    message: `${kind === 'rules' ? 'rule' : 'tariff'} version ${v.effective} is "${v.status}": a release holds approved versions only`,
    code: 'RELEASE_DRAFT',
  });
  const unknownProperties = (kind: Kind, i: number, v: object, known: readonly string[], code: string): DataError[] =>
    Object.keys(v)
      .filter((k) => !known.includes(k))
      .map((k) => ({ file, pointer: `/content/${kind}/${i}/${k}`, message: `unknown property "${k}"`, code }));

  const errors: DataError[] = [];
  const rules: RuleVersion[] = [];
  release.content.rules.forEach((raw, i) => {
    const at = `${file}#/content/rules/${i}`;
    if (raw.status !== 'approved' && raw.status !== 'superseded') return void errors.push(notApproved('rules', i, raw));
    errors.push(...unknownProperties('rules', i, raw, ['effective', 'status', 'author', 'approvedBy', 'note', 'decisions', 'interpretations'], 'RULE_SCHEMA'));
    const decisions: RuleFiles['decisions'] = {};
    const given = (raw.decisions ?? {}) as Record<string, RuleFile>;
    for (const d of DECISIONS) if (given[d] !== undefined) decisions[d] = { file: `${at}/decisions/${d}`, data: given[d] };
    for (const extra of Object.keys(given))
      if (!(DECISIONS as readonly string[]).includes(extra))
        errors.push({ file, pointer: `/content/rules/${i}/decisions/${extra}`, message: `unknown decision "${extra}" for this program`, code: 'RULE_SCHEMA' });
    const { effective, status, author, approvedBy, note } = raw;
    const meta = { effective, status, ...(author !== undefined ? { author } : {}), ...(approvedBy !== undefined ? { approvedBy } : {}), ...(note !== undefined ? { note } : {}) };
    const v = collectErrors(errors, () =>
      validateRuleVersion(meta, { decisions, interpretations: { file: `${at}/interpretations`, data: { interpretations: raw.interpretations } } }),
    );
    if (v) rules.push(v);
  });
  const tariffs: TariffVersion[] = [];
  release.content.tariffs.forEach((t, i) => {
    const at = `${file}#/content/tariffs/${i}`;
    if (t.status !== 'approved') return void errors.push(notApproved('tariffs', i, t));
    errors.push(...unknownProperties('tariffs', i, t, ['effective', 'status', 'courses', 'initialFeeGroups', 'options', 'policies', 'minimumPeriods'], 'TARIFF_SCHEMA'));
    const names = { courses: `${at}/courses`, initialFees: `${at}/initialFeeGroups`, options: `${at}/options`, policies: `${at}/policies` };
    const v = collectErrors(errors, () => validateTariffVersion(t.effective, 'approved', tariffFilesOf(t), names));
    if (v) tariffs.push(v);
  });
  if (errors.length) fail(errors[0]!.code, errors);

  const packed = [...rules.map((v) => `rules ${v.effective} ${v.status}`), ...tariffs.map((v) => `tariffs ${v.effective} ${v.status}`)].sort();
  const listed = release.content.manifest.versions.map((v) => `${v.kind} ${v.effective} ${v.status}`).sort();
  if (packed.join('\n') !== listed.join('\n'))
    fail('RELEASE_MANIFEST', [
      { file, pointer: '/content/manifest/versions', message: `the manifest lists [${listed.join('; ')}] but the release packs [${packed.join('; ')}]`, code: 'RELEASE_MANIFEST' },
    ]);
  const missing = DECISIONS.filter((d) => !release.content.manifest.decisions.includes(d));
  if (missing.length)
    fail('RELEASE_MANIFEST', [{ file, pointer: '/content/manifest/decisions', message: `the manifest does not list decision(s) ${missing.join(', ')}`, code: 'RELEASE_MANIFEST' }]);

  return {
    id: release.id,
    sha256: actual,
    manifest: release.content.manifest,
    registry: new Registry(rules, tariffs),
    signed: release.signature !== undefined,
    signedBy: release.signature?.keyId ?? null,
    signatureVerified: false,
  };
}
