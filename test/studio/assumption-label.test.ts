import { describe, expect, it } from 'vitest';
import { ASSUMPTION_LABELS, SENSITIVITY_LABELS } from '../../src/camera-sim/sensitivity.js';
import { assumptionLabel } from '../../src/studio/renderer/scenarios/assumption-label.js';

/** The tornado on a Japanese page reads Japanese only, on an English page English only. */
describe('assumptionLabel', () => {
  it('splits every default label of the simulator into its Japanese and its English half', () => {
    for (const label of Object.values(ASSUMPTION_LABELS)) {
      const ja = assumptionLabel(label, 'ja');
      const en = assumptionLabel(label, 'en');
      expect(ja, label).toMatch(/^[^\x20-\x7e]+$/u);
      expect(en, label).toMatch(/^[A-Z][\x20-\x7e]+$/u);
      expect(`${ja} ${en}`).toBe(label);
    }
    expect(assumptionLabel(SENSITIVITY_LABELS['/cancellation/monthlyHazard']!, 'ja')).toBe('解約ハザード');
    expect(assumptionLabel(SENSITIVITY_LABELS['/cancellation/monthlyHazard']!, 'en')).toBe('Cancellation hazard');
  });

  it("shows a scenario's own label as it is", () => {
    for (const label of ['解約率', 'churn', '/fleet/optionUptake/0/probability', '解約率 と 加入率'])
      for (const lang of ['ja', 'en'] as const) expect(assumptionLabel(label, lang)).toBe(label);
  });
});
