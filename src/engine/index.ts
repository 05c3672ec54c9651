/**
 * The engine as a library (package export "."): pure, no node:*, so it runs in Node, a worker or
 * a browser. A billing service embeds it without HTTP:
 *
 *   import { openRelease, decideFast } from 'tariff-studio';
 *   import { loadReleaseFile } from 'tariff-studio/node'; // reads, hashes and checks a release file
 *
 * `decide` is the reference path (json-rules-engine, async), `decideFast` the compiled one (sync);
 * both answer exactly what `tariff decide` prints. docs/decision-service.md has an example.
 */
export { decide, decideFast, DECISION_DEFS, type DecideOptions } from './decide.js';
export { openRelease, type Sha256Hex } from './release-loader.js';
export { RELEASE_FORMAT, releaseIdOf, type LoadedRelease, type ReleaseContent, type ReleaseFile, type ReleaseManifest, type ReleaseVersionEntry } from './release-types.js';
export { canonicalJson } from './canonical-json.js';
export { Registry } from './registry.js';
export { DECISIONS, type DecisionName, type RuleVersion } from './rule-types.js';
export type { TariffVersion } from './tariff-types.js';
export type { CaseInput, Output, TraceEntry } from './output-types.js';
export { DataLoadError, type DataError, type FieldError } from './errors.js';
export { outputSchemaOf, invalidOutputSchema } from './output-schemas.js';
