import { StudioError } from '../tariff-model/studio-error.js';
import type { Io } from './main.js';

/** Runs a studio-backed command; a StudioError prints its code, message, issues and hint and exits 2. */
export async function withStudioErrors(io: Io, name: string, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof StudioError)) throw e;
    io.err(`tariff ${name}: ${e.code}: ${e.message}`);
    for (const i of e.issues) io.err(`  ${i.severity}: ${i.message}`);
    if (e.hint) io.err(e.hint);
    return 2;
  }
}
