import { join } from 'node:path';
import { DeckError, type Problem } from './errors/deck-error.js';
import { messages } from './errors/messages.js';
import type { BuildResult, Charts, Deck, Project } from './model.js';
import type { BuildOptions } from './options.js';
import { bundleDeck } from './page/bundle.js';
import { renderCharts } from './charts/charts.js';
import { deriveDeck } from './data/derive.js';
import { embedFonts } from './page/fonts.js';
import { loadProject } from './data/load.js';
import { renderSlides } from './slides/render.js';
import { chartId, viewPageMeta } from './slides/slide-views.js';
import { locateInSheet, validateDataset } from './data/validate.js';
import type { SentenceCache } from './data/sentence-cache.js';
import type { LayoutInfo } from './slides/layouts.js';
import { writeDeck, writeSchemaFile } from './page/write.js';
import { planSharing, takePreviewImage } from './share/share-deck.js';
import type { PreviewImage } from './share/social-meta.js';
import { deckSchemaKey, readSchemaKey, renderDeckSchema } from './data/deck-json-schema.js';
import {
  analyzeCached,
  compileCached,
  createBuildCache,
  flushBuildCache,
  restoreCache,
  storeCache,
  type BuildCache,
} from './cache/build-cache.js';

export { createBuildCache, flushBuildCache, type BuildCache };

/** load → validate → derive → charts → render → fonts → bundle → write */
export async function buildDeck(options: BuildOptions, cache: BuildCache = createBuildCache()): Promise<BuildResult> {
  // A rebuild in a long-lived process (dev server, bench) keeps its cache in memory; flushBuildCache stores it at the end.
  const isRebuild = cache.isRestored === true;
  const { project, deck, charts, layouts, warnings, notes } = await prepareDeck(options, cache);
  const templates = compileCached(project.templates, cache);
  const sharing = await planSharing({ deck, project, url: options.url, sentences: cache.sentences });
  const slides = sharing.addQrCodes(
    renderSlides({ deck, charts, templates, layouts, sentences: cache.sentences, isPublic: options.isPublic }),
  );
  const { assets } = project;
  const themeCss = await embedFonts({
    css: assets.themeCss,
    files: assets.fonts,
    slides,
    styles: [assets.revealCss, assets.themeCss],
    cache: cache.fonts,
    isStaticInstances: options.isForPrint,
  });
  const pageMeta = viewPageMeta(deck, cache.sentences);
  const bundle = (image?: PreviewImage) =>
    bundleDeck({
      slides,
      deck,
      assets: { ...assets, themeCss },
      shell: templates.shell,
      hasNotes: !options.isPublic,
      pageMeta,
      social: sharing.viewSocialMeta(slides, image),
    });
  // The link-preview image is a screenshot of the page: taken only for a deck with an address, by `datadeck build`.
  const preview =
    sharing.url === undefined || options.previewEnv === undefined
      ? undefined
      : {
          url: sharing.url,
          ...(await takePreviewImage({ html: bundle(), url: sharing.url, alt: pageMeta.title, env: options.previewEnv })),
        };
  const html = bundle(preview?.image?.meta);
  const written = await writeDeck(html, options.outDir, preview?.image); // the only file writes, atomic
  const schema = planSchema(project, layouts, deck);
  if (schema !== undefined) await writeSchemaFile(schema.file, schema.text);
  const stored = isRebuild ? [] : await storeCache(cache, project.cache.stamp, options.cacheDir); // write's other file, when something is new
  return {
    ...written,
    slideCount: slides.length,
    chartCount: charts.size,
    warnings: [...warnings, ...sharing.warnings, ...(preview?.warning ? [preview.warning] : []), ...notes, ...stored],
    preview:
      preview?.image === undefined
        ? undefined
        : { file: join(options.outDir, preview.image.name), bytes: preview.image.bytes.byteLength, url: preview.url },
    sheetFile: project.sheet?.path,
    deck,
    slides,
  };
}

export interface PreparedDeck {
  readonly project: Project;
  readonly deck: Deck;
  readonly charts: Charts;
  readonly layouts: ReadonlyMap<string, LayoutInfo>;
  /** The data's warnings and the charts', located. */
  readonly warnings: readonly Problem[];
  /** Notes about the cache (set aside, unreadable). */
  readonly notes: readonly Problem[];
}

