import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DeckError, type Problem } from '../errors/deck-error.js';
import { messages } from '../errors/messages.js';
import { CACHE_FILE, type CacheFile } from '../cache/load-cache.js';

export interface WrittenDeck {
  readonly outFile: string;
  readonly bytes: number;
}

/** A file written beside index.html: the link-preview image. */
export interface DeckFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * The deck's file write: a temp file renamed over index.html, so a reader never sees half a deck. The preview image
 * it names goes first (a page never names a missing image); the previews of earlier builds go after it, so they do
 * not pile up and a failed build leaves the previous deck with its own.
 */
export async function writeDeck(html: string, outDir: string, preview?: DeckFile): Promise<WrittenDeck> {
  const outFile = join(outDir === '' ? '.' : outDir, 'index.html');
  const previewFile = preview === undefined ? undefined : join(dirname(outFile), preview.name);
  const isPreviewNew = previewFile !== undefined && !existsSync(previewFile);
  try {
    mkdirSync(dirname(outFile), { recursive: true });
    if (previewFile !== undefined && preview !== undefined) await writeAtomically(previewFile, preview.bytes);
    await writeAtomically(outFile, html);
  } catch (error) {
    if (isPreviewNew && previewFile !== undefined) rmSync(previewFile, { force: true });
    // The output folder is the user's choice (--out): a file in the way or no permission is theirs to fix.
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new DeckError({ code: 'file', ...messages.outUnwritable(outDir, reason) }, { cause: error });
  }
  removeOldPreviews(dirname(outFile), preview?.name);
  return { outFile, bytes: Buffer.byteLength(html, 'utf8') };
}

/** The names writeDeck gives preview images; no other file of the output folder is ever removed. */
export const PREVIEW_NAME = /^preview-[0-9a-f]{12}\.jpg$/;

function removeOldPreviews(dir: string, kept: string | undefined): void {
  for (const name of readdirSync(dir)) if (PREVIEW_NAME.test(name) && name !== kept) rmSync(join(dir, name), { force: true });
}

/** The PowerPoint export: written like index.html, so a failed export leaves the previous deck.pptx as it was. */
export async function writePptxFile(bytes: Uint8Array, outDir: string): Promise<WrittenDeck> {
  const outFile = join(outDir === '' ? '.' : outDir, 'deck.pptx');
  try {
    mkdirSync(dirname(outFile), { recursive: true });
    await writeAtomically(outFile, bytes);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new DeckError({ code: 'file', ...messages.pptxUnwritable(outDir, reason) }, { cause: error });
  }
  return { outFile, bytes: bytes.byteLength };
}

/** The deck's editor schema next to its data file, replaced atomically when the deck's fields or layouts changed. */
export async function writeSchemaFile(file: string, text: string): Promise<void> {
  await writeAtomically(file, text);
}

/** The build cache, replaced whole and atomically like the deck; failing to write it is a note, not a failed build. */
export async function writeCache(cache: CacheFile, cacheDir: string): Promise<Problem | undefined> {
  const file = join(cacheDir, CACHE_FILE);
  try {
    mkdirSync(cacheDir, { recursive: true });
    await writeAtomically(file, JSON.stringify(cache));
    return undefined;
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    return { code: 'cache', ...messages.cacheUnwritable(file, reason), file };
  }
}

// Synchronous: one write and one rename, where the async calls' thread-pool round trips cost more than the write.
async function writeAtomically(file: string, text: string | Uint8Array): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text, typeof text === 'string' ? 'utf8' : undefined);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
