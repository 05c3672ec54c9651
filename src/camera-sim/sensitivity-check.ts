import type { DataError } from '../engine/errors.js';
import { schemaErrors } from '../engine/validate-data.js';
import { scenarioSchema } from './scenario-schema.js';
import type { Scenario } from './scenario-types.js';
import { locate, movedScenario } from './sensitivity.js';

/**
 * Checks the scenario's own `sensitivity.assumptions` when the scenario is loaded, so that a
 * tornado never fails (or silently moves nothing) after the main run:
 *
 * - a pointer must name at least one number of the scenario (`*` for every array item);
 * - it must not point into what is read once, when the scenario is loaded or seeded: the sides'
 *   versions and edits (`/baseline`, `/proposal`: a moved edit would not be applied again, so its
 *   row would show no effect), `/seed` (the tornado keeps the draws), `/replications`, `/sensitivity`;
 * - each moved scenario, down and up, must pass the same schema and checks as the file: an explicit
 *   `down`/`up` of a probability outside 0…1, a relative move of a whole number (fleet size,
 *   months), a range whose min passes its max are refused, each at `/sensitivity/assumptions/i/down`
 *   or `…/up` with the field it would break.
 */
const FIXED = ['/baseline', '/proposal', '/seed', '/replications', '/sensitivity', '/name', '/description', '/$schema'];

export function sensitivityErrors(s: Scenario, file: string, recheck: (moved: Scenario) => DataError[]): DataError[] {
  const errors: DataError[] = [];
  const relative = s.sensitivity?.relative ?? 0.2;
  s.sensitivity?.assumptions?.forEach((a, i) => {
    const at = `/sensitivity/assumptions/${i}`;
    const err = (pointer: string, message: string): void => {
      errors.push({ file, pointer, message, code: 'SCENARIO_INVALID' });
    };
    const fixed = FIXED.find((f) => a.pointer === f || a.pointer.startsWith(`${f}/`));
    if (fixed) {
      err(
        `${at}/pointer`,
        `${a.pointer} cannot be moved by the tornado: ${fixed} is read once, when the scenario is loaded; name an assumption of the fleet or its events (docs/scenarios.md § Sensitivity), or compare edits as two scenarios`,
      );
      return;
    }
    if (!locate(s, a.pointer).length) {
      err(`${at}/pointer`, `${a.pointer} names no number in this scenario; fix the pointer (e.g. /cancellation/monthlyHazard, * for every array item) or add the value it names`);
      return;
    }
    for (const dir of ['down', 'up'] as const) {
      const moved = movedScenario(s, a, relative, dir === 'down' ? -1 : 1, { clampExplicit: false }).scenario;
      const problems = [...schemaErrors(scenarioSchema, moved, file, 'SCENARIO_INVALID'), ...recheck(moved)];
      const given = a[dir] !== undefined ? `${dir} = ${a[dir]}` : `${dir} by ${relative * 100} % (relative)`;
      for (const p of problems)
        err(`${at}/${dir}`, `moving ${a.pointer} ${given} makes the scenario invalid at ${p.pointer || '/'}: ${p.message}; give a "${dir}" value the field accepts`);
    }
  });
  return errors;
}
