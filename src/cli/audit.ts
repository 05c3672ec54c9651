import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { verifyWorkspace } from '../studio/workspace/audit-log.js';
import { openWorkspace } from '../studio/workspace/open-workspace.js';
import { closeWorkspace } from '../studio/workspace/workspace.js';
import type { Workspace } from '../studio/workspace/workspace.js';
import type { Command } from './main.js';
import { UsageError } from './options.js';
import { withStudioErrors } from './studio-errors.js';

/**
 * `tariff audit verify --workspace FILE`: walks the workspace's hash-chained audit log. Exit 0
 * when the chain holds, 1 when an entry was altered, removed or reordered (naming the first
 * one), 2 when the workspace cannot be opened.
 */
export const auditVerifyCommand: Command = {
  summary: "verify a workspace's hash-chained audit log: exit 0 when it holds, 1 naming the first entry where it breaks",
  usage: 'tariff audit verify --workspace FILE\n  Exit 0: the chain holds. Exit 1: an entry was altered, removed or reordered (the first is named). Exit 2: the workspace cannot be opened.',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { workspace: { type: 'string' } }, strict: true, allowPositionals: false });
    if (!values.workspace) throw new UsageError('--workspace FILE is required');
    const file = resolve(values.workspace);
    return withStudioErrors(io, 'audit verify', async () => {
      if (!existsSync(file)) {
        io.err(`tariff audit verify: WORKSPACE_MISSING: no workspace at ${file}`);
        return 2;
      }
      const { ws } = openWorkspace(file, { readOnly: true });
      try {
        const { chain: v, versions, sealed } = verifyWorkspace(ws);
        let ok = true;
        if (v.ok) io.out(`${file}: the audit chain holds: ${v.entries} entries, head ${v.head}`);
        else {
          ok = false;
          io.out(`${file}: AUDIT_CHAIN_BROKEN at entry ${v.brokenAt} of ${v.entries}: ${v.reason}`);
          io.out('Entries from there on cannot be trusted. Restore the workspace from a backup and compare the entries with it.');
        }
        for (const p of versions) io.out(`${file}: VERSION_ALTERED: ${p.message}`);
        if (versions.length) {
          ok = false;
          io.out(`${versions.length} version(s) differ from what the audit log recorded. Restore the workspace from a backup, or export the versions and compare them with the released folders.`);
        } else if (!sealed) io.out('this workspace predates version hashes (schema 4): open it once in the studio to record them; versions were not checked');
        else if (v.ok) io.out(`every version (${versionCount(ws)}) matches the content its last audit entry recorded`);
        return ok ? 0 : 1;
      } finally {
        closeWorkspace(ws);
      }
    });
  },
};

const versionCount = (ws: Workspace): number =>
  (ws.db.prepare('SELECT (SELECT count(*) FROM tariff_versions) + (SELECT count(*) FROM rule_versions) AS n').get() as { n: number }).n;
