import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The content of the code that makes cached entries (charts, font subsets, parsed templates), as one hash: an
 * edit to any source file, however small and whatever its timestamp, makes every cached entry stale.
 * `npm run compile` writes it to lib/code-stamp.txt from src/ (scripts/bundle-cli.mjs), so the CLI reads 64
 * characters; code run from src/ itself (the test suite) hashes the tree, ~150 files, once per process.
 */
export function readCodeStamp(packageRoot: string, isRunFromSource: boolean): string {
  const written = join(packageRoot, 'lib', CODE_STAMP_FILE);
  if (!isRunFromSource && existsSync(written)) return readFileSync(written, 'utf8').trim();
  return hashTree(join(packageRoot, 'src'));
}

export const CODE_STAMP_FILE = 'code-stamp.txt';

/** Every file under `dir`, by path and content, in a fixed order: the same tree, the same hash, on any machine. */
export function hashTree(dir: string): string {
  const hash = createHash('sha256');
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) hash.update(relative(dir, path).split('\\').join('/')).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  visit(dir);
  return hash.digest('hex');
}
