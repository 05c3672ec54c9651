import type { RuleVersion } from './rule-types.js';
import { TariffIndex } from './tariff-index.js';
import type { TariffVersion } from './tariff-types.js';

/**
 * The effective-dated versions of rules and tariffs the engine answers from. A case uses the
 * version in force on its asOf: the latest version whose effective date is on or before it.
 * Drafts are used only when asked for (a studio preview), never by date.
 */
export class Registry {
  private readonly tariffIndexes = new Map<TariffVersion, TariffIndex>();
  readonly ruleVersions: RuleVersion[];
  readonly tariffVersions: TariffVersion[];
  /** The versions answering by date, found once per asOf (a few thousand dates at most are kept). */
  private readonly rulesByDate = new Map<string, RuleVersion | undefined>();
  private readonly tariffsByDate = new Map<string, TariffVersion | undefined>();

  constructor(ruleVersions: RuleVersion[], tariffVersions: TariffVersion[]) {
    this.ruleVersions = [...ruleVersions].sort((a, b) => a.effective.localeCompare(b.effective));
    this.tariffVersions = [...tariffVersions].sort((a, b) => a.effective.localeCompare(b.effective));
  }

  rulesInForce(asOf: string): RuleVersion | undefined {
    return memo(this.rulesByDate, asOf, () => inForce(this.ruleVersions.filter(answersByDate), asOf));
  }

  tariffInForce(asOf: string): TariffVersion | undefined {
    return memo(this.tariffsByDate, asOf, () =>
      inForce(
        this.tariffVersions.filter((v) => v.status === 'approved'),
        asOf,
      ),
    );
  }

  index(t: TariffVersion): TariffIndex {
    let idx = this.tariffIndexes.get(t);
    if (!idx) {
      idx = new TariffIndex(t);
      // Existing contracts under keep-price: the version in force on their start date. A contract
      // started before the first version loaded (2020, under the 2023-09-19 terms) is an existing
      // contract too: it keeps the earliest prices known, never the new ones it would otherwise pay.
      idx.earlier = (startDate) => {
        const v = this.tariffInForce(startDate) ?? this.firstTariffInForce();
        return v && v.effective < t.effective ? this.index(v) : undefined;
      };
      this.tariffIndexes.set(t, idx);
    }
    return idx;
  }

  /**
   * The first date a version is in force: of the rules, of the tariffs, or (no kind) of both at
   * once, the first asOf a case can be answered on. Drafts and versions in review are never in
   * force by date, so they never name it (a version in review dated 2020 said "the first takes
   * effect on 2020-…" of an asOf it then refused).
   */
  firstEffective(kind?: 'rules' | 'tariffs'): string | undefined {
    const rules = this.ruleVersions.find(answersByDate)?.effective;
    const tariffs = this.firstTariffInForce()?.effective;
    if (kind === 'rules') return rules;
    if (kind === 'tariffs') return tariffs;
    return rules === undefined || tariffs === undefined ? undefined : rules > tariffs ? rules : tariffs;
  }

  private firstTariffInForce(): TariffVersion | undefined {
    return this.tariffVersions.find((v) => v.status === 'approved');
  }
}

/** A rule version answers by date once approved (and still for its own days once superseded). */
const answersByDate = (v: RuleVersion): boolean => v.status === 'approved' || v.status === 'superseded';

const memo = <T>(cache: Map<string, T | undefined>, key: string, find: () => T | undefined): T | undefined => {
  if (cache.has(key)) return cache.get(key);
  const found = find();
  if (cache.size >= 4096) cache.clear();
  cache.set(key, found);
  return found;
};

const inForce = <T extends { effective: string }>(versions: T[], asOf: string): T | undefined => {
  let found: T | undefined;
  for (const v of versions) if (v.effective <= asOf) found = v;
  return found;
};
