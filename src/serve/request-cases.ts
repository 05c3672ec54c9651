import { jsonProblem } from '../io/json-problem.js';
import type { CaseInput } from '../engine/output-types.js';

/**
 * What the decision service makes of a request body, shared by the request thread and the batch
 * threads (batch-worker.ts): JSON errors with a status and a code, and a body as a case.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: { path: string; message: string; code?: string }[],
  ) {
    super(message);
  }
}

export const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, 'BODY_JSON', `the body is not JSON: ${jsonProblem(e)}`);
  }
};

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A request body as a case of `decision` (case-files.md); other fields are the caller's notes, as in a case file. */
export const toCase = (body: unknown, decision: string, index?: number): CaseInput => {
  // The case's place in a batch, written only into an error (not a string per case).
  const at = (): string => (index === undefined ? '' : `/cases/${index}`);
  if (!isObject(body))
    throw new HttpError(
      400,
      'BODY_SHAPE',
      index === undefined && Array.isArray(body)
        ? `the body is a list; one case is a JSON object {asOf?, facts, interpretations?}: send a case file's list of cases to POST /v1/decisions/${decision}/batch as {"cases": [...]}`
        : `${at() || 'the body'} must be a JSON object {asOf?, facts, interpretations?}`,
    );
  if (body.decision !== undefined && body.decision !== decision)
    throw new HttpError(400, 'DECISION_MISMATCH', `${at()}/decision is ${JSON.stringify(body.decision)} but the path asks for ${decision}: leave it out`);
  // The parsed body is this request's own object: the case is made in place, not copied per case.
  if (body.expect !== undefined || Object.hasOwn(body, 'expect')) delete body.expect;
  body.decision = decision;
  return body as CaseInput;
};

/** A batch body's cases, checked: `{cases: [...]}` with at most `maxBatch`. */
export const batchCases = (body: unknown, decision: string, maxBatch: number): CaseInput[] => {
  if (!isObject(body) || !Array.isArray(body.cases))
    throw new HttpError(
      400,
      'BODY_SHAPE',
      `a batch body is {"cases": [{asOf?, facts, interpretations?}, ...]}${Array.isArray(body) ? ', not a bare list: wrap it as {"cases": LIST}' : ''}`,
    );
  if (body.cases.length > maxBatch) throw new HttpError(413, 'BATCH_TOO_LARGE', `${body.cases.length} cases in one batch; the limit is ${maxBatch}: split the batch`);
  return body.cases.map((c, i) => toCase(c, decision, i));
};
