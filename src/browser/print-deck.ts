import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { DeckError } from '../errors/deck-error.js';
import { messages } from '../errors/messages.js';
import type { PageSize } from '../stages/print-view.js';
import { blockNetwork } from './launch-browser.js';

export interface PrintInput {
  readonly browser: Browser;
  /** A built deck, index.html on disk. */
  readonly htmlFile: string;
  /** Print each slide's speaker notes on a page of their own after it (reveal's showNotes: 'separate-page'). */
  readonly hasNotes: boolean;
  readonly pageSize: PageSize;
  readonly timeoutMs?: number;
}

export interface PrintedDeck {
  readonly pdf: Buffer;
  /** Slide pages reveal laid out: one per slide. */
  readonly slidePageCount: number;
  /** Pages of speaker notes that follow their slide (0 without --notes). */
  readonly notesPageCount: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** The URL of reveal's print view: ?print-pdf lays every slide out as its own page. */
export function printViewUrl(htmlFile: string, hasNotes: boolean): string {
  return `${pathToFileURL(htmlFile).href}?print-pdf${hasNotes ? '&showNotes=separate-page' : ''}`;
}

/** Opens the deck in reveal's print view, waits for its pdf-ready event and prints it: vectors, text kept as text. */
export async function printDeck(input: PrintInput): Promise<PrintedDeck> {
  const { width, height } = input.pageSize;
  const context = await input.browser.newContext({ viewport: { width, height } });
  try {
    await blockNetwork(context);
    const page = await context.newPage();
    await openPrintView(page, printViewUrl(input.htmlFile, input.hasNotes), input.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const slidePageCount = await page.locator('.pdf-page').count();
    const notesPageCount = await page.locator('.speaker-notes-pdf[data-layout="separate-page"]').count();
    const pdf = await page.pdf({
      width: `${width}px`,
      height: `${height}px`,
      printBackground: true,
      margin: { top: '0', right: '0', bottom: '0', left: '0' },
    });
    return { pdf, slidePageCount, notesPageCount };
  } finally {
    await context.close();
  }
}

async function openPrintView(page: Page, url: string, timeoutMs: number): Promise<void> {
  // Registered before any page script runs, so the event cannot fire before anyone listens.
  await page.addInitScript(() => {
    document.addEventListener('pdf-ready', () => document.documentElement.setAttribute('data-pdf-ready', ''), { once: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  try {
    await page.locator('html[data-pdf-ready]').waitFor({ state: 'attached', timeout: timeoutMs });
  } catch (error) {
    throw new DeckError({ code: 'browser', ...messages.printTimeout(Math.round(timeoutMs / 1000)) }, { cause: error });
  }
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}