/** load → validate → derive → charts: what the HTML deck and the PowerPoint export both start from. */
export async function prepareDeck(options: BuildOptions, cache: BuildCache): Promise<PreparedDeck> {
  const isRebuild = cache.isRestored === true;
  const project = await loadProject(options, { isCacheRead: !isRebuild }); // every file read happens here
  const notes = restoreCache(cache, project.cache);
  const layouts = analyzeCached(project.templates, cache);
  const { deck, warnings } = checkProject(project, options, { layouts, sentences: cache.sentences }); // validate + derive, located problems
  const charts = await renderCharts({
    deck,
    specs: project.charts,
    config: project.chartConfig,
    cache: cache.charts,
    compiled: cache.compiledCharts,
    sentences: cache.sentences,
    fonts: { css: project.assets.themeCss, files: project.assets.fonts },
  }).catch((error: unknown) => {
    throw locateInData(error, project);
  });
  return { project, deck, charts, layouts, warnings: [...warnings, ...describeChartWarnings(project, deck, charts)], notes };
}

export interface CheckedProject {
  readonly deck: Deck;
  readonly warnings: readonly Problem[];
}

export interface CheckContext {
  readonly layouts: ReadonlyMap<string, LayoutInfo>;
  readonly sentences: SentenceCache;
}

/** validate → derive, with warnings located in the data file; under --strict a warning fails the build. */
export function checkProject(project: Project, options: Pick<BuildOptions, 'isStrict'>, context: CheckContext): CheckedProject {
  const dataset = validateDataset({
    data: project.data,
    file: project.dataFile,
    text: project.dataText,
    layouts: context.layouts,
    charts: project.charts,
    sentences: context.sentences,
    sheet: project.sheet,
  });
  const deck = deriveDeck(dataset);
  const locate = (finding: Deck['warnings'][number]): Problem => {
    if (project.sheet !== undefined && finding.dataPath[0] === 'rows') return locateInSheet(finding, deck.rows);
    const position = project.data.locate(finding.dataPath);
    return { ...finding, file: project.dataFile, line: position?.line, column: position?.column, length: position?.length };
  };
  if (deck.errors.length > 0) throw new DeckError(deck.errors.map(locate));
  const warnings = deck.warnings.map(locate);
  if (options.isStrict && warnings.length > 0) {
    throw new DeckError(warnings.map((warning) => ({ ...warning, hint: messages.strictHint(warning.hint) })));
  }
  return { deck, warnings };
}

/** The schema file to write, when the one on disk was made from other fields or layouts (or does not exist). */
function planSchema(project: Project, layouts: ReadonlyMap<string, LayoutInfo>, deck: Deck): { file: string; text: string } | undefined {
  if (project.schema === undefined) return undefined;
  const raw = project.data.value;
  const fields = typeof raw === 'object' && raw !== null && 'fields' in raw ? raw.fields : undefined;
  const key = deckSchemaKey(fields, project.templates.layouts, project.templates.partials);
  if (readSchemaKey(project.schema.head) === key) return undefined;
  // A file of that name that datadeck did not write is someone's: left alone.
  if (project.schema.head !== undefined && !/^\{\s*"\$comment": "datadeck /.test(project.schema.head)) return undefined;
  return { file: project.schema.file, text: renderDeckSchema({ fields: [...deck.fields.values()], layouts, key }) };
}

/** vega-lite's warnings about a chart (a sort it dropped), located at the chart of the first slide that shows it. */
function describeChartWarnings(project: Project, deck: Deck, charts: Charts): Problem[] {
  return deck.slides.flatMap((slide) => {
    const chart = charts.get(chartId(slide));
    if (chart === undefined || chart.warnings.length === 0 || deck.slides.find((other) => chartId(other) === chart.id) !== slide) return [];
    // Locating parses the file again, with positions: only when there is something to point at.
    const dataPath = ['slides', slide.sourceIndex, 'chart'];
    const position = project.data.locateKey(dataPath.slice(0, -1), 'chart');
    return chart.warnings.map(
      (warning): Problem => ({
        code: 'chart',
        ...messages.chartWarning(chart.id, warning),
        dataPath,
        file: project.dataFile,
        line: position?.line,
        column: position?.column,
        length: position?.length,
      }),
    );
  });
}

/** A later stage's problem that names a place in the data (a slide's chart) but no line: located in the data file. */
function locateInData(error: unknown, project: Project): unknown {
  if (!(error instanceof DeckError) || error.problems.every((problem) => problem.file !== undefined || problem.dataPath === undefined))
    return error;
  const problems = error.problems.map((problem): Problem => {
    if (problem.file !== undefined || problem.dataPath === undefined) return problem;
    const position = project.data.locateKey(problem.dataPath.slice(0, -1), String(problem.dataPath.at(-1)));
    return { ...problem, file: project.dataFile, line: position?.line, column: position?.column, length: position?.length };
  });
  return new DeckError(problems, { cause: error.cause });
}
