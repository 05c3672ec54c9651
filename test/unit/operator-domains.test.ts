import { describe, expect, it } from 'vitest';
import { compileSchema } from '../../src/engine/ajv.js';
import { OPERATOR_TABLE, OPERATORS, operatorsWithDomain } from '../../src/engine/operators.js';
import { conditionDefs } from '../../src/engine/schemas.js';

/** The operator table's value domains are what the rule schema checks (one list, not two). */
const leaf = compileSchema({ $defs: conditionDefs, $ref: '#/$defs/leaf' });

describe('operator value domains come from the one operator table', () => {
  it('every operator has a domain', () => {
    for (const op of OPERATORS) {
      expect(['value', 'list', 'item', 'number']).toContain(OPERATOR_TABLE[op].domain);
    }
    expect(operatorsWithDomain('list')).toEqual(['in', 'notIn']);
  });

  it.each(OPERATORS)('the rule schema wants a list after %s exactly when its domain is list', (operator) => {
    const list = OPERATOR_TABLE[operator].domain === 'list';
    expect(leaf({ fact: 'x', operator, value: ['a'] })).toBe(true);
    expect(leaf({ fact: 'x', operator, value: { fact: 'y' } })).toBe(true);
    expect(leaf({ fact: 'x', operator, value: 1 })).toBe(!list);
  });
});
