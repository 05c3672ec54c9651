import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseInput } from '../src/engine/output-types.js';
import { listCaseFiles, readCaseFile } from '../src/io/case-files.js';
import { encodePost, type EncodedRequest } from './http-load.js';

/** The fixed mix of bench:serve: every case of test/cases that answers (not `invalid`), as a request body by decision. */
export const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');

export function benchCases(): { decision: string; body: Omit<CaseInput, 'decision' | 'expect'> }[] {
  return listCaseFiles([join(ROOT, 'test', 'cases')])
    .map(readCaseFile)
    .flatMap((f) => f.cases)
    .filter((c) => typeof c.decision === 'string' && c.asOf !== undefined && (c.expect as { outcome?: string } | undefined)?.outcome !== 'invalid')
    .map(({ expect: _e, decision, ...body }) => ({ decision: decision!, body }));
}

/** Cases a batch of bench:serve holds. */
export const BATCH = 1000;

/**
 * The mix as bench:serve sends it: each case as a single request, and per decision one batch of
 * BATCH cases (that decision's cases of the mix, repeated), as JSON text and as encoded requests.
 */
export function benchRequests(cases: ReturnType<typeof benchCases> = benchCases()): {
  singles: EncodedRequest[];
  batchTexts: { decision: string; text: string }[];
  batches: EncodedRequest[];
} {
  const singles = cases.map((c) => encodePost(`/v1/decisions/${c.decision}`, JSON.stringify(c.body)));
  const byDecision = new Map<string, object[]>();
  for (const c of cases) byDecision.set(c.decision, [...(byDecision.get(c.decision) ?? []), c.body]);
  const batchTexts = [...byDecision].map(([decision, bodies]) => ({
    decision,
    text: JSON.stringify({ cases: Array.from({ length: BATCH }, (_x, i) => bodies[i % bodies.length]) }),
  }));
  const batches = batchTexts.map((b) => encodePost(`/v1/decisions/${b.decision}/batch`, b.text));
  return { singles, batchTexts, batches };
}

/** A service of the bench in a child process (node ARGS, from the repo), once `ready` finds its port in a line it printed; its output is then drained. */
export const startChild = (args: string[], ready: (line: string) => number | undefined): Promise<{ child: ChildProcess; port: number }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let buf = '';
    const onData = (d: Buffer): void => {
      buf += d.toString('utf8');
      for (const line of buf.split('\n').slice(0, -1)) {
        const port = ready(line);
        if (port) {
          child.stdout!.off('data', onData);
          child.stdout!.resume();
          resolve({ child, port });
          return;
        }
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });

/** Stops a child of startChild with SIGTERM and waits for it to exit. */
export const stopChild = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
