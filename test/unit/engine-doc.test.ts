import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/options.js';
import { DECISIONS } from '../../src/engine/rule-types.js';

/** docs/engine.md stays true to the engine: one section per decision, the interpretations table = interpretations.json. */
const doc = readFileSync(join(PROJECT_ROOT, 'docs', 'engine.md'), 'utf8');
type Interp = { name: string; default: string; alternatives: { value: string }[]; clauses: string[] };
const file = JSON.parse(readFileSync(join(PROJECT_ROOT, 'rules', '2023-09-19', 'interpretations.json'), 'utf8')) as { interpretations: Interp[] };

describe('docs/engine.md', () => {
  it('has one section per decision, in the order of DECISIONS', () => {
    const sections = [...doc.matchAll(/^### (\w+) \(/gmu)].map((m) => m[1]);
    expect(sections).toEqual([...DECISIONS]);
  });

  it('lists every named interpretation with the default, alternatives and clauses of interpretations.json', () => {
    const table = doc.slice(doc.indexOf('## Named interpretations'));
    const rows = [...table.matchAll(/^\| `(\w+)` +\| `([^`]+)` +\| (.+?) *\| (.+?) *\|$/gmu)].map((m) => ({
      name: m[1],
      default: m[2],
      alternatives: m[3] === '(none)' ? [] : [...m[3]!.matchAll(/`([^`]+)`/gu)].map((a) => a[1]),
      clauses: m[4]!.split(', '),
    }));
    expect(rows).toEqual(file.interpretations.map((i) => ({ name: i.name, default: i.default, alternatives: i.alternatives.map((a) => a.value), clauses: i.clauses })));
  });
});
