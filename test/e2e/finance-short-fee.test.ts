import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fillScenario, openScenarios, runScenario, shot, useStudio, waitText } from './studio-harness.js';

/**
 * Finance's daily what-if, as a new analyst does it from the docs: SHORT's monthly fee +10%
 * (24,000円 → 26,400円) over 24 months of 1,000 contracts, customers responding (cancellation and course-choice
 * elasticity), with the tornado. Screenshots: test-results/screenshots/fin12-*.png.
 */
const studio = useStudio(join(mkdtempSync(join(tmpdir(), 'fin12-e2e-')), 'ws.sqlite'), { viewport: { width: 1440, height: 900 } });
const { testId } = studio;

const yenOf = (text: string): number => Number(text.replace(/[+円,\s]/gu, ''));
const optionValues = (select: ReturnType<typeof testId>) => select.evaluate((e) => Array.from((e as HTMLSelectElement).options, (o) => o.value));

describe('Finance: SHORT +10% with the customers’ response', () => {
  it('a course-fee edit on the legacy series offers SHORT: picking the series drops a term its courses do not have (the quick edit too)', async () => {
    await openScenarios(studio);
    await fillScenario(studio, { name: 'SHORT 月額 +10%', size: 1000, months: 24 });
    await testId('scn-seed').fill('20270101');
    await testId('scn-start-from').fill('2025-01-01');
    await testId('scn-start-to').fill('2028-06-30');
    const mix: [string, string][] = [
      ['SHORT', '6'],
      ['LONG', '10'],
      ['M2035N-3Y-C7-SN', '20'],
      ['M5525N-3Y-C7-SN', '10'],
    ];
    for (const [i, [course, share]] of mix.entries()) {
      await studio.page.getByLabel(`コース ${i + 1}`, { exact: true }).selectOption(course);
      await studio.page.getByLabel(`構成比 ${i + 1}`, { exact: true }).fill(share);
    }
    await testId('scn-cancel-hazard').fill('0.01');
    await testId('scn-response-cancellation-all').fill('1.5');
    await testId('scn-response-choice-all').fill('-2');
    await testId('scn-replications').fill('3');
    await testId('scn-sensitivity').check();

    await testId('scn-proposal-add-kind').selectOption('course-fee');
    await testId('scn-proposal-add-edit').click();
    // The series read as the price-response table names them (旧コース, not the code legacy).
    expect(await testId('scn-proposal-edit-0-series').locator('option').allTextContents()).toEqual(['すべてのシリーズ', '旧コース', 'M5525 シリーズ', 'M2035 シリーズ']);
    expect(await testId('scn-baseline-qe-series').locator('option').allTextContents()).toEqual(['すべてのシリーズ', '旧コース', 'M5525 シリーズ', 'M2035 シリーズ']);
    // A new edit starts on M2035 3年; the legacy courses have no term, so 36 か月 goes with the series.
    await testId('scn-proposal-edit-0-series').selectOption('legacy');
    expect(await testId('scn-proposal-edit-0-term').inputValue()).toBe('');
    expect(await optionValues(testId('scn-proposal-edit-0-term'))).toEqual(['']);
    expect(await optionValues(testId('scn-proposal-edit-0-course'))).toEqual(['', 'SHORT', 'LONG', 'SHORT-MOUNT', 'LONG-MOUNT', 'PLUS-SHORT', 'PLUS-LONG']);
    // Listed by code and name, as the course mix lists them.
    expect(await testId('scn-proposal-edit-0-course').locator('option[value=SHORT]').textContent()).toBe('SHORT — どこでも“me”REC 短期コース');
    await testId('scn-proposal-edit-0-course').selectOption('SHORT');
    await testId('scn-proposal-edit-0-amount').fill('2400');
    await waitText(testId('scn-proposal-edit-0-text'), 'コース「どこでも“me”REC 短期コース」の月額 24,000円 → 26,400円');

    // The one-click 月額の変更 row: legacy leaves no 36 か月 behind either.
    await testId('scn-baseline-qe-series').selectOption('legacy');
    expect(await testId('scn-baseline-qe-term').inputValue()).toBe('');
    expect(await optionValues(testId('scn-baseline-qe-term'))).toEqual(['']);
    await testId('scn-baseline-qe-series').selectOption('M5525');
    expect(await optionValues(testId('scn-baseline-qe-term'))).toEqual(['', '1', '6', '12', '24', '36', '60']);
    await testId('scn-proposal-edit-0').scrollIntoViewIfNeeded();
    await shot(studio.page, 'fin12-short-fee-edit');
  });

  it('the tornado draws each effect from 0 to its own value, also when down and up move the same way; the events legend draws the baseline dashed', async () => {
    await runScenario(studio);
    const rows = testId('table-tornado').locator('tbody tr');
    await rows.first().waitFor();
    const effects: { down: number; up: number }[] = [];
    for (const r of await rows.all()) {
      const cells = await r.locator('td').allTextContents();
      effects.push({ down: yenOf(cells[2]!), up: yenOf(cells[3]!) });
    }
    // The case that was drawn wrong: an assumption whose down and up effects have the same sign.
    expect(effects.some((e) => e.down !== 0 && e.up !== 0 && Math.sign(e.down) === Math.sign(e.up))).toBe(true);
    const chart = testId('chart-tornado');
    await chart.scrollIntoViewIfNeeded();
    const zero = Number(await chart.locator('.recharts-reference-line-line').getAttribute('x1'));
    // Each bar belongs to the row whose axis label is nearest its middle (a bar of 0円 is not drawn).
    const rowsY = await chart.locator('text.recharts-cartesian-axis-tick-value[orientation=left]').evaluateAll((ts) => ts.map((t) => Number(t.getAttribute('y'))));
    expect(rowsY).toHaveLength(effects.length);
    const bars = async (name: string, side: 'down' | 'up') =>
      (
        await chart
          .locator(`path.recharts-rectangle[name="${name}"]`)
          .evaluateAll((ps) =>
            ps.map((p) => ({ x: Number(p.getAttribute('x')), width: Number(p.getAttribute('width')), mid: Number(p.getAttribute('y')) + Number(p.getAttribute('height')) / 2 })),
          )
      ).map((b) => {
        const row = rowsY.reduce((best, y, i) => (Math.abs(y - b.mid) < Math.abs(rowsY[best]! - b.mid) ? i : best), 0);
        return { ...b, value: effects[row]![side] };
      });
    const drawn = [...(await bars('下げたとき', 'down')), ...(await bars('上げたとき', 'up'))];
    expect(drawn).toHaveLength(effects.flatMap((e) => [e.down, e.up]).filter((v) => v !== 0).length);
    const scale = Math.max(...drawn.map((d) => Math.abs(d.width))) / Math.max(...drawn.map((d) => Math.abs(d.value)));
    for (const d of drawn.filter((x) => x.value !== 0)) {
      // From the zero line, to where the value is (a bar's width is signed: negative to the left).
      expect(d.x, `bar of ${d.value} starts at 0`).toBeCloseTo(zero, 0);
      expect(d.width, `bar of ${d.value}`).toBeCloseTo(d.value * scale, 0);
    }
    // Its legend in the bars' and the table's order.
    expect(await chart.locator('.recharts-legend-item-text').allTextContents()).toEqual(['下げたとき', '上げたとき']);
    await shot(studio.page, 'fin12-tornado');
    // The events chart's legend draws the baseline's lines dashed, as the chart and its note say, and names them 減免（現行案）.
    const icon = (name: string) => testId('chart-events').locator(`svg[aria-label="${name} legend icon"] .recharts-legend-icon`);
    expect(await icon('減免（現行案）').getAttribute('stroke-dasharray')).toBe('5 4');
    expect(await icon('減免（変更案）').getAttribute('stroke-dasharray')).toBeNull();
  });

  it('the summary shows the median of the replications’ paired difference beside its range, as the exported Bands sheet holds it, and says the other columns are one run', async () => {
    const net = testId('summary-table').locator('tr[data-key=netExTax]');
    const median = yenOf((await net.locator('td[data-band=median]').textContent())!);
    expect(await testId('summary-table').locator('th').allTextContents()).toContain('差額 p50（中央値）');
    await waitText(testId('summary-band-note'), 'シード 20270101 の 1 回の実行');
    const [download] = await Promise.all([studio.page.waitForEvent('download'), testId('scn-export').click()]);
    const file = join(mkdtempSync(join(tmpdir(), 'fin12-xlsx-')), 'scenario.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    let p50: number | undefined;
    wb.getWorksheet('Bands')!.eachRow((r) => {
      if (r.getCell(1).value === 'netExTax' && !r.getCell(3).value && String(r.getCell(4).value).startsWith('difference')) {
        const v = r.getCell(6).value as number | { result?: number };
        p50 = typeof v === 'number' ? v : v.result;
      }
    });
    expect(median).toBe(p50);
    // One run's difference is not the median: here they differ, and the page shows both.
    expect(yenOf((await net.locator('td').nth(3).textContent())!)).not.toBe(median);
    await testId('summary-table').scrollIntoViewIfNeeded();
    await shot(studio.page, 'fin12-summary-median');
  });

  it('a variant for another fleet size starts from 複製 with every input kept, and the comparison shows each one’s median difference beside its one run', async () => {
    const medianA = (await testId('summary-table').locator('tr[data-key=netExTax] td[data-band=median]').textContent())!;
    await testId('scn-duplicate').click();
    await waitText(testId('scn-notice'), '「SHORT 月額 +10%」の入力を写した新しいシナリオです');
    expect(await testId('scn-name').inputValue()).toBe('SHORT 月額 +10%（コピー）');
    // The mix, the response and the edit came along; only what the variant changes is typed.
    expect(await studio.page.getByLabel('コース 1', { exact: true }).inputValue()).toBe('SHORT');
    expect(await testId('scn-response-choice-all').inputValue()).toBe('-2');
    await waitText(testId('scn-proposal-edit-0-text'), '24,000円 → 26,400円');
    await testId('scn-name').fill('SHORT 月額 +10%（2,000 契約）');
    await testId('scn-size').fill('2000');
    await testId('scn-sensitivity').uncheck();
    await runScenario(studio);
    expect(await testId('scenario-list').locator('[data-testid^=scn-open-]').count()).toBe(2);
    // The list says each one's median beside its one run, as its summary does.
    expect(await testId('scn-median-1').textContent()).toBe(` （3 回の中央値 ${medianA}）`);
    const medianB = (await testId('summary-table').locator('tr[data-key=netExTax] td[data-band=median]').textContent())!;
    expect(await testId('scn-median-2').textContent()).toBe(` （3 回の中央値 ${medianB}）`);
    for (const box of await studio.page.locator('[data-testid^=scn-compare-]').all()) await box.check();
    await testId('scn-compare').click();
    const row = testId('compare-view').locator('tr[data-key=netExTax-median]');
    await waitText(row, '3 回の反復');
    // A is the newer (2,000), B the first (1,000), as the list orders them.
    expect((await row.locator('td[data-side=a]').textContent())!.startsWith(`${medianB}（`)).toBe(true);
    expect((await row.locator('td[data-side=b]').textContent())!.startsWith(`${medianA}（`)).toBe(true);
    await testId('compare-view').scrollIntoViewIfNeeded();
    await shot(studio.page, 'fin12-compare-median');
  });
});
