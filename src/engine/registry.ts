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
    return memo(this.rulesByDate, asOf, () =>
      inForce(
        this.ruleVersions.filter((v) => v.status === 'approved' || v.status === 'superseded'),
        asOf,
      ),
    );
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
      // Existing contracts under keep-price: the version in force on their start date.
      idx.earlier = (startDate) => {
        const v = this.tariffInForce(startDate);
        return v ? this.index(v) : undefined;
      };
      this.tariffIndexes.set(t, idx);
    }
    return idx;
  }

  firstEffective(): string | undefined {
    const dates = [...this.ruleVersions, ...this.tariffVersions].filter((v) => v.status !== 'draft').map((v) => v.effective);
    return dates.sort()[0];
  }
}

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
