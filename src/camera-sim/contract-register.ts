/** One contract of the contract register (docs/scenarios.md § Audit): what happened to it, with dates. */
export type RegisterRow = {
  side: 'baseline' | 'proposal';
  contract: number;
  startDate: string;
  freeMonths: number;
  /** Each course with the first day it was billed on it. */
  courses: { course: string; from: string }[];
  /** Each option with the month (YYYY-MM) it was taken; an option a new course cannot take ends with `until`. */
  options: { option: string; month: string; until?: string }[];
  endDate: string | null;
  endedBy: 'cancellation' | 'termination' | null;
};

/** The register as flat rows (CSV, the workbook's Contracts sheet): histories as "code@date" lists. */
export const REGISTER_COLUMNS = ['side', 'contract', 'startDate', 'freeMonths', 'courses', 'options', 'endDate', 'endedBy'] as const;

export const registerCells = (r: RegisterRow): (string | number)[] => [
  r.side,
  r.contract,
  r.startDate,
  r.freeMonths,
  r.courses.map((c) => `${c.course}@${c.from}`).join(' → '),
  r.options.map((o) => `${o.option}@${o.month}${o.until ? `..${o.until}` : ''}`).join('; '),
  r.endDate ?? '',
  r.endedBy ?? '',
];
