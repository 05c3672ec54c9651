import { describe, expect, it } from 'vitest';
import type { SideResult, SimulationResult } from '../../src/camera-sim/result.js';
import { buildViews } from '../../src/camera-sim/views.js';
import { splitLabel } from '../../src/studio/scenarios/run-view.js';

const side = (label: string): SideResult => ({ label, versions: {}, edits: [], interpretations: {}, contractMonths: 0, amounts: [], events: [] }) as unknown as SideResult;
const empty = { months: ['2027-01'], courses: [], options: [], baseline: side('baseline'), proposal: side('proposal') } as unknown as SimulationResult;
const labels = buildViews(empty).summary.map((s) => s.label);

/** The summary's labels, as the workbook's Summary and Bands sheets print them and the Scenarios page splits them. */
describe('summary labels', () => {
  it('the Japanese part takes full-width parentheses (解約申出（第22条）), the English half-width, in the workbook and on screen', () => {
    expect(labels).toContain('解約申出（第22条） Cancellation requests');
    expect(splitLabel('解約申出（第22条） Cancellation requests')).toEqual({ ja: '解約申出（第22条）', en: 'Cancellation requests (第22条)' });
    expect(splitLabel('うち減免（第25条第2項） of which waived')).toEqual({ ja: 'うち減免（第25条第2項）', en: 'of which waived (第25条第2項)' });
    // Not a clause: stays with the Japanese only.
    expect(splitLabel('契約月数（無料月込） Contract-months incl. free')).toEqual({ ja: '契約月数（無料月込）', en: 'Contract-months incl. free' });
    for (const label of labels) {
      const { ja, en } = splitLabel(label);
      expect(ja, label).not.toMatch(/[()]/u);
      expect(en, label).not.toMatch(/[（）]/u);
      // The workbook's label: no ASCII parenthesis anywhere before its English words.
      expect(label.slice(0, label.indexOf(' ')), label).not.toMatch(/[()]/u);
    }
  });
});
