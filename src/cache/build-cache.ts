import type { Problem } from '../errors/deck-error.js';
import type { StoredCache, TemplateSources } from '../model.js';
import type { ChartCache, CompiledChartCache } from '../charts/charts.js';
import type { FontCache } from '../page/fonts.js';
import { compileTemplates, type CompiledTemplates, type TemplateSpecs } from '../slides/render.js';
import { writeCache } from '../page/write.js';
import type { SentenceCache } from '../data/sentence-cache.js';
import { analyzeLayouts, type LayoutInfo } from '../slides/layouts.js';
import { isProgram, layoutsKey, reviveLayouts, storeLayouts } from './stored-analyses.js';
import type { Citations } from '../cite/references.js';

/** Work kept between builds: in memory by a long-lived process (watch mode, benchmarks), on disk between runs. */
export interface BuildCache {
  readonly charts: ChartCache;
  /** Chart specs compiled for vega, kept in memory only: compiling is half of re-rendering a chart. */
  readonly compiledCharts: CompiledChartCache;
  /** Templates precompiled by Handlebars, by source: kept on disk too, as compiling is most of a cold render. */
  readonly templateSpecs: TemplateSpecs;
  readonly fonts: FontCache;
  templates?: { readonly sources: TemplateSources; readonly compiled: CompiledTemplates };
  /** What each layout's template shows, analysed once per template change. */
  layouts?: { readonly sources: TemplateSources; readonly layouts: ReadonlyMap<string, LayoutInfo> };
  /** layoutsKey() → analysed layouts: the newest is kept on disk, so a cold build does not parse the templates. */
  readonly layoutAnalyses: Map<string, ReadonlyMap<string, LayoutInfo>>;
  /** The deck's texts parsed as sentences: a rebuild parses only the texts an edit changed. */
  readonly sentences: SentenceCache;
  /** citationsKey() → the references as formatted: citeproc compiles a style in most of a second. */
  readonly citations: Map<string, Citations>;
  /** The cache folder was read into this cache: a long-lived process reads it once. */
  isRestored?: boolean;
  /** How many entries the cache folder held as last read or written: more means new work to store. */
  storedCount?: number;
  /** The stamp of the cache folder as read, for storing it again when a long-lived process stops. */
  stamp?: string;
}

export function createBuildCache(): BuildCache {
  return {
    charts: new Map(),
    compiledCharts: new Map(),
    fonts: new Map(),
    templateSpecs: new Map(),
    sentences: new Map(),
    layoutAnalyses: new Map(),
    citations: new Map(),
  };
}

// Enough for a few decks and a run of edits; a chart is ~6 kB, a font subset ~19 kB, a template ~3 kB, read on every cold build.
// Fonts: the deck's subset, plus the four static weights of each PDF (with and without notes), all kept.
const STORED_CHARTS = 16;
const STORED_FONTS = 12;
const STORED_TEMPLATES = 64;
// A deck has a few dozen texts with figures; a few decks' worth, ~1-3 kB each.
const STORED_SENTENCES = 200;
// A deck's reference list, a few kB: the last few decks (or edits of their references).
const STORED_CITATIONS = 8;

export function restoreCache(cache: BuildCache, stored: StoredCache): Problem[] {
  if (cache.isRestored === true) return [];
  for (const [key, chart] of stored.charts) if (!cache.charts.has(key)) cache.charts.set(key, chart);
  for (const [key, font] of stored.fonts) if (!cache.fonts.has(key)) cache.fonts.set(key, font);
  for (const [key, spec] of stored.templates) if (!cache.templateSpecs.has(key)) cache.templateSpecs.set(key, spec);
  for (const [key, layouts] of stored.layouts) {
    const revived = reviveLayouts(layouts);
    if (revived !== undefined && !cache.layoutAnalyses.has(key)) cache.layoutAnalyses.set(key, revived);
  }
  for (const [text, program] of stored.sentences)
    if (isProgram(program) && !cache.sentences.has(text)) cache.sentences.set(text, { sentence: { source: text, program } });
  for (const [key, citations] of stored.citations) if (!cache.citations.has(key)) cache.citations.set(key, citations);
  cache.isRestored = true;
  cache.stamp = stored.stamp;
  cache.storedCount = countEntries(cache);
  return stored.problem === undefined ? [] : [stored.problem];
}

