import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findBrowser, locateBrowser } from '../../../src/browser/find-browser.js';
import { blockNetwork, launchBrowser } from '../../../src/browser/launch-browser.js';
import { ROOT } from '../../helpers.js';

const located = locateBrowser({ env: process.env });
export const isCi = process.env.CI === 'true' || process.env.CI === '1';
/** Off CI a machine without Chrome skips the browser suites (reported as skipped); under CI=true they run and fail. */
export const isBrowserMissing = 'problem' in located && !isCi;
const INSTALL = 'install it with `sudo apt-get install chromium` (Debian/Ubuntu) or set CHROME_PATH=/path/to/chrome';

/** Says out loud that a suite did not run, and why: a skipped browser suite is not a passed one. */
export function announceSkip(suite: string): void {
  if ('problem' in located && !isCi) {
    console.warn(`\n⚠ SKIPPED (not passed): ${suite}\n  ${located.problem.message}\n  To run it, ${INSTALL}.\n`);
  }
}

/** The one Chromium of a test file; under CI=true a missing browser throws here and fails the suite. */
export async function startBrowser(): Promise<Browser> {
  if ('problem' in located) throw new Error(`the browser suite cannot run: ${located.problem.message} ${INSTALL} (.ci/run does this)`);
  return launchBrowser(findBrowser({ env: process.env }));
}

export interface Viewport {
  readonly name: string;
  readonly width: number;
  readonly height: number;
}

export const VIEWPORTS: readonly Viewport[] = [
  { name: 'projector-1280x720', width: 1280, height: 720 },
  { name: 'fullhd-1920x1080', width: 1920, height: 1080 },
  // Below reveal's scrollActivationWidth (435 px) the deck turns into its scroll view, as on a phone.
  { name: 'phone-390x844', width: 390, height: 844 },
];

export interface OpenedDeck {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors, uncaught exceptions, failed or blocked requests, in this page, its popups and frames. */
  readonly problems: string[];
  /** Every URL the pages asked for. */
  readonly requests: string[];
  /** The text of every dialog (alert, confirm, prompt) anything tried to open. */
  readonly dialogs: string[];
}

export interface OpenOptions {
  readonly viewport?: Viewport;
  /** Query string without "?", e.g. "print-pdf" or "showNotes=true". */
  readonly query?: string;
  /** Wait for this instead of reveal's ready: the print view has its own event. */
  readonly isPrintView?: boolean;
  /** A phone: touch, a mobile viewport and two device pixels per CSS pixel. */
  readonly isPhone?: boolean;
}

/** Opens a built deck from file:// with every other request aborted, and records whatever goes wrong. */
export async function openDeck(browser: Browser, htmlFile: string, options: OpenOptions = {}): Promise<OpenedDeck> {
  const { width, height } = options.viewport ?? VIEWPORTS[0] ?? { width: 1280, height: 720 };
  const phone = options.isPhone === true ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {};
  const context = await browser.newContext({ viewport: { width, height }, ...phone });
  const opened: OpenedDeck = { context, page: await context.newPage(), problems: [], requests: [], dialogs: [] };
  await blockNetwork(context, (url) => opened.problems.push(`blocked request: ${url}`));
  watchPage(opened, opened.page);
  context.on('page', (popup) => watchPage(opened, popup));
  context.on('request', (request) => opened.requests.push(request.url()));
  context.on('requestfailed', (request) =>
    opened.problems.push(`failed request: ${request.url()} (${request.failure()?.errorText ?? ''})`),
  );
  await opened.page.addInitScript(() => {
    document.addEventListener('pdf-ready', () => document.documentElement.setAttribute('data-pdf-ready', ''), { once: true });
  });
  const url = `${pathToFileURL(htmlFile).href}${options.query === undefined ? '' : `?${options.query}`}`;
  await opened.page.goto(url);
  if (options.isPrintView === true) await opened.page.locator('html[data-pdf-ready]').waitFor({ state: 'attached' });
  else if (!(await isReadingView(opened.page))) await waitForReveal(opened.page);
  return opened;
}

function watchPage(opened: OpenedDeck, page: Page): void {
  page.on('console', (message) => {
    if (message.type() === 'error') opened.problems.push(`console error in ${message.location().url || page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => opened.problems.push(`uncaught exception in ${page.url()}: ${error.message}`));
  page.on('dialog', async (dialog) => {
    opened.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
}

/** True when the page opened as the reading view (a phone held upright, or ?view=read), where reveal never starts. */
export async function isReadingView(page: Page): Promise<boolean> {
  await page.waitForLoadState('load');
  return page.evaluate(() => document.documentElement.classList.contains('dd-read'));
}

/** Waits for reveal's ready and turns transitions off, so each step waits on an event and not on a clock. */
export async function waitForReveal(page: Page): Promise<void> {
  await page.waitForFunction(() => typeof Reveal !== 'undefined' && Reveal.isReady());
  await page.evaluate(() => Reveal.configure({ transition: 'none', backgroundTransition: 'none' }));
}

/** Shows slide `index` and waits until reveal reports it current; the scroll view (phones) is scrolled, as a reader would. */
export async function showSlide(page: Page, index: number): Promise<void> {
  await page.evaluate((target) => {
    const slide = Reveal.getSlides()[target];
    if (Reveal.isScrollView()) slide?.closest('.scroll-page')?.scrollIntoView();
    else Reveal.slide(target);
  }, index);
  await page.waitForFunction((target) => Reveal.getIndices().h === target, index);
}

/** Where the suite's screenshots go: test artefacts, ignored by git. */
export function screenshotDir(...parts: string[]): string {
  const dir = join(ROOT, 'test-results', 'e2e', ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}
