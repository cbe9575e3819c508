import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBundleLoader } from '../../src/load-bundle.js';

function writeBundles(): string {
  const dir = mkdtempSync(join(tmpdir(), 'datadeck-bundle-'));
  writeFileSync(
    join(dir, 'main.bundle.cjs'),
    "exports.answer = () => require('./other.bundle.cjs').value * 2; exports.sep = require('node:path').sep;",
  );
  writeFileSync(join(dir, 'other.bundle.cjs'), 'module.exports = { value: 21 };');
  return dir;
}

describe('createBundleLoader', () => {
  it('runs a bundle, which can require node modules and other bundles', () => {
    const dir = writeBundles();
    const exports = createBundleLoader(join(dir, 'cache')).load(join(dir, 'main.bundle.cjs'));
    expect(exports).toMatchObject({ sep: '/' });
    const answer = typeof exports === 'object' && exports !== null && 'answer' in exports ? exports.answer : undefined;
    expect(typeof answer === 'function' ? answer() : undefined).toBe(42);
  });

  it('writes a code cache once and reuses it on the next run', () => {
    const dir = writeBundles();
    const cache = join(dir, 'cache');
    const first = createBundleLoader(cache);
    first.load(join(dir, 'other.bundle.cjs'));
    first.saveCodeCaches();
    const written = readdirSync(cache);
    expect(written).toHaveLength(1);
    const second = createBundleLoader(cache);
    second.load(join(dir, 'other.bundle.cjs'));
    second.saveCodeCaches();
    expect(readdirSync(cache)).toEqual(written);
  });

  it('replaces the cache of a bundle that changed', () => {
    const dir = writeBundles();
    const cache = join(dir, 'cache');
    const loader = createBundleLoader(cache);
    loader.load(join(dir, 'other.bundle.cjs'));
    loader.saveCodeCaches();
    const before = readdirSync(cache);
    writeFileSync(join(dir, 'other.bundle.cjs'), 'module.exports = { value: 22 };');
    const again = createBundleLoader(cache);
    expect(again.load(join(dir, 'other.bundle.cjs'))).toEqual({ value: 22 });
    again.saveCodeCaches();
    const after = readdirSync(cache);
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
  });

  it('loads a listed package and the files it requires relatively with the code cache, cycles included', () => {
    const dir = writeBundles();
    const lib = join(dir, 'node_modules/big-lib/lib');
    mkdirSync(lib, { recursive: true });
    writeFileSync(join(dir, 'node_modules/big-lib/package.json'), '{ "name": "big-lib", "main": "index.js" }');
    writeFileSync(join(dir, 'node_modules/big-lib/index.js'), "module.exports = require('./lib/core').run();");
    writeFileSync(
      join(lib, 'core.js'),
      "exports.name = 'core'; exports.run = () => require('./util').greet() + ' ' + require('node:path').sep;",
    );
    writeFileSync(join(lib, 'util.js'), "const core = require('./core'); exports.greet = () => 'hola from ' + core.name;");
    writeFileSync(join(dir, 'app.bundle.cjs'), "module.exports = require('big-lib');");
    const cache = join(dir, 'cache');
    const loader = createBundleLoader(cache, { packages: ['big-lib'] });
    expect(loader.load(join(dir, 'app.bundle.cjs'))).toBe('hola from core /');
    loader.saveCodeCaches();
    expect(
      readdirSync(cache)
        .map((name) => name.replace(/-.*/, ''))
        .sort(),
    ).toEqual(['app.bundle.cjs', 'core.js', 'index.js', 'util.js']);
  });
});
