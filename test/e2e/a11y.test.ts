import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import type { BuildResult } from '../../src/model.js';
import { createTestOptions, DEFAULT_DATA } from '../helpers.js';
import { announceSkip, isBrowserMissing, openDeck, showSlide, startBrowser, type OpenedDeck } from './support/browser.js';
import { readExpectedDeck, type ExpectedDeck } from './support/expected-deck.js';
import { runAxe } from './support/axe.js';
import { measureChartTextContrast } from './support/page-checks.js';

announceSkip('accessibility in Chromium (test/e2e/a11y.test.ts)');

describe.skipIf(isBrowserMissing)('accessibility of the default deck (axe-core in Chromium, under the deck CSP)', () => {
  let browser: Browser;
  let built: BuildResult;
  let expected: ExpectedDeck;
  let deck: OpenedDeck;

  beforeAll(async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'datadeck-e2e-a11y-'));
    [browser, built] = await Promise.all([startBrowser(), buildDeck(createTestOptions({ dataFile: DEFAULT_DATA, outDir }))]);
    expected = readExpectedDeck(DEFAULT_DATA, built);
    deck = await openDeck(browser, built.outFile);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('finds no serious or critical violation on any slide, and no contrast failure at all', async () => {
    const serious: string[] = [];
    let contrastChecked = 0;
    for (const [index, slide] of expected.slides.entries()) {
      await showSlide(deck.page, index);
      // The current slide, then the page around it (controls, progress bar, landmarks) once.
      const selectors = index === 0 ? ['.reveal .slides > section.present', 'body'] : ['.reveal .slides > section.present'];
      for (const selector of selectors) {
        const summary = await runAxe(deck.page, selector);
        contrastChecked += summary.contrastChecked;
        for (const finding of summary.violations) {
          if (finding.impact === 'serious' || finding.impact === 'critical' || finding.rule === 'color-contrast') {
            serious.push(`slide ${index + 1} (${slide.layout}) ${finding.rule} [${finding.impact}]: ${finding.targets.join(', ')}`);
          }
        }
      }
    }
    expect(serious).toEqual([]);
    expect(contrastChecked).toBeGreaterThan(50);
    expect(deck.problems).toEqual([]);
  });

  it('gives every chart a text alternative: a labelled image naming every row, a caption and a data table', async () => {
    const charts = expected.slides.flatMap((slide, index) => (slide.chart === undefined ? [] : [{ slide, index }]));
    expect(charts.length).toBeGreaterThan(0);
    for (const { slide, index } of charts) {
      await showSlide(deck.page, index);
      const figure = deck.page.locator('.reveal .slides > section.present figure.chart');
      const label = (await figure.locator('.chart-svg[role="img"]').getAttribute('aria-label')) ?? '';
      for (const name of expected.rowNames) expect(label, `${slide.chart} names ${name}`).toContain(name);
      expect((await figure.locator('figcaption').innerText()).trim().length, `${slide.chart} caption`).toBeGreaterThan(10);
      expect(await figure.locator('table tbody tr').count(), `${slide.chart} table rows`).toBe(expected.rowNames.length);
      expect(await figure.getAttribute('aria-labelledby')).toBe(await figure.locator('figcaption').getAttribute('id'));
    }
  });

  it('meets WCAG AA contrast in the chart SVG text too, which axe does not check', async () => {
    const failures: string[] = [];
    let measured = 0;
    for (const [index, slide] of expected.slides.entries()) {
      if (slide.chart === undefined) continue;
      await showSlide(deck.page, index);
      for (const text of await deck.page.evaluate(measureChartTextContrast)) {
        measured += 1;
        if (text.ratio < text.required) failures.push(`${slide.chart}: "${text.text}" ${text.ratio.toFixed(2)} < ${text.required}`);
      }
    }
    expect(measured).toBeGreaterThan(20);
    expect(failures).toEqual([]);
  });
});
