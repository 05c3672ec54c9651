import { describe, expect, it } from 'vitest';
import { scenarioFileName } from '../../src/studio/scenarios/scenario-export.js';

describe('the exported workbook’s file name', () => {
  it('keeps the sign and percent of a change and the whole of a number, so the name reads as the scenario does', () => {
    expect(scenarioFileName(1, 'SHORT 月額 +10%（1,000 契約）')).toBe('scenario-1-SHORT-月額-+10%-1000-契約.xlsx');
    // A cut stays a cut (it read "500円", a rise), with the minus sign of the name or an ASCII hyphen.
    expect(scenarioFileName(2, 'M2035 3年 −500円')).toBe('scenario-2-M2035-3年-−500円.xlsx');
    expect(scenarioFileName(3, 'M2035 3年 -500円')).toBe('scenario-3-M2035-3年-−500円.xlsx');
    // A hyphen inside a code is a separator still.
    expect(scenarioFileName(4, 'M2035N-3Y-C7-SN 据え置き')).toBe('scenario-4-M2035N-3Y-C7-SN-据え置き.xlsx');
    expect(scenarioFileName(5, '1,234,567円')).toBe('scenario-5-1234567円.xlsx');
    expect(scenarioFileName(6, '  ')).toBe('scenario-6.xlsx');
    expect(scenarioFileName(7, 'a/b\\c:d*e?f"g<h>i|j')).toBe('scenario-7-a-b-c-d-e-f-g-h-i-j.xlsx');
  });
});
