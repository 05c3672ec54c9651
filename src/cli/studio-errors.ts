import { StudioError } from '../tariff-model/studio-error.js';
import type { Io } from './main.js';

/** Runs a studio-backed command; a StudioError prints its code, message, issues and hint and exits 2. */
export async function withStudioErrors(io: Io, name: string, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    const sqlite = (e as { code?: unknown } | null)?.code;
    if (!(e instanceof StudioError) && e instanceof Error && e.name === 'SqliteError' && typeof sqlite === 'string') {
      io.err(`tariff ${name}: ${sqlite.startsWith('SQLITE_READONLY') ? 'WORKSPACE_READ_ONLY' : 'WORKSPACE_ERROR'}: ${e.message} (${sqlite})`);
      io.err(
        sqlite.startsWith('SQLITE_READONLY')
          ? 'The workspace cannot be written here: copy it to a folder you can write to, or ask for write access.'
          : 'Nothing was changed by this command. Check the workspace with tariff audit verify.',
      );
      return 2;
    }
    if (!(e instanceof StudioError)) throw e;
    io.err(`tariff ${name}: ${e.code}: ${e.message}`);
    for (const i of e.issues) io.err(`  ${i.severity}: ${i.message}`);
    if (e.hint) io.err(e.hint);
    return 2;
  }
}
