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

announceSkip('a 200-model deck in Chromium (test/e2e/long-table.test.ts)');

const MODEL_COUNT = 200;
// Comments of every length the seed has, and one much longer, so rows of different heights share pages.
const LONG_COMMENT = 'Modelo de gran tamaño entrenado con datos públicos y privados; las cifras de hardware y energía son estimaciones de terceros.';

/** The default data with 200 models: the seed's five, repeated under new names, some with long comments. */
function writeLongDeck(dir: string): string {
  const data = readDefaultData();
  const models = Array.isArray(data.models) ? data.models : [];
  const many = Array.from({ length: MODEL_COUNT }, (_, index) => {
    const model: unknown = models[index % models.length];
    const base = typeof model === 'object' && model !== null ? model : {};
    return { ...base, name: `Modelo ${index + 1}`, ...(index % 7 === 0 ? { comment: LONG_COMMENT } : {}) };
  });
  const file = join(dir, 'deck.yaml');
  writeFileSync(file, stringify({ ...data, models: many }));
  return file;
}

describe.skipIf(isBrowserMissing)(`a deck of ${MODEL_COUNT} models in Chromium at 1280×720`, () => {
  let browser: Browser;
  let built: BuildResult;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'datadeck-e2e-long-'));
    [browser, built] = await Promise.all([startBrowser(), buildDeck(createTestOptions({ dataFile: writeLongDeck(dir), outDir: join(dir, 'dist') }))]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('continues the table over as many slides as it needs, every model once, and no slide overflows', async () => {
    const pages = built.deck.slides.flatMap((slide) => (slide.layout === 'table' ? [slide.page] : []));
    expect(pages.length).toBeGreaterThan(MODEL_COUNT / 5 - 1);
    expect(pages.flatMap((page) => page.rows.map((row) => row.name))).toEqual(Array.from({ length: MODEL_COUNT }, (_, index) => `Modelo ${index + 1}`));
    const { page, context, problems } = await openDeck(browser, built.outFile);
    expect(await page.evaluate(() => Reveal.getTotalSlides())).toBe(built.slideCount);
    for (let index = 0; index < built.slideCount; index += 1) {
      await showSlide(page, index);
      const report = await page.evaluate(inspectCurrentSlide);
      expect(report.overflows, `slide ${index + 1} (${report.layout})`).toEqual([]);
    }
    const continued = await page.locator('.layout-table .continues').count();
    expect(continued).toBe(pages.length - 1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
