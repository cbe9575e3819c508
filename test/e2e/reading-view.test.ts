import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildDeck } from '../../src/build.js';
import type { BuildResult } from '../../src/model.js';
import { createTestOptions, DEFAULT_DATA, readDefaultData, ROOT } from '../helpers.js';
import { runAxe } from './support/axe.js';
import { announceSkip, isBrowserMissing, openDeck, screenshotDir, startBrowser, type Viewport } from './support/browser.js';
import { readExpectedDeck, type ExpectedDeck } from './support/expected-deck.js';

announceSkip('the reading view in Chromium (test/e2e/reading-view.test.ts)');

const PHONE: Viewport = { name: 'phone-390x844', width: 390, height: 844 };
const PROJECTOR: Viewport = { name: 'projector-1280x720', width: 1280, height: 720 };

/** What a reader of the page sees: the text sizes, what sticks out sideways, the charts and the notes. */
interface ReadingReport {
  readonly sections: number;
  readonly headings: string[];
  /** Every piece of text on screen (outside charts) with its size in CSS px, which the page does not scale. */
  readonly texts: { readonly text: string; readonly size: number }[];
  readonly pageWidth: number;
  readonly viewportWidth: number;
  /** Elements whose right edge passes the screen's and that are not inside a table's sideways-scrolling region. */
  readonly sticksOut: string[];
  readonly charts: { readonly width: number; readonly viewBoxWidth: number; readonly smallestText: number; readonly shown: number }[];
  readonly visibleNotes: number;
  readonly isRevealStarted: boolean;
}

function inspectReading(): ReadingReport {
  const isShown = (element: Element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
  };
  const texts: { text: string; size: number }[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.textContent?.trim() ?? '';
    if (parent === null || text === '' || parent.closest('svg, .visually-hidden, aside.notes') !== null || !isShown(parent)) continue;
    texts.push({ text, size: Number.parseFloat(getComputedStyle(parent).fontSize) });
  }
  const sticksOut = Array.from(document.querySelectorAll('body *'))
    .filter((element) => isShown(element) && element.getBoundingClientRect().right > innerWidth + 0.5)
    .filter((element) => element.closest('.table-scroll') === null)
    .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
  const charts = Array.from(document.querySelectorAll('.chart-svg')).map((chart) => {
    const shown = Array.from(chart.querySelectorAll(':scope > svg')).filter(isShown);
    const svg = shown[0];
    const width = svg?.getBoundingClientRect().width ?? 0;
    const viewBoxWidth = svg instanceof SVGSVGElement ? svg.viewBox.baseVal.width : 1;
    const sizes = Array.from(svg?.querySelectorAll('text') ?? [])
      .filter((text) => (text.textContent ?? '').trim() !== '')
      .map((text) => Number.parseFloat(getComputedStyle(text).fontSize) * (width / viewBoxWidth));
    return { width, viewBoxWidth, smallestText: Math.min(...sizes), shown: shown.length };
  });
  return {
    sections: document.querySelectorAll('.reveal .slides > section').length,
    headings: Array.from(document.querySelectorAll('.reveal .slides > section :is(h1, h2)')).map((heading) => heading.textContent ?? ''),
    texts,
    pageWidth: document.scrollingElement?.scrollWidth ?? 0,
    viewportWidth: innerWidth,
    sticksOut,
    charts,
    visibleNotes: Array.from(document.querySelectorAll('aside.notes')).filter(isShown).length,
    isRevealStarted: document.querySelector('.reveal')?.classList.contains('ready') ?? false,
  };
}

async function screenshotPage(page: Page, dir: string): Promise<void> {
  const height = await page.evaluate(() => document.scrollingElement?.scrollHeight ?? 0);
  const { width, height: screen } = page.viewportSize() ?? { width: 390, height: 844 };
  for (let top = 0, index = 1; top < height; top += screen, index += 1) {
    const clip = { x: 0, y: top, width, height: Math.min(screen, height - top) };
    await page.screenshot({ path: join(dir, `${String(index).padStart(2, '0')}.png`), fullPage: true, clip });
  }
}

