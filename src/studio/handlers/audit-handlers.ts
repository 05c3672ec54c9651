import { existsSync } from 'node:fs';
import type { Handlers } from '../api/dispatcher.js';
import { anchorFileOf, readAnchors } from '../workspace/audit-anchor.js';
import { listAudit, verifyWorkspace } from '../workspace/audit-log.js';
import type { StudioContext } from './studio-context.js';

/** The audit log: the newest entries, and whether the hash chain holds. */
export const auditHandlers = (ctx: StudioContext): Handlers['audit'] => ({
  list: ({ limit }) => ({
    entries: listAudit(ctx.ws, limit).map((e) => ({
      seq: e.seq,
      at: e.at,
      actor: e.actor,
      action: e.action,
      target: e.target,
      before: e.before,
      after: e.after,
      comment: e.comment ?? null,
      hash: e.hash,
    })),
  }),
  verify: () => {
    const beside = anchorFileOf(ctx.ws.file);
    const { chain: v, versions, anchors } = verifyWorkspace(ctx.ws, { anchors: existsSync(beside) ? [{ source: beside, anchors: readAnchors(beside) }] : [] });
    if (!v.ok) return { ok: false, entries: v.entries, head: null, brokenAt: v.brokenAt, reason: v.reason };
    if (anchors[0]) return { ok: false, entries: v.entries, head: v.head, brokenAt: null, reason: anchors[0] };
    const first = versions[0];
    if (first)
      return {
        ok: false,
        entries: v.entries,
        head: v.head,
        brokenAt: first.seq,
        reason: `${first.message}${versions.length > 1 ? ` (and ${versions.length - 1} more version(s); tariff audit verify lists them)` : ''}`,
      };
    return { ok: true, entries: v.entries, head: v.head, brokenAt: null, reason: null };
  },
});
