import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { DeckError } from '../../src/errors/deck-error.js';
import type { BuildResult } from '../../src/model.js';
import { createTestOptions, ROOT } from '../helpers.js';
import { announceSkip, isBrowserMissing, openDeck, showSlide, startBrowser } from './support/browser.js';
import { readExpectedDeck, squash, type ExpectedDeck } from './support/expected-deck.js';

announceSkip('hostile text in Chromium (test/e2e/hostile.test.ts)');

const HOSTILE_DATA = join(ROOT, 'test/fixtures/hostile/deck.yaml');
const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `datadeck-e2e-${name}-`));

interface Census {
  readonly pwned: unknown;
  readonly scripts: number;
  readonly styles: number;
  readonly metaHttpEquiv: number;
  readonly svgs: number;
  /** Elements the deck never makes itself: any of them would have come from the data. */
  readonly foreign: readonly string[];
  /** Elements carrying an on* attribute, anywhere, SVG included. */
  readonly handlers: readonly string[];
  readonly links: readonly string[];
}

/** Counts what exists in the page: scripts, styles, event handlers, elements the deck never makes. */
function takeCensus(): Census {
  const all = Array.from(document.querySelectorAll('*'));
  return {
    pwned: Reflect.get(window, '__pwned'),
    scripts: document.scripts.length,
    styles: document.querySelectorAll('style').length,
    metaHttpEquiv: document.querySelectorAll('meta[http-equiv]').length,
    svgs: document.querySelectorAll('svg').length,
    foreign: Array.from(document.querySelectorAll('img, iframe, frame, object, embed, form, input, textarea, base, link, math, foreignObject, svg script, svg svg, b, mi')).map((element) => element.outerHTML.slice(0, 80)),
    handlers: all.filter((element) => element.getAttributeNames().some((name) => name.toLowerCase().startsWith('on'))).map((element) => element.outerHTML.slice(0, 80)),
    links: Array.from(document.querySelectorAll('.reveal .slides a[href]')).map((link) => link.getAttribute('href') ?? ''),
  };
}

async function walkAllSlides(page: Page, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) await showSlide(page, index);
}

