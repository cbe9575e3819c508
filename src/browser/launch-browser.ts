import type { Browser, BrowserContext } from 'playwright-core';
import { DeckError } from '../errors/deck-error.js';
import { messages } from '../errors/messages.js';

/**
 * Headless, no sandbox (CI runs as root), and nothing that phones home: the deck is opened offline.
 * Shared by the PDF export, the browser tests and scripts/measure-browser.mjs, so all three see the same Chromium.
 */
export const BROWSER_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

export async function launchBrowser(executablePath: string): Promise<Browser> {
  // Imported here so that `datadeck build` never loads playwright.
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({ executablePath, args: [...BROWSER_ARGS], headless: true });
  } catch (error) {
    const detail = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    throw new DeckError({ code: 'browser', ...messages.browserLaunch(executablePath, detail) }, { cause: error });
  }
}

/** Everything but file: and data: URLs is aborted: a deck that needs the network is a bug, and a test must see it. */
export async function blockNetwork(context: BrowserContext, onBlocked?: (url: string) => void): Promise<void> {
  await context.route(
    (url) => url.protocol !== 'file:' && url.protocol !== 'data:',
    async (route) => {
      onBlocked?.(route.request().url());
      await route.abort('blockedbyclient');
    },
  );
}
