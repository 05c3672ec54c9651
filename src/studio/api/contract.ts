import type { CallSpec } from './contract/call.js';
import { audit } from './contract/audit.js';
import { authoring } from './contract/authoring.js';
import { engine } from './contract/engine.js';
import { explorer } from './contract/explorer.js';
import { lifecycle } from './contract/lifecycle.js';
import { rules } from './contract/rules.js';
import { scenarios } from './contract/scenarios.js';
import { tariffs } from './contract/tariffs.js';
import { team } from './contract/team.js';
import { workbook } from './contract/workbook.js';
import { workspace } from './contract/workspace.js';

/**
 * Every call the studio's renderer can make, grouped by domain: its argument and result types
 * and their JSON Schemas. Each domain is one file in `contract/` (`contract/<domain>.ts`, the
 * shapes several domains share in `contract/shared.ts`, the `call` helper that holds a result
 * schema to its result type in `contract/call.ts`); this index builds the call map from them.
 * Both transports (Electron IPC in main, the local HTTP server of the browser mode and of the
 * team server) validate the arguments against these schemas before dispatching to the same
 * handlers, and the results before answering. A new domain adds one file in `contract/`, one
 * line below, one handler file and its roles in call-roles.ts; the preload and the clients
 * follow by themselves (CONTRIBUTING.md, "Add an API domain").
 *
 * This module is plain data and types (no ajv instance): the preload and the renderer import
 * it; only the dispatcher compiles the schemas.
 */
export const CONTRACT = { workspace, tariffs, engine, workbook, rules, audit, explorer, scenarios, lifecycle, authoring, team } as const;

export type { CallSpec } from './contract/call.js';
export type * from './contract/shared.js';
export type * from './contract/workspace.js';
export type * from './contract/tariffs.js';
export type * from './contract/engine.js';
export type * from './contract/workbook.js';
export type * from './contract/scenarios.js';
export type * from './contract/rules.js';
export type * from './contract/audit.js';
export type * from './contract/explorer.js';
export type * from './contract/lifecycle.js';
export type * from './contract/authoring.js';
export type * from './contract/team.js';
export { issueSchema } from './contract/shared.js';

export type Contract = typeof CONTRACT;
export type Domain = keyof Contract;
export type MethodOf<D extends Domain> = keyof Contract[D] & string;
export type ArgsOf<S> = S extends CallSpec<infer A, infer _R> ? A : never;
export type ResultOf<S> = S extends CallSpec<infer _A, infer R> ? R : never;

/** The API as the renderer sees it, whichever transport carries it: api.tariffs.edit({...}). */
export type StudioApi = { [D in Domain]: { [M in MethodOf<D>]: (args: ArgsOf<Contract[D][M]>) => Promise<ResultOf<Contract[D][M]>> } };

/** Every call as "domain.method": IPC channels are `studio:<name>`, HTTP paths `api/<name>`. */
export const CALL_NAMES: readonly string[] = Object.entries(CONTRACT).flatMap(([d, calls]) => Object.keys(calls).map((m) => `${d}.${m}`));

export const specOf = (name: string): CallSpec<unknown, unknown> | undefined => {
  const [d, m] = name.split('.');
  if (!d || !m || !Object.hasOwn(CONTRACT, d)) return undefined;
  const calls = CONTRACT[d as Domain] as Record<string, CallSpec<unknown, unknown>>;
  return Object.hasOwn(calls, m) ? calls[m] : undefined;
};
