import { call } from './call.js';
import { noArgs, type NoArgs } from './shared.js';

/** The `audit` domain: the hash-chained log of every change. */
export type AuditEntryView = { seq: number; at: string; actor: string; action: string; target: string; before: unknown; after: unknown; comment: string | null; hash: string };
export type AuditVerdict = { ok: boolean; entries: number; head: string | null; brokenAt: number | null; reason: string | null };

export const audit = {
  list: call<{ limit: number }, { entries: AuditEntryView[] }>('the newest audit entries (who, when, what, before/after)', {
    type: 'object',
    additionalProperties: false,
    required: ['limit'],
    properties: { limit: { type: 'integer', minimum: 1, maximum: 1000 } },
  }).returns({
    type: 'object',
    additionalProperties: false,
    required: ['entries'],
    properties: {
      entries: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['seq', 'at', 'actor', 'action', 'target', 'before', 'after', 'comment', 'hash'],
          properties: {
            seq: { type: 'integer' },
            at: { type: 'string' },
            actor: { type: 'string' },
            action: { type: 'string' },
            target: { type: 'string' },
            before: {},
            after: {},
            comment: { type: ['string', 'null'] },
            hash: { type: 'string' },
          },
        },
      },
    },
  }),
  verify: call<NoArgs, AuditVerdict>('walk the hash chain: does it hold, and if not, the first entry where it breaks', noArgs).returns({
    type: 'object',
    additionalProperties: false,
    required: ['ok', 'entries', 'head', 'brokenAt', 'reason'],
    properties: {
      ok: { type: 'boolean' },
      entries: { type: 'integer' },
      head: { type: ['string', 'null'] },
      brokenAt: { type: ['integer', 'null'] },
      reason: { type: ['string', 'null'] },
    },
  }),
};
