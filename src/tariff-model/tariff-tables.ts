import type { Course, ExistingContracts, InitialFeeGroup, MinimumPeriodRow, OptionPrice, SettlementPolicy, TariffOption, TariffVersion } from '../engine/tariff-types.js';
import type { CellValue } from './cell-value.js';
import type { ColumnDef } from './column-def.js';
import { courseColumns, existingContractColumns, initialFeeColumns, minimumPeriodColumns, optionColumns, policyColumns, PRICED_SERIES, TERMS } from './tariff-columns.js';
import type { TableId } from './table-id.js';

/** A row as the grid and the workbook hold it: one value per column key. */
export type FlatRow = Record<string, CellValue>;

/** Why a flat row cannot become a tariff item: the column to fix and what to do. */
export type RowProblem = { field: string; code: string; message: string };

/**
 * A table of a tariff version seen as a sheet: its columns, its key column (unique within the
 * table, used to match rows between versions), and the two-way mapping between the version's
 * items and flat rows. unflatten(flatten(x)) equals x for every item the schemas accept.
 */
export type TableDef = {
  id: TableId;
  /** The workbook sheet, and the tab label. */
  sheet: string;
  ja: string;
  en: string;
  keyField: string;
  columns: readonly ColumnDef[];
  /** The workbook may lack this sheet (it came later): the version then keeps what it had. */
  optionalSheet?: boolean;
  rows(v: TariffVersion): FlatRow[];
  withRows(v: TariffVersion, rows: FlatRow[]): { version: TariffVersion; problems: { index: number; problem: RowProblem }[] };
};

type Unflattened<T> = { item: T } | { problem: RowProblem };
type Mapper<T> = { flatten(item: T): FlatRow; unflatten(row: FlatRow): Unflattened<T> };

// A flat row may lack a column (a row built by hand); a missing cell reads as blank.
type Cell = CellValue | undefined;
const str = (v: Cell): string => (v === null || v === undefined ? '' : String(v));
const num = (v: Cell): number => Number(v);
const numOrNull = (v: Cell): number | null => (v === null || v === undefined ? null : Number(v));
const strOrNull = (v: Cell): string | null => (v === null || v === undefined ? null : String(v));
const list = (v: Cell): string[] | null => (v === null || v === undefined ? null : Array.isArray(v) ? [...(v as readonly string[])] : [String(v)]);

const courseMapper: Mapper<Course> = {
  flatten: (c) => ({ ...c }),
  unflatten: (r) => ({
    item: {
      code: str(r.code),
      name: str(r.name),
      series: str(r.series) as Course['series'],
      legacyKind: strOrNull(r.legacyKind) as Course['legacyKind'],
      model: strOrNull(r.model),
      sim: strOrNull(r.sim) as Course['sim'],
      cloudDays: numOrNull(r.cloudDays),
      termMonths: numOrNull(r.termMonths),
      family: str(r.family),
      monthlyFee: num(r.monthlyFee),
      initialFeeGroup: str(r.initialFeeGroup),
      settlementPolicy: str(r.settlementPolicy),
      minimumPeriodMonths: numOrNull(r.minimumPeriodMonths),
    },
  }),
};

const TERM_KEYS = TERMS.map((t) => `term${t}`);
const SERIES_KEYS = PRICED_SERIES.map((s) => `series${s}`);

const optionMapper: Mapper<TariffOption> = {
  flatten: (o) => {
    const row: FlatRow = {
      code: o.code,
      name: o.name,
      group: o.group,
      billing: o.billing,
      priceKind: o.price.kind,
      amount: o.price.kind === 'flat' ? o.price.amount : null,
      ...Object.fromEntries(TERMS.map((t) => [`term${t}`, o.price.kind === 'by-term' ? (o.price.amounts[String(t)] ?? null) : null])),
      ...Object.fromEntries(PRICED_SERIES.map((s) => [`series${s}`, o.price.kind === 'by-series' ? (o.price.amounts[s] ?? null) : null])),
      eligibleSeries: o.eligibility.series,
      eligibleSim: o.eligibility.sim,
      note: o.note ?? null,
    };
    if (o.price.kind !== 'flat') {
      const known = o.price.kind === 'by-term' ? TERMS.map(String) : [...PRICED_SERIES];
      const extra = Object.keys(o.price.amounts).filter((k) => !known.includes(k));
      if (extra.length) throw new Error(`option ${o.code}: price keys ${extra.join(', ')} have no column; the workbook knows ${known.join(', ')}`);
    }
    return row;
  },
  unflatten: (r) => {
    const kind = str(r.priceKind) as OptionPrice['kind'];
    const filled = (keys: string[]) => keys.filter((k) => r[k] !== null && r[k] !== undefined);
    const stray = (allowed: string[]) =>
      [...(r.amount !== null && r.amount !== undefined ? ['amount'] : []), ...filled(TERM_KEYS), ...filled(SERIES_KEYS)].filter((k) => !allowed.includes(k));
    let price: OptionPrice;
    if (kind === 'flat') {
      if (r.amount === null || r.amount === undefined)
        return { problem: { field: 'amount', code: 'OPTION_PRICE_MISSING', message: 'a flat price needs the price cell; fill it in' } };
      price = { kind, amount: num(r.amount) };
    } else {
      const keys = kind === 'by-term' ? TERM_KEYS : SERIES_KEYS;
      const present = filled(keys);
      if (!present.length) return { problem: { field: keys[0]!, code: 'OPTION_PRICE_MISSING', message: `a ${kind} price needs at least one of its price cells; fill them in` } };
      const amounts: Record<string, number> = {};
      for (const k of present) amounts[k.replace(/^term|^series/u, '')] = num(r[k]!);
      price = { kind, amounts } as OptionPrice;
    }
    const wrong = stray(kind === 'flat' ? ['amount'] : kind === 'by-term' ? TERM_KEYS : SERIES_KEYS);
    if (wrong.length) return { problem: { field: wrong[0]!, code: 'OPTION_PRICE_STRAY', message: `a ${kind} price does not use this cell; clear it or change the price kind` } };
    const o: TariffOption = {
      code: str(r.code),
      name: str(r.name),
      group: str(r.group),
      billing: str(r.billing) as TariffOption['billing'],
      price,
      eligibility: { series: list(r.eligibleSeries), sim: list(r.eligibleSim) },
    };
    if (r.note !== null && r.note !== undefined) o.note = str(r.note);
    return { item: o };
  },
};

