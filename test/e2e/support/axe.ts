import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  readonly rule: string;
  readonly impact: string;
  readonly targets: readonly string[];
}

export interface AxeSummary {
  readonly violations: readonly AxeFinding[];
  /** How many elements color-contrast checked and passed: proof that the rule looked at something. */
  readonly contrastChecked: number;
}

/**
 * axe-core is evaluated through Playwright (DevTools' Runtime.evaluate), which a page's CSP does not govern: the
 * CSP decides what the document itself may load and run. So the deck is audited with its policy fully in force,
 * exactly as the audience gets it, with no bypassCSP and no <script> tag that the policy would (rightly) refuse.
 */
export async function runAxe(page: Page, selector: string): Promise<AxeSummary> {
  if (!(await page.evaluate(() => window.axe !== undefined))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (include) => {
    if (window.axe === undefined) throw new Error('axe-core is not loaded');
    const results = await window.axe.run(
      { include: [include] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } },
    );
    return {
      violations: results.violations.map((violation) => ({
        rule: violation.id,
        impact: violation.impact ?? 'unknown',
        targets: violation.nodes.map((node) => node.target.join(' ')),
      })),
      contrastChecked: results.passes.find((pass) => pass.id === 'color-contrast')?.nodes.length ?? 0,
    };
  }, selector);
}
