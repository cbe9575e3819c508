import { DeckError, type Problem } from './errors/deck-error.js';
import { messages } from './errors/messages.js';
import type { BuildResult, Deck, Project, StoredCache, TemplateSources } from './model.js';
import type { BuildOptions } from './options.js';
import { bundleDeck } from './stages/bundle.js';
import { renderCharts, type ChartCache, type CompiledChartCache } from './stages/charts.js';
import { deriveDeck } from './stages/derive.js';
import { embedFonts, type FontCache } from './stages/fonts.js';
import { loadProject } from './stages/load.js';
import { compileTemplates, renderSlides, type CompiledTemplates, type TemplateSpecs } from './stages/render.js';
import { validateDataset } from './stages/validate.js';
import { writeCache, writeDeck } from './stages/write.js';

/** load → validate → derive → charts → render → fonts → bundle → write */
export async function buildDeck(options: BuildOptions, cache: BuildCache = createBuildCache()): Promise<BuildResult> {
  const project = await loadProject(options, { isCacheRead: !cache.isRestored }); // every file read happens here
  const notes = restoreCache(cache, project.cache);
  const { deck, warnings } = checkProject(project, options); // validate + derive, located problems
  const charts = await renderCharts({ deck, specs: project.charts, config: project.chartConfig, cache: cache.charts, compiled: cache.compiledCharts });
  const templates = compileCached(project.templates, cache);
  const slides = renderSlides({ deck, charts, templates, isPublic: options.isPublic });
  const { assets } = project;
  const themeCss = await embedFonts({ css: assets.themeCss, files: assets.fonts, slides, styles: [assets.revealCss, assets.themeCss], cache: cache.fonts });
  const html = bundleDeck({ slides, deck, assets: { ...assets, themeCss }, shell: templates.shell, hasNotes: !options.isPublic });
  const written = await writeDeck(html, options.outDir); // the only file writes, atomic
  const stored = await storeCache(cache, project.cache.stamp, options.cacheDir);
  return { ...written, slideCount: slides.length, chartCount: charts.size, warnings: [...warnings, ...notes, ...stored], deck, slides };
}

/** Work kept between builds: in memory by a long-lived process (watch mode, benchmarks), on disk between runs. */
export interface BuildCache {
  readonly charts: ChartCache;
  /** Chart specs compiled for vega, kept in memory only: compiling is half of re-rendering a chart. */
  readonly compiledCharts: CompiledChartCache;
  /** Templates precompiled by Handlebars, by source: kept on disk too, as compiling is most of a cold render. */
  readonly templateSpecs: TemplateSpecs;
  readonly fonts: FontCache;
  templates?: { readonly sources: TemplateSources; readonly compiled: CompiledTemplates };
  /** The cache folder was read into charts and fonts: a long-lived process reads it once. */
  isRestored?: boolean;
  /** How many charts and fonts the cache folder holds as last read or written: more means new work to store. */
  storedCount?: number;
}

export function createBuildCache(): BuildCache {
  return { charts: new Map(), compiledCharts: new Map(), fonts: new Map(), templateSpecs: new Map() };
}

// Enough for a few decks and a run of edits; a chart is ~6 kB, a font subset ~19 kB, a template ~3 kB, read on every cold build.
const STORED_CHARTS = 16;
const STORED_FONTS = 4;
const STORED_TEMPLATES = 64;

function restoreCache(cache: BuildCache, stored: StoredCache): Problem[] {
  if (cache.isRestored === true) return [];
  for (const [key, chart] of stored.charts) if (!cache.charts.has(key)) cache.charts.set(key, chart);
  for (const [key, font] of stored.fonts) if (!cache.fonts.has(key)) cache.fonts.set(key, font);
  for (const [key, spec] of stored.templates) if (!cache.templateSpecs.has(key)) cache.templateSpecs.set(key, spec);
  cache.isRestored = true;
  cache.storedCount = countEntries(cache);
  return stored.problem === undefined ? [] : [stored.problem];
}

/** Writes the cache folder when this build made a chart or a font it did not hold; the newest entries are kept. */
async function storeCache(cache: BuildCache, stamp: string, cacheDir: string | undefined): Promise<Problem[]> {
  if (cacheDir === undefined || countEntries(cache) === cache.storedCount) return [];
  const charts = Object.fromEntries([...cache.charts].slice(-STORED_CHARTS));
  const fonts = Object.fromEntries([...cache.fonts].slice(-STORED_FONTS));
  const templates = Object.fromEntries([...cache.templateSpecs].slice(-STORED_TEMPLATES));
  cache.storedCount = countEntries(cache);
  const problem = await writeCache({ stamp, charts, fonts, templates }, cacheDir);
  return problem === undefined ? [] : [problem];
}

function countEntries(cache: BuildCache): number {
  return cache.charts.size + cache.fonts.size + cache.templateSpecs.size;
}

// Templates compile again only when a layout, partial or the shell changed on disk.
function compileCached(sources: TemplateSources, cache: BuildCache): CompiledTemplates {
  const previous = cache.templates;
  if (previous !== undefined && sameSources(previous.sources, sources)) return previous.compiled;
  const compiled = compileTemplates(sources, cache.templateSpecs);
  cache.templates = { sources, compiled };
  return compiled;
}

function sameSources(a: TemplateSources, b: TemplateSources): boolean {
  const sameMap = (x: ReadonlyMap<string, string>, y: ReadonlyMap<string, string>) =>
    x.size === y.size && [...x].every(([name, source]) => y.get(name) === source);
  return a.shell === b.shell && sameMap(a.layouts, b.layouts) && sameMap(a.partials, b.partials);
}

export interface CheckedProject {
  readonly deck: Deck;
  readonly warnings: readonly Problem[];
}

/** validate → derive, with warnings located in the data file; under --strict a warning fails the build. */
export function checkProject(project: Project, options: Pick<BuildOptions, 'isStrict'>): CheckedProject {
  const dataset = validateDataset({
    data: project.data,
    file: project.dataFile,
    layouts: [...project.templates.layouts.keys()],
    charts: [...project.charts.keys()],
  });
  const deck = deriveDeck(dataset);
  const warnings = deck.warnings.map((warning): Problem => {
    const position = project.data.locate(warning.dataPath);
    return { ...warning, code: 'cost-mismatch', file: project.dataFile, line: position?.line, column: position?.column, length: position?.length };
  });
  if (options.isStrict && warnings.length > 0) {
    throw new DeckError([...warnings, { code: 'cost-mismatch', ...messages.strictWarnings(warnings.length) }]);
  }
  return { deck, warnings };
}
