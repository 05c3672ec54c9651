import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorLocation } from '../../src/io/json-file.js';
import { jsonErrorOffset } from '../../src/io/json-locate.js';

const locate = (t: string): string => {
  try {
    JSON.parse(t);
  } catch (e) {
    return jsonErrorLocation(t, e);
  }
  return 'valid';
};

describe('JSON syntax error positions', () => {
  it('finds positions V8 does not report', () => {
    expect(locate('not json')).toBe('line 1, column 2');
    expect(locate('{"name": "x", "decision": }')).toBe('line 1, column 27');
    expect(locate('[\n  {"a": 1},\n  {\'b\': 2}\n]')).toBe('line 3, column 4');
    expect(locate('{"a": tru}')).toBe('line 1, column 10');
  });
  it('agrees with JSON.parse on which texts are valid', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc.string(),
          fc.json().map((j) => j.slice(0, -1)),
        ),
        (t) => {
          let valid = true;
          try {
            JSON.parse(t);
          } catch {
            valid = false;
          }
          expect(jsonErrorOffset(t) === undefined).toBe(valid);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
