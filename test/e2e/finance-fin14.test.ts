import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe-audit.js';
import { fillScenario, openScenarios, runScenario, shot, useStudio, waitText } from './studio-harness.js';

/**
 * A new finance user at 1280×800: a scenario whose proposal raises the M2035 3-year fees by 10 %
 * (the percent mode of the quick edit, the yen it gives shown before the run), run with
 * replications and the tornado with the fleet size in it; two variants; three compared with their
 * bands; the workbook opened with exceljs. Screenshots: test-results/screenshots/fin14-*.png.
 */
const studio = useStudio(join(mkdtempSync(join(tmpdir(), 'fin14-e2e-')), 'ws.sqlite'), { viewport: { width: 1280, height: 800 }, bypassCSP: true });
const { testId } = studio;
const yenOf = (s: string): number => Number(s.replace(/[^\d-]/gu, '').replace(/^-?$/u, 'NaN'));

describe('Finance, new to the studio, at 1280×800', () => {
  it('raises a course fee by 10 %: the edit stays a percent, and the yen it gives show before the run', async () => {
    await openScenarios(studio);
    await fillScenario(studio, { name: 'M2035 3年 +10%', size: 200, months: 12 });
    await testId('scn-proposal-qe-unit').selectOption('percent');
    expect(await testId('scn-proposal-qe-change').inputValue()).toBe('-5');
    await testId('scn-proposal-qe-change').fill('10');
    await testId('scn-proposal-qe-add').click();
    const box = testId('scn-proposal-edit-0');
    expect(await testId('scn-proposal-edit-0-mode').inputValue()).toBe('percent');
    expect(await testId('scn-proposal-edit-0-amount').inputValue()).toBe('10');
    // Each course's fee → the fee +10 %, floored to the yen.
    const text = await waitText(testId('scn-proposal-edit-0-text'), '→');
    expect(text).toContain('月額を +10%（1 円未満は切り捨て）：');
    const pairs = [...text.matchAll(/([\d,]+)円 → ([\d,]+)円/gu)].map((m) => [yenOf(m[1]!), yenOf(m[2]!)]);
    expect(pairs.length).toBeGreaterThan(0);
    for (const [from, to] of pairs) expect(to).toBe(Math.floor((from! * 110) / 100));
    await box.scrollIntoViewIfNeeded();
    await shot(studio.page, 'fin14-01-percent-edit');
  });

  it('runs with replications and the tornado, the fleet size one of its rows (moved 160 ← 200 → 240)', async () => {
    await testId('scn-replications').fill('3');
    await testId('scn-sensitivity').check();
    await testId('scn-fleet-move-on').check();
    expect([await testId('scn-fleet-move-down').inputValue(), await testId('scn-fleet-move-up').inputValue()]).toEqual(['160', '240']);
    // The sizes follow the fleet while they are the default ±20 %.
    await testId('scn-size').fill('250');
    expect([await testId('scn-fleet-move-down').inputValue(), await testId('scn-fleet-move-up').inputValue()]).toEqual(['200', '300']);
    // Emptied on the way (select and delete, then type), the sizes still follow.
    await testId('scn-size').fill('');
    await testId('scn-size').pressSequentially('300');
    expect([await testId('scn-fleet-move-down').inputValue(), await testId('scn-fleet-move-up').inputValue()]).toEqual(['240', '360']);
    await testId('scn-size').fill('200');
    expect([await testId('scn-fleet-move-down').inputValue(), await testId('scn-fleet-move-up').inputValue()]).toEqual(['160', '240']);
    // A size no fleet can have is refused at its field, by its label, and nothing is saved or run.
    await testId('scn-fleet-move-down').fill('0');
    await testId('scn-run').click();
    await waitText(testId('error-banner'), 'SCENARIO_INVALID');
    expect(await testId('error-banner').locator('[data-testid=issue-list] td').first().textContent()).toBe('下げた契約数');
    expect(await testId('error-banner').textContent()).toContain('「0」は受け付けられません。1 以上の数を入力してください。');
    expect(await testId('scn-fleet-move-down').getAttribute('class')).toContain('field-error');
    await testId('scn-fleet-move').scrollIntoViewIfNeeded();
    await shot(studio.page, 'fin14-02a-fleet-move-refused');
    expect(await testId('scenario-list').locator('li').count()).toBe(0);
    await testId('scn-fleet-move-down').fill('160');
    await shot(studio.page, 'fin14-02-fleet-move');
    // The new controls (the fleet sizes, the quick edit's unit, the percent mode) pass axe (WCAG 2 A/AA).
    await testId('error-banner').getByRole('button').first().click();
    await expectAccessible(studio.page, 'scenario form with the fleet sizes and a percent edit');
    // Run from the bottom of the form, where the edits are: the result shows from its head, not scrolled past its summary.
    await testId('scn-proposal-edit-0').scrollIntoViewIfNeeded();
    await runScenario(studio, 240_000);
    await testId('summary-table').waitFor();
    const meta = (await testId('result-meta').boundingBox())!;
    const bodyTop = (await studio.page.locator('.scn-body').boundingBox())!.y;
    expect(meta.y).toBeGreaterThanOrEqual(bodyTop - 1);
    expect(meta.y).toBeLessThan(bodyTop + 40);
    await shot(studio.page, 'fin14-02b-result-top');
    const row = testId('table-tornado').locator('tr[data-key="/fleet/size"]');
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells[0]).toBe('契約数');
    expect(cells[1]).toBe('160 ← 200 → 240');
    // A fleet 20 % larger earns about 20 % more of the difference: the two effects have opposite signs.
    expect(Math.sign(yenOf(cells[2]!))).toBe(-Math.sign(yenOf(cells[3]!)));
    expect(await testId('chart-tornado').locator('.recharts-yAxis-tick-labels text').allTextContents()).toContain('契約数');
    await testId('chart-tornado').scrollIntoViewIfNeeded();
    await shot(studio.page, 'fin14-03-tornado');
  });

  it('exports the workbook: its Sensitivity sheet has the fleet size, its file name says +10%, its scenario keeps the percent', async () => {
    const [download] = await Promise.all([studio.page.waitForEvent('download'), testId('scn-export').click()]);
    expect(download.suggestedFilename()).toBe('scenario-1-M2035-3年-+10%.xlsx');
    const file = join(mkdtempSync(join(tmpdir(), 'fin14-xlsx-')), download.suggestedFilename());
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Summary', 'Bands', 'Replications', 'Sensitivity', 'Chart data']));
    const sens: unknown[][] = [];
    wb.getWorksheet('Sensitivity')!.eachRow((r) => sens.push(r.values as unknown[]));
    const fleet = sens.find((r) => r[2] === '/fleet/size')!;
    expect(fleet.slice(1, 6)).toEqual(['契約数 Fleet size', '/fleet/size', 200, 160, 240]);
    let json = '';
    wb.getWorksheet('Assumptions')!.eachRow((r) => {
      if (r.getCell(1).value === 'scenario JSON') json = String(r.getCell(2).value);
    });
    expect(JSON.parse(json).proposal.edits).toEqual([{ edit: 'course-fee', match: { series: 'M2035', termMonths: 36 }, changePercent: 10 }]);
  });

  it('compares three scenarios: each one’s band in its colour where it ran with replications, named in the legend and the note', async () => {
    // Variant B: a 5 % cut, duplicated from A (replications and tornado kept).
    await testId('scn-duplicate').click();
    await testId('scn-name').fill('M2035 3年 −5%');
    await testId('scn-proposal-edit-0-amount').fill('-5');
    await waitText(testId('scn-proposal-edit-0-text'), '→');
    await testId('scn-sensitivity').uncheck();
    await runScenario(studio, 240_000);
    // Variant C: a 15 % rise run once (no band).
    await testId('scn-duplicate').click();
    await testId('scn-name').fill('M2035 3年 +15% 1 回');
    await testId('scn-proposal-edit-0-amount').fill('15');
    await testId('scn-replications').fill('1');
    await runScenario(studio, 240_000);
    for (const id of [1, 2, 3]) await testId(`scn-compare-${id}`).check();
    expect(await testId('scn-compare').textContent()).toBe('選んだ 3 件を比較');
    await testId('scn-compare').click();
    const view = testId('compare-view');
    await view.waitFor();
    expect(await view.getAttribute('data-count')).toBe('3');
    // Two bands (A and B ran 3 replications), three lines.
    expect(await testId('compare-chart').locator('.recharts-area').count()).toBe(2);
    expect(await testId('compare-chart').locator('.recharts-line').count()).toBe(3);
    // The legend: each scenario's line, then its band where it has one.
    expect(await testId('compare-legend').locator('li').allTextContents()).toEqual(['A: M2035 3年 +10%', 'A p5–p95', 'B: M2035 3年 −5%', 'B p5–p95', 'C: M2035 3年 +15% 1 回']);
    expect(await testId('compare-band-note').textContent()).toContain('C は反復なし');
    // The same fleet and draws: the rise earns more than the cut, month by month, in the table beneath.
    // One baseline for all three (each duplicated from A): its column once, then each scenario's proposal and difference.
    expect(await testId('compare-table').getAttribute('data-shared-baseline')).toBe('true');
    const net = view.locator('tr[data-key=netExTax] td');
    expect(await net.count()).toBe(1 + 1 + 3 * 2);
    expect(yenOf((await net.nth(3).textContent())!)).toBeGreaterThan(yenOf((await net.nth(5).textContent())!));
    await view.locator('summary').click();
    const month = testId('compare-month-table').locator('tbody tr').first();
    expect(await month.locator('td[data-band=a]').textContent()).toMatch(/^[+-]?[\d,]+円 – [+-]?[\d,]+円$/u);
    expect(await month.locator('td[data-band=c]').count()).toBe(0);
    // The table of three fits the page: no column is cut off at 1280 px.
    const [tableBox, cardBox] = [await testId('compare-table').boundingBox(), await view.boundingBox()];
    expect(tableBox!.x + tableBox!.width).toBeLessThanOrEqual(cardBox!.x + cardBox!.width + 1);
    await testId('compare-heading').scrollIntoViewIfNeeded();
    await shot(studio.page, 'fin14-04-compare-table');
    await testId('compare-chart').scrollIntoViewIfNeeded();
    await shot(studio.page, 'fin14-05-compare-chart');
  });

  it('a fourth scenario: four lines and their bands stay apart in the legend', async () => {
    await testId('scn-duplicate').click();
    await testId('scn-name').fill('M2035 3年 +3%');
    await testId('scn-proposal-edit-0-amount').fill('3');
    await testId('scn-replications').fill('3');
    await runScenario(studio, 240_000);
    for (const id of [1, 2, 3, 4]) if (!(await testId(`scn-compare-${id}`).isChecked())) await testId(`scn-compare-${id}`).check();
    await testId('scn-compare').click();
    await waitText(testId('compare-table').locator('thead'), 'D: M2035 3年 +3%');
    expect(await testId('compare-chart').locator('.recharts-area').count()).toBe(3);
    expect(await testId('compare-chart').locator('.recharts-line').count()).toBe(4);
    expect(await testId('compare-legend').locator('li').count()).toBe(7);
    await testId('compare-chart').scrollIntoViewIfNeeded();
    await shot(studio.page, 'fin14-06-compare-four');
    await testId('compare-heading').scrollIntoViewIfNeeded();
    await shot(studio.page, 'fin14-07-compare-four-table');
    await testId('compare-view').locator('summary').click();
    await expectAccessible(studio.page, 'comparison of four with bands');
    // The table of four fits the page too.
    const [tableBox, cardBox] = [await testId('compare-table').boundingBox(), await testId('compare-view').boundingBox()];
    expect(tableBox!.x + tableBox!.width).toBeLessThanOrEqual(cardBox!.x + cardBox!.width + 1);
  });
});
