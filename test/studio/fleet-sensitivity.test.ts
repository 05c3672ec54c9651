import { describe, expect, it } from 'vitest';
import { defaultFleetMove, fleetIndex, followFleetSize, withFleetMove } from '../../src/studio/renderer/scenarios/fleet-sensitivity.js';

/** The form's 契約数も動かす under the 感応度 box, as a sensitivity section of the scenario. */
describe('the fleet size in the form’s sensitivity section', () => {
  it('is added beside every default assumption (defaults: true) and removed back to the box alone', () => {
    const on = withFleetMove({}, defaultFleetMove(1000));
    expect(on).toEqual({ defaults: true, assumptions: [{ pointer: '/fleet/size', down: 800, up: 1200 }] });
    expect(fleetIndex(on)).toBe(0);
    expect(withFleetMove(on, null)).toEqual({});
    // A relative move of the section is kept, and starts the sizes.
    expect(withFleetMove({ relative: 0.1 }, defaultFleetMove(1001, 0.1))).toEqual({
      relative: 0.1,
      defaults: true,
      assumptions: [{ pointer: '/fleet/size', down: 901, up: 1101 }],
    });
  });

  it('keeps a section that lists its own assumptions listing only them', () => {
    const own = { assumptions: [{ pointer: '/cancellation/monthlyHazard', down: 0.01, up: 0.03 }] };
    const on = withFleetMove(own, { down: 5, up: 9 });
    expect(on).toEqual({ assumptions: [own.assumptions[0], { pointer: '/fleet/size', down: 5, up: 9 }] });
    expect(withFleetMove(on, null)).toEqual(own);
  });

  it('follows the fleet size while its sizes are still the default ±20 %, not once typed', () => {
    const on = withFleetMove({}, defaultFleetMove(120));
    expect(followFleetSize(on, 120, 500)).toEqual({ defaults: true, assumptions: [{ pointer: '/fleet/size', down: 400, up: 600 }] });
    const typed = withFleetMove({}, { down: 50, up: 300 });
    expect(followFleetSize(typed, 120, 500)).toBe(typed);
    // A size being typed (empty, 0) leaves the sizes alone; a small fleet still moves by at least one contract.
    expect(followFleetSize(on, 120, Number.NaN)).toBe(on);
    expect(defaultFleetMove(1)).toEqual({ down: 1, up: 2 });
    expect(defaultFleetMove(3)).toEqual({ down: 2, up: 4 });
  });
});
