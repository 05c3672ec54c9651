import { randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DataLoadError } from '../engine/errors.js';
import { fileProblem } from '../io/file-problem.js';

/**
 * The files of one run's output, each written to a hidden sibling (`.NAME.PID.RANDOM.partial`,
 * same folder, so the rename cannot cross a file system) and renamed over its destination only
 * when the whole output is written: an existing file stays as it was until then, and a run that
 * fails or is interrupted leaves nothing behind (`discard`, synchronous so that a signal handler
 * can call it). Each sibling is created when staged, before the run, so a missing folder, a folder
 * that cannot be written or a destination that is a folder is refused up front
 * (DataLoadError OUTPUT_WRITE, exit 2), not after an hour of simulation.
 */
export class StagedFiles {
  private readonly staged: { temp: string; final: string }[] = [];
  private readonly scratches: string[] = [];

  /** Creates the hidden sibling of `final` and returns its path; throws OUTPUT_WRITE when it cannot. */
  stage(final: string): string {
    const isDirectory = ((): boolean => {
      try {
        return statSync(final).isDirectory();
      } catch {
        return false;
      }
    })();
    if (isDirectory) throw outputError(final, 'it is a folder; give a file name ending in .xlsx, .json or .csv');
    const temp = join(dirname(final), `.${basename(final)}.${process.pid}.${randomBytes(4).toString('hex')}.partial`);
    try {
      closeSync(openSync(temp, 'wx'));
    } catch (e) {
      const why = fileProblem(e, { use: 'write', file: final, flag: '--out' });
      this.discard();
      throw outputError(final, why);
    }
    this.staged.push({ temp, final });
    return temp;
  }

  /** A scratch file beside `final` (same hidden naming), removed by commit and by discard; never renamed. */
  scratch(final: string, suffix: string): string {
    const temp = join(dirname(final), `.${basename(final)}.${process.pid}.${randomBytes(4).toString('hex')}.${suffix}.partial`);
    closeSync(openSync(temp, 'wx'));
    this.scratches.push(temp);
    return temp;
  }

  /** Renames every staged file over its destination (each rename is atomic) and removes the scratch files. */
  commit(): void {
    for (const t of this.scratches.splice(0)) rmSync(t, { force: true });
    try {
      for (const s of this.staged.splice(0)) renameSync(s.temp, s.final);
    } catch (e) {
      this.discard();
      throw e;
    }
  }

  /** Removes every staged file; the destinations are untouched. */
  discard(): void {
    for (const s of this.staged.splice(0)) rmSync(s.temp, { force: true });
    for (const t of this.scratches.splice(0)) rmSync(t, { force: true });
  }
}

export const outputError = (file: string, why: string): DataLoadError =>
  new DataLoadError('OUTPUT_WRITE', [{ file, pointer: '', message: `cannot write the output: ${why}`, code: 'OUTPUT_WRITE' }]);
