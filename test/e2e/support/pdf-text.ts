import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { isCi } from './browser.js';

const run = promisify(execFile);

/** poppler-utils reads the PDFs the way a PDF viewer does; .ci/run installs it, as it does Chromium. */
const hasPoppler = (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, 'pdftotext')));
export const isPopplerMissing = !hasPoppler && !isCi;

export function announcePopplerSkip(suite: string): void {
  if (isPopplerMissing)
    console.warn(`\n⚠ SKIPPED (not passed): ${suite}\n  pdftotext is not installed. To run it: sudo apt-get install poppler-utils\n`);
}

export interface PdfFacts {
  readonly pages: number;
  readonly widthPt: number;
  readonly heightPt: number;
  /** Raster images in the file: 0 means every chart, text and shape is drawn as vectors. */
  readonly imageCount: number;
  /** Each font of the file as pdffonts lists it: its name, its type (TrueType, Type 3…) and whether it is embedded. */
  readonly fonts: readonly PdfFont[];
}

export interface PdfFont {
  readonly name: string;
  readonly type: string;
  readonly isEmbedded: boolean;
}

export async function readPdfFacts(file: string): Promise<PdfFacts> {
  const [info, images, fonts] = await Promise.all([run('pdfinfo', [file]), run('pdfimages', ['-list', file]), run('pdffonts', [file])]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info.stdout);
  // pdfimages -list prints two header lines, then one line per image.
  const imageCount = images.stdout.trim().split('\n').length - 2;
  return { pages, widthPt: Number(size?.[1]), heightPt: Number(size?.[2]), imageCount, fonts: parsePdfFonts(fonts.stdout) };
}

// pdffonts prints a header, a dashed line whose dashes give each column's width, then one line per font.
function parsePdfFonts(listing: string): PdfFont[] {
  const [, ruler = '', ...lines] = listing.split('\n');
  const columns = [...ruler.matchAll(/-+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  const cell = (line: string, index: number) => line.slice(columns[index]?.start, columns[index]?.end).trim();
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => ({ name: cell(line, 0), type: cell(line, 1), isEmbedded: cell(line, 3) === 'yes' }));
}

/** The text of each page, as pdftotext extracts it. */
export async function readPdfPages(file: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  // pdftotext ends every page with a form feed.
  return stdout.split('\f').slice(0, -1);
}

/**
 * Text with every space removed: PDF text keeps no spaces of its own, and a letter-spaced line comes out of
 * pdftotext as "POLIT É CNICA", so "does the title appear" is asked of both sides without spaces.
 */
export function withoutSpaces(text: string): string {
  return text.replace(/\s+/g, '');
}
