import type { ApprovalKind, ApprovalState } from '../approval-types.js';
import type { Role } from '../roles.js';
import { call } from './call.js';
import { id, noArgs } from './shared.js';

export type { ApprovalKind, ApprovalReason, ApprovalState } from '../approval-types.js';

/**
 * The `team` domain of the API (issue 12): who is signed in, whether they may approve a
 * version (and why not), and user management for admins. Login and logout are not calls: they
 * are the team server's own endpoints (auth/login, auth/logout), since they set the cookie.
 * In the desktop app and `--web` there are no users: `me` answers team=false.
 */
export type TeamMe = { team: boolean; name: string; role: Role | null; expiresAt: string | null; requiredApprovals: number };
export type UserView = { name: string; role: Role; disabled: boolean; lockedUntil: string | null; createdAt: string };

const roleSchema = { type: 'string', enum: ['pm', 'legal', 'finance', 'admin'] } as const;
const userName = { type: 'string', minLength: 1, maxLength: 64 } as const;
const password = { type: 'string', minLength: 1, maxLength: 1024 } as const;
const userView = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'role', 'disabled', 'lockedUntil', 'createdAt'],
  properties: { name: { type: 'string' }, role: roleSchema, disabled: { type: 'boolean' }, lockedUntil: { type: ['string', 'null'] }, createdAt: { type: 'string' } },
} as const;
const names = { type: 'array', items: { type: 'string' } } as const;

export const team = {
  me: call<Record<string, never>, TeamMe>('who is signed in (team server) or team=false (desktop app, --web)', noArgs).returns({
    type: 'object',
    additionalProperties: false,
    required: ['team', 'name', 'role', 'expiresAt', 'requiredApprovals'],
    properties: {
      team: { type: 'boolean' },
      name: { type: 'string' },
      role: { anyOf: [roleSchema, { type: 'null' }] },
      expiresAt: { type: ['string', 'null'] },
      requiredApprovals: { type: 'integer', minimum: 1 },
    },
  }),
  approvalState: call<{ kind: ApprovalKind; id: number }, ApprovalState>(
    'may the signed-in user approve this version, and if not why (four-eyes: nobody approves a version they edited; the version of the other kind with the same date, approved with it, is submitted and not edited by them)',
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'id'],
      properties: { kind: { type: 'string', enum: ['rule', 'tariff'] }, id },
    },
  ).returns({
    type: 'object',
    additionalProperties: false,
    required: ['required', 'approvals', 'editors', 'canApprove', 'reason', 'message'],
    properties: {
      required: { type: 'integer' },
      approvals: names,
      editors: names,
      canApprove: { type: 'boolean' },
      reason: { anyOf: [{ type: 'string', enum: ['NOT_IN_REVIEW', 'ROLE', 'EDITOR', 'ALREADY_APPROVED', 'COMPANION_NOT_SUBMITTED', 'COMPANION_EDITOR'] }, { type: 'null' }] },
      message: { type: ['string', 'null'] },
    },
  }),
  users: call<Record<string, never>, { users: UserView[] }>('every user of the team server (admin)', noArgs).returns({
    type: 'object',
    additionalProperties: false,
    required: ['users'],
    properties: { users: { type: 'array', items: userView } },
  }),
  addUser: call<{ name: string; role: Role; password: string }, UserView>('add a user with a role and a first password (admin); the password is hashed and never returned', {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'role', 'password'],
    properties: { name: userName, role: roleSchema, password },
  }).returns(userView),
  setUserDisabled: call<{ name: string; disabled: boolean }, UserView>('disable a user (their sessions end now) or enable them again (admin)', {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'disabled'],
    properties: { name: userName, disabled: { type: 'boolean' } },
  }).returns(userView),
  setUserRole: call<{ name: string; role: Role }, UserView>("change a user's role (admin); their sessions end, so it applies at once; the last enabled admin keeps the role", {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'role'],
    properties: { name: userName, role: roleSchema },
  }).returns(userView),
  resetPassword: call<{ name: string; password: string }, UserView>("set a user's password (admin); lifts a lockout and ends their sessions", {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'password'],
    properties: { name: userName, password },
  }).returns(userView),
};
