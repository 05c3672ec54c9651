import type { Registry } from './registry.js';
import type { DecisionName, RuleVersion } from './rule-types.js';
import type { TariffVersion } from './tariff-types.js';
import { isoDate, sha256Hex as hex64 } from './schema-primitives.js';

/**
 * A release: every approved rule and tariff version of a workspace or of the folders, packed
 * into one file that a decision service loads. `sha256` is the SHA-256 of the canonical JSON
 * (canonical-json.ts) of `content`; `id` is derived from it; `signature`, when present, is an
 * Ed25519 signature of `signedText(sha256)`. Changing one byte of the content changes the hash,
 * so a release edited by hand is refused wherever it is loaded (release-loader.ts).
 */
export const RELEASE_FORMAT = 'tariff-release/1';

export type ReleaseVersionEntry = {
  kind: 'rules' | 'tariffs';
  effective: string;
  status: 'approved' | 'superseded';
  /** Who approved it (the reviewer of the workspace, or approvedBy of the folder's index.json). */
  approvedBy: string | null;
  /** When it was approved (the review step, or when the approved version entered the workspace); null when the folders do not record it. */
  approvedAt: string | null;
};

export type ReleaseManifest = {
  program: { name: string; version: string };
  builtAt: string;
  source: 'workspace' | 'folders';
  /** The hash at the head of the workspace's audit chain when the release was built (null for folders). */
  auditHead: string | null;
  auditEntries: number | null;
  decisions: DecisionName[];
  versions: ReleaseVersionEntry[];
};

export type ReleaseContent = { manifest: ReleaseManifest; rules: RuleVersion[]; tariffs: TariffVersion[] };

export type ReleaseSignature = { algorithm: 'ed25519'; keyId: string; value: string };

export type ReleaseFile = { format: typeof RELEASE_FORMAT; id: string; sha256: string; content: ReleaseContent; signature?: ReleaseSignature };

/**
 * A release checked and ready to answer: the versions as a registry. `signedBy`: the key id its
 * signature names (null: unsigned), which says nothing by itself; `signatureVerified`: the
 * signature was checked against a public key given when it was loaded.
 */
export type LoadedRelease = { id: string; sha256: string; manifest: ReleaseManifest; registry: Registry; signed: boolean; signedBy: string | null; signatureVerified: boolean };

/** The release id: `r-` and the first 16 hex digits of its content hash. */
export const releaseIdOf = (sha256: string): string => `r-${sha256.slice(0, 16)}`;

/** The text an Ed25519 signature covers: the format and the content hash. */
export const signedText = (sha256: string): string => `${RELEASE_FORMAT}\n${sha256}\n`;

/** The envelope and manifest; the versions inside are checked by the data schemas (validate-data.ts). */
export const releaseFileSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['format', 'id', 'sha256', 'content'],
  properties: {
    format: { const: RELEASE_FORMAT },
    id: { type: 'string', pattern: '^r-[0-9a-f]{16}$' },
    sha256: hex64,
    signature: {
      type: 'object',
      additionalProperties: false,
      required: ['algorithm', 'keyId', 'value'],
      properties: { algorithm: { const: 'ed25519' }, keyId: { type: 'string', pattern: '^[0-9a-f]{16}$' }, value: { type: 'string', minLength: 1 } },
    },
    content: {
      type: 'object',
      additionalProperties: false,
      required: ['manifest', 'rules', 'tariffs'],
      properties: {
        manifest: {
          type: 'object',
          additionalProperties: false,
          required: ['program', 'builtAt', 'source', 'auditHead', 'auditEntries', 'decisions', 'versions'],
          properties: {
            program: {
              type: 'object',
              additionalProperties: false,
              required: ['name', 'version'],
              properties: { name: { type: 'string', minLength: 1 }, version: { type: 'string', minLength: 1 } },
            },
            builtAt: { type: 'string', minLength: 1 },
            source: { enum: ['workspace', 'folders'] },
            auditHead: { anyOf: [hex64, { type: 'null' }] },
            auditEntries: { type: ['integer', 'null'], minimum: 0 },
            decisions: { type: 'array', items: { type: 'string', minLength: 1 } },
            versions: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['kind', 'effective', 'status', 'approvedBy', 'approvedAt'],
                properties: {
                  kind: { enum: ['rules', 'tariffs'] },
                  effective: isoDate,
                  status: { enum: ['approved', 'superseded'] },
                  approvedBy: { type: ['string', 'null'] },
                  approvedAt: { type: ['string', 'null'] },
                },
              },
            },
          },
        },
        rules: {
          type: 'array',
          minItems: 1,
          items: { type: 'object', required: ['effective', 'status', 'decisions', 'interpretations'], properties: { effective: isoDate, status: { type: 'string' } } },
        },
        tariffs: { type: 'array', minItems: 1, items: { type: 'object', required: ['effective', 'status'], properties: { effective: isoDate, status: { type: 'string' } } } },
      },
    },
  },
} as const;
