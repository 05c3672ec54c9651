import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseFlags } from './parse-flags.js';
import { DataLoadError } from '../engine/errors.js';
import { folderReleaseSource, releaseContent } from '../io/release-build.js';
import { loadReleaseFile, sealRelease, writeReleaseFile } from '../io/release-file.js';
import { openWorkspace } from '../studio/workspace/open-workspace.js';
import { workspaceReleaseSource } from '../studio/workspace/release-source.js';
import { closeWorkspace } from '../studio/workspace/workspace.js';
import type { Command } from './main.js';
import { dataFolders } from './data-folder.js';
import { DEFAULT_RULES, DEFAULT_TARIFFS, missingWorkspaceHint, UsageError } from './options.js';
import { withStudioErrors } from './studio-errors.js';
import { StudioError } from '../tariff-model/studio-error.js';
import { plural } from '../io/plural.js';

/**
 * --out may be new, empty, or an older release (rebuilt in place): any other file is someone's own
 * (a workspace given by mistake holds saved work) and is refused before anything is built. A
 * release starts {"format": "tariff-release/…" (writeReleaseFile); its first bytes tell.
 */
function refuseToReplace(out: string): void {
  let head: Buffer;
  try {
    const st = statSync(out);
    // A folder (the releases folder of tariff serve, given for the file): said before anything is built.
    if (st.isDirectory()) throw new StudioError('RELEASE_OUT_FOLDER', `--out ${out} is a folder`, [], `Give a file name inside it, e.g. --out ${join(out, 'release.json')}.`);
    if (!st.isFile()) return;
    const fd = openSync(out, 'r');
    try {
      head = Buffer.alloc(256);
      head = head.subarray(0, readSync(fd, head, 0, head.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    if (e instanceof StudioError) throw e;
    return; // missing or unreadable: the write names what is wrong
  }
  if (head.length === 0 || /^\s*\{\s*"format"\s*:\s*"tariff-release\//u.test(head.toString('utf8'))) return;
  throw new StudioError(
    'RELEASE_OUT_NOT_RELEASE',
    `${out} exists and is not a release file (tariff-release/1); it is left as it was`,
    [],
    'Give --out a new file, or an older release to replace.',
  );
}

/**
 * `tariff release build` packs the approved versions of a workspace or of the folders into one
 * release file (docs/decision-service.md); `tariff release verify` checks one.
 */
export const releaseBuildCommand: Command = {
  summary: 'pack every approved rule and tariff version (never a draft) into a release file, optionally signed',
  usage:
    "tariff release build [--workspace FILE | --rules DIR --tariffs DIR] --out FILE [--sign KEY]\n  Without --workspace: the folders given, each one not given being the program's own rules/ or tariffs/ (as tariff validate reads them); the output names the folders packed.\n  --sign KEY: an Ed25519 private key in PEM (openssl genpkey -algorithm ed25519 -out KEY).\n  Prints the release id and its SHA-256. Exit 0 written, 2 nothing to release or unusable input.",
  async run(args, io) {
    const { values } = parseFlags({
      args,
      options: { workspace: { type: 'string' }, rules: { type: 'string' }, tariffs: { type: 'string' }, out: { type: 'string' }, sign: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
    if (!values.out) throw new UsageError('--out FILE is required');
    if (values.workspace && (values.rules || values.tariffs)) throw new UsageError('give either --workspace FILE, or --rules DIR and --tariffs DIR, not both');
    // Without --workspace, the folders as tariff validate and tariff courses read them: each one not given is the program's own.
    const given = values.workspace ? undefined : dataFolders(values);
    const folders = given && { rules: resolve(given.rules), tariffs: resolve(given.tariffs) };
    return withStudioErrors(io, 'release build', async () => {
      refuseToReplace(values.out!);
      let source;
      if (values.workspace) {
        const file = resolve(values.workspace);
        if (!existsSync(file)) {
          io.err(`tariff release build: WORKSPACE_MISSING: no workspace at ${file}`);
          io.err(`  ${missingWorkspaceHint()} Without --workspace the folders rules/ and tariffs/ are packed.`);
          return 2;
        }
        const { ws } = openWorkspace(file);
        try {
          source = workspaceReleaseSource(ws);
        } finally {
          closeWorkspace(ws);
        }
      } else source = folderReleaseSource(folders!.rules, folders!.tariffs);
      const release = sealRelease(releaseContent(source), values.sign);
      writeReleaseFile(resolve(values.out!), release);
      const m = release.content.manifest;
      io.out(`${values.out}: release ${release.id}${release.signature ? ` signed by key ${release.signature.keyId}` : ''}`);
      io.out(`  sha256 ${release.sha256}`);
      if (folders) {
        const own = (dir: string, fallback: string) => (dir === fallback ? " (the program's own)" : '');
        io.out(`  packed from rules ${folders.rules}${own(folders.rules, DEFAULT_RULES)} and tariffs ${folders.tariffs}${own(folders.tariffs, DEFAULT_TARIFFS)}`);
      } else io.out(`  packed from workspace ${resolve(values.workspace!)}`);
      for (const v of m.versions)
        io.out(`  ${v.kind.padEnd(7)} ${v.effective} ${v.status}, approved by ${v.approvedBy ?? '(not recorded)'}${v.approvedAt ? ` at ${v.approvedAt}` : ''}`);
      io.out(`  audit head ${m.auditHead ?? '(folders: no audit log)'}`);
      return 0;
    });
  },
};

export const releaseVerifyCommand: Command = {
  summary: "check a release file's hash, schemas and (with --public-key) signature: exit 0, or 1 naming what is wrong",
  usage:
    'tariff release verify FILE [--public-key PEM]\n  Exit 0: the release holds. Exit 1: it was changed, does not match its schemas, or its signature does not verify (each problem named). Exit 2: the file or the key cannot be read, or the key is not an Ed25519 public key.',
  async run(args, io) {
    const { values, positionals } = parseFlags({ args, options: { 'public-key': { type: 'string' } }, strict: true, allowPositionals: true });
    if (positionals.length !== 1) throw new UsageError('tariff release verify needs exactly one FILE');
    const file = positionals[0]!;
    if (!existsSync(file)) {
      io.err(`tariff release verify: FILE_UNREADABLE: no file at ${file}`);
      return 2;
    }
    try {
      const r = loadReleaseFile(file, values['public-key'] ? { publicKeyFile: values['public-key'] } : {});
      io.out(
        `${file}: release ${r.id} holds: sha256 ${r.sha256}, ${plural(r.manifest.versions.length, 'version')}, built ${r.manifest.builtAt} by ${r.manifest.program.name} ${r.manifest.program.version}`,
      );
      io.out(
        r.signatureVerified
          ? `  signature verified: signed by key ${r.signedBy}, the key of ${values['public-key']}`
          : r.signed
            ? `  signed by key ${r.signedBy}, not verified (give --public-key PEM to verify the signature)`
            : '  not signed',
      );
      return 0;
    } catch (e) {
      // A file that cannot be read (a folder, no permission) is exit 2 as the usage says, like a missing one; a key too.
      if (!(e instanceof DataLoadError) || e.code === 'KEY_UNREADABLE' || e.code === 'KEY_INVALID' || e.code === 'FILE_UNREADABLE') throw e;
      io.out(`${file}: ${e.code}`);
      for (const x of e.errors) io.out(`  ${x.file}${x.pointer ? ` ${x.pointer}` : ''}: ${x.message}`);
      return 1;
    }
  },
};
