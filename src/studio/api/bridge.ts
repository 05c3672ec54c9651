import type { ArgsOf, Contract, Domain, Envelope, MethodOf, ResultOf } from './contract.js';

/**
 * The object the preload exposes to the renderer (window.tariffStudio): one function per
 * studio call, each answering an Envelope. It carries nothing else: no ipcRenderer, no
 * channel of the caller's choosing.
 */
export type StudioBridge = { [D in Domain]: { [M in MethodOf<D>]: (args: ArgsOf<Contract[D][M]>) => Promise<Envelope<ResultOf<Contract[D][M]>>> } };

export const BRIDGE_GLOBAL = 'tariffStudio';

/**
 * The value of `GET auth/session` in the browser mode (`tariff studio --web`): a studio no one
 * signs in to (its secret URL is the key), so the page renders the studio at once. The team server
 * answers the same request with the signed-in user or 401 UNAUTHENTICATED; the desktop app never
 * asks (its preload bridge says the page is local).
 */
export type LocalSession = { signIn: 'none' };
export const LOCAL_SESSION: LocalSession = { signIn: 'none' };

/** The IPC channel of a call: one channel per call, so main checks each against its own schema. */
export const channelOf = (name: string): string => `studio:${name}`;
