import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface WrittenDeck {
  readonly outFile: string;
  readonly bytes: number;
}

/** The only file write of a build: a temp file renamed over index.html, so a reader never sees half a deck. */
export async function writeDeck(html: string, outDir: string): Promise<WrittenDeck> {
  await mkdir(outDir, { recursive: true });
  const outFile = join(outDir, 'index.html');
  const temp = join(outDir, `.index.html.${process.pid}.tmp`);
  try {
    await writeFile(temp, html, 'utf8');
    await rename(temp, outFile);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return { outFile, bytes: Buffer.byteLength(html, 'utf8') };
}
