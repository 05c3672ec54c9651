import { createContext, useContext, type ReactNode } from 'react';
import type { StudioApi } from '../../api/contract.js';

const ApiContext = createContext<StudioApi | null>(null);

export const ApiProvider = ({ api, children }: { api: StudioApi; children: ReactNode }) => <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;

export function useApi(): StudioApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}
