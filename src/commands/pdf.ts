import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBrowser } from '../browser/find-browser.js';
import { printDeck, startPrinter } from '../browser/print-deck.js';
import { buildDeck } from '../build.js';
import type { Problem } from '../errors/deck-error.js';
import type { BuildOptions } from '../options.js';
import { REVEAL_CONFIG } from '../page/bundle.js';
import { printPageSize } from '../page/print-view.js';

export interface PdfOptions {
  readonly build: BuildOptions;
  /** Add each slide's speaker notes on a page after it: a handout for the presenter. */
  readonly hasNotes: boolean;
  /** Where CHROME_PATH and PATH are read from. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface PdfResult {
  readonly outFile: string;
  readonly bytes: number;
  readonly slidePageCount: number;
  readonly notesPageCount: number;
  readonly warnings: readonly Problem[];
}

/** The PDF a handout uses: deck-notes.pdf, so the one with notes is never mistaken for the one to share. */
export function pdfFileName(hasNotes: boolean): string {
  return hasNotes ? 'deck-notes.pdf' : 'deck.pdf';
}

/**
 * buildDeck into a temp folder, then reveal's print view in Chromium. The PDF to share is printed from a public
 * build, so it cannot carry a note even as hidden text; dist/index.html is left as the user last built it.
 */
export async function exportPdf(options: PdfOptions): Promise<PdfResult> {
  const executablePath = findBrowser({ env: options.env, isForPrint: true }); // before any work: no browser, no PDF
  const workDir = await mkdtemp(join(tmpdir(), 'datadeck-pdf-'));
  try {
    // The browser starts and opens its tab while the deck builds; both take a few hundred milliseconds.
    const build = buildDeck({ ...options.build, outDir: workDir, isPublic: !options.hasNotes, isForPrint: true });
    const [built, printer] = await settleBoth(build, startPrinter(executablePath, printPageSize(REVEAL_CONFIG)));
    const printed = await printDeck({ printer, htmlFile: built.outFile, hasNotes: options.hasNotes }).catch(async (error: unknown) => {
      await printer.close();
      throw error;
    });
    // The browser shuts down while the PDF is written.
    const closed = printer.close();
    try {
      const outFile = await writePdf(printed.pdf, options.build.outDir, pdfFileName(options.hasNotes));
      const { slidePageCount, notesPageCount } = printed;
      return { outFile, bytes: printed.pdf.byteLength, slidePageCount, notesPageCount, warnings: built.warnings };
    } finally {
      await closed;
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Both results, or the first failure once both have settled, so a failed build never leaves a browser running. */
async function settleBoth<A, B extends { close(): Promise<void> }>(first: Promise<A>, second: Promise<B>): Promise<[A, B]> {
  const [a, b] = await Promise.allSettled([first, second]);
  if (a.status === 'fulfilled' && b.status === 'fulfilled') return [a.value, b.value];
  if (b.status === 'fulfilled') await b.value.close();
  const reason: unknown = a.status === 'rejected' ? a.reason : b.status === 'rejected' ? b.reason : undefined;
  throw reason;
}

// Written like index.html: a temp file renamed over the target, so a reader never opens half a PDF.
async function writePdf(pdf: Buffer, outDir: string, name: string): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const outFile = join(outDir, name);
  const temp = join(outDir, `.${name}.${process.pid}.tmp`);
  try {
    await writeFile(temp, pdf);
    await rename(temp, outFile);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return outFile;
}
