import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { buildDeck } from '../../src/build.js';
import { DeckError } from '../../src/errors/deck-error.js';
import type { BuildResult } from '../../src/model.js';
import { createTestOptions, ROOT } from '../helpers.js';
import { announceSkip, isBrowserMissing, openDeck, showSlide, startBrowser } from './support/browser.js';
import { readExpectedDeck, shownPattern, squash, type ExpectedDeck } from './support/expected-deck.js';

announceSkip('hostile text in Chromium (test/e2e/hostile.test.ts)');

const HOSTILE_DATA = join(ROOT, 'test/fixtures/hostile/deck.yaml');
const HOSTILE_TEXT = readFileSync(HOSTILE_DATA, 'utf8');
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
    foreign: Array.from(
      document.querySelectorAll(
        'img, iframe, frame, object, embed, form, input, textarea, base, link, math, foreignObject, svg script, svg svg, b, i, mi, term',
      ),
    ).map((element) => element.outerHTML.slice(0, 80)),
    handlers: all
      .filter((element) => element.getAttributeNames().some((name) => name.toLowerCase().startsWith('on')))
      .map((element) => element.outerHTML.slice(0, 80)),
    links: Array.from(document.querySelectorAll('.reveal .slides a[href]')).map((link) => link.getAttribute('href') ?? ''),
  };
}

async function walkAllSlides(page: Page, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) await showSlide(page, index);
}

/** The slide list of the fixture, to find a slide by its layout. */
function indexOfLayout(layout: string): number {
  const data: unknown = parse(HOSTILE_TEXT);
  const slides = typeof data === 'object' && data !== null && 'slides' in data && Array.isArray(data.slides) ? data.slides : [];
  return slides.findIndex((slide: unknown) => typeof slide === 'object' && slide !== null && 'layout' in slide && slide.layout === layout);
}

/**
 * Every {{…}} the deck's sentences write (meta and slides: the texts that state figures), but for escaped ones
 * (\{{…}}, shown as typed by design) and any that a row value holds as plain text.
 */
