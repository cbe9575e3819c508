import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/**
 * Loads a CommonJS bundle made by scripts/bundle-cli.mjs with V8's code cache, so a run after the first skips
 * parsing and compiling the ~1 MB of JavaScript behind the CLI. Node 22 has module.enableCompileCache() for
 * this; Node 20, which datadeck supports, has only vm.Script's cachedData.
 */
export interface BundleLoader {
  /** The bundle's module.exports. */
  load(file: string): unknown;
  /** Writes the code cache of every bundle that had none (or a stale one), now that its functions have run. */
  saveCodeCaches(): void;
}

interface LoadedScript {
  readonly script: Script;
  readonly cacheFile: string;
  readonly isCached: boolean;
}

export function createBundleLoader(cacheDir: string): BundleLoader {
  const scripts: LoadedScript[] = [];
  const loaded = new Map<string, unknown>();
  const load = (file: string): unknown => {
    const known = loaded.get(file);
    if (known !== undefined) return known;
    const exports = runBundle(file);
    loaded.set(file, exports);
    return exports;
  };
  const runBundle = (file: string): unknown => {
    // esbuild writes ASCII only (it escapes the rest), so latin1 reads it faster and to the same string.
    const source = readFileSync(file, 'latin1');
    const cacheFile = join(cacheDir, `${basename(file)}-${cacheKey(file)}.v8`);
    const cachedData = readOptional(cacheFile);
    const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
    scripts.push({ script, cacheFile, isCached: cachedData !== undefined && !script.cachedDataRejected });
    const module = { exports: {} };
    const nodeRequire = createRequire(file);
    // A bundle asks for another bundle (the chart libraries) by its relative file name; that one is cached too.
    const require = (id: string): unknown => (id.endsWith('.bundle.cjs') ? load(join(dirname(file), id)) : nodeRequire(id));
    const wrapper: unknown = script.runInThisContext();
    if (typeof wrapper !== 'function') throw new Error(`${file} is not a CommonJS bundle`);
    wrapper.call(module.exports, module.exports, Object.assign(require, nodeRequire), module, file, dirname(file));
    return module.exports;
  };
  return { load, saveCodeCaches: () => scripts.filter((entry) => !entry.isCached).forEach(saveCodeCache) };
}

// A cache fits one bundle file and one V8; V8 itself rejects a cache made from other source text or under other flags.
// The file's size and time stand for its text: hashing 1 MB of JavaScript would cost more than it saves.
function cacheKey(file: string): string {
  const { size, mtimeMs } = statSync(file);
  return createHash('sha1').update(`${process.versions.v8}\0${size}\0${mtimeMs}`).digest('hex').slice(0, 16);
}

function readOptional(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    // No cache yet (or an unreadable one): the bundle compiles from source, as without a cache.
    return undefined;
  }
}

function saveCodeCache({ script, cacheFile }: LoadedScript): void {
  const dir = dirname(cacheFile);
  try {
    mkdirSync(dir, { recursive: true });
    for (const stale of readdirSync(dir)) {
      if (stale.startsWith(`${basename(cacheFile).replace(/-[0-9a-f]+\.v8$/, '')}-`)) rmSync(join(dir, stale), { force: true });
    }
    const temp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, cacheFile);
  } catch {
    // A read-only install only loses speed: the next run compiles from source again.
  }
}
