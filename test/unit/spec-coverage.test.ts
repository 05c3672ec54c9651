import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('docs/spec-coverage.md', () => {
  it('every sentence of the spec is pinned by a case file or a named test that exists', () => {
    // Exits 1, listing the sentences, when a case or a named test no longer pins one.
    const out = execFileSync(process.execPath, ['scripts/spec-coverage.mjs', '--check'], { encoding: 'utf8' });
    expect(out).toMatch(/^(\d+) of \1 sentences pinned$/m);
  });
});
