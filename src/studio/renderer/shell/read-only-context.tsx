import { createContext, useContext, type ReactNode } from 'react';

/** Whether the workspace is open read-only (workspace.info): every button of a call that writes it is disabled, with the reason. */
const ReadOnlyContext = createContext(false);

export const ReadOnlyProvider = ({ value, children }: { value: boolean; children: ReactNode }) => <ReadOnlyContext.Provider value={value}>{children}</ReadOnlyContext.Provider>;

export const useReadOnly = (): boolean => useContext(ReadOnlyContext);
