import { DeckError, type Problem } from './errors/deck-error.js';
import { messages } from './errors/messages.js';
import type { BuildResult, Deck, Project, TemplateSources } from './model.js';
import type { BuildOptions } from './options.js';
import { bundleDeck } from './stages/bundle.js';
import { renderCharts, type ChartCache } from './stages/charts.js';
import { deriveDeck } from './stages/derive.js';
import { loadProject } from './stages/load.js';
import { compileTemplates, renderSlides, type CompiledTemplates } from './stages/render.js';
import { validateDataset } from './stages/validate.js';
import { writeDeck } from './stages/write.js';

/** load → validate → derive → charts → render → bundle → write */
export async function buildDeck(options: BuildOptions, cache: BuildCache = createBuildCache()): Promise<BuildResult> {
  const project = await loadProject(options); // every file read happens here
  const { deck, warnings } = checkProject(project, options); // validate + derive, located problems
  const charts = await renderCharts({ deck, specs: project.charts, config: project.chartConfig, cache: cache.charts });
  const templates = compileCached(project.templates, cache);
  const slides = renderSlides({ deck, charts, templates, isPublic: options.isPublic });
  const html = bundleDeck({ slides, deck, assets: project.assets, shell: templates.shell, hasNotes: !options.isPublic });
  const written = await writeDeck(html, options.outDir); // the only file writes, atomic
  return { ...written, slideCount: slides.length, chartCount: charts.size, warnings, deck, slides };
}

/** Work a long-lived process (watch mode, benchmarks) keeps between builds; a one-off build starts empty. */
export interface BuildCache {
  readonly charts: ChartCache;
  templates?: { readonly sources: TemplateSources; readonly compiled: CompiledTemplates };
}

export function createBuildCache(): BuildCache {
  return { charts: new Map() };
}

// Templates compile again only when a layout, partial or the shell changed on disk.
function compileCached(sources: TemplateSources, cache: BuildCache): CompiledTemplates {
  const previous = cache.templates;
  if (previous !== undefined && sameSources(previous.sources, sources)) return previous.compiled;
  const compiled = compileTemplates(sources);
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
