import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/cli/options.js';

/** axe-core's WCAG 2 A and AA audit of what the page shows now (a page, or a page with a dialog open): each violation as one line. */
const AXE = join(PROJECT_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }[] };

export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })) as AxeResult;
  });
  return (result as AxeResult).violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact ?? ''}): ${n.target.join(' ')} — ${v.help}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/gu, ' ')}` : ''}`),
  );
}
