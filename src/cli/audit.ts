import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseFlags } from './parse-flags.js';
import { anchorFileOf, readAnchors } from '../studio/workspace/audit-anchor.js';
import { verifyWorkspace, type AnchorSource } from '../studio/workspace/audit-log.js';
import { openWorkspace } from '../studio/workspace/open-workspace.js';
import { closeWorkspace, type Workspace } from '../studio/workspace/workspace.js';
import type { Command } from './main.js';
import { missingWorkspaceHint, ownWorkspaceHint, UsageError } from './options.js';
import { withStudioErrors } from './studio-errors.js';
import { plural } from '../io/plural.js';

/**
 * `tariff audit verify --workspace FILE`: opens the workspace read-only and checks its
 * hash-chained audit log, every version against the content its last entry recorded, and the
 * chain against its anchors (the studio's FILE.anchors beside the workspace, --since-anchor
 * files, --expect-head hashes). Exit 0 when everything holds, 1 naming what does not, 2 when
 * the file cannot be opened as a workspace (it is never modified).
 */
export const auditVerifyCommand: Command = {
  summary: "verify a workspace's audit log, its versions and its anchors: exit 0 when all hold, 1 naming what broke",
  usage:
    'tariff audit verify --workspace FILE [--expect-head HASH]... [--since-anchor ANCHOR_FILE]...\n' +
    '  Opens FILE read-only (a read-only file or folder is fine; nothing is written).\n' +
    '  Checks the hash chain; every version against the content its last audit entry recorded (named by version and field);\n' +
    '  and that the chain reaches every anchor: FILE.anchors beside the workspace (kept by the studio), each --since-anchor\n' +
    '  file (FILE.anchors, audit-anchor.json of an exported folder set or a release) and each --expect-head HASH.\n' +
    '  Exit 0: all hold. Exit 1: the first broken entry, each altered version, each anchor not reached. Exit 2: not a workspace.',
  async run(args, io) {
    const { values } = parseFlags({
      args,
      options: { workspace: { type: 'string' }, 'expect-head': { type: 'string', multiple: true }, 'since-anchor': { type: 'string', multiple: true } },
      strict: true,
      allowPositionals: false,
    });
    if (!values.workspace) throw new UsageError(`--workspace FILE is required${ownWorkspaceHint()}`);
    for (const h of values['expect-head'] ?? []) if (!/^[0-9a-fA-F]{64}$/.test(h)) throw new UsageError(`--expect-head takes a 64-hex-digit audit hash, got "${h}"`);
    const file = resolve(values.workspace);
    return withStudioErrors(io, 'audit verify', async () => {
      if (!existsSync(file)) {
        io.err(`tariff audit verify: WORKSPACE_MISSING: no workspace at ${file}`);
        io.err(`  ${missingWorkspaceHint()}`);
        return 2;
      }
      const sources: AnchorSource[] = [];
      const beside = anchorFileOf(file);
      if (existsSync(beside)) sources.push({ source: beside, anchors: readAnchors(beside) });
      for (const a of values['since-anchor'] ?? []) sources.push({ source: a, anchors: readAnchors(resolve(a)) });
      const { ws } = openWorkspace(file, { readOnly: true });
      try {
        const { chain: v, versions, sealed, anchors } = verifyWorkspace(ws, { anchors: sources, expectHead: values['expect-head'] ?? [] });
        let ok = v.ok;
        if (v.ok) io.out(`${file}: the audit chain holds: ${plural(v.entries, 'entry', 'entries')}, head ${v.head}`);
        else {
          io.out(`${file}: AUDIT_CHAIN_BROKEN at entry ${v.brokenAt} of ${v.entries}: ${v.reason}`);
          io.out('Entries from there on cannot be trusted. Restore the workspace from a backup and compare the entries with it.');
        }
        for (const p of versions) io.out(`${file}: VERSION_ALTERED: ${p.message}`);
        if (versions.length) {
          ok = false;
          io.out(
            `${versions.length} version(s) differ from what the audit log recorded. Restore the workspace from a backup, or export the versions and compare them with the released folders.`,
          );
        } else if (!sealed) io.out('this workspace predates version hashes (schema 4): open it once in the studio to record them; versions were not checked');
        else if (v.ok) io.out(`every version (${versionCount(ws)}) matches the content its last audit entry recorded`);
        for (const a of anchors) io.out(`${file}: AUDIT_ANCHOR_NOT_REACHED: ${a}`);
        if (anchors.length) ok = false;
        else if (sources.length || values['expect-head']?.length) io.out(`the chain reaches every anchor (${describe(sources, values['expect-head'] ?? [])})`);
        else
          io.out(`no anchor to compare with (${beside} is missing): a log cut short or re-hashed as a whole cannot be told from a true one; give --expect-head or --since-anchor`);
        return ok ? 0 : 1;
      } finally {
        closeWorkspace(ws);
      }
    });
  },
};

const describe = (sources: AnchorSource[], heads: string[]): string =>
  [...sources.map((s) => `${s.source}: ${s.anchors.length} anchor${s.anchors.length === 1 ? '' : 's'}`), ...heads.map((h) => `head ${h.slice(0, 12)}…`)].join('; ');

const versionCount = (ws: Workspace): number =>
  (ws.db.prepare('SELECT (SELECT count(*) FROM tariff_versions) + (SELECT count(*) FROM rule_versions) AS n').get() as { n: number }).n;
