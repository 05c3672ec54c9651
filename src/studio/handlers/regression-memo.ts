import { createHash } from 'node:crypto';
import type { Workspace } from '../workspace/workspace.js';

/**
 * The last answers of `rules.regression`, by everything they are computed from. On a team
 * server every open rules page runs the regression of the version it shows, and runs it again
 * when a colleague changes anything (live updates): four people on one draft asked the server
 * for the same few seconds of work four times over, one after the other, on its only thread,
 * and everyone's clicks waited behind them. An answer is reused only when nothing it depends on
 * changed: the version and its baseline (id, revision, status), every rule and tariff version
 * of the workspace (the registry the cases are decided with), the day, and the cases as read
 * from disk now (their content, so an edited or added case file is run again).
 */
export type RegressionInputs = {
  version: { id: number; revision: number };
  baseline: { id: number; revision: number };
  today: string;
  cases: unknown;
  folders: unknown;
  unreadable: unknown;
};

/** The answers kept per workspace: a page or two of versions, not every one ever asked. */
const KEEP = 8;

const stampOf = (ws: Workspace): unknown => [
  ws.db.prepare('SELECT id, revision, status FROM rule_versions ORDER BY id').all(),
  ws.db.prepare('SELECT id, revision, status FROM tariff_versions ORDER BY id').all(),
];

export function regressionKey(ws: Workspace, inputs: RegressionInputs): string {
  return createHash('sha256')
    .update(JSON.stringify([inputs.version, inputs.baseline, inputs.today, stampOf(ws), inputs.folders, inputs.unreadable, inputs.cases]))
    .digest('base64url');
}

export function createRegressionMemo<T>() {
  const answers = new Map<string, Promise<T>>();
  return {
    /** The answer kept for `key`, or `compute`'s (kept when it succeeds; a failure is not kept). */
    get(key: string, compute: () => Promise<T>): Promise<T> {
      const kept = answers.get(key);
      if (kept) {
        // Most recently used last.
        answers.delete(key);
        answers.set(key, kept);
        return kept;
      }
      const p = compute();
      answers.set(key, p);
      p.catch(() => answers.delete(key));
      while (answers.size > KEEP) answers.delete(answers.keys().next().value!);
      return p;
    },
    get size(): number {
      return answers.size;
    },
  };
}
