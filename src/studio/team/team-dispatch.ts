import { APPROVAL_CALLS, CALL_ROLES, forbiddenMessage } from '../api/call-roles.js';
import { specOf, type Envelope } from '../api/contract.js';
import { argsError, toApiError, type Dispatch } from '../api/dispatcher.js';
import { appendAudit } from '../workspace/audit-log.js';
import { requireReviewedRevision } from '../workspace/review-pin.js';
import { getRuleVersion } from '../workspace/rule-store.js';
import { getTariffVersion } from '../workspace/tariff-store.js';
import type { Workspace } from '../workspace/workspace.js';
import { approvalState, companionInReview, countedAction, editorsOf, sameName } from './four-eyes.js';
import { runAs } from './request-user.js';
import type { TeamUser } from '../api/roles.js';
import { requiredApprovals } from './team-settings.js';
import { httpStatusOf } from '../api/envelope-status.js';

/**
 * The team server's dispatch: the same dispatcher and handlers as the desktop app, run for a
 * signed-in user. Before a call: its role (call-roles.ts; a call without a policy is refused),
 * and for an approval the four-eyes rule, with the reviewer set to the user (never typed).
 * The call runs as the user, so every audit entry carries their name. After a successful
 * change, `onChange` tells the other pages (server-sent events).
 */
export type ChangeEvent = { call: string; domain: string; id: number | null; by: string; at: string };
export type TeamAnswer = { status: number; env: Envelope<unknown> };
export type TeamDispatch = (user: TeamUser, name: string, payload: unknown) => Promise<TeamAnswer>;

/** Calls that need a role but change nothing (checks, previews, the admin's user list, a live re-price at each keystroke): no change event. */
export const QUIET_CALLS: ReadonlySet<string> = new Set([
  'rules.checkRule',
  'authoring.checkQuote',
  'workbook.previewImport',
  'workbook.previewIntoDraft',
  'scenarios.cancel',
  'scenarios.reprice',
  'team.users',
]);

/** The calls that send a version in review back to draft with changes requested, by the kind of version. */
const REQUEST_CHANGES_CALLS: Record<string, 'rule' | 'tariff'> = { 'rules.requestChanges': 'rule', 'lifecycle.requestTariffChanges': 'tariff' };

const refuse = (status: number, code: string, message: string, hint?: string): TeamAnswer => ({
  status,
  env: { ok: false, error: { code, message, issues: [], ...(hint ? { hint } : {}) } },
});

const idOf = (payload: unknown): number | null => {
  const v = payload && typeof payload === 'object' ? (payload as Record<string, unknown>)['id'] : undefined;
  return typeof v === 'number' && Number.isInteger(v) ? v : null;
};

