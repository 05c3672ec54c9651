import type { Handlers } from '../api/dispatcher.js';
import { listAudit, verifyAudit } from '../workspace/audit-log.js';
import type { StudioContext } from './studio-context.js';

/** The audit log: the newest entries, and whether the hash chain holds. */
export const auditHandlers = (ctx: StudioContext): Handlers['audit'] => ({
  list: ({ limit }) => ({
    entries: listAudit(ctx.ws, limit).map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, target: e.target, before: e.before, after: e.after, comment: e.comment ?? null, hash: e.hash })),
  }),
  verify: () => {
    const v = verifyAudit(ctx.ws);
    return v.ok ? { ok: true, entries: v.entries, head: v.head, brokenAt: null, reason: null } : { ok: false, entries: v.entries, head: null, brokenAt: v.brokenAt, reason: v.reason };
  },
});
