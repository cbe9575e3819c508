import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildDeck } from '../../src/build.js';
import type { BuildResult } from '../../src/model.js';
import { createTestOptions, readDefaultData } from '../helpers.js';
import { announceSkip, isBrowserMissing, openDeck, showSlide, startBrowser } from './support/browser.js';
import { inspectCurrentSlide } from './support/page-checks.js';

announceSkip('a 200-row deck in Chromium (test/e2e/long-table.test.ts)');

const ROW_COUNT = 200;
// Comments of every length the seed has, and one much longer, so rows of different heights share pages.
const LONG_COMMENT =
  'Modelo de gran tamaño entrenado con datos públicos y privados; las cifras de hardware y energía son estimaciones de terceros.';
const NAMES = Array.from({ length: ROW_COUNT }, (_, index) => `Modelo ${index + 1}`);

/** The default data with 200 rows: the seed's five, repeated under new names, some with long comments; its charts beside it. */
function writeLongDeck(dir: string): string {
  const data = readDefaultData();
  const rows = Array.isArray(data.rows) ? data.rows : [];
  const many = NAMES.map((name, index) => {
    const row: unknown = rows[index % rows.length];
    const base = typeof row === 'object' && row !== null ? row : {};
    return { ...base, name, ...(index % 7 === 0 ? { comment: LONG_COMMENT } : {}) };
  });
  const file = join(dir, 'deck.yaml');
  writeFileSync(file, stringify({ ...data, rows: many }));
  return file;
}

describe.skipIf(isBrowserMissing)(`a deck of ${ROW_COUNT} rows in Chromium at 1280×720`, () => {
  let browser: Browser;
  let built: BuildResult;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'datadeck-e2e-long-'));
    [browser, built] = await Promise.all([
      startBrowser(),
      buildDeck(createTestOptions({ dataFile: writeLongDeck(dir), outDir: join(dir, 'dist') })),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('continues the table over as many slides as it needs, every row once and in order, and no slide overflows', async () => {
    const { page, context, problems } = await openDeck(browser, built.outFile);
    expect(await page.evaluate(() => Reveal.getTotalSlides())).toBe(built.slideCount);
    const tableSlides = await page.evaluate(() =>
      Reveal.getSlides().flatMap((slide, index) => (slide.getAttribute('data-layout') === 'table' ? [index] : [])),
    );
    expect(tableSlides.length).toBeGreaterThan(ROW_COUNT / 5 - 1);
    const headers: string[] = [];
    for (let index = 0; index < built.slideCount; index += 1) {
      await showSlide(page, index);
      const report = await page.evaluate(inspectCurrentSlide);
      expect(report.overflows, `slide ${index + 1} (${report.layout})`).toEqual([]);
      if (tableSlides.includes(index))
        headers.push(...(await page.locator('.reveal .slides > section.present table.summary-table tbody th').allInnerTexts()));
    }
    // Each row's heading names its row ("ChatGPT (Modelo 1)", "Modelo 2 (Anthropic)"): "Modelo 1" and not "Modelo 10".
    expect(headers.length).toBe(ROW_COUNT);
    for (const [index, name] of NAMES.entries()) expect(headers[index], `row ${index + 1}`).toMatch(new RegExp(`${name}(?!\\d)`));
    expect(await page.locator('.layout-table .continues').count()).toBe(tableSlides.length - 1);
    expect(await page.locator('.layout-table .continued').count()).toBe(tableSlides.length - 1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
