import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { DeckError } from '../errors/deck-error.js';
import { messages } from '../errors/messages.js';
import type { PageSize } from '../page/print-view.js';
import { blockNetwork, launchBrowser } from './launch-browser.js';

/** A browser with one blank tab the size of a PDF page, network cut off, waiting for a deck to print. */
export interface Printer {
  readonly page: Page;
  readonly pageSize: PageSize;
  /** Closes the browser. */
  close(): Promise<void>;
}

export interface PrintInput {
  readonly printer: Printer;
  /** A built deck, index.html on disk. */
  readonly htmlFile: string;
  /** Print each slide's speaker notes on a page of their own after it (reveal's showNotes: 'separate-page'). */
  readonly hasNotes: boolean;
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

/** Starts the browser and opens its tab: done while the deck builds, it is off the time a user waits for the PDF. */
export async function startPrinter(executablePath: string, pageSize: PageSize): Promise<Printer> {
  const browser = await launchBrowser(executablePath);
  try {
    const context = await browser.newContext({ viewport: { width: pageSize.width, height: pageSize.height } });
    await blockNetwork(context);
    // Registered before any page script runs, so reveal's pdf-ready cannot fire before anyone listens.
    await context.addInitScript(() => {
      document.addEventListener('pdf-ready', () => document.documentElement.setAttribute('data-pdf-ready', ''), { once: true });
    });
    const page = await context.newPage();
    return { page, pageSize, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Opens the deck in reveal's print view, waits for its pdf-ready event and prints it: vectors, text kept as text. */
export async function printDeck(input: PrintInput): Promise<PrintedDeck> {
  const { page, pageSize } = input.printer;
  await openPrintView(page, printViewUrl(input.htmlFile, input.hasNotes), input.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  // One round trip: the fonts are in (they decide line breaks) and the pages counted.
  const { slidePageCount, notesPageCount } = await page.evaluate(async () => {
    await document.fonts.ready;
    return {
      slidePageCount: document.querySelectorAll('.pdf-page').length,
      notesPageCount: document.querySelectorAll('.speaker-notes-pdf[data-layout="separate-page"]').length,
    };
  });
  const pdf = await page.pdf({
    width: `${pageSize.width}px`,
    height: `${pageSize.height}px`,
    printBackground: true,
    margin: { top: '0', right: '0', bottom: '0', left: '0' },
  });
  return { pdf, slidePageCount, notesPageCount };
}

// reveal lays the print view out after the page has loaded, so its pdf-ready is the one thing to wait for.
async function openPrintView(page: Page, url: string, timeoutMs: number): Promise<void> {
  await page.goto(url, { waitUntil: 'commit' });
  try {
    await page.locator('html[data-pdf-ready]').waitFor({ state: 'attached', timeout: timeoutMs });
  } catch (error) {
    throw new DeckError({ code: 'browser', ...messages.printTimeout(Math.round(timeoutMs / 1000)) }, { cause: error });
  }
}
