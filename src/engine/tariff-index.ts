import { CourseResolver } from './course-resolver.js';
import type { Course, InitialFeeGroup, SettlementPolicy, TariffOption, TariffVersion } from './tariff-types.js';

/** Look-ups over one tariff version, built once per version. */
export class TariffIndex {
  readonly resolver: CourseResolver;
  readonly byCode = new Map<string, Course>();
  readonly policies = new Map<string, SettlementPolicy>();
  readonly groups = new Map<string, InitialFeeGroup>();
  readonly options = new Map<string, TariffOption>();
  /** 別紙3表2 (注): courses of one family, shortest term first. */
  readonly families = new Map<string, Course[]>();

  constructor(readonly version: TariffVersion) {
    this.resolver = new CourseResolver(version.courses);
    for (const c of version.courses) {
      this.byCode.set(c.code, c);
      const fam = this.families.get(c.family) ?? [];
      fam.push(c);
      this.families.set(c.family, fam);
    }
    for (const fam of this.families.values()) fam.sort((a, b) => (a.termMonths ?? 0) - (b.termMonths ?? 0));
    for (const p of version.policies) this.policies.set(p.id, p);
    for (const g of version.initialFeeGroups) this.groups.set(g.group, g);
    for (const o of version.options) this.options.set(o.code, o);
  }

  /**
   * The version whose prices an existing contract pays (ExistingContracts): set by the registry (the
   * version in force on a start date) or by the simulator (a proposal's baseline).
   */
  earlier?: (startDate: string) => TariffIndex | undefined;
  /** Contracts started before this date are existing contracts (default: the version's effective date). */
  keepFrom?: string;

  /** The prices a contract started on startDate pays: this version's, or under keep-price those in force on its start date. */
  priceIndexFor(startDate: string): TariffIndex {
    if (this.version.existingContracts?.policy !== 'keep-price' || startDate >= (this.keepFrom ?? this.version.effective)) return this;
    const e = this.earlier?.(startDate);
    return e && e !== this ? e : this;
  }

  /** The monthly fee a contract started on startDate pays for `course` (別紙3表1, with ExistingContracts). */
  courseFee(course: Course, startDate: string): number {
    const idx = this.priceIndexFor(startDate);
    return idx === this ? course.monthlyFee : (idx.byCode.get(course.code)?.monthlyFee ?? course.monthlyFee);
  }

  /** The option price such a contract pays (別紙3表3, with ExistingContracts). */
  optionPriceFor(course: Course, option: TariffOption, startDate: string): number | undefined {
    const idx = this.priceIndexFor(startDate);
    if (idx === this) return this.optionPrice(course, option);
    const c = idx.byCode.get(course.code);
    const o = idx.options.get(option.code);
    return c && o ? idx.optionPrice(c, o) : this.optionPrice(course, option);
  }

  /** The longest course of `course`'s family whose term `monthsUsed` satisfies (別紙3表2). */
  longestSatisfied(course: Course, monthsUsed: number): Course | undefined {
    const fam = this.families.get(course.family) ?? [];
    let best: Course | undefined;
    for (const c of fam) if (c.termMonths !== null && c.termMonths <= monthsUsed) best = c;
    return best;
  }

  /** Why `course` may not take `option`, or undefined when it may. */
  optionRefusal(course: Course, option: TariffOption): string | undefined {
    const { series, sim } = option.eligibility;
    if (series && !series.includes(course.series)) return `${option.name} is offered only with ${series.join('/')} courses; ${course.name} is not one`;
    if (sim && (course.sim === null || !sim.includes(course.sim))) return `${option.name} is offered only with ${sim.join('/')} SIM courses; ${course.name} is not one`;
    return undefined;
  }

  optionPrice(course: Course, option: TariffOption): number | undefined {
    const p = option.price;
    if (p.kind === 'flat') return p.amount;
    if (p.kind === 'by-term') return course.termMonths === null ? undefined : p.amounts[String(course.termMonths)];
    return p.amounts[course.series];
  }
}
