/** The tables of a tariff version, in the order the studio and the workbook show them. */
export const TABLE_IDS = ['courses', 'options', 'initialFees', 'policies', 'minimumPeriods', 'existingContracts'] as const;
export type TableId = (typeof TABLE_IDS)[number];
