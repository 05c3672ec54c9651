import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/studio/workspace/open-workspace.js';
import { closeWorkspace } from '../../src/studio/workspace/workspace.js';
import type { StudioError } from '../../src/tariff-model/studio-error.js';
import { scratch, SEED } from './helpers.js';

/** `tariff users …` beside a running team server is refused (one writer), and told where the same change is made: the admin's Users page. */
describe('tariff users beside a running team server', () => {
  const refusal = (holder: string, purpose: string): StudioError => {
    const file = join(scratch('users-lock-'), 'ws.sqlite');
    const a = openWorkspace(file, { seed: SEED, lock: holder });
    try {
      openWorkspace(file, { lock: purpose });
    } catch (e) {
      return e as StudioError;
    } finally {
      closeWorkspace(a.ws);
    }
    throw new Error('the second writer was not refused');
  };

  it('names the Users page of the server as the place to do it', () => {
    const e = refusal('the team server (tariff studio --serve)', 'tariff users disable');
    expect(e.code).toBe('WORKSPACE_LOCKED');
    expect(e.hint).toBe(
      'Sign in to the team server as an admin and do it on its Users page (ユーザー), or stop the server first. To read it meanwhile, use tariff workspace backup.',
    );
  });

  it('keeps the other hints: a desktop studio holding it, or another command', () => {
    expect(refusal('the desktop studio', 'tariff users disable').hint).toContain('Close that studio first');
    expect(refusal('the team server (tariff studio --serve)', 'the desktop studio').hint).toContain('Close that studio first');
  });
});
