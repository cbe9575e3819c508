import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import type { BuildResult } from '../../src/model.js';
import { createTestOptions, DEFAULT_DATA, ROOT } from '../helpers.js';
import { announceSkip, isBrowserMissing, openDeck, startBrowser } from './support/browser.js';
import { readExpectedDeck, shownPattern, type ExpectedDeck } from './support/expected-deck.js';
import { announcePopplerSkip, isPopplerMissing, readPdfFacts, readPdfPages, withoutSpaces } from './support/pdf-text.js';

announceSkip('PDF export in Chromium (test/e2e/pdf.test.ts)');
announcePopplerSkip('PDF export in Chromium (test/e2e/pdf.test.ts)');

const execute = promisify(execFile);
const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `datadeck-e2e-${name}-`));

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The real command, as `npm run pdf -- ...` runs it, from the repository root with the default data. */
async function runDatadeck(args: readonly string[], env: Record<string, string> = {}): Promise<Outcome> {
  try {
    const { stdout, stderr } = await execute(process.execPath, [join(ROOT, 'lib/main.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && 'stdout' in error && 'stderr' in error) {
      return { code: Number(error.code), stdout: String(error.stdout), stderr: String(error.stderr) };
    }
    throw error;
  }
}

describe('npm run pdf on a machine without a browser', () => {
  it('exits 1 with an error naming CHROME_PATH and how to install Chromium, and writes nothing', async () => {
    const outDir = tempDir('no-browser');
    const outcome = await runDatadeck(['pdf', '--out', outDir], { CHROME_PATH: join(outDir, 'no-such-chrome') });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('error[browser]');
    expect(outcome.stderr).toContain('CHROME_PATH');
    expect(outcome.stderr).toContain('apt-get install chromium');
    expect(existsSync(join(outDir, 'deck.pdf'))).toBe(false);
  });
});

describe.skipIf(isBrowserMissing || isPopplerMissing)('npm run pdf in Chromium', () => {
  let browser: Browser;
  let built: BuildResult;
  let expected: ExpectedDeck;

  beforeAll(async () => {
    [browser, built] = await Promise.all([
      startBrowser(),
      buildDeck(createTestOptions({ dataFile: DEFAULT_DATA, outDir: tempDir('pdf-deck') })),
    ]);
    expected = readExpectedDeck(DEFAULT_DATA, built);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('writes deck.pdf: one 16:9 page per slide, vectors only, every chart title and row name in its text, no notes', async () => {
    const outDir = tempDir('pdf');
    const outcome = await runDatadeck(['pdf', '--out', outDir]);
    expect(outcome.code, outcome.stderr).toBe(0);
    const file = join(outDir, 'deck.pdf');
    const facts = await readPdfFacts(file);
    expect(facts.pages).toBe(expected.slides.length);
    expect(facts.widthPt / facts.heightPt).toBeCloseTo(16 / 9, 2);
    expect(facts.imageCount).toBe(0);
    // Real embedded fonts (a variable font would print as Type 3 outlines), so the file stays small enough to e-mail.
    expect(facts.fonts.filter((font) => font.type === 'Type 3' || !font.isEmbedded)).toEqual([]);
    expect(facts.fonts.some((font) => font.name.includes('SourceSans3'))).toBe(true);
    expect(statSync(file).size).toBeLessThan(200_000);
    const pages = (await readPdfPages(file)).map(withoutSpaces);
    const text = pages.join('');
    const shown = (source: string) => shownPattern(source, { isSpaceless: true });
    for (const [index, slide] of expected.slides.entries()) {
      if (slide.title !== undefined) expect(pages[index], `page ${index + 1}`).toMatch(shown(slide.title));
      if (slide.chart !== undefined) {
        // A chart slide is found in the PDF by its title: one without a title would prove nothing here.
        expect(slide.title, `chart slide ${index + 1} has a title`).toBeDefined();
        expect(text).toMatch(shown(slide.title ?? '\u0000'));
      }
      if (slide.notes !== undefined) expect(text).not.toMatch(shown(slide.notes));
    }
    for (const name of expected.rowNames) expect(text).toContain(withoutSpaces(name));
    expect(pages[0]).toMatch(shown(expected.dataset.meta.title));
  });

  it('with --notes writes deck-notes.pdf, each slide followed by a page of its speaker notes', async () => {
    const outDir = tempDir('pdf-notes');
    const outcome = await runDatadeck(['pdf', '--notes', '--out', outDir]);
    expect(outcome.code, outcome.stderr).toBe(0);
    const file = join(outDir, 'deck-notes.pdf');
    const withNotes = expected.slides.filter((slide) => slide.notes !== undefined).length;
    expect(withNotes).toBeGreaterThan(0);
    expect((await readPdfFacts(file)).pages).toBe(expected.slides.length + withNotes);
    const pages = (await readPdfPages(file)).map(withoutSpaces);
    let page = 0;
    for (const slide of expected.slides) {
      if (slide.title !== undefined) expect(pages[page], `page ${page + 1}`).toMatch(shownPattern(slide.title, { isSpaceless: true }));
      page += 1;
      if (slide.notes === undefined) continue;
      expect(pages[page], `notes page ${page + 1}`).toMatch(shownPattern(slide.notes, { isSpaceless: true }));
      page += 1;
    }
  });

  it("lays out the print view under the deck's CSP without a console error, one page per slide", async () => {
    const { page, context, problems } = await openDeck(browser, built.outFile, {
      query: 'print-pdf&showNotes=separate-page',
      isPrintView: true,
    });
    expect(await page.locator('.pdf-page').count()).toBe(expected.slides.length);
    expect(problems).toEqual([]);
    await context.close();
  });
});
