import type { ErrorObject, ValidateFunction } from 'ajv';
import { compileSchema } from '../../engine/ajv.js';
import { schemaErrorMessage } from '../../engine/schema-errors.js';
import { MAX_JSON_DEPTH, tooDeepAt } from '../../engine/json-depth.js';
import { illFormedTextAt } from './ill-formed-text.js';
import type { Issue } from '../../tariff-model/issue.js';
import { StudioError } from '../../tariff-model/studio-error.js';
import { CALL_NAMES, specOf, type ApiError, type ArgsOf, type Contract, type Domain, type Envelope, type MethodOf, type ResultOf } from './contract.js';

/**
 * The one place a studio call is checked and dispatched, used by both transports: the call
 * must exist, its payload must match the call's schema (else INVALID_ARGS with every error and
 * its JSON pointer), and the handler's result must match the result schema. Errors come back
 * as data with a stable code; nothing a caller sends can throw through a transport.
 */
export type Handlers = { [D in Domain]: { [M in MethodOf<D>]: (args: ArgsOf<Contract[D][M]>) => Promise<ResultOf<Contract[D][M]>> | ResultOf<Contract[D][M]> } };

export type Dispatch = (name: string, payload: unknown) => Promise<Envelope<unknown>>;

const compiled = new Map<string, { args: ValidateFunction; result: ValidateFunction }>();
const validators = (name: string) => {
  let v = compiled.get(name);
  if (!v) {
    const spec = specOf(name)!;
    v = { args: compileSchema(spec.args), result: compileSchema(spec.result) };
    compiled.set(name, v);
  }
  return v;
};

const schemaIssues = (errors: ErrorObject[] | null | undefined, code: string): Issue[] =>
  (errors ?? []).map((e) => ({ severity: 'error', code, field: e.instancePath || '/', message: `${e.instancePath || '(payload)'}: ${schemaErrorMessage(e, 'data')}` }));

/** SQLite refusing a write (a workspace opened read-only): told as such, never as an internal error. */
const readOnlyWrite = (e: unknown): boolean => e instanceof Error && e.name === 'SqliteError' && String((e as { code?: unknown }).code).startsWith('SQLITE_READONLY');

export const toApiError = (e: unknown): ApiError =>
  readOnlyWrite(e)
    ? {
        code: 'WORKSPACE_READ_ONLY',
        message: 'this workspace is open read-only: nothing was saved',
        issues: [],
        hint: 'Copy the workspace to a folder you can write to and open the copy to make changes.',
      }
    : e instanceof StudioError
      ? { code: e.code, message: e.message, issues: e.issues, ...(e.hint !== undefined ? { hint: e.hint } : {}) }
      : {
          code: 'INTERNAL',
          message: `internal error: ${e instanceof Error ? e.message : String(e)}`,
          issues: [],
          hint: 'Nothing was saved by this call. Please report it with the steps that led here.',
        };

/**
 * Why `payload` is refused as the arguments of the contract call `name` (too deep, half a
 * character, not the call's schema), or undefined when it may be dispatched. The team server
 * asks it before its own checks of an approval, so nothing unchecked reaches the audit log.
 */
export function argsError(name: string, payload: unknown): ApiError | undefined {
  const deep = tooDeepAt(payload);
  if (deep !== undefined)
    return {
      code: 'PAYLOAD_TOO_DEEP',
      message: `${name}: the arguments nest deeper than ${MAX_JSON_DEPTH} levels (at ${deep})`,
      issues: [{ severity: 'error', code: 'PAYLOAD_TOO_DEEP', field: deep, message: `${deep}: nests too deep` }],
      hint: 'Send facts and expectations a few levels deep, as the forms do.',
    };
  const illFormed = illFormedTextAt(payload);
  if (illFormed !== undefined)
    return {
      code: 'ILL_FORMED_TEXT',
      message: `${name}: the text at ${illFormed} holds half of a character (a lone UTF-16 surrogate), which cannot be saved as sent`,
      issues: [{ severity: 'error', code: 'ILL_FORMED_TEXT', field: illFormed, message: `${illFormed}: a lone surrogate (\\uD800–\\uDFFF without its pair)` }],
      hint: 'Retype or paste the text again; it was cut in the middle of a character (an emoji or a rare kanji).',
    };
  const v = validators(name);
  if (!v.args(payload))
    return {
      code: 'INVALID_ARGS',
      message: `${name}: the arguments do not match the call's schema`,
      issues: schemaIssues(v.args.errors, 'INVALID_ARGS'),
      hint: 'Send the arguments the API contract declares.',
    };
  return undefined;
}

export function createDispatcher(handlers: Handlers, opts: { onInternalError?: (name: string, e: unknown) => void } = {}): Dispatch {
  const table = new Map<string, (args: unknown) => unknown>();
  for (const name of CALL_NAMES) {
    const [d, m] = name.split('.') as [Domain, string];
    const fn = (handlers[d] as Record<string, (args: unknown) => unknown>)[m];
    if (typeof fn !== 'function') throw new Error(`no handler for studio call ${name}`);
    table.set(name, fn);
  }
  return async (name, payload) => {
    const fn = typeof name === 'string' ? table.get(name) : undefined;
    if (!fn)
      return { ok: false, error: { code: 'UNKNOWN_CALL', message: `no studio call named ${JSON.stringify(name)}`, issues: [], hint: `Known calls: ${CALL_NAMES.join(', ')}` } };
    const refused = argsError(name, payload);
    if (refused) return { ok: false, error: refused };
    const v = validators(name);
    try {
      const value = await fn(payload);
      if (!v.result(value)) {
        const error: ApiError = {
          code: 'RESULT_SCHEMA',
          message: `${name}: the studio produced a result its contract does not allow`,
          issues: schemaIssues(v.result.errors, 'RESULT_SCHEMA'),
        };
        opts.onInternalError?.(name, new Error(JSON.stringify(error)));
        return { ok: false, error };
      }
      return { ok: true, value };
    } catch (e) {
      if (!(e instanceof StudioError) && !readOnlyWrite(e)) opts.onInternalError?.(name, e);
      return { ok: false, error: toApiError(e) };
    }
  };
}
