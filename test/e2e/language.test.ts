import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import type { Language } from '../../src/i18n/words.js';
import { createTestOptions, DEFAULT_DATA, ROOT } from '../helpers.js';
import { findForeignWords } from '../language-words.js';
import { announceSkip, isBrowserMissing, openDeck, screenshotDir, startBrowser } from './support/browser.js';

announceSkip("reveal's screens in the deck's language (test/e2e/language.test.ts)");

const DECKS: readonly { readonly language: Language; readonly data: string; readonly clock: RegExp }[] = [
  { language: 'es', data: DEFAULT_DATA, clock: /^\d{2}:\d{2}$/ },
  { language: 'en', data: `${ROOT}examples/cloud-gpus/deck.yaml`, clock: /^\d{2}:\d{2}\s?(AM|PM)$/ },
];

/** What a screen reader or an eye gets from reveal's own parts of the page, never the slides (the data's text). */
async function readRevealScreens(page: Page): Promise<Record<string, string>> {
  const labels = () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll('.controls button'))
        .map((button) => button.getAttribute('aria-label') ?? '')
        .join(' | '),
    );
  await page.keyboard.press('Shift+?');
  const help = await page.locator('.r-overlay-help').innerText();
  await page.screenshot({ path: join(screenshotDir('language'), `${await page.evaluate(() => document.documentElement.lang)}-help.png`) });
  await page.keyboard.press('Escape');
  await page.keyboard.press('b');
  await page.locator('.reveal.paused').waitFor();
  // The overlay fades in: its text is there for a reader once it is visible, which a busy machine takes a while to show.
  await expect.poll(() => page.locator('.pause-overlay').innerText(), { timeout: 5_000 }).not.toBe('');
  const pause = await page.locator('.pause-overlay').innerText();
  await page.keyboard.press('b');
  await page.keyboard.press('g');
  const jump = (await page.locator('.jump-to-slide-input').getAttribute('placeholder')) ?? '';
  await page.keyboard.press('Escape');
  return { help, pause, jump, controls: await labels() };
}

describe.skipIf(isBrowserMissing)("reveal's own screens speak the deck's language", () => {
  let browser: Browser;
  const built = new Map<Language, string>();

  beforeAll(async () => {
    browser = await startBrowser();
    for (const deck of DECKS) {
      const outDir = mkdtempSync(join(tmpdir(), `datadeck-e2e-lang-${deck.language}-`));
      built.set(deck.language, (await buildDeck(createTestOptions({ dataFile: deck.data, outDir }))).outFile);
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each(DECKS)("$language: help, pause, jump and the controls' labels have no word of the other language", async ({ language }) => {
    const { page, context, problems } = await openDeck(browser, built.get(language) ?? '');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    const screens = await readRevealScreens(page);
    for (const [screen, text] of Object.entries(screens)) {
      expect(text.trim(), `${screen} is empty`).not.toBe('');
      expect(findForeignWords(text, language), `${screen}: ${text}`).toEqual([]);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it.each(DECKS)("$language: the speaker view has the deck's lang, its words and its clock", async ({ language, clock }) => {
    const { page, context, problems } = await openDeck(browser, built.get(language) ?? '');
    const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    await speaker.setViewportSize({ width: 1280, height: 720 });
    await speaker.locator('#connection-status').waitFor({ state: 'hidden' });
    await expect.poll(() => speaker.locator('.clock-value').innerText()).toMatch(clock);
    const view = await speaker.evaluate(() => {
      // The notes are the data's text: everything else on this page is reveal's.
      const notes = document.querySelector<HTMLElement>('.speaker-controls-notes .value')?.innerText ?? '';
      const options = Array.from(document.querySelectorAll('option')).map((option) => option.textContent ?? '');
      return {
        lang: document.documentElement.lang,
        text: [document.title, document.body.innerText.replace(notes, ''), ...options].join('\n'),
      };
    });
    expect(view.lang).toBe(language);
    expect(view.text).toContain(language === 'es' ? 'A continuación' : 'Upcoming');
    expect(findForeignWords(view.text, language), view.text).toEqual([]);
    await speaker.screenshot({ path: join(screenshotDir('language'), `${language}-speaker-view.png`) });
    expect(problems).toEqual([]);
    await context.close();
  });
});
