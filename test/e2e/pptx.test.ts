import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPptx, type PptxResult } from '../../src/commands/pptx.js';
import { createTestOptions, DEFAULT_DATA, ROOT } from '../helpers.js';
import { unpackPptx } from '../unit/pptx/read-pptx.js';
import { announceSkip, isBrowserMissing, screenshotDir } from './support/browser.js';
import { announceLibreOfficeSkip, convertToPdf, isLibreOfficeMissing, renderPages } from './support/libreoffice.js';
import { announcePopplerSkip, isPopplerMissing, readPdfFacts, readPdfPages, withoutSpaces } from './support/pdf-text.js';

const SUITE = 'PowerPoint export opened in LibreOffice (test/e2e/pptx.test.ts)';
announceSkip(SUITE);
announceLibreOfficeSkip(SUITE);
announcePopplerSkip(SUITE);

const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `datadeck-e2e-${name}-`));
const EXAMPLES = readdirSync(join(ROOT, 'examples')).sort();
const DECKS = [
  { name: 'default', dataFile: DEFAULT_DATA },
  ...EXAMPLES.map((name) => ({ name, dataFile: join(ROOT, 'examples', name, 'deck.yaml') })),
];

describe.skipIf(isBrowserMissing || isLibreOfficeMissing || isPopplerMissing)(SUITE, () => {
  // LibreOffice names each PDF after its file: every deck.pptx is copied to <deck>.pptx first.
  const exported = new Map<string, { result: PptxResult; file: string; pdf: string }>();
  const pdfDir = tempDir('pptx-pdf');

  beforeAll(async () => {
    // One export per deck (with Chromium for the pictures), then one LibreOffice run converting them all.
    for (const deck of DECKS) {
      const result = await exportPptx({
        build: createTestOptions({ dataFile: deck.dataFile, outDir: tempDir(`pptx-${deck.name}`) }),
        env: process.env,
      });
      const copy = join(dirname(result.outFile), `${deck.name}.pptx`);
      copyFileSync(result.outFile, copy);
      exported.set(deck.name, { result, file: copy, pdf: join(pdfDir, `${deck.name}.pdf`) });
    }
    await convertToPdf(
      [...exported.values()].map((deck) => deck.file),
      pdfDir,
    );
  }, 240_000);

  it.each(DECKS.map((deck) => deck.name))('%s: LibreOffice opens it and prints one page per slide, 16:9', async (name) => {
    const deck = exported.get(name);
    if (deck === undefined) throw new Error(`${name} was not exported`);
    const facts = await readPdfFacts(deck.pdf);
    expect(facts.pages).toBe(deck.result.slideCount);
    expect(facts.widthPt / facts.heightPt).toBeCloseTo(16 / 9, 2);
  });

  it('draws the range chart of the default deck as a PNG from its SVG, and every other chart natively', async () => {
    const deck = exported.get('default');
    if (deck === undefined) throw new Error('the default deck was not exported');
    expect(deck.result.pictureCount).toBe(1);
    expect(deck.result.nativeChartCount).toBe(4);
    expect(deck.result.warnings.filter((warning) => warning.code === 'browser')).toEqual([]);
    const pptx = await unpackPptx(deck.result.outFile);
    const pictures = pptx.names.filter((name) => name.startsWith('ppt/media/'));
    expect(pictures).toHaveLength(1);
    expect(pictures[0]).toMatch(/\.png$/);
    // Never an SVG: LibreOffice and Google Slides show a red cross for pptxgenjs' SVG pictures.
    expect(pptx.names.some((name) => name.endsWith('.svg'))).toBe(false);
    // Chromium's picture included, a second export gives the same bytes.
    const again = await exportPptx({
      build: createTestOptions({ dataFile: DEFAULT_DATA, outDir: tempDir('pptx-again') }),
      env: process.env,
    });
    expect(readFileSync(again.outFile).equals(readFileSync(deck.result.outFile))).toBe(true);
  });

  it('shows the texts, the table and the chart labels as text a reader can select (not pictures of text)', async () => {
    const deck = exported.get('default');
    if (deck === undefined) throw new Error('the default deck was not exported');
    const pages = (await readPdfPages(deck.pdf)).map(withoutSpaces);
    expect(pages[0]).toContain(withoutSpaces('Costos relacionados a los modelos de lenguaje'));
    expect(pages.some((page) => page.includes(withoutSpaces('NVIDIA H100')))).toBe(true);
    // A native bar chart's category axis: text in the PDF.
    expect(pages[5]).toContain('GPT-4');
    // Pages as PNGs for a person to look at (test-results/e2e/pptx/).
    const dir = screenshotDir('pptx');
    await renderPages(deck.pdf, join(dir, basename(deck.pdf, '.pdf')));
    expect(readdirSync(dir).filter((file) => file.endsWith('.png')).length).toBeGreaterThanOrEqual(deck.result.slideCount);
    expect(readFileSync(deck.result.outFile).byteLength).toBeGreaterThan(0);
  });
});