describe.skipIf(isBrowserMissing)('the reading view: the deck as a page on a phone', () => {
  let browser: Browser;
  let built: BuildResult;
  let expected: ExpectedDeck;
  let longTable: BuildResult;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'datadeck-e2e-reading-'));
    // The default data with 12 rows, so its table takes three slides.
    const data = readDefaultData();
    const rows = Array.isArray(data.rows) ? data.rows : [];
    const many = Array.from({ length: 12 }, (_, index) => ({ ...(rows[index % rows.length] as object), name: `Fila ${index + 1}` }));
    const longFile = join(dir, 'long.yaml');
    writeFileSync(longFile, stringify({ ...data, rows: many }));
    [browser, built, longTable] = await Promise.all([
      startBrowser(),
      buildDeck(createTestOptions({ dataFile: DEFAULT_DATA, outDir: join(dir, 'default') })),
      buildDeck(createTestOptions({ dataFile: longFile, outDir: join(dir, 'long') })),
    ]);
    expected = readExpectedDeck(DEFAULT_DATA, built);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens on a phone held upright as readable sections: text of 16 px or more, nothing wider than the screen but tables', async () => {
    const { page, context, problems, requests } = await openDeck(browser, built.outFile, { viewport: PHONE, isPhone: true });
    const report = await page.evaluate(inspectReading);
    await screenshotPage(page, screenshotDir('reading', 'default-phone'));
    expect(report.isRevealStarted).toBe(false);
    expect(report.sections).toBe(expected.slides.length);
    expect(report.headings).toHaveLength(report.sections);
    const small = report.texts.filter((text) => text.size < 16).map((text) => `${text.size}px "${text.text}"`);
    expect(small).toEqual([]);
    const paragraphs = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.reveal section:not(.layout-title) p')).map((p) =>
        Number.parseFloat(getComputedStyle(p).fontSize),
      ),
    );
    expect(Math.min(...paragraphs)).toBeGreaterThanOrEqual(16);
    expect(Math.max(...paragraphs)).toBeLessThanOrEqual(18);
    expect(report.pageWidth).toBe(report.viewportWidth);
    expect(report.sticksOut).toEqual([]);
    expect(report.visibleNotes).toBe(0);
    expect(problems).toEqual([]);
    expect(requests.every((url) => url.startsWith('file:'))).toBe(true);
    await context.close();
  });

  it("draws each chart for the phone's column: the narrow drawing, as wide as the column, its smallest text 14 px", async () => {
    const { page, context } = await openDeck(browser, built.outFile, { viewport: PHONE, isPhone: true });
    const { charts } = await page.evaluate(inspectReading);
    expect(charts).toHaveLength(expected.slides.filter((slide) => slide.chart !== undefined).length);
    for (const chart of charts) {
      expect(chart.shown).toBe(1);
      expect(chart.viewBoxWidth).toBeLessThan(400);
      expect(chart.width).toBeGreaterThan(340);
      expect(chart.width).toBeLessThanOrEqual(PHONE.width - 32);
      expect(chart.smallestText).toBeGreaterThanOrEqual(13.9);
    }
    await context.close();
  });

  it('lets a wide table scroll sideways in a region the keyboard reaches, its first column kept in view', async () => {
    const { page, context } = await openDeck(browser, built.outFile, { viewport: PHONE, isPhone: true });
    const region = page.locator('.table-scroll').first();
    expect(await region.getAttribute('role')).toBe('region');
    expect(await region.getAttribute('tabindex')).toBe('0');
    expect((await region.getAttribute('aria-label')) ?? '').not.toBe('');
    const widths = await region.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
    expect(widths.scroll).toBeGreaterThan(widths.client);
    const firstCell = region.locator('tbody th').first();
    const before = await firstCell.boundingBox();
    await region.evaluate((element) => element.scrollBy(200, 0));
    expect((await firstCell.boundingBox())?.x).toBeCloseTo(before?.x ?? -1, 0);
    await context.close();
  });

  it('joins a table cut into slide pages back into one table, with its caveat once', async () => {
    const { page, context } = await openDeck(browser, longTable.outFile, { viewport: PHONE, isPhone: true });
    const tables = await page.evaluate(() =>
      Array.from(document.querySelectorAll('section[data-layout="table"]')).map((section) => ({
        rows: section.querySelectorAll('tbody tr').length,
        continued: section.querySelector('.continued') !== null,
        continues: section.querySelector('.continues') !== null,
        caveats: section.querySelectorAll('.caveat').length,
      })),
    );
    expect(tables).toEqual([{ rows: 12, continued: false, continues: false, caveats: 1 }]);
    await context.close();
  });

  it('opens #/5 at the sixth slide, and its link back opens the slides at the slide being read', async () => {
    const opened = await openDeck(browser, built.outFile, { viewport: PHONE, isPhone: true });
    const { context, problems } = opened;
    const page = await context.newPage();
    await page.goto(`${opened.page.url()}#/5`);
    const top = await page.evaluate(() => document.querySelector('section[data-index="5"]')?.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(80);
    const link = page.locator('.dd-reading-bar a');
    expect(await link.innerText()).toBe('Ver como diapositivas');
    expect(await link.isVisible()).toBe(true);
    await Promise.all([page.waitForURL(/view=slides#\/5$/), link.click()]);
    // On a phone the slides are reveal's scroll view, which the deck scrolls to the slide once reveal is ready.
    await expect
      .poll(() => page.evaluate(() => typeof Reveal !== 'undefined' && Reveal.isReady() && Reveal.isScrollView() && Reveal.getIndices().h))
      .toBe(5);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps the slides on a laptop, where R opens the reading view at the current slide', async () => {
    const { page, context, problems } = await openDeck(browser, built.outFile, { viewport: PROJECTOR });
    const state = await page.evaluate(() => ({
      isReading: document.documentElement.classList.contains('dd-read'),
      bar: getComputedStyle(document.querySelector('.dd-reading-bar') ?? document.body).display,
      shownSvgs: Array.from(document.querySelectorAll('.chart-svg > svg')).filter((svg) => getComputedStyle(svg).display !== 'none').length,
      charts: document.querySelectorAll('.chart-svg').length,
    }));
    expect(state).toMatchObject({ isReading: false, bar: 'none' });
    expect(state.shownSvgs).toBe(state.charts);
    await page.evaluate(() => Reveal.slide(3));
    await Promise.all([page.waitForURL(/view=read#\/3$/), page.keyboard.press('r')]);
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => document.documentElement.classList.contains('dd-read'))).toBe(true);
    const top = await page.evaluate(() => document.querySelector('section[data-index="3"]')?.getBoundingClientRect().top);
    expect(top).toBeLessThan(80);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lists R in the help overlay, in the deck language', async () => {
    const { page, context } = await openDeck(browser, built.outFile, { viewport: PROJECTOR });
    await page.evaluate(() => Reveal.toggleHelp(true));
    await expect.poll(() => page.locator('.r-overlay-help').innerText()).toContain('Vista de lectura');
    await context.close();
  });

  it('is the reading view anywhere with ?view=read, the charts no wider than 28 rem', async () => {
    const { page, context } = await openDeck(browser, built.outFile, { viewport: PROJECTOR, query: 'view=read' });
    const report = await page.evaluate(inspectReading);
    await screenshotPage(page, screenshotDir('reading', 'default-laptop'));
    expect(report.isRevealStarted).toBe(false);
    expect(report.sticksOut).toEqual([]);
    for (const chart of report.charts) expect(chart.width).toBeLessThanOrEqual(28 * 16);
    await context.close();
  });

  it('allows pinch-zoom: the viewport does not forbid scaling', async () => {
    const { page, context } = await openDeck(browser, built.outFile, { viewport: PHONE, isPhone: true });
    const viewport = (await page.locator('meta[name="viewport"]').getAttribute('content')) ?? '';
    expect(viewport).toContain('width=device-width');
    expect(viewport).not.toMatch(/user-scalable\s*=\s*(no|0)|maximum-scale/);
    await context.close();
  });

  it('passes axe with no serious or critical violation, and no contrast failure', async () => {
    const { page, context } = await openDeck(browser, built.outFile, { viewport: PHONE, isPhone: true });
    const summary = await runAxe(page, 'body');
    const serious = summary.violations.filter(
      (finding) => finding.impact === 'serious' || finding.impact === 'critical' || finding.rule === 'color-contrast',
    );
    expect(serious).toEqual([]);
    expect(summary.contrastChecked).toBeGreaterThan(50);
    await context.close();
  });

  it('speaks English in an English deck', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'datadeck-e2e-reading-en-'));
    const english = await buildDeck(createTestOptions({ dataFile: join(ROOT, 'examples/cloud-gpus/deck.yaml'), outDir: dir }));
    const { page, context } = await openDeck(browser, english.outFile, { viewport: PHONE, isPhone: true });
    expect(await page.locator('.dd-reading-bar a').innerText()).toBe('View as slides');
    expect(await page.locator('.dd-reading-bar').getAttribute('aria-label')).toBe('View');
    await screenshotPage(page, screenshotDir('reading', 'cloud-gpus-phone'));
    await context.close();
  });
});
