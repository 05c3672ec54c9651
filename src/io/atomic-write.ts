import { renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Writes `data` to `file` through a side file (FILE.writing-PID) renamed into place: a reader never
 * sees half a file, and a failed write leaves the file as it was and no side file behind. What the
 * file system refuses is thrown as it is; `fileProblem` (file-problem.ts) names FILE, not the side file.
 */
export function writeFileAtomically(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.writing-${process.pid}`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
