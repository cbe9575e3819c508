import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { createTestOptions, DEFAULT_DATA, ROOT } from '../helpers.js';
import { announceSkip, isBrowserMissing, openDeck, screenshotDir, showSlide, startBrowser, VIEWPORTS } from './support/browser.js';
import { inspectCurrentSlide } from './support/page-checks.js';

announceSkip('charts of every deck in Chromium (test/e2e/charts.test.ts)');

/** Every deck a user sees charts in: the default deck, each example, and the fixture with one chart of each kind. */
const DECKS: readonly { readonly name: string; readonly dataFile: string }[] = [
  { name: 'default', dataFile: DEFAULT_DATA },
  ...readdirSync(join(ROOT, 'examples'))
    .filter((name) => existsSync(join(ROOT, 'examples', name, 'deck.yaml')))
    .sort()
    .map((name) => ({ name, dataFile: join(ROOT, 'examples', name, 'deck.yaml') })),
  { name: 'every-kind', dataFile: join(ROOT, 'test/fixtures/charts/deck.yaml') },
];

describe.skipIf(isBrowserMissing)('charts of every deck, on a projector, a full HD screen and a phone', () => {
  let browser: Browser;
  const built = new Map<string, string>();

  beforeAll(async () => {
    browser = await startBrowser();
    for (const deck of DECKS) {
      const outDir = mkdtempSync(join(tmpdir(), `datadeck-e2e-charts-${deck.name}-`));
      built.set(deck.name, (await buildDeck(createTestOptions({ dataFile: deck.dataFile, outDir }))).outFile);
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const deck of DECKS) {
    for (const viewport of VIEWPORTS) {
      it(`${deck.name} at ${viewport.name}: every chart visible and inside its slide, every slide inside its box`, async () => {
        // A phone held upright opens the reading view (test/e2e/reading-view.test.ts); here, the slides it can ask for.
        const isPhone = viewport.width < 435;
        const query = isPhone ? 'view=slides' : undefined;
        const { page, context, problems } = await openDeck(browser, built.get(deck.name) ?? '', { viewport, query });
        const shots = screenshotDir('charts', deck.name, viewport.name);
        const count = await page.evaluate(() => Reveal.getTotalSlides());
        let charts = 0;
        for (let index = 0; index < count; index += 1) {
          await showSlide(page, index);
          const report = await page.evaluate(inspectCurrentSlide);
          const where = `${deck.name}, slide ${index + 1} (${report.layout})`;
          // A hidden data table laid out at full height once made chart slides 984 px tall in a 720 px slide.
          if (!isPhone) expect(report.contentHeight, where).toBeLessThanOrEqual(report.slideHeight);
          expect(report.overflows, where).toEqual([]);
          for (const chart of report.charts) {
            charts += 1;
            expect(chart, where).toMatchObject({ isVisible: true, isInsideSlide: true, isInsideViewport: true });
            expect(chart.width * chart.height, `${where} area`).toBeGreaterThan(isPhone ? 5_000 : 100_000);
            // Readable from the back of the room: no axis, label or legend text under 16 px of the slide.
            if (!isPhone) expect(chart.smallestText, `${where} smallest text`).toBeGreaterThanOrEqual(16);
            await page.screenshot({ path: join(shots, `${String(index + 1).padStart(2, '0')}-${chart.chart}.png`) });
          }
        }
        expect(charts, `${deck.name} has charts`).toBeGreaterThan(0);
        expect(problems).toEqual([]);
        await context.close();
      });
    }
  }
});
