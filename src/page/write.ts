import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DeckError, type Problem } from '../errors/deck-error.js';
import { messages } from '../errors/messages.js';
import { CACHE_FILE, type CacheFile } from '../cache/load-cache.js';

export interface WrittenDeck {
  readonly outFile: string;
  readonly bytes: number;
}

/** The deck's file write: a temp file renamed over index.html, so a reader never sees half a deck. */
export async function writeDeck(html: string, outDir: string): Promise<WrittenDeck> {
  const outFile = join(outDir === '' ? '.' : outDir, 'index.html');
  try {
    mkdirSync(dirname(outFile), { recursive: true });
    await writeAtomically(outFile, html);
  } catch (error) {
    // The output folder is the user's choice (--out): a file in the way or no permission is theirs to fix.
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new DeckError({ code: 'file', ...messages.outUnwritable(outDir, reason) }, { cause: error });
  }
  return { outFile, bytes: Buffer.byteLength(html, 'utf8') };
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