export function createTeamDispatch(ws: Workspace, inner: Dispatch, opts: { onChange?: (e: ChangeEvent) => void } = {}): TeamDispatch {
  return async (user, name, payload) => {
    const access = typeof name === 'string' && Object.hasOwn(CALL_ROLES, name) ? CALL_ROLES[name] : undefined;
    if (access === undefined) {
      // A call of the contract without a policy is refused (fail closed); a call that does not exist gets the dispatcher's UNKNOWN_CALL.
      if (typeof name === 'string' && specOf(name)) return refuse(403, 'FORBIDDEN', forbiddenMessage(name, user.role, undefined), 'Ask the administrator of this server.');
      return { status: 400, env: await inner(name, payload) };
    }
    if (access !== 'read' && !access.includes(user.role))
      return refuse(403, 'FORBIDDEN', forbiddenMessage(name, user.role, access), 'Nothing was changed. Ask a colleague with that role, or an admin to change your role.');

    // The arguments are checked before anything of this server's own: an approval counted below never reached the dispatcher, so its comment went to the audit log unchecked (and half a character in it broke the chain).
    const refused = argsError(name, payload);
    if (refused) {
      const env: Envelope<unknown> = { ok: false, error: refused };
      return { status: httpStatusOf(env), env };
    }
    let args = payload;
    // A request for changes is a reviewer's (four-eyes, as an approval): not by someone who edited the version, who takes it back with a withdrawal.
    const sentBack = Object.hasOwn(REQUEST_CHANGES_CALLS, name) ? REQUEST_CHANGES_CALLS[name]! : undefined;
    if (sentBack && idOf(payload) !== null) {
      const editors = editorsOf(ws, sentBack, idOf(payload)!);
      if (editors.some((e) => sameName(e, user.name)))
        return refuse(
          403,
          'FOUR_EYES',
          `you edited this ${sentBack} version (editors: ${editors.join(', ')}); someone who did not edit it must request changes`,
          'Nothing was changed. To take your own version back to draft, withdraw it.',
        );
    }
    const approval = Object.hasOwn(APPROVAL_CALLS, name) ? APPROVAL_CALLS[name] : undefined;
    if (approval && payload && typeof payload === 'object' && idOf(payload) !== null) {
      const id = idOf(payload)!;
      // The reviewer is the signed-in user, whatever the page sent.
      args = { ...(payload as Record<string, unknown>), reviewer: user.name };
      let version: { id: number; effective: string; revision: number; status: string } | undefined;
      try {
        version = approval.kind === 'rule' ? getRuleVersion(ws, id) : getTariffVersion(ws, id);
      } catch {
        version = undefined;
      }
      const status = version?.status ?? 'missing';
      if (status !== 'missing') {
        const required = requiredApprovals(ws);
        const state = approvalState(ws, { kind: approval.kind, id, status }, user, required);
        if (!state.canApprove && state.reason !== 'NOT_IN_REVIEW')
          return refuse(
            403,
            state.reason === 'EDITOR' ? 'FOUR_EYES' : state.reason === 'ROLE' ? 'FORBIDDEN' : 'ALREADY_APPROVED',
            state.message ?? 'you may not approve this version',
            'Nothing was approved.',
          );
        const companion = state.canApprove ? companionInReview(ws, approval.kind, id) : null;
        const companionState = companion ? approvalState(ws, companion, user, required) : null;
        if (companion && companionState?.reason === 'EDITOR')
          return refuse(
            403,
            'FOUR_EYES',
            `the ${companion.kind} version of the same date is approved with it, and ${companionState.message ?? 'you edited it'}`,
            'Nothing was approved. Ask someone who edited neither version.',
          );
        if (state.canApprove && state.approvals.length + 1 < required) {
          // Not the last approval needed: it is counted, the version stays in review, and only if it is what the reviewer saw.
          const seen = (payload as Record<string, unknown>)['revision'];
          if (version && typeof seen === 'number') {
            try {
              requireReviewedRevision(approval.kind, version, seen);
            } catch (e) {
              return { status: 409, env: { ok: false, error: toApiError(e) } };
            }
          } else return { status: 400, env: await inner(name, payload) };
          const comment = String((payload as Record<string, unknown>)['comment'] ?? '').trim();
          runAs(user, () =>
            ws.db
              .transaction(() =>
                appendAudit(ws, countedAction(approval.kind), `${approval.kind}:${id}`, {
                  after: { approvals: [...state.approvals, user.name], required },
                  ...(comment ? { comment } : {}),
                }),
              )
              .immediate(),
          );
          const detail = await runAs(user, () => inner(approval.getCall, { id }));
          if (!detail.ok) return { status: 500, env: detail };
          opts.onChange?.({ call: name, domain: name.split('.')[0]!, id, by: user.name, at: new Date().toISOString() });
          // Each approval call's own result shape: a rule detail, or a tariff summary with its companion rules.
          const value =
            approval.kind === 'rule'
              ? { approved: detail.value, superseded: null }
              : { approved: (detail.value as { summary: unknown }).summary, superseded: null, rules: null, rulesSuperseded: null };
          return { status: 200, env: { ok: true, value } };
        }
      }
    }

    const env = await runAs(user, () => inner(name, args));
    if (env.ok && access !== 'read' && !QUIET_CALLS.has(name))
      opts.onChange?.({ call: name, domain: name.split('.')[0]!, id: idOf(payload), by: user.name, at: new Date().toISOString() });
    return { status: httpStatusOf(env, { draftConflict: 409 }), env };
  };
}
