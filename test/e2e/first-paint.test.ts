import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import type { BuildResult } from '../../src/model.js';
import { blockNetwork } from '../../src/browser/launch-browser.js';
import { createTestOptions, DEFAULT_DATA } from '../helpers.js';
import { announceSkip, isBrowserMissing, screenshotDir, startBrowser, waitForReveal } from './support/browser.js';
import { decodePng, differingShare, type Box } from './support/png.js';

announceSkip('the first frame in Chromium (test/e2e/first-paint.test.ts)');

/** What one animation frame was about to paint: read in its requestAnimationFrame callback, before the paint. */
interface FrameState {
  readonly isRevealReady: boolean;
  /** The slides shown, by index. */
  readonly present: number[];
  readonly background: string;
  readonly heading: Box | null;
  readonly transform: string;
  readonly areFontsLoaded: boolean;
}

declare global {
  interface Window {
    __frames: FrameState[];
    __releaseFrames: () => void;
  }
}

// Runs before the page's own scripts. Records what each of the first frames paints until reveal is ready, and holds
// the page's own animation-frame callbacks (the one that starts reveal) until the test has taken its screenshot:
// the page then stays as its first frame showed it.
function recordFrames(): void {
  const nativeFrame = window.requestAnimationFrame.bind(window);
  const held: FrameRequestCallback[] = [];
  let isHolding = true;
  let isRecordPending = false;
  window.__frames = [];
  const record = () => {
    const slides = Array.from(document.querySelectorAll('.reveal > .slides > section'));
    // Shown: displayed and not transparent (reveal keeps its neighbours displayed at opacity 0).
    const present = slides.flatMap((slide, index) => {
      const style = getComputedStyle(slide);
      return style.display === 'none' || style.opacity === '0' ? [] : [index];
    });
    // What the window shows behind the slides: the body's background, else the root's, else the canvas's white.
    const painted = [document.body, document.documentElement].map((element) => (element ? getComputedStyle(element).backgroundColor : ''));
    const background = painted.find((colour) => colour !== '' && colour !== 'rgba(0, 0, 0, 0)') ?? 'rgb(255, 255, 255)';
    const heading = document.querySelector('.reveal > .slides > section.present')?.querySelector('h1, h2');
    const box = heading?.getBoundingClientRect();
    const reveal = (window as { Reveal?: { isReady: () => boolean } }).Reveal;
    window.__frames.push({
      isRevealReady: reveal?.isReady() === true,
      present,
      background,
      heading: box ? { x: box.x, y: box.y, width: box.width, height: box.height } : null,
      transform: getComputedStyle(document.querySelector('.reveal > .slides') ?? document.body).transform,
      areFontsLoaded: areFontsLoaded(),
    });
    // While held, the page does not change: one frame says it all. After the release, every frame until reveal is ready.
    if (reveal?.isReady() === true || window.__frames.length >= 60) return;
    if (isHolding) isRecordPending = true;
    else nativeFrame(record);
  };
  const areFontsLoaded = () => {
    let isLoaded = true;
    document.fonts.forEach((face) => {
      isLoaded &&= face.status === 'loaded';
    });
    return isLoaded;
  };
  nativeFrame(record);
  window.requestAnimationFrame = (callback) => {
    if (!isHolding) return nativeFrame(callback);
    held.push(callback);
    return held.length;
  };
  window.__releaseFrames = () => {
    isHolding = false;
    for (const callback of held.splice(0)) nativeFrame(callback);
    if (isRecordPending) nativeFrame(record);
  };
}

const CASES = [
  { name: '1280x720', width: 1280, height: 720, hash: '', slide: 0 },
  { name: '1920x1080', width: 1920, height: 1080, hash: '', slide: 0 },
  { name: '1280x720-hash-3', width: 1280, height: 720, hash: '#/3', slide: 3 },
] as const;

describe.skipIf(isBrowserMissing)('the first frame of the default deck, before reveal.js starts', () => {
  let browser: Browser;
  let built: BuildResult;

  beforeAll(async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'datadeck-e2e-first-paint-'));
    [browser, built] = await Promise.all([startBrowser(), buildDeck(createTestOptions({ dataFile: DEFAULT_DATA, outDir }))]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const view of CASES) {
    it(`at ${view.name}: already shows slide ${view.slide + 1} where and as large as reveal then keeps it, in its font`, async () => {
      const context = await browser.newContext({ viewport: { width: view.width, height: view.height } });
      await blockNetwork(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.addInitScript(recordFrames);
      await page.goto(`${pathToFileURL(built.outFile).href}${view.hash}`);
      await page.waitForFunction(() => window.__frames.length > 0);
      const dir = screenshotDir('first-paint');
      const first = await page.screenshot({ path: join(dir, `${view.name}-first-frame.png`) });

      await page.evaluate(() => window.__releaseFrames());
      await waitForReveal(page);
      await settle(page);
      const ready = await page.screenshot({ path: join(dir, `${view.name}-ready.png`) });
      const final = await readFinal(page);
      const frames = await page.evaluate(() => window.__frames);
      writeFileSync(join(dir, `${view.name}-frames.json`), `${JSON.stringify({ frames, final }, null, 2)}\n`);

      expect(errors).toEqual([]);
      expect(final.index).toBe(view.slide);
      // The frames from the first to the first one after reveal is ready. The first frame that shows anything shows
      // the slide, before reveal runs, where and as large as reveal then keeps it, in its font. Before that frame the
      // window may show its background alone while the page is parsed, but no slide and no half-styled text.
      expect(frames[0]?.isRevealReady).toBe(false);
      expect(frames.at(-1)?.isRevealReady).toBe(true);
      const shown = frames.findIndex((frame) => frame.present.length > 0);
      expect(frames[shown]?.isRevealReady).toBe(false);
      for (const frame of frames.slice(0, shown)) expect(frame.background).toBe(final.background);
      for (const frame of frames.slice(shown)) {
        expect(frame.background).toBe(final.background);
        expect(frame.present).toEqual([view.slide]);
        expect(frame.areFontsLoaded).toBe(true);
        expect(frame.transform).toBe(final.transform);
        expectSameBox(frame.heading, final.heading);
      }
      // And what it paints looks like what reveal shows: the heading's pixels, not only its box, and the whole
      // window above the strip where reveal adds its controls, progress bar and slide number.
      const [firstPixels, readyPixels] = [decodePng(first), decodePng(ready)];
      expect(differingShare(firstPixels, readyPixels, final.heading)).toBeLessThan(0.01);
      expect(differingShare(firstPixels, readyPixels, { x: 0, y: 0, width: view.width, height: view.height * 0.85 })).toBeLessThan(0.005);
      await context.close();
    });
  }
});

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

async function readFinal(page: Page): Promise<{ index: number; heading: Box; transform: string; background: string }> {
  return page.evaluate(() => {
    const box = Reveal.getCurrentSlide()?.querySelector('h1, h2')?.getBoundingClientRect();
    if (!box) throw new Error('the current slide has no heading');
    return {
      index: Reveal.getIndices().h,
      heading: { x: box.x, y: box.y, width: box.width, height: box.height },
      transform: getComputedStyle(document.querySelector('.reveal > .slides') ?? document.body).transform,
      background: getComputedStyle(document.body).backgroundColor,
    };
  });
}

function expectSameBox(actual: Box | null, expected: Box): void {
  expect(actual).not.toBeNull();
  for (const key of ['x', 'y', 'width', 'height'] as const)
    expect(Math.abs((actual?.[key] ?? Number.NaN) - expected[key])).toBeLessThanOrEqual(1);
}