const initialFeeMapper: Mapper<InitialFeeGroup> = {
  flatten: (g) => ({ ...g }),
  unflatten: (r) => ({ item: { group: str(r.group), amount: num(r.amount), printedOn: str(r.printedOn) } }),
};

const policyMapper: Mapper<SettlementPolicy> = {
  flatten: (p) => ({ id: p.id, kind: p.kind, months: p.months ?? null, clause: p.clause, text: p.text, note: p.note ?? null }),
  unflatten: (r) => {
    // Key order as the data files write it: id, kind, months, clause, text, note.
    const p = {
      id: str(r.id),
      kind: str(r.kind) as SettlementPolicy['kind'],
      ...(r.months !== null && r.months !== undefined ? { months: num(r.months) } : {}),
      clause: str(r.clause),
      text: str(r.text),
      ...(r.note !== null && r.note !== undefined ? { note: str(r.note) } : {}),
    } satisfies SettlementPolicy;
    return { item: p };
  },
};

const minimumPeriodMapper: Mapper<MinimumPeriodRow> = {
  flatten: (m) => ({ ...m }),
  unflatten: (r) => ({ item: { label: str(r.label), text: str(r.text) } }),
};

const table = <T, K extends keyof TariffVersion>(def: Omit<TableDef, 'rows' | 'withRows'>, prop: K, mapper: Mapper<T>): TableDef => ({
  ...def,
  rows: (v) => (v[prop] as unknown as T[]).map(mapper.flatten),
  withRows: (v, rows) => {
    const problems: { index: number; problem: RowProblem }[] = [];
    const items: T[] = [];
    rows.forEach((r, index) => {
      const u = mapper.unflatten(r);
      if ('problem' in u) problems.push({ index, problem: u.problem });
      else items.push(u.item);
    });
    return { version: problems.length ? v : { ...v, [prop]: items }, problems };
  },
});

/**
 * ExistingContracts (grandfathering) as a table of at most one row: none is the default
 * (new-price, as before the field existed); one row says the policy and the clause that says so.
 */
const existingContractsTable: TableDef = {
  id: 'existingContracts',
  sheet: '附則 既存契約',
  ja: '既存契約',
  en: 'Existing contracts',
  keyField: 'policy',
  columns: existingContractColumns,
  optionalSheet: true,
  rows: (v) => (v.existingContracts ? [{ policy: v.existingContracts.policy, clause: v.existingContracts.clause }] : []),
  withRows: (v, rows) => {
    if (rows.length > 1)
      return {
        version: v,
        problems: rows.slice(1).map((_, i) => ({
          index: i + 1,
          problem: { field: 'policy', code: 'ONE_ROW_ONLY', message: 'a tariff version states one policy for existing contracts: keep one row and delete the others' },
        })),
      };
    const { existingContracts: _old, ...rest } = v;
    const r = rows[0];
    if (!r) return { version: rest, problems: [] };
    const existingContracts: ExistingContracts = { policy: str(r.policy) as ExistingContracts['policy'], clause: str(r.clause) };
    return { version: { ...rest, existingContracts }, problems: [] };
  },
};

export const TABLES: Record<TableId, TableDef> = {
  courses: table({ id: 'courses', sheet: '表1 コース', ja: 'コース', en: 'Courses', keyField: 'code', columns: courseColumns }, 'courses', courseMapper),
  options: table({ id: 'options', sheet: '表3 オプション', ja: 'オプション', en: 'Options', keyField: 'code', columns: optionColumns }, 'options', optionMapper),
  initialFees: table(
    { id: 'initialFees', sheet: '表1 初期費', ja: '初期費', en: 'Initial fees', keyField: 'group', columns: initialFeeColumns },
    'initialFeeGroups',
    initialFeeMapper,
  ),
  policies: table({ id: 'policies', sheet: '表2 解約清算金', ja: '解約清算金', en: 'Settlement', keyField: 'id', columns: policyColumns }, 'policies', policyMapper),
  minimumPeriods: table(
    { id: 'minimumPeriods', sheet: '別紙6 最低利用期間', ja: '最低利用期間', en: 'Minimum periods', keyField: 'label', columns: minimumPeriodColumns },
    'minimumPeriods',
    minimumPeriodMapper,
  ),
  existingContracts: existingContractsTable,
};

export const columnOf = (t: TableId, key: string): ColumnDef | undefined => TABLES[t].columns.find((c) => c.key === key);
