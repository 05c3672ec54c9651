/**
 * Counter-based random draws: every draw is a hash of (seed, contract, month, purpose), not the
 * next number of a stream. So the baseline and the proposal see the same draw for the same
 * question ("does contract 17 have an outage in 2026-03?") however differently they went before,
 * and a contract's draws do not depend on which worker simulates it or in what order.
 */
export const PURPOSE = {
  course: 1,
  start: 2,
  freeMonths: 3,
  newCourseUptake: 4,
  cancel: 10,
  cancelDay: 11,
  cancelLead: 12,
  outage: 20,
  outageTime: 21,
  outageBucket: 22,
  outageDuration: 23,
  outageCause: 24,
  outageCamera: 25,
  outageCloud: 26,
  late: 30,
  lateBucket: 31,
  lateDays: 32,
  neverPays: 33,
  change: 40,
  changeRequest: 41,
  suspendOther: 50,
  suspendGround: 51,
  remedy: 52,
  insolvency: 60,
  insolvencyKind: 61,
  insolvencyDay: 62,
  returnLate: 70,
  returnAnnounced: 71,
  returnBucket: 72,
  returnDays: 73,
  equipmentLoss: 80,
  equipmentDamage: 81,
  equipmentFault: 82,
  equipmentCost: 83,
  equipmentExcessive: 84,
  damagesClaim: 90,
  damagesCompany: 91,
  damagesKind: 92,
  damagesClaimed: 93,
  refundPaid: 95,
  /** option k of the uptake list uses option + k */
  option: 1000,
} as const;

/** murmur3's 32-bit finaliser: a well-mixed unsigned 32-bit hash of x (also derives replication seeds). */
export const fmix = (x: number): number => {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};

/** A uniform draw in [0, 1) for one question; month is an absolute month index (0 for fleet set-up). */
export const draw = (seed: number, contract: number, month: number, purpose: number): number => {
  let h = fmix((seed ^ 0x9e3779b9) >>> 0);
  h = fmix((h ^ Math.imul(contract + 1, 0xcc9e2d51)) >>> 0);
  h = fmix((h ^ Math.imul(month + 0x1234, 0x1b873593)) >>> 0);
  h = fmix((h ^ Math.imul(purpose + 0x51, 0xe6546b64)) >>> 0);
  return h / 4_294_967_296;
};

/** An integer in [min, max], both included. */
export const intBetween = (u: number, min: number, max: number): number => min + Math.min(max - min, Math.floor(u * (max - min + 1)));

/** The index picked by u among weights (not necessarily summing to 1); cumulative sums precomputed. */
export const pickIndex = (u: number, cumulative: readonly number[]): number => {
  const total = cumulative[cumulative.length - 1]!;
  const x = u * total;
  for (let i = 0; i < cumulative.length; i += 1) if (x < cumulative[i]!) return i;
  return cumulative.length - 1;
};

export const cumulate = (weights: readonly number[]): number[] => {
  let sum = 0;
  return weights.map((w) => (sum += w));
};
