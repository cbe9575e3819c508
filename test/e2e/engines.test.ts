import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { createTestOptions, DEFAULT_DATA } from '../helpers.js';
import { screenshotDir } from './support/browser.js';
import {
  type DeckPage,
  type Engine,
  ENGINE_NAMES,
  type EngineViewport,
  isEngineMissing,
  openDeck,
  PHONE,
  PROJECTOR,
  startEngine,
} from './support/engines.js';
import { type ExpectedDeck, readExpectedDeck, squash } from './support/expected-deck.js';

/** The first slide as a reader sees it on opening: its heading, and where it and the heading are on the screen. */
function inspectFirstSlide() {
  const inside = (rect: DOMRect) =>
    rect.width > 0 &&
    rect.height > 0 &&
    rect.left >= -1 &&
    rect.top >= -1 &&
    rect.right <= innerWidth + 1 &&
    rect.bottom <= innerHeight + 1;
  const slide = Reveal.getSlides()[0];
  const heading = slide?.querySelector('h1');
  const loadedFamilies: string[] = [];
  document.fonts.forEach((face) => {
    if (face.status === 'loaded') loadedFamilies.push(face.family.replace(/"/g, ''));
  });
  return {
    current: Reveal.getIndices().h,
    isScrollView: Reveal.isScrollView(),
    heading: heading?.textContent ?? '',
    isHeadingOnScreen: heading !== null && heading !== undefined && inside(heading.getBoundingClientRect()),
    // The deck's own font, embedded in the file, loaded (fonts.check alone is true for a family no rule declares).
    isFontLoaded:
      loadedFamilies.includes('Source Sans 3') && getComputedStyle(heading ?? document.body).fontFamily.startsWith('"Source Sans 3"'),
  };
}

/** The chart of slide `index`: its box in the viewport and in its slide, and how many data marks and labels it drew. */
function inspectChart(index: number) {
  const slide = Reveal.getSlides()[index];
  const svg = slide?.querySelector('.chart-svg svg');
  if (slide === undefined || svg === null || svg === undefined) return undefined;
  const box = svg.getBoundingClientRect();
  const frame = slide.getBoundingClientRect();
  const isDrawn = (element: Element) => {
    const rect = element.getBoundingClientRect();
    return rect.width > 0 || rect.height > 0;
  };
  return {
    width: Math.round(box.width),
    height: Math.round(box.height),
    isInsideSlide: box.left >= frame.left - 1 && box.top >= frame.top - 1 && box.right <= frame.right + 1 && box.bottom <= frame.bottom + 1,
    isOnScreen: box.left >= -1 && box.top >= -1 && box.right <= innerWidth + 1 && box.bottom <= innerHeight + 1,
    marks: Array.from(svg.querySelectorAll('g.role-mark:not(.mark-text) > *')).filter(isDrawn).length,
    labels: Array.from(svg.querySelectorAll('g.mark-text text')).filter(isDrawn).length,
  };
}

/** The reading view as a phone shows it: whether reveal started, text sizes, the page's width, each chart's drawing. */
function inspectReading() {
  const paragraphs = Array.from(document.querySelectorAll('.reveal section:not(.layout-title) p'));
  return {
    isReading: document.documentElement.classList.contains('dd-read'),
    isRevealStarted: document.querySelector('.reveal')?.classList.contains('ready') ?? false,
    sections: document.querySelectorAll('.reveal .slides > section').length,
    smallestParagraph: Math.min(...paragraphs.map((p) => Number.parseFloat(getComputedStyle(p).fontSize))),
    // Nothing scrolls sideways: the page is as wide as the space beside a classic scrollbar (Firefox draws one).
    sticksOut: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    charts: Array.from(document.querySelectorAll('.chart-svg')).map((chart) => {
      const [wide, narrow] = Array.from(chart.querySelectorAll(':scope > svg'));
      return {
        isNarrowShown:
          wide !== undefined &&
          narrow !== undefined &&
          getComputedStyle(wide).display === 'none' &&
          getComputedStyle(narrow).display !== 'none',
        width: narrow?.getBoundingClientRect().width ?? 0,
      };
    }),
  };
}

/** Shows slide `index` as a reader would reach it: reveal's API, or scrolling to it in the scroll view (phones). */
async function showSlide(page: DeckPage, index: number): Promise<void> {
  await page.evaluate((target) => {
    const slide = Reveal.getSlides()[target];
    if (Reveal.isScrollView()) slide?.closest('.scroll-page')?.scrollIntoView();
    else Reveal.slide(target);
  }, index);
  await page.waitFor((target) => Reveal.getIndices().h === target, index);
}

const VIEWPORTS: readonly EngineViewport[] = [PROJECTOR, PHONE];
const PLAIN_PAGE = `<!doctype html><html lang="en"><title>plain</title><p>A plain page.</p><script>
  addEventListener('message', () => {
    console.error('a console error');
    setTimeout(() => { throw new Error('an uncaught error'); });
    fetch('https://example.org/data.json').catch(() => undefined);
    new Image().src = 'http://example.net/picture.png';
  });
</script></html>`;
let deckUrl: string;
let plainUrl: string;
let expected: ExpectedDeck;

beforeAll(async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'datadeck-e2e-engines-'));
  const built = await buildDeck(createTestOptions({ dataFile: DEFAULT_DATA, outDir }));
  deckUrl = pathToFileURL(built.outFile).href;
  expected = readExpectedDeck(DEFAULT_DATA, built);
  // A page without the deck's CSP, whose own script goes wrong in each way the harness must report.
  writeFileSync(join(outDir, 'plain.html'), PLAIN_PAGE);
  plainUrl = pathToFileURL(join(outDir, 'plain.html')).href;
});

