import type { ScenarioForm } from '../../api/contract.js';

/**
 * The fleet size in the tornado (docs/studio-scenarios.md § Replications and sensitivity): the
 * form's sensitivity section with `/fleet/size` moved to whole numbers of contracts, down and up,
 * beside every default assumption (`defaults: true`, camera-sim/sensitivity.ts `assumptionsOf`).
 * `tariff simulate` reads the same section from the exported scenario JSON, so its tornado is the
 * page's. The sizes start at ± the section's relative move (20 %) of the fleet, rounded to whole
 * contracts, and follow the fleet size while they are still those.
 */
type Section = NonNullable<ScenarioForm['sensitivity']>;
type Assumption = NonNullable<Section['assumptions']>[number];
export const FLEET_POINTER = '/fleet/size';

/** The index of the fleet size in the section's assumptions, -1 when it is not moved. */
export const fleetIndex = (s: ScenarioForm['sensitivity']): number => s?.assumptions?.findIndex((a) => a.pointer === FLEET_POINTER) ?? -1;

/** The sizes a fleet of `size` moves to by default: ± relative, rounded to whole contracts, at least one contract away (and at least 1). */
export const defaultFleetMove = (size: number, relative = 0.2): { down: number; up: number } => ({
  down: Math.max(1, Math.min(size - 1, Math.round(size * (1 - relative)))),
  up: Math.max(size + 1, Math.round(size * (1 + relative))),
});

/** The section with the fleet size moved (`move`) or no longer moved (null); every default assumption stays. */
export function withFleetMove(s: Section, move: { down: number; up: number } | null): Section {
  const others = (s.assumptions ?? []).filter((a) => a.pointer !== FLEET_POINTER);
  const { assumptions: _a, defaults: _d, ...rest } = s;
  if (move) {
    const fleet: Assumption = { pointer: FLEET_POINTER, down: move.down, up: move.up };
    // A section that lists its own assumptions only (a scenario file's) keeps listing only them.
    const listedOnly = s.assumptions !== undefined && s.defaults !== true;
    return { ...rest, ...(listedOnly ? {} : { defaults: true }), assumptions: [...others, fleet] };
  }
  if (others.length) return { ...rest, ...(s.defaults === true ? { defaults: true } : {}), assumptions: others };
  return rest;
}

/** The section after the fleet size changed from `before` to `after`: sizes still at the default move follow it. */
export function followFleetSize(s: ScenarioForm['sensitivity'], before: number, after: number): ScenarioForm['sensitivity'] {
  const i = fleetIndex(s);
  if (!s || i < 0 || !Number.isFinite(after) || after < 1) return s;
  const a = s.assumptions![i]!;
  const old = defaultFleetMove(before, s.relative);
  if (a.down !== old.down || a.up !== old.up) return s;
  return withFleetMove(s, defaultFleetMove(after, s.relative));
}