/** Writes the cache folder when this build made a chart, font or template it did not hold; the newest entries are kept. */
export async function storeCache(cache: BuildCache, stamp: string, cacheDir: string | undefined): Promise<Problem[]> {
  if (cacheDir === undefined || countEntries(cache) === cache.storedCount) return [];
  const charts = Object.fromEntries([...cache.charts].slice(-STORED_CHARTS));
  const fonts = Object.fromEntries([...cache.fonts].slice(-STORED_FONTS));
  const templates = Object.fromEntries([...cache.templateSpecs].slice(-STORED_TEMPLATES));
  const layouts = Object.fromEntries([...cache.layoutAnalyses].slice(-1).map(([key, analysed]) => [key, storeLayouts(analysed)]));
  const sentences = Object.fromEntries(
    [...cache.sentences]
      .flatMap(([text, parsed]) => ('sentence' in parsed ? [[text, parsed.sentence.program]] : []))
      .slice(-STORED_SENTENCES),
  );
  const citations = Object.fromEntries(
    [...cache.citations]
      .slice(-STORED_CITATIONS)
      .map(([key, { list, clusters }]) => [key, { list, clusters: Object.fromEntries(clusters) }]),
  );
  cache.storedCount = countEntries(cache);
  const problem = await writeCache({ stamp, charts, fonts, templates, layouts, sentences, citations }, cacheDir);
  return problem === undefined ? [] : [problem];
}

/** A long-lived process stores its cache when it stops, not on every rebuild: what it rendered is kept for the next run. */
export async function flushBuildCache(cache: BuildCache, cacheDir: string | undefined): Promise<Problem[]> {
  return cache.stamp === undefined ? [] : storeCache(cache, cache.stamp, cacheDir);
}

function countEntries(cache: BuildCache): number {
  return (
    cache.charts.size +
    cache.fonts.size +
    cache.templateSpecs.size +
    cache.layoutAnalyses.size +
    cache.sentences.size +
    cache.citations.size
  );
}

// Templates compile again only when a layout, partial or the shell changed on disk.
export function compileCached(sources: TemplateSources, cache: BuildCache): CompiledTemplates {
  const previous = cache.templates;
  if (previous !== undefined && sameSources(previous.sources, sources)) return previous.compiled;
  const compiled = compileTemplates(sources, cache.templateSpecs);
  cache.templates = { sources, compiled };
  return compiled;
}

/** The layouts' keys, read from their templates again only when a layout or partial changed on disk. */
export function analyzeCached(sources: TemplateSources, cache: BuildCache): ReadonlyMap<string, LayoutInfo> {
  const previous = cache.layouts;
  if (previous !== undefined && sameSources(previous.sources, sources)) return previous.layouts;
  const key = layoutsKey(sources);
  const layouts = cache.layoutAnalyses.get(key) ?? analyzeLayouts(sources);
  cache.layoutAnalyses.delete(key); // the newest analysis is the one kept on disk
  cache.layoutAnalyses.set(key, layouts);
  cache.layouts = { sources, layouts };
  return layouts;
}

function sameSources(a: TemplateSources, b: TemplateSources): boolean {
  const sameMap = (x: ReadonlyMap<string, string>, y: ReadonlyMap<string, string>) =>
    x.size === y.size && [...x].every(([name, source]) => y.get(name) === source);
  return a.shell === b.shell && sameMap(a.layouts, b.layouts) && sameMap(a.partials, b.partials);
}