describe('source links in the data', () => {
  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', '//example.org/x', 'file:///etc/passwd'])(
    'refuses %s at build time with a url error',
    async (url) => {
      const dataFile = join(tempDir('bad-url'), 'deck.yaml');
      writeFileSync(dataFile, readFileSync(HOSTILE_DATA, 'utf8').replace(/url: '[^']*'/, `url: '${url.replace(/'/g, "''")}'`));
      const failure = await buildDeck(createTestOptions({ dataFile, outDir: tempDir('bad-url-out') })).then(() => undefined, (error: unknown) => error);
      expect(failure).toBeInstanceOf(DeckError);
      if (failure instanceof DeckError) expect(failure.problems.map((problem) => problem.code)).toEqual(['url']);
    },
  );
});

describe.skipIf(isBrowserMissing)('hostile text in every field of the data, built and opened in Chromium', () => {
  let browser: Browser;
  let built: BuildResult;
  let expected: ExpectedDeck;

  beforeAll(async () => {
    [browser, built] = await Promise.all([startBrowser(), buildDeck(createTestOptions({ dataFile: HOSTILE_DATA, outDir: tempDir('hostile') }))]);
    expected = readExpectedDeck(HOSTILE_DATA, built);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('runs nothing and injects no element, in slides, tables, chart SVG and notes', async () => {
    const { page, context, problems, dialogs } = await openDeck(browser, built.outFile);
    expect(await page.evaluate(() => Reveal.getTotalSlides())).toBe(expected.slides.length);
    await walkAllSlides(page, expected.slides.length);
    const census = await page.evaluate(takeCensus);
    expect(census).toMatchObject({ pwned: undefined, scripts: 3, styles: 1, metaHttpEquiv: 1, svgs: 5, foreign: [], handlers: [] });
    expect(census.links.length).toBeGreaterThan(0);
    for (const href of census.links) expect(href).toMatch(/^https?:\/\//);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows every hostile text as the very characters the data holds', async () => {
    const { page, context } = await openDeck(browser, built.outFile);
    const { meta } = expected.dataset;
    expect(await page.title()).toBe(meta.title);
    expect(await page.locator('h1').innerText()).toBe(meta.title);
    const headings = await page.evaluate(() => Reveal.getSlides().map((slide) => slide.querySelector('h2')?.textContent ?? null));
    for (const [index, slide] of expected.slides.entries()) {
      if (slide.title !== undefined) expect(squash(headings[index] ?? ''), `slide ${index + 1}`).toContain(squash(slide.title));
    }
    const notes = await page.evaluate(() => Reveal.getSlides().map((slide) => slide.querySelector('aside.notes')?.textContent ?? null));
    expect(notes.map((text) => (text === null ? undefined : squash(text)))).toEqual(expected.slides.map((slide) => slide.notes));
    const rowHeaders = await page.locator('table.summary-table tbody th').allTextContents();
    const labels = await page.locator('.chart-svg[role="img"]').evaluateAll((charts) => charts.map((chart) => chart.getAttribute('aria-label') ?? ''));
    for (const name of expected.modelNames) {
      expect(rowHeaders.some((header) => header.includes(name)), `table row of ${name}`).toBe(true);
      for (const label of labels) expect(label).toContain(name);
    }
    const chartTexts = await page.locator('.chart-svg svg text').allTextContents();
    expect(chartTexts.some((text) => text.includes('<img src=x onerror='))).toBe(true);
    await context.close();
  });

  it('shows hostile notes as text in the speaker view too', async () => {
    const { page, context, problems, dialogs } = await openDeck(browser, built.outFile);
    const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    const value = speaker.locator('.speaker-controls-notes .value');
    await speaker.locator('#connection-status').waitFor({ state: 'hidden' });
    for (const [index, slide] of expected.slides.slice(0, 4).entries()) {
      await showSlide(page, index);
      await expect.poll(async () => squash(await value.innerText())).toBe(slide.notes);
      expect(await value.locator('*').count()).toBe(0);
    }
    expect(await speaker.evaluate(() => Reflect.get(window, '__pwned'))).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('blocks markup that escaped escaping: the CSP stops inline handlers, inline and remote scripts, and remote images', async () => {
    const html = readFileSync(built.outFile, 'utf8');
    // What a template bug would produce: data written raw, unescaped, into a slide.
    const slip = '<img src=x onerror="window.__pwned=\'img\'"><script>window.__pwned=\'inline\'</script><script src="https://example.org/x.js"></script><img src="https://example.org/p.png"><svg onload="window.__pwned=\'svg\'"></svg>';
    const file = join(tempDir('slip'), 'index.html');
    writeFileSync(file, html.replace('<section class="layout-title" data-layout="title">', (section) => `${section}${slip}`));
    const { page, context, problems, dialogs, requests } = await openDeck(browser, file);
    expect(await page.evaluate(() => Reflect.get(window, '__pwned'))).toBeUndefined();
    expect(dialogs).toEqual([]);
    // Refused by the policy inside the page: none reached the test's network block, each failed as "csp".
    const remote = requests.filter((url) => !url.startsWith('file:'));
    expect(remote.length).toBe(2);
    for (const url of remote) expect(problems).toContain(`failed request: ${url} (csp)`);
    expect(problems.filter((problem) => problem.startsWith('blocked request'))).toEqual([]);
    expect(problems.filter((problem) => problem.includes('Content Security Policy')).length).toBeGreaterThanOrEqual(3);
    await context.close();
  });

  it('leaves every note out of the public build, even when ?showNotes=true asks for them', async () => {
    const publicBuild = await buildDeck(createTestOptions({ dataFile: HOSTILE_DATA, outDir: tempDir('hostile-public'), isPublic: true }));
    expect(readFileSync(publicBuild.outFile, 'utf8')).not.toContain('NOTA-SECRETA');
    const { page, context, problems } = await openDeck(browser, publicBuild.outFile, { query: 'showNotes=true' });
    await walkAllSlides(page, expected.slides.length);
    expect(await page.locator('aside.notes').count()).toBe(0);
    expect(await page.evaluate(() => document.body.innerText)).not.toContain('NOTA-SECRETA');
    expect(problems).toEqual([]);
    await context.close();
  });
});
