import type { ExtraSheet } from '../../camera-sim/export-xlsx.js';
import type { RunView } from '../api/contract.js';

/**
 * The charts of the scenarios page as one sheet of the exported workbook, one row per point:
 * which chart, its key (month, course code, item), the name shown, the unit, and the baseline,
 * proposal and difference it plots. The same figures as the page's tables.
 */
export const CHART_SHEET = 'Chart data';

export function chartDataSheet(v: RunView): ExtraSheet {
  const rows: ExtraSheet['rows'] = [];
  const add = (chart: string, key: string, name: string, unit: string, b: number, p: number): void => {
    rows.push([chart, key, name, unit, b, p, p - b]);
  };
  for (const m of v.byMonth) add('revenue-by-month 月別収入（税抜）', m.month, '', '円', m.baseline, m.proposal);
  for (const c of v.byCourse) add('difference-by-course コース別差額', c.code, c.name, '円', c.baseline, c.proposal);
  for (const x of v.byItem) add('difference-by-item 項目別差額', x.item, `${x.name} ${x.clause}`.trim(), '円', x.baseline, x.proposal);
  for (const m of v.overTime) {
    add('waivers-by-month 減免件数', m.month, '', '件', m.waivers.baseline, m.waivers.proposal);
    add('settlements-by-month 解約清算金件数', m.month, '', '件', m.settlements.baseline, m.settlements.proposal);
    add('cancellations-by-month 解約申出件数', m.month, '', '件', m.cancellations.baseline, m.cancellations.proposal);
    add('waiver-amounts-by-month 減免額', m.month, '', '円', m.waiverYen.baseline, m.waiverYen.proposal);
    add('settlement-amounts-by-month 解約清算金額', m.month, '', '円', m.settlementYen.baseline, m.settlementYen.proposal);
  }
  return {
    name: CHART_SHEET,
    columns: [
      { header: 'Chart 図', width: 34 },
      { header: 'Key キー', width: 22 },
      { header: '名称 Name', width: 48 },
      { header: 'Unit 単位', width: 8 },
      { header: 'Baseline', width: 18, kind: 'count' },
      { header: 'Proposal', width: 18, kind: 'count' },
      { header: 'Difference 差額', width: 18, kind: 'count' },
    ],
    rows,
  };
}
