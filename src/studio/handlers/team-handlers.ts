import type { Handlers } from '../api/dispatcher.js';
import type { UserView } from '../api/contract.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import type { ApprovalKind, ApprovalState } from '../api/approval-types.js';
import { approvalState, editorsOf } from '../team/four-eyes.js';
import { currentUser } from '../team/request-user.js';
import { requiredApprovals } from '../team/team-settings.js';
import { addUser, listUsers, resetPassword, setUserDisabled, setUserRole, type UserRecord } from '../team/user-store.js';
import { getRuleVersion } from '../workspace/rule-store.js';
import { getTariffVersion } from '../workspace/tariff-store.js';
import { ruleCompanion, tariffCompanion } from '../workspace/tariff-review-store.js';
import type { StudioContext } from './studio-context.js';

/** The `team` calls. Outside a team server (no signed-in user) they describe the single local user. */
const view = (u: UserRecord): UserView => ({ name: u.name, role: u.role, disabled: u.disabled, lockedUntil: u.lockedUntil, createdAt: u.createdAt });

const teamOnly = () => {
  if (!currentUser())
    throw new StudioError('NOT_A_TEAM_SERVER', 'users exist only on a team server', [], 'Start one with tariff studio --serve (docs/team.md), or manage users with tariff users.');
};

/** Whether `name` is the signed-in user (an admin never disables or changes the role of their own account here). */
const isSelf = (name: string): boolean => currentUser()!.name.toLowerCase() === name.toLowerCase();

export const teamHandlers = (ctx: StudioContext): Handlers['team'] => ({
  me: () => {
    const u = currentUser();
    return { team: u !== undefined, name: u?.name ?? ctx.ws.actor, role: u?.role ?? null, expiresAt: null, requiredApprovals: requiredApprovals(ctx.ws) };
  },
  approvalState: ({ kind, id }) => {
    const v = kind === 'rule' ? getRuleVersion(ctx.ws, id) : getTariffVersion(ctx.ws, id);
    const u = currentUser();
    const required = requiredApprovals(ctx.ws);
    const own: ApprovalState = u
      ? approvalState(ctx.ws, { kind, id, status: v.status }, u, required)
      : v.status === 'in-review'
        ? // Without sign-in the editors are still named: the review form refuses an approver typed as one of them (reviewer-not-editor.ts).
          { required: 1, approvals: [], editors: editorsOf(ctx.ws, kind, id), canApprove: true, reason: null, message: null }
        : { required: 1, approvals: [], editors: [], canApprove: false, reason: 'NOT_IN_REVIEW', message: 'only a version in review can be approved' };
    if (!own.canApprove) return own;
    // One change of the terms: the version of the other kind with the same date is approved with this one (docs/studio.md).
    const other: ApprovalKind = kind === 'rule' ? 'tariff' : 'rule';
    const companion = other === 'rule' ? ruleCompanion(ctx.ws, v.effective) : tariffCompanion(ctx.ws, v.effective);
    if (companion?.status === 'draft')
      return {
        ...own,
        canApprove: false,
        reason: 'COMPANION_NOT_SUBMITTED',
        message: `the ${other} version of ${v.effective} (#${companion.id}) is still a draft; it is approved together with this one, so submit it for review (or discard it) first`,
      };
    if (u && companion?.status === 'in-review') {
      const theirs = approvalState(ctx.ws, { kind: other, id: companion.id, status: companion.status }, u, required);
      if (theirs.reason === 'EDITOR')
        return {
          ...own,
          canApprove: false,
          reason: 'COMPANION_EDITOR',
          editors: theirs.editors,
          message: `the ${other} version of ${v.effective} is approved together with this one, and you edited it (editors: ${theirs.editors.join(', ')}); someone who edited neither must approve`,
        };
    }
    return own;
  },
  users: () => {
    teamOnly();
    return { users: listUsers(ctx.ws).map(view) };
  },
  addUser: async ({ name, role, password }) => {
    teamOnly();
    return view(await addUser(ctx.ws, { name, role, password }));
  },
  setUserDisabled: ({ name, disabled }) => {
    teamOnly();
    if (disabled && isSelf(name)) throw new StudioError('CANNOT_DISABLE_SELF', 'you cannot disable your own account', [], 'Ask another admin, or use tariff users disable.');
    return view(setUserDisabled(ctx.ws, name, disabled));
  },
  setUserRole: ({ name, role }) => {
    teamOnly();
    if (isSelf(name)) throw new StudioError('CANNOT_CHANGE_OWN_ROLE', 'you cannot change your own role', [], 'Ask another admin, or use tariff users set-role.');
    return view(setUserRole(ctx.ws, name, role));
  },
  resetPassword: async ({ name, password }) => {
    teamOnly();
    return view(await resetPassword(ctx.ws, name, password));
  },
});
