import type { Course, TariffVersion } from '../engine/tariff-types.js';
import type { CourseResolver } from '../engine/course-resolver.js';
import type { Elasticities, Scenario } from './scenario-types.js';

/**
 * Customers' response to the proposal's prices (docs/scenarios.md § Price response). Only the
 * proposal responds; its prices are compared course by course (by code) with the baseline's.
 *
 * - Cancellation: a live contract's monthly hazard on the proposal side is
 *   hazard × (proposal fee ÷ baseline fee)^elasticity of its current course (capped at 1).
 * - Course choice of contracts started in the horizon: a multinomial logit over the courses of
 *   the mix, utility ln(share) + elasticity × ln(proposal fee ÷ baseline fee), so the chosen
 *   shares are share × ratio^elasticity, normalised. With every ratio 1 they are the mix.
 *
 * Coupling: each question keeps its one uniform draw (rng.ts), compared with the baseline's
 * hazard on one side and the proposal's on the other, and the course is picked from the same
 * uniform by the inverse of each side's cumulative shares in the same course order. So a contract
 * that cancels in the baseline and not in the proposal (or picks another course) does so only
 * because its draw falls between the two sides' probabilities: the response, never noise. A
 * course new in the proposal (not in the baseline's tariff) has ratio 1.
 */
export type PriceResponse = {
  /** The cancellation hazard's factor by course, absent without a cancellation response. */
  hazardFactor?: Map<Course, number>;
  /** Choice weights of the mix's entries for contracts started in the horizon, absent without a choice response. */
  choiceWeights?: number[];
};

export const elasticityOf = (e: Elasticities, course: Course, resolver: CourseResolver): number => {
  for (const x of e.byCourse ?? []) if (resolver.resolve(x.course)?.code === course.code) return x.elasticity;
  return e.bySeries?.[course.series] ?? e.elasticity ?? 0;
};

export function priceResponse(s: Scenario, baseline: TariffVersion, proposal: { courses: readonly Course[]; resolver: CourseResolver }, mix: readonly Course[]): PriceResponse {
  const r = s.response;
  if (!r) return {};
  const base = new Map(baseline.courses.map((c) => [c.code, c.monthlyFee]));
  const ratio = (c: Course): number => {
    const b = base.get(c.code);
    return b === undefined || b <= 0 ? 1 : c.monthlyFee / b;
  };
  const out: PriceResponse = {};
  if (r.cancellation) {
    const e = r.cancellation;
    out.hazardFactor = new Map(proposal.courses.map((c) => [c, ratio(c) ** elasticityOf(e, c, proposal.resolver)]));
  }
  if (r.choice) {
    const e = r.choice;
    out.choiceWeights = mix.map((c, i) => s.fleet.courseMix[i]!.share * ratio(c) ** elasticityOf(e, c, proposal.resolver));
  }
  return out;
}
