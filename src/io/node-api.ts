/**
 * The Node side of the library (package export "./node"): read a release file, check its hash
 * (node:crypto), schemas and, with a public key, its Ed25519 signature; build and seal releases.
 */
export { loadReleaseFile, sealRelease, sha256Hex, writeReleaseFile } from './release-file.js';
export { folderReleaseSource, programReleaseSource, releaseContent, type ReleaseSource } from './release-build.js';
