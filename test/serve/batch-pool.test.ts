import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DECISIONS } from '../../src/engine/rule-types.js';
import { listCaseFiles, readCaseFile } from '../../src/io/case-files.js';
import { loadReleaseFile } from '../../src/io/release-file.js';
import { answerBatch, type BatchJob } from '../../src/serve/batch-answer.js';
import { BatchPool } from '../../src/serve/batch-pool.js';
import { HttpError } from '../../src/serve/request-cases.js';
import { folderRelease, scratch, writeRelease } from './helpers.js';

/** The decision service's batch threads (batch-pool.ts): the same bytes as the request thread, the same refusals, and a fallback when they cannot answer. */
describe('batch threads', () => {
  const dir = scratch();
  const file = writeRelease(dir, 'r.json', folderRelease());
  const release = loadReleaseFile(file);
  let pool: BatchPool;
  let fileFor: string | undefined = file;
  beforeAll(() => {
    pool = new BatchPool(2, () => fileFor);
  });
  afterAll(() => pool.close());

  const cases = listCaseFiles(['test/cases'])
    .map(readCaseFile)
    .flatMap((f) => f.cases)
    .filter((c) => typeof c.decision === 'string' && (DECISIONS as readonly string[]).includes(c.decision));
  const jobOf = (decision: string, list: unknown[]): BatchJob => ({ decision, text: JSON.stringify({ cases: list }), maxBatch: 1000, today: '2025-01-01' });

  it('answers every decision of test/cases byte for byte as the request thread does, several batches at once', async () => {
    const byDecision = new Map<string, unknown[]>();
    for (const { decision, expect: _e, ...c } of cases) byDecision.set(decision!, [...(byDecision.get(decision!) ?? []), c]);
    expect(byDecision.size).toBe(DECISIONS.length);
    await pool.warm(release);
    const jobs = [...byDecision].map(([d, list]) => jobOf(d, list));
    const threaded = await Promise.all(jobs.map((j) => pool.run(release, j)));
    jobs.forEach((j, i) => {
      const here = answerBatch(release, j);
      const there = threaded[i];
      expect(there, j.decision).toBeDefined();
      expect(Buffer.from(there!.bytes).toString('utf8'), j.decision).toBe(Buffer.from(here.bytes).toString('utf8'));
      expect([there!.cases, there!.invalid]).toEqual([here.cases, here.invalid]);
    });
  });

  it('refuses a body that is not a batch with the request thread’s error', async () => {
    const bad: BatchJob[] = [
      { ...jobOf('approval', []), text: '{"cases": [1,' },
      { ...jobOf('approval', []), text: '{"case": []}' },
      { ...jobOf('approval', [{}, {}]), maxBatch: 1 },
      jobOf('approval', [{ decision: 'settlement', facts: {} }]),
    ];
    for (const job of bad) {
      let here: unknown;
      try {
        answerBatch(release, job);
      } catch (e) {
        here = e;
      }
      expect(here).toBeInstanceOf(HttpError);
      const there = await pool.run(release, job).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(there).toBeInstanceOf(HttpError);
      const [a, b] = [here as HttpError, there as HttpError];
      expect([b.status, b.code, b.message]).toEqual([a.status, a.code, a.message]);
    }
  });

  it('leaves the batch to the request thread when it has no file for the release, or the file now holds another', async () => {
    fileFor = undefined;
    expect(await pool.run(release, jobOf('approval', []))).toBeUndefined();
    fileFor = writeRelease(dir, 'other.json', folderRelease('2026-02-01T00:00:00.000Z'));
    const stale = { ...release, id: 'r-0000000000000000' };
    expect(await pool.run(stale, jobOf('approval', []))).toBeUndefined();
    fileFor = file;
    expect(await pool.run(release, jobOf('approval', []))).toMatchObject({ cases: 0, invalid: 0 });
  });
});
