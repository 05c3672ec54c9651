import { createContext, useCallback, useContext, type ReactNode } from 'react';
import type { Role } from '../../api/roles.js';
import { fill, useI18n } from '../i18n/i18n-context.js';
import { teamEn, teamJa, type TeamMessageKey } from '../i18n/team-messages.js';

/** Who is signed in on a team server (null in the desktop app and --web), and signing out. */
export type TeamUserView = { name: string; role: Role; expiresAt: string };
export type TeamState = { me: TeamUserView | null; logout: () => void };

const TeamContext = createContext<TeamState>({ me: null, logout: () => undefined });

export const TeamProvider = ({ value, children }: { value: TeamState; children: ReactNode }) => <TeamContext.Provider value={value}>{children}</TeamContext.Provider>;

export const useTeam = (): TeamState => useContext(TeamContext);

/** The team pages' words in the UI's language. */
export function useTeamText(): (key: TeamMessageKey, vars?: Record<string, string | number>) => string {
  const { lang } = useI18n();
  return useCallback(
    (key, vars) => {
      const text = (lang === 'ja' ? teamJa : teamEn)[key];
      return fill(text, vars);
    },
    [lang],
  );
}
