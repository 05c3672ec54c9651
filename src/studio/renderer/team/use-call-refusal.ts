import { useCallback } from 'react';
import { writesWorkspace } from '../../api/call-roles.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useReadOnly } from '../shell/read-only-context.js';
import { rolesNeeded } from './role-access.js';
import { useTeam, useTeamText } from './team-context.js';

/**
 * Why a call cannot be made here, as a sentence in the UI's language, or null when it can: the
 * workspace is open read-only and the call writes it (call-roles.ts `writesWorkspace`), or the
 * signed-in user's role does not hold it (on a team server; in the desktop app and `--web` there
 * are no users). Buttons of such calls are disabled with the sentence beside them instead of
 * answering WORKSPACE_READ_ONLY or 403 after a click.
 */
export function useCallRefusal(): (call: string) => string | null {
  const { me } = useTeam();
  const tt = useTeamText();
  const { t } = useI18n();
  const readOnly = useReadOnly();
  return useCallback(
    (call) => {
      if (readOnly && writesWorkspace(call)) return t('workspace.readOnlyAction');
      if (!me) return null;
      const needed = rolesNeeded(call, me.role);
      return needed ? tt('role.needed', { roles: needed.map((r) => tt(`role.${r}`)).join(tt('role.or')), role: tt(`role.${me.role}`) }) : null;
    },
    [me, tt, t, readOnly],
  );
}
