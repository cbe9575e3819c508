import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, sep } from 'node:path';
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

export interface BundleLoaderOptions {
  /**
   * Packages a bundle requires that are loaded with the code cache too, with every file of theirs they require
   * relatively: playwright-core is ~7 MB of bundled CommonJS, ~0.2 s of compiling on each `datadeck pdf`.
   */
  readonly packages?: readonly string[];
}

interface LoadedScript {
  readonly script: Script;
  readonly cacheFile: string;
  readonly isCached: boolean;
}

export function createBundleLoader(cacheDir: string, options: BundleLoaderOptions = {}): BundleLoader {
  const scripts: LoadedScript[] = [];
  // Registered before a file runs, so files that require each other get each other's exports so far, as in Node.
  const modules = new Map<string, { exports: unknown }>();
  const packages = new Set(options.packages);
  const load = (file: string, packageRoot?: string): unknown => {
    const known = modules.get(file);
    if (known !== undefined) return known.exports;
    const module = { exports: {} };
    modules.set(file, module);
    runScript(file, module, packageRoot);
    return module.exports;
  };
  const requireFrom = (file: string, packageRoot: string | undefined): NodeJS.Require => {
    const nodeRequire = createRequire(file);
    const require = (id: string): unknown => {
      // A bundle asks for another bundle (the chart libraries) by its relative file name; that one is cached too.
      if (id.endsWith('.bundle.cjs')) return load(join(dirname(file), id));
      if (packages.has(id)) return load(nodeRequire.resolve(id), dirname(nodeRequire.resolve(`${id}/package.json`)));
      if (packageRoot !== undefined && id.startsWith('.')) {
        const path = nodeRequire.resolve(id);
        if (path.startsWith(packageRoot + sep) && /\.c?js$/.test(path)) return load(path, packageRoot);
      }
      return nodeRequire(id);
    };
    return Object.assign(require, nodeRequire);
  };
  const runScript = (file: string, module: { exports: unknown }, packageRoot: string | undefined): void => {
    // esbuild writes ASCII only (it escapes the rest), so latin1 reads our bundles faster and to the same string.
    const source = readFileSync(file, packageRoot === undefined ? 'latin1' : 'utf8');
    const cacheFile = join(cacheDir, `${cacheStem(file)}-${cacheKey(file)}.v8`);
    const cachedData = readOptional(cacheFile);
    const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
    scripts.push({ script, cacheFile, isCached: cachedData !== undefined && !script.cachedDataRejected });
    const wrapper: unknown = script.runInThisContext();
    if (typeof wrapper !== 'function') throw new Error(`${file} is not a CommonJS bundle`);
    wrapper.call(module.exports, module.exports, requireFrom(file, packageRoot), module, file, dirname(file));
  };
  return { load: (file) => load(file), saveCodeCaches: () => scripts.filter((entry) => !entry.isCached).forEach(saveCodeCache) };
}

// One name per file (two packages both have an index.js); the key after it changes with the file's contents.
function cacheStem(file: string): string {
  return `${basename(file)}-${createHash('sha1').update(file).digest('hex').slice(0, 8)}`;
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
      if (stale.startsWith(`${basename(cacheFile).replace(/-[0-9a-f]+\.v8$/, '')}-`) && join(dir, stale) !== cacheFile)
        rmSync(join(dir, stale), { force: true });
    }
    const temp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, cacheFile);
  } catch {
    // A read-only install only loses speed: the next run compiles from source again.
  }
}
