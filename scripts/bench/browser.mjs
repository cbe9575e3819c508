// Time from navigation to the first slide visible: headless Chromium opens the deck from file:// and reads when
// reveal.js fired `ready` (performance.now() counts from the navigation's start). A fresh browser context per run,
// so no run reuses another's parsed page; one browser for all runs, as a presenter's is already open.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

export function findChromium() {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  return existsSync(path) ? path : undefined;
}

export async function measureFirstSlide({ htmlFile, runs, warmups = 1, executablePath }) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const samples = { readyMs: [], firstPaintMs: [] };
  try {
    for (let index = 0; index < warmups + runs; index += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        document.addEventListener('ready', () => (window.__datadeckReadyMs = performance.now()), { once: true });
      });
      await page.goto(pathToFileURL(htmlFile).href);
      await page.waitForFunction(() => window.__datadeckReadyMs !== undefined, undefined, { timeout: 10_000 });
      const timing = await page.evaluate(() => ({
        readyMs: window.__datadeckReadyMs,
        firstPaintMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      }));
      await context.close();
      if (index < warmups) continue;
      samples.readyMs.push(timing.readyMs);
      if (timing.firstPaintMs !== null) samples.firstPaintMs.push(timing.firstPaintMs);
    }
  } finally {
    await browser.close();
  }
  return samples;
}