function collectSentenceMustaches(): string[] {
  const data: unknown = parse(HOSTILE_TEXT);
  const record = typeof data === 'object' && data !== null ? data : {};
  const texts: string[] = [];
  const visit = (value: unknown) => {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) if (key !== 'chart') visit(item);
  };
  visit('meta' in record ? record.meta : undefined);
  visit('slides' in record ? record.slides : undefined);
  const rowText = JSON.stringify('rows' in record ? record.rows : []);
  const mustaches = texts.flatMap((text) => text.match(/(?<!\\)\{\{[^}]*\}\}\}?/g) ?? []);
  return [...new Set(mustaches)].filter((mustache) => !rowText.includes(mustache.replace(/"/g, '\\"')));
}

describe('links in the data', () => {
  const places = [
    { place: "a row's url field", path: ['rows', 0, 'link'] },
    { place: "a sources slide's link", path: ['slides', indexOfLayout('sources'), 'sources', 0, 'url'] },
  ];
  const urls = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//example.org/x',
    'file:///etc/passwd',
  ];
  describe.each(places)('in $place', ({ path }) => {
    it.each(urls)('refuses %s at build time with a url error', async (url) => {
      const document = parseDocument(HOSTILE_TEXT);
      expect(document.getIn(path), 'the fixture has a link there').toMatch(/^https:\/\//);
      document.setIn(path, url);
      const dataFile = join(tempDir('bad-url'), 'deck.yaml');
      writeFileSync(dataFile, document.toString());
      const failure = await buildDeck(createTestOptions({ dataFile, outDir: tempDir('bad-url-out') })).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(DeckError);
      if (failure instanceof DeckError) expect(failure.problems.map((problem) => problem.code)).toEqual(['url']);
    });
  });
});

describe.skipIf(isBrowserMissing)('hostile text in every field of the data, built and opened in Chromium', () => {
  let browser: Browser;
  let built: BuildResult;
  let expected: ExpectedDeck;

  beforeAll(async () => {
    [browser, built] = await Promise.all([
      startBrowser(),
      buildDeck(createTestOptions({ dataFile: HOSTILE_DATA, outDir: tempDir('hostile') })),
    ]);
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
    // Our own: in <head> the reading view's choice and the font; the first slide's pre-layout, reveal, the notes plugin
    // and the start; two drawings of each of 5 charts.
    expect(census).toMatchObject({ pwned: undefined, scripts: 6, styles: 1, metaHttpEquiv: 1, svgs: 10, foreign: [], handlers: [] });
    expect(census.links.length).toBeGreaterThan(0);
    for (const href of census.links) expect(href).toMatch(/^https?:\/\//);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('runs nothing and injects no element in the reading view either, where the page rebuilds its tables', async () => {
    const { page, context, problems, dialogs } = await openDeck(browser, built.outFile, { query: 'view=read' });
    const census = await page.evaluate(takeCensus);
    expect(census).toMatchObject({ pwned: undefined, scripts: 6, styles: 1, metaHttpEquiv: 1, svgs: 10, foreign: [], handlers: [] });
    const regions = await page
      .locator('.table-scroll')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label')));
    for (const label of regions) expect(label).not.toBe('');
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows every hostile text as the very characters the data holds', async () => {
    const { page, context } = await openDeck(browser, built.outFile);
    const { meta } = expected.dataset;
    expect(squash(await page.locator('h1').innerText())).toMatch(shownPattern(meta.title, { isWhole: true }));
    expect(await page.locator('.byline dd').first().textContent()).toBe(meta.author);
    expect(await page.locator('.title-card .eyebrow').textContent()).toBe(meta.institution);
    const headings = await page.evaluate(() => Reveal.getSlides().map((slide) => slide.querySelector('h2')?.textContent ?? null));
    for (const [index, slide] of expected.slides.entries()) {
      if (slide.title !== undefined) expect(squash(headings[index] ?? ''), `slide ${index + 1}`).toMatch(shownPattern(slide.title));
    }
    const notes = await page.evaluate(() => Reveal.getSlides().map((slide) => slide.querySelector('aside.notes')?.textContent ?? null));
    expect(notes.map((text) => text !== null)).toEqual(expected.slides.map((slide) => slide.notes !== undefined));
    for (const [index, slide] of expected.slides.entries()) {
      if (slide.notes !== undefined)
        expect(squash(notes[index] ?? ''), `notes of slide ${index + 1}`).toMatch(shownPattern(slide.notes, { isWhole: true }));
    }
    const rowHeaders = await page.locator('table.summary-table tbody th').allTextContents();
    const labels = await page
      .locator('.chart-svg[role="img"]')
      .evaluateAll((charts) => charts.map((chart) => chart.getAttribute('aria-label') ?? ''));
    expect(labels.length).toBe(5);
    for (const name of expected.rowNames) {
      expect(
        rowHeaders.some((header) => header.includes(name)),
        `table row of ${name}`,
      ).toBe(true);
      for (const label of labels) expect(label).toContain(name);
    }
    const chartTexts = await page.locator('.chart-svg svg text').allTextContents();
    expect(chartTexts.some((text) => text.includes('<img src=x onerror='))).toBe(true);
    expect(chartTexts, 'a category in the legend').toContain('Abierto & "cerrado"');
    await context.close();
  });

  it('states the figures of sentences written around hostile text, and shows the rest as typed', async () => {
    const { page, context } = await openDeck(browser, built.outFile);
    const textOf = (selector: string) =>
      page.locator(selector).evaluateAll((elements) => elements.map((element) => element.textContent ?? ''));
    expect(await textOf('.layout-title .subtitle')).toEqual([
      `"><svg onload="window.__pwned='meta.subtitle'"> <img src=x onerror=window.__pwned=1>`,
    ]);
    expect(await textOf('.layout-title .byline dd')).toContain('6 <%= 7*7 %> [[7*7]] {{slides}}');
    expect(await textOf('.layout-text .prose p')).toEqual([
      `<img src=x onerror="window.__pwned='paragraph'"> párrafo de 6 filas`,
      // {{value "<script>…</script>" organization}}: that row's organization, itself "{{…}}"-looking text.
      '"><svg onload=alert(1)> {{#each slides}}x{{/each}}',
      // {{rank hardwareCost "\"><svg …>"}}, then a "\{{…}}" that is shown as typed.
      '6 <b>de</b> 6: {{constructor.constructor("alert(1)")()}}',
      // A Handlebars comment shows nothing.
      'ab',
    ]);
    expect(await textOf('.layout-definitions .card h3')).toEqual(['<img src=x onerror=alert(1)>', '6 <term>']);
    expect(await textOf('.layout-aspects li')).toEqual(['<img src=x onerror=alert(1)>', '<i>con unidades</i>']);
    expect((await textOf('.layout-conclusions .key-figures li'))[0]).toBe(
      '<img src=x onerror=window.__pwned=1> fue el más costoso <script>alert(1)</script>',
    );
    expect(await textOf('.layout-conclusions .key-figures li strong')).toEqual(['<img src=x onerror=window.__pwned=1>']);
    expect(
      (await textOf('.layout-table tbody td')).some(
        (cell) => cell === `<img src=x onerror="window.__pwned='missing.organization'"> sin dato "><b>x</b>`,
      ),
    ).toBe(true);
    // Figures are formatted by our code and bold is ours: nothing else in a slide is an element the text made.
    const made = await page
      .locator('.reveal .slides :is(p, li, h1, h2, h3, td, th, dd, figcaption) *')
      .evaluateAll((elements) => [...new Set(elements.map((element) => element.tagName.toLowerCase()))]);
    expect(made.filter((tag) => !['strong', 'span', 'a', 'time'].includes(tag))).toEqual([]);
    await context.close();
  });

  it('states every figure: no {{…}} of a sentence shows as typed, in the tab title, the description, labels or text', async () => {
    const { page, context } = await openDeck(browser, built.outFile);
    const mustaches = collectSentenceMustaches();
    expect(mustaches).toContain('{{count}}');
    const places = await page.evaluate(() => {
      const found: { where: string; text: string }[] = [
        { where: '<title>', text: document.title },
        { where: 'meta description', text: document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '' },
      ];
      for (const element of Array.from(document.querySelectorAll('.reveal .slides [aria-label]')))
        found.push({ where: `aria-label of ${element.tagName.toLowerCase()}`, text: element.getAttribute('aria-label') ?? '' });
      const walker = document.createTreeWalker(document.querySelector('.reveal .slides') ?? document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode())
        found.push({ where: `text in ${node.parentElement?.tagName.toLowerCase() ?? '?'}`, text: node.textContent ?? '' });
      return found;
    });
    const shownRaw = places.flatMap(({ where, text }) =>
      mustaches.filter((mustache) => text.includes(mustache)).map((mustache) => `${where}: ${mustache} in "${text.slice(0, 90)}"`),
    );
    expect(shownRaw).toEqual([]);
    // The tab and the title slide show the same title.
    expect(squash(await page.title())).toBe(squash(await page.locator('h1').innerText()));
    await context.close();
  });

  it("keeps every text inside its attribute: a link's href is the URL alone, an aria-label the text it names", async () => {
    const { page, context } = await openDeck(browser, built.outFile);
    const links = await page
      .locator('.reveal .slides a')
      .evaluateAll((anchors) =>
        anchors.map((anchor) => ({ href: anchor.getAttribute('href') ?? '', attributes: anchor.getAttributeNames().sort() })),
      );
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      // A URL may hold "<" or '"' (the fixture's do); markup our code made (a figure's span, a link) may not.
      expect.soft(link.href).toMatch(/^https?:\/\//);
      expect.soft(link.href).not.toMatch(/<\/?(?:a|span|strong)[\s>]/);
      expect.soft(link.attributes, link.href).toEqual(['href', 'rel']);
    }
    const boxes = await page.locator('.layout-conclusions aside.figures-box').evaluateAll((asides) =>
      asides.map((aside) => ({
        label: aside.getAttribute('aria-label'),
        heading: aside.querySelector('h3')?.textContent ?? '',
        attributes: aside.getAttributeNames().sort(),
      })),
    );
    expect(boxes.length).toBe(1);
    for (const box of boxes) {
      expect.soft(box.attributes).toEqual(['aria-label', 'class']);
      expect.soft(squash(box.label ?? '')).toBe(squash(box.heading));
    }
    await context.close();
  });

  it("reads a field's label the same in the table's heading and in a chart's data table", async () => {
    const { page, context } = await openDeck(browser, built.outFile);
    const headings = (await page.locator('.reveal .slides table thead th').allTextContents()).map(squash);
    const labels = Object.values(expected.dataset.fields).flatMap((field) =>
      typeof field === 'object' && field.label !== undefined ? [field.label] : [],
    );
    for (const label of labels) {
      // Headings that show this label: what comes before its first {{…}}, or all of it.
      const start = squash(label.split('{{')[0] ?? '');
      const variants = [...new Set(headings.filter((heading) => start.length >= 3 && heading.startsWith(start)))];
      expect(variants.length, `label ${label} reads as ${JSON.stringify(variants)}`).toBeLessThanOrEqual(1);
    }
    await context.close();
  });

  it('shows hostile notes as text in the speaker view too', async () => {
    const { page, context, problems, dialogs } = await openDeck(browser, built.outFile);
    const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    const value = speaker.locator('.speaker-controls-notes .value');
    await speaker.locator('#connection-status').waitFor({ state: 'hidden' });
    for (const [index, slide] of expected.slides.slice(0, 4).entries()) {
      await showSlide(page, index);
      await expect.poll(async () => squash(await value.innerText())).toMatch(shownPattern(slide.notes ?? '', { isWhole: true }));
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
    const slip =
      '<img src=x onerror="window.__pwned=\'img\'"><script>window.__pwned=\'inline\'</script><script src="https://example.org/x.js"></script><img src="https://example.org/p.png"><svg onload="window.__pwned=\'svg\'"></svg>';
    const file = join(tempDir('slip'), 'index.html');
    writeFileSync(
      file,
      html.replace('<section class="layout-title" data-layout="title">', (section) => `${section}${slip}`),
    );
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
