/** The shape of a tariff version (tariffs/<date>/*.json). Schemas in tariff-schema.ts check it. */
export type Series = 'legacy' | 'M5525' | 'M2035';
export type LegacyKind = 'short' | 'long' | 'short-mount' | 'long-mount' | 'plus-short' | 'plus-long';
export type Sim = 'SN' | 'S18';

export type Course = {
  code: string;
  /** The Japanese name exactly as 別紙3表1 prints it. */
  name: string;
  series: Series;
  legacyKind: LegacyKind | null;
  model: string | null;
  sim: Sim | null;
  cloudDays: number | null;
  termMonths: number | null;
  /** 別紙3表2 (注): courses that differ only in the course (term) part share a family. */
  family: string;
  monthlyFee: number;
  initialFeeGroup: string;
  settlementPolicy: string;
  minimumPeriodMonths: number | null;
};

export type InitialFeeGroup = { group: string; amount: number; printedOn: string };

export type OptionPrice = { kind: 'flat'; amount: number } | { kind: 'by-term'; amounts: Record<string, number> } | { kind: 'by-series'; amounts: Record<string, number> };

export type TariffOption = {
  code: string;
  name: string;
  group: string;
  billing: 'monthly' | 'first-month';
  price: OptionPrice;
  eligibility: { series: string[] | null; sim: string[] | null };
  note?: string;
};

export type SettlementPolicy = {
  id: string;
  kind: 'none' | 'remaining-of-months' | 'longest-satisfied-same-family';
  months?: number;
  clause: string;
  text: string;
  note?: string;
};

export type MinimumPeriodRow = { label: string; text: string };

/**
 * How a version applies to contracts started before it takes effect (the clause or 附則 that says
 * so): `new-price` (the default) bills them at this version's prices; `keep-price` bills them at
 * the prices in force on their start date.
 */
export type ExistingContracts = { policy: 'new-price' | 'keep-price'; clause: string };

export type TariffVersion = {
  effective: string;
  existingContracts?: ExistingContracts;
  status: 'draft' | 'approved';
  courses: Course[];
  initialFeeGroups: InitialFeeGroup[];
  options: TariffOption[];
  policies: SettlementPolicy[];
  minimumPeriods: MinimumPeriodRow[];
};
