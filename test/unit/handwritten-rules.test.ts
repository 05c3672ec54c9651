import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HANDWRITTEN } from '../../bench/handwritten-rules.js';
import { compileRuleFile } from '../../src/engine/evaluators.js';
import { DECISIONS } from '../../src/engine/rule-types.js';
import { loadRegistry } from '../../src/io/folder-store.js';
import { factDomain, sampleFacts } from '../camera-sim/rule-fact-domain.js';
import { PROJECT_ROOT } from '../../src/cli/options.js';

/**
 * `npm run bench` times the rules written by hand against the compiled ones and refuses to run
 * when they disagree; this keeps the hand-written copy in step with rules/ (a rule added to a
 * file without its hand-written line fails here, not in the middle of a bench run).
 */
const rules = loadRegistry(join(PROJECT_ROOT, 'rules'), join(PROJECT_ROOT, 'tariffs')).ruleVersions[0]!;

describe('the bench’s hand-written rules fire what the compiled rules fire', () => {
  it.each([...DECISIONS])('%s', (name) => {
    const file = rules.decisions[name];
    const compiled = compileRuleFile(file);
    const hand = HANDWRITTEN[name];
    const disagree = sampleFacts(factDomain(file), 2_000, 42).filter((f) => compiled(f).join() !== hand(f).join());
    expect(disagree.slice(0, 3)).toEqual([]);
  });
});
