import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck, createBuildCache, flushBuildCache } from '../../../src/build.js';
import { messages } from '../../../src/errors/messages.js';
import { createBuildOptions } from '../../../src/options.js';
import { renderCharts, type ChartCache, type CompiledChartCache } from '../../../src/charts/charts.js';
import { loadProject } from '../../../src/data/load.js';
import { CACHE_FILE, CacheFileSchema } from '../../../src/cache/load-cache.js';
import { DEFAULT_DATA, readDefaultText } from '../../helpers.js';
import { deckOf, replaceOnce } from '../support/inline-deck.js';

function tempOptions() {
  const dir = mkdtempSync(join(tmpdir(), 'datadeck-cache-'));
  return createBuildOptions({ dataFile: DEFAULT_DATA, outDir: join(dir, 'out'), cacheDir: join(dir, 'cache') });
}

const readDeck = (outDir: string) => readFileSync(join(outDir, 'index.html'), 'utf8');

describe('the build cache folder', () => {
  it('holds every chart and the font subset after a build; the next run builds the same bytes without writing it', async () => {
    const options = tempOptions();
    await buildDeck(options);
    const file = join(options.cacheDir ?? '', CACHE_FILE);
    const { charts, fonts } = CacheFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(Object.keys(charts)).toHaveLength(5);
    expect(Object.keys(fonts)).toHaveLength(1);
    const first = readDeck(options.outDir);
    const written = statSync(file).mtimeMs;
    const again = await buildDeck(options);
    expect(readDeck(options.outDir)).toBe(first);
    expect(statSync(file).mtimeMs).toBe(written);
    expect(again.warnings).toEqual([]);
  });

  it('is not rewritten by the rebuilds of a long-lived process, only when it stops', async () => {
    const options = tempOptions();
    const dataFile = join(options.outDir, '..', 'deck.yaml');
    writeFileSync(dataFile, readDefaultText());
    const cache = createBuildCache();
    await buildDeck({ ...options, dataFile }, cache);
    const file = join(options.cacheDir ?? '', CACHE_FILE);
    const chartsAfterFirst = Object.keys(CacheFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).charts);
    writeFileSync(dataFile, readDefaultText().replace('units: 2000', 'units: 2400'));
    await buildDeck({ ...options, dataFile }, cache);
    expect(Object.keys(CacheFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).charts)).toEqual(chartsAfterFirst);
    expect(await flushBuildCache(cache, options.cacheDir)).toEqual([]);
    const stored = Object.keys(CacheFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).charts);
    expect(stored).toHaveLength(chartsAfterFirst.length + 1);
    expect(stored).toEqual(expect.arrayContaining(chartsAfterFirst));
  });

  it('ignores a corrupted cache with a note, builds the same deck and writes a good cache', async () => {
    const options = tempOptions();
    await buildDeck(options);
    const good = readDeck(options.outDir);
    const file = join(options.cacheDir ?? '', CACHE_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 500));
    const result = await buildDeck(options);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'cache', file, hint: messages.cacheUnreadable(file, '').hint })]);
    expect(readDeck(options.outDir)).toBe(good);
    expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow();
  });

  it('does not reuse a cache written by another datadeck or vega version, and says nothing about it', async () => {
    const options = tempOptions();
    await buildDeck(options);
    const file = join(options.cacheDir ?? '', CACHE_FILE);
    const stored = CacheFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    writeFileSync(file, JSON.stringify({ ...stored, stamp: 'datadeck 0.0.1' }));
    expect((await loadProject(options)).cache.charts.size).toBe(0);
    expect((await buildDeck(options)).warnings).toEqual([]);
  });

  it('is not used when cacheDir is undefined', async () => {
    const options = { ...tempOptions(), cacheDir: undefined };
    expect((await buildDeck(options)).warnings).toEqual([]);
  });
});

describe('chart cache keys', () => {
  it('re-render only the charts that show an edited figure', async () => {
    const project = await loadProject(createBuildOptions({ dataFile: DEFAULT_DATA, cacheDir: undefined }));
    const cache: ChartCache = new Map();
    const compiled: CompiledChartCache = new Map();
    const render = (units: number, caches: { cache?: ChartCache; compiled?: CompiledChartCache }) => {
      const deck = deckOf(replaceOnce(readDefaultText(), 'units: 2000', `units: ${units}`));
      return renderCharts({ deck, specs: project.charts, config: project.chartConfig, ...caches });
    };
    await render(2000, { cache, compiled });
    expect(cache.size).toBe(5);
    // Llama 3's hardware cost is given, so only the units chart (and its labels) change.
    const edited = await render(2400, { cache, compiled });
    expect(cache.size).toBe(6);
    expect(edited.get('slide-7')?.svg).toContain('2.400');
    // A spec compiled for the first build renders the new rows exactly as a fresh build does.
    const fresh = await render(2400, {});
    expect(edited.get('slide-7')?.svg).toBe(fresh.get('slide-7')?.svg);
  });
});
