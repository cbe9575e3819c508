import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import type { BuildResult } from '../../src/model.js';
import { createTestOptions, DEFAULT_DATA } from '../helpers.js';
import { announceSkip, isBrowserMissing, openDeck, screenshotDir, showSlide, startBrowser, VIEWPORTS } from './support/browser.js';
import { readExpectedDeck, shownPattern, squash, type ExpectedDeck } from './support/expected-deck.js';
import { inspectCurrentSlide } from './support/page-checks.js';

announceSkip('the deck in Chromium (test/e2e/deck.test.ts)');

describe.skipIf(isBrowserMissing)('the default deck in Chromium, opened from file:// with the network cut', () => {
  let browser: Browser;
  let built: BuildResult;
  let expected: ExpectedDeck;

  beforeAll(async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'datadeck-e2e-deck-'));
    [browser, built] = await Promise.all([startBrowser(), buildDeck(createTestOptions({ dataFile: DEFAULT_DATA, outDir }))]);
    expected = readExpectedDeck(DEFAULT_DATA, built);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('has one slide per entry of the data slide list (the table fits one page), in the same order', async () => {
    const { page, context } = await openDeck(browser, built.outFile);
    const layouts = await page.evaluate(() => Reveal.getSlides().map((slide) => slide.getAttribute('data-layout')));
    expect(await page.evaluate(() => Reveal.getTotalSlides())).toBe(expected.slides.length);
    expect(expected.slides.length).toBe(expected.dataset.slides.length);
    expect(layouts).toEqual(expected.slides.map((slide) => slide.layout));
    await context.close();
  });

  it('walks every slide with the keyboard, to the end and back', async () => {
    const { page, context, problems } = await openDeck(browser, built.outFile);
    const last = expected.slides.length - 1;
    for (let index = 1; index <= last; index += 1) {
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((target) => Reveal.getIndices().h === target, index);
      expect(await page.locator('.reveal .slides > section.present').isVisible()).toBe(true);
    }
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => Reveal.isLastSlide())).toBe(true);
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((target) => Reveal.getIndices().h === target, last - 1);
    await page.keyboard.press('Home');
    await page.waitForFunction(() => Reveal.getIndices().h === 0);
    expect(problems).toEqual([]);
    await context.close();
  });

  for (const viewport of VIEWPORTS) {
    it(`at ${viewport.name}: every chart visible and inside its slide, nothing overflows, no error, nothing fetched`, async () => {
      // A phone held upright opens the reading view (test/e2e/reading-view.test.ts); here, the slides it can ask for.
      const isPhone = viewport.width < 435;
      const query = isPhone ? 'view=slides' : undefined;
      const { page, context, problems, requests } = await openDeck(browser, built.outFile, { viewport, query });
      expect(await page.evaluate(() => Reveal.isScrollView())).toBe(isPhone);
      const shots = screenshotDir(viewport.name);
      for (const [index, slide] of expected.slides.entries()) {
        await showSlide(page, index);
        const report = await page.evaluate(inspectCurrentSlide);
        expect(report.layout, `slide ${index + 1}`).toBe(slide.layout);
        expect(report.overflows, `slide ${index + 1} (${slide.layout})`).toEqual([]);
        expect(report.charts.length, `charts on slide ${index + 1}`).toBe(slide.chart === undefined ? 0 : 1);
        for (const chart of report.charts) {
          expect(chart, `chart ${chart.chart}`).toMatchObject({
            chart: slide.chart,
            isVisible: true,
            isInsideSlide: true,
            isInsideViewport: true,
          });
          expect(chart.width * chart.height, `chart ${chart.chart} area`).toBeGreaterThan(isPhone ? 5_000 : 100_000);
        }
        await page.screenshot({
          path: join(shots, `${String(index + 1).padStart(2, '0')}-${slide.layout}${slide.chart ? `-${slide.chart}` : ''}.png`),
        });
      }
      expect(problems).toEqual([]);
      expect(requests.every((url) => url.startsWith('file:'))).toBe(true);
      await context.close();
    });
  }

  it('carries each slide speaker notes where the data has them, and none elsewhere', async () => {
    const { page, context } = await openDeck(browser, built.outFile);
    const notes = await page.evaluate(() => Reveal.getSlides().map((slide) => slide.querySelector('aside.notes')?.textContent ?? null));
    expect(notes.map((text) => text !== null)).toEqual(expected.slides.map((slide) => slide.notes !== undefined));
    for (const [index, slide] of expected.slides.entries()) {
      if (slide.notes !== undefined)
        expect(squash(notes[index] ?? ''), `notes of slide ${index + 1}`).toMatch(shownPattern(slide.notes, { isWhole: true }));
    }
    await context.close();
  });

  it('opens the speaker view with S from the single file, and it follows the deck', async () => {
    const { page, context, problems } = await openDeck(browser, built.outFile);
    const [first, second] = expected.slides;
    const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    const notesOf = () => speaker.locator('.speaker-controls-notes .value');
    await speaker.locator('#connection-status').waitFor({ state: 'hidden' });
    await expect.poll(async () => squash(await notesOf().innerText())).toMatch(shownPattern(first?.notes ?? '', { isWhole: true }));
    // Both previews are the deck itself, loaded from the same file under the same policy.
    await expect.poll(() => speaker.frames().filter((frame) => frame.url().startsWith(page.url().split('#')[0] ?? '-')).length).toBe(2);
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => squash(await notesOf().innerText())).toMatch(shownPattern(second?.notes ?? '', { isWhole: true }));
    expect(problems).toEqual([]);
    await context.close();
  });
});
