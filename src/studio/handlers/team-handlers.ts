import type { Handlers } from '../api/dispatcher.js';
import type { UserView } from '../api/contract.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import { approvalState } from '../team/four-eyes.js';
import { currentUser } from '../team/request-user.js';
import { requiredApprovals } from '../team/team-settings.js';
import { addUser, listUsers, resetPassword, setUserDisabled, type UserRecord } from '../team/user-store.js';
import { getRuleVersion } from '../workspace/rule-store.js';
import { getTariffVersion } from '../workspace/tariff-store.js';
import type { StudioContext } from './studio-context.js';

/** The `team` calls. Outside a team server (no signed-in user) they describe the single local user. */
const view = (u: UserRecord): UserView => ({ name: u.name, role: u.role, disabled: u.disabled, lockedUntil: u.lockedUntil, createdAt: u.createdAt });

const teamOnly = () => {
  if (!currentUser())
    throw new StudioError('NOT_A_TEAM_SERVER', 'users exist only on a team server', [], 'Start one with tariff studio --serve (docs/team.md), or manage users with tariff users.');
};

export const teamHandlers = (ctx: StudioContext): Handlers['team'] => ({
  me: () => {
    const u = currentUser();
    return { team: u !== undefined, name: u?.name ?? ctx.ws.actor, role: u?.role ?? null, expiresAt: null, requiredApprovals: requiredApprovals(ctx.ws) };
  },
  approvalState: ({ kind, id }) => {
    const status = kind === 'rule' ? getRuleVersion(ctx.ws, id).status : getTariffVersion(ctx.ws, id).status;
    const u = currentUser();
    if (!u) {
      const ok = status === 'in-review';
      return { required: 1, approvals: [], editors: [], canApprove: ok, reason: ok ? null : 'NOT_IN_REVIEW', message: ok ? null : 'only a version in review can be approved' };
    }
    return approvalState(ctx.ws, { kind, id, status }, u, requiredApprovals(ctx.ws));
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
    if (disabled && currentUser()!.name.toLowerCase() === name.toLowerCase())
      throw new StudioError('CANNOT_DISABLE_SELF', 'you cannot disable your own account', [], 'Ask another admin, or use tariff users disable.');
    return view(setUserDisabled(ctx.ws, name, disabled));
  },
  resetPassword: async ({ name, password }) => {
    teamOnly();
    return view(await resetPassword(ctx.ws, name, password));
  },
});
