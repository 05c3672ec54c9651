import { useCallback } from 'react';
import { rolesNeeded } from './role-access.js';
import { useTeam, useTeamText } from './team-context.js';

/**
 * Why the signed-in user may not make a call, as a sentence in the UI's language, or null when
 * they may (always in the desktop app and `--web`, where there are no users). Buttons of such
 * calls are disabled with the sentence beside them instead of answering 403 after a click.
 */
export function useRoleRefusal(): (call: string) => string | null {
  const { me } = useTeam();
  const tt = useTeamText();
  return useCallback(
    (call) => {
      if (!me) return null;
      const needed = rolesNeeded(call, me.role);
      return needed ? tt('role.needed', { roles: needed.map((r) => tt(`role.${r}`)).join(tt('role.or')), role: tt(`role.${me.role}`) }) : null;
    },
    [me, tt],
  );
}