for (const name of ENGINE_NAMES) {
  describe.skipIf(isEngineMissing(name))(`the default deck in ${name}, opened from file://`, () => {
    let engine: Engine;

    beforeAll(async () => {
      engine = await startEngine(name);
    }, 120_000);

    afterAll(async () => {
      await engine?.close();
    });

    for (const viewport of VIEWPORTS) {
      it(`at ${viewport.width}×${viewport.height}: the title slide on screen, every chart drawn inside its slide, no error, nothing fetched`, async () => {
        // A phone held upright opens the reading view (tested below); the slides are what it can ask for.
        const page = await openDeck(engine, viewport === PHONE ? `${deckUrl}?view=slides` : deckUrl, viewport);
        try {
          await page.waitFor(() => typeof Reveal !== 'undefined' && Reveal.isReady());
          await page.evaluate(() => Reveal.configure({ transition: 'none', backgroundTransition: 'none' }));
          const shots = screenshotDir('engines');
          const first = await page.evaluate(inspectFirstSlide);
          expect(first).toMatchObject({ current: 0, isScrollView: viewport.width < 435, isHeadingOnScreen: true, isFontLoaded: true });
          expect(squash(first.heading)).toBe(expected.dataset.meta.title);
          await page.screenshot(join(shots, `${name}-${viewport.name}-01.png`));
          const chartSlides = expected.slides.flatMap((slide, index) => (slide.chart === undefined ? [] : [index]));
          expect(chartSlides.length, 'chart slides in the default deck').toBeGreaterThan(0);
          for (const index of chartSlides) {
            await showSlide(page, index);
            const chart = await page.evaluate(inspectChart, index);
            expect(chart, `the chart of slide ${index + 1}`).toMatchObject({ isInsideSlide: true, isOnScreen: true });
            expect(chart?.marks, `data marks of slide ${index + 1}`).toBeGreaterThan(0);
            expect(chart?.labels, `labels of slide ${index + 1}`).toBeGreaterThan(0);
            expect((chart?.width ?? 0) * (chart?.height ?? 0), `area of the chart of slide ${index + 1}`).toBeGreaterThan(
              viewport === PHONE ? 5_000 : 100_000,
            );
            await page.screenshot(join(shots, `${name}-${viewport.name}-${String(index + 1).padStart(2, '0')}.png`));
          }
          expect(await page.problems()).toEqual([]);
        } finally {
          await page.close();
        }
      }, 90_000);
    }

    it(`at ${PHONE.width}×${PHONE.height}: the reading view, its text 16 px or more, nothing wider than the screen, the narrow charts`, async () => {
      const page = await openDeck(engine, deckUrl, PHONE);
      try {
        const report = await page.evaluate(inspectReading);
        expect(report).toMatchObject({ isReading: true, isRevealStarted: false, sticksOut: 0 });
        expect(report.sections).toBe(expected.slides.length);
        expect(report.smallestParagraph).toBeGreaterThanOrEqual(16);
        expect(report.charts.length).toBe(expected.slides.filter((slide) => slide.chart !== undefined).length);
        for (const chart of report.charts) {
          expect(chart.isNarrowShown, 'the narrow drawing shown, the slide one hidden').toBe(true);
          expect(chart.width).toBeGreaterThan(300);
          expect(chart.width).toBeLessThanOrEqual(PHONE.width - 32);
        }
        await page.evaluate(() => document.querySelector('[data-layout="chart"]')?.scrollIntoView());
        await page.screenshot(join(screenshotDir('engines'), `${name}-phone-reading.png`));
        expect(await page.problems()).toEqual([]);
      } finally {
        await page.close();
      }
    }, 90_000);

    it('reports an uncaught error, a console error and requests that leave the machine, so a clean page means one', async () => {
      const page = await openDeck(engine, plainUrl, PROJECTOR);
      try {
        await page.evaluate(() => window.postMessage('misbehave', '*'));
        // WebKit mutes the message of an error thrown in a file:// page ("Script error."), but reports it.
        const uncaught = name === 'webkit' ? 'uncaught Script error.' : 'an uncaught error';
        const reported = ['a console error', uncaught, 'example.org', 'example.net'];
        await expect
          .poll(() => page.problems(), { timeout: 15_000 })
          .toEqual(expect.arrayContaining(reported.map((text) => expect.stringContaining(text))));
      } finally {
        await page.close();
      }
    }, 60_000);
  });
}
