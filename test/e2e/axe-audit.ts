import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/options.js';

/**
 * The one accessibility helper of the e2e suite: axe-core's WCAG 2 A and AA audit of what the
 * page shows now (a page, or a page with a dialog open), and the check that the focused element
 * shows a visible focus ring. A page must be opened with `bypassCSP` (studio-harness) or its
 * context created with it, so that axe can be injected.
 */
const AXE = join(PROJECT_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }[] };

/** Every WCAG 2 A/AA violation axe finds on the page now, one line each. */
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

/** Fails the test with every violation listed when axe finds any on the page now; `name` says which page or dialog. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const found = await axeViolations(page);
  expect(found, `${name}:\n${found.join('\n')}`).toEqual([]);
}

export type FocusedElement = { testId: string | null; tag: string; role: string | null; label: string; outline: string; boxShadow: string; visible: boolean };

/** The focused element (inside shadow-free DOM) and whether it shows a focus ring: a non-none outline of some width, or a box-shadow. */
export function focused(page: Page): Promise<FocusedElement> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { testId: null, tag: 'body', role: null, label: '', outline: 'none', boxShadow: 'none', visible: false };
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : 'none';
    const boxShadow = s.boxShadow;
    return {
      testId: el.getAttribute('data-testid') ?? el.closest('[data-testid]')?.getAttribute('data-testid') ?? null,
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute('role'),
      label: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60),
      outline,
      boxShadow,
      visible: outline !== 'none' || (boxShadow !== 'none' && boxShadow !== ''),
    };
  });
}
