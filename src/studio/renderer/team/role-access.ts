import { CALL_ROLES } from '../../api/call-roles.js';
import type { Role } from '../../api/roles.js';

/**
 * The roles a studio call needs when `role` is not one of them, or null when the call is open to
 * it (a read, a call the role holds, or a call the table does not list: the server decides).
 * The same table (`call-roles.ts`) that the team server enforces, so a button disabled here is
 * exactly a call the server would refuse with 403.
 */
export function rolesNeeded(call: string, role: Role): readonly Role[] | null {
  const access = CALL_ROLES[call];
  if (access === undefined || access === 'read' || access.includes(role)) return null;
  return access;
}
