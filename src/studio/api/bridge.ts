import type { ArgsOf, Contract, Domain, Envelope, MethodOf, ResultOf } from './contract.js';

/**
 * The object the preload exposes to the renderer (window.tariffStudio): one function per
 * studio call, each answering an Envelope. It carries nothing else: no ipcRenderer, no
 * channel of the caller's choosing.
 */
export type StudioBridge = { [D in Domain]: { [M in MethodOf<D>]: (args: ArgsOf<Contract[D][M]>) => Promise<Envelope<ResultOf<Contract[D][M]>>> } };

export const BRIDGE_GLOBAL = 'tariffStudio';

/** The IPC channel of a call: one channel per call, so main checks each against its own schema. */
export const channelOf = (name: string): string => `studio:${name}`;
