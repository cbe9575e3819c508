import { createHash } from 'node:crypto';
import type { NumberLocale, TimeLocale } from 'vega';
import type { Config, TopLevelSpec } from 'vega-lite';
import type { Field } from '../data/fields.js';
import { DeckError } from '../errors/deck-error.js';
import { messages } from '../errors/messages.js';
import type { Charts, Deck, DeckRow, RenderedChart, SlideInput } from '../model.js';
import { chartId, renderPlain } from '../slides/slide-views.js';
import type { SentenceCache } from '../data/sentence-cache.js';
import { buildChartRows, describeChart, readChartText, type ChartRow, type ChartText } from './chart-data.js';
import { findChartFields } from './chart-fields.js';
import { isDeclaredChart, readDeclaredChart, type DeclaredChart } from './declared.js';
import { fieldsRead, prepareChart, type PreparedChart } from './declared-data.js';
import { buildDeclaredSpec, narrowConfig, narrowFrame, readTheme, SLIDE_FRAME, type Frame, type Theme } from './declared-spec.js';
import { installTextMeasure, loadTextMeasure, pickChartFont, type TextMeasure } from './text-metrics.js';
import { formatList, valueKey } from '../format/values.js';
import {
  compileChart,
  isVegaLiteConfig,
  isVegaLiteSpec,
  loadChartLibraries,
  renderChartSvg,
  type ChartLibraries,
  type CompiledChart,
} from './chart-svg.js';

/** Chart name → SVG, text summary and data table, for every chart a slide uses; vega runs here, never in the browser. */
export async function renderCharts(options: {
  deck: Deck;
  specs: ReadonlyMap<string, unknown>;
  config: unknown;
  /** Charts rendered by earlier builds, by chartKey(): a figure edit re-renders only the charts it changes. */
  cache?: ChartCache;
  /** Specs compiled by earlier builds of this process, by specKey(): a re-render only runs vega on new rows. */
  compiled?: CompiledChartCache;
  /** The deck's parsed sentences: a caption describing a chart is shown with its figures. */
  sentences?: SentenceCache;
  /** The theme's CSS and font files: labels are measured in the font the deck embeds. */
  fonts?: { readonly css: string; readonly files: ReadonlyMap<string, Uint8Array> };
}): Promise<Charts> {
  const { deck, specs, cache = new Map<string, RenderedChart>(), compiled = new Map<string, CompiledChart>() } = options;
  const slides = pickChartSlides(deck);
  const charts = new Map<string, RenderedChart>();
  if (slides.size === 0) return charts;
  const specNames = [...specs.keys()].sort();
  // The rows Vega-Lite specs read, made once and only when a spec needs them: declared charts prepare their own.
  let specRows: ChartRow[] | undefined;
  const specRowsOnce = (): ChartRow[] => {
    specRows ??= buildChartRows(deck, usedByCharts(slides, specs));
    return specRows;
  };
  let renderer: Renderer | undefined;
  const font =
    options.fonts === undefined ? undefined : pickChartFont(options.fonts.css, options.fonts.files, readFontList(options.config));
  const fontId = font === undefined ? '' : fontHash(font);
  for (const [name, slide] of slides) {
    const chart = slide.values.chart;
    const fallback = fallbackSummary(slide, deck, options.sentences ?? new Map());
    const theme = options.config;
    const job = isDeclaredChart(chart)
      ? planDeclaredChart({ name, chart, deck, fallback, fontId, theme })
      : planSpecChart({
          name,
          slide,
          specs,
          specNames,
          deck,
          rows: specRowsOnce(),
          fallback,
          fontId,
          theme,
        });
    const cached = cache.get(job.key);
    if (cached !== undefined) {
      // Used again, so it moves to the newest end: the build cache keeps the newest entries when it prunes.
      cache.delete(job.key);
      cache.set(job.key, cached);
      charts.set(name, cached);
      continue;
    }
    // vega is imported only when a chart is not cached: it is most of a cold build's time.
    renderer ??= await prepareRenderer(options.config, deck, font);
    const rendered = await job.render(renderer, compiled);
    cache.set(job.key, rendered);
    charts.set(name, rendered);
  }
  return charts;
}

/** A chart to draw: its cache key, and how to draw it when the cache does not have it. */
interface ChartJob {
  readonly key: string;
  render(renderer: Renderer, compiled: CompiledChartCache): Promise<RenderedChart>;
}

/**
 * A chart declared by kind. Its key hashes the declaration and the columns of the fields it reads (each field's
 * format and every row's value), so a build whose chart is cached does not prepare its figures at all: with
 * 10,000 rows, preparing five charts took ~1.7 s of a build.
 */
function planDeclaredChart(input: {
  name: string;
  chart: Record<string, unknown>;
  deck: Deck;
  fallback: string;
  fontId: string;
  theme: unknown;
}): ChartJob {
  const { name, deck, fallback } = input;
  const declared = readDeclaredChart(input.chart, [...deck.fields.values()]);
  if ('problems' in declared) throw chartError(name, declared.problems.map((problem) => problem.message).join(' '));
  const hash = createHash('sha256').update(
    JSON.stringify([
      CHART_CACHE_VERSION,
      'declared',
      name,
      jsonOf(input.theme ?? null),
      deck.format.locale,
      fallback,
      input.fontId,
      input.chart,
    ]),
  );
  hash.update(JSON.stringify(deck.format.words.chart)).update(deck.format.words.notReported).update(deck.format.words.approximately);
  for (const field of fieldsRead(declared.chart))
    hash
      .update(JSON.stringify(field, (key, value: unknown) => (key === 'formula' ? undefined : value)))
      .update(declaredColumn(deck.rows, field));
  return {
    key: hash.digest('hex'),
    render: (renderer, compiled) => {
      const prepared = prepareChart(declared.chart, deck, deck.format.words.chart);
      return renderDeclaredChart({ name, chart: declared.chart, prepared, renderer, compiled, fallback, deck });
    },
  };
}

/** One field's values down all rows (computed ones marked), as one string: made once per build and field. */
function declaredColumn(rows: readonly DeckRow[], field: Field): string {
  let columns = declaredColumns.get(rows);
  if (columns === undefined) {
    columns = new Map();
    declaredColumns.set(rows, columns);
  }
  let column = columns.get(field.name);
  if (column === undefined) {
    column = rows
      .map((row) => {
        const cell = row.cells.get(field.name);
        return cell?.value === undefined ? '' : `${cell.isDerived ? '~' : ''}${valueKey(cell.value)}`;
      })
      .join('\u0001');
    columns.set(field.name, column);
  }
  return column;
}

// Keyed by the rows array of one build, which nothing changes: gone with it.
const declaredColumns = new WeakMap<readonly DeckRow[], Map<string, string>>();

/** A Vega-Lite spec, from the slide or a chart file, drawn over the deck's rows. */
function planSpecChart(input: {
  name: string;
  slide: SlideInput;
  specs: ReadonlyMap<string, unknown>;
  specNames: readonly string[];
  deck: Deck;
  rows: readonly ChartRow[];
  fallback: string;
  fontId: string;
  theme: unknown;
}): ChartJob {
  const { name, slide, deck, rows, fallback } = input;
  const chart = slide.values.chart;
  const written = typeof chart === 'string' ? input.specs.get(chart) : chart;
  const spec = written === undefined ? undefined : titleByLabelsOnce(written, deck);
  if (spec === undefined) {
    throw new DeckError({
      code: 'chart',
      ...messages.unknownChart(name, input.specNames),
      dataPath: ['slides', slide.sourceIndex, 'chart'],
    });
  }
  const key = chartKey({ name, spec, theme: input.theme, locale: deck.format.locale, rows, fallback: `${fallback}\u0000${input.fontId}` });
  return {
    key,
    render: (renderer, compiled) =>
      renderOneChart({
        name,
        spec,
        libraries: renderer.libraries,
        rows,
        config: renderer.config,
        narrowConfig: renderer.narrowConfig,
        deck,
        compiled,
        fallback,
        isInline: typeof chart !== 'string',
      }),
  };
}

export type ChartCache = Map<string, RenderedChart>;
export type CompiledChartCache = Map<string, CompiledChart>;

/**
 * Everything a chart's SVG and text depend on, hashed: same key, same bytes. Rows count only by the fields the
 * spec names, so a figure edit re-renders just the charts that show that figure.
 */
export function chartKey(input: {
  name: string;
  spec: unknown;
  theme: unknown;
  locale: string;
  rows: readonly ChartRow[];
  fallback?: string;
}): string {
  const used = pickUsedFields(input.spec);
  const [first] = input.rows;
  // The row's first field names it in the text alternative even when the spec does not mention it.
  const fields = first === undefined ? [] : Object.keys(first).filter((field, index) => field !== 'fmt' && (index === 0 || used(field)));
  const hash = createHash('sha256').update(
    JSON.stringify([
      CHART_CACHE_VERSION,
      input.name,
      input.theme === undefined ? null : jsonOf(input.theme),
      input.locale,
      input.fallback ?? '',
    ]),
  );
  hash.update(jsonOf(input.spec));
  for (const field of fields) hash.update(field).update(columnJson(input.rows, field));
  return hash.digest('hex');
}

/** One field's values and texts down all rows, as JSON: made once per build and field, hashed by every chart using it. */
function columnJson(rows: readonly ChartRow[], field: string): string {
  let columns = columnsByRows.get(rows);
  if (columns === undefined) {
    columns = new Map();
    columnsByRows.set(rows, columns);
  }
  let json = columns.get(field);
  if (json === undefined) {
    json = JSON.stringify(rows.map((row) => [row[field], row.fmt[field]]));
    columns.set(field, json);
  }
  return json;
}

// Keyed by the rows array of one build, which nothing changes: gone with it.
const columnsByRows = new WeakMap<readonly ChartRow[], Map<string, string>>();

/** What compiling a spec depends on: everything chartKey() hashes but the rows. */
function specKey(input: { name: string; spec: unknown; theme: unknown; locale: string }): string {
  return createHash('sha256')
    .update(JSON.stringify([CHART_CACHE_VERSION, input.name, input.spec, input.theme, input.locale]))
    .digest('hex');
}

// Any mention counts (encodings, transforms, expressions, the text table), so a field a chart reads is never left out;
// a spec that hands vega the whole datum (a bare `datum`, a tooltip of all data) depends on every field.
function pickUsedFields(spec: unknown): (field: string) => boolean {
  if (typeof spec !== 'object' || spec === null) return () => false;
  let used = usedFieldsBySpec.get(spec);
  if (used === undefined) {
    used = findUsedFields(spec);
    usedFieldsBySpec.set(spec, used);
  }
  return used;
}

/**
 * A spec file's parsed object stays the same while its text does (load keeps it), so the work that reads a spec
 * (its JSON for the cache key, the fields it names, its axes titled) is done once, not on every rebuild.
 */
const usedFieldsBySpec = new WeakMap<object, (field: string) => boolean>();
const jsonByObject = new WeakMap<object, string>();
const titledBySpec = new WeakMap<object, { readonly labels: string; readonly spec: unknown }>();

function jsonOf(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  let json = jsonByObject.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    jsonByObject.set(value, json);
  }
  return json;
}

function titleByLabelsOnce(spec: unknown, deck: Deck): unknown {
  if (typeof spec !== 'object' || spec === null) return spec;
  const labels = [...deck.fields.values()].map((field) => `${field.name}\u0000${field.label}`).join('\u0001');
  const known = titledBySpec.get(spec);
  if (known?.labels === labels) return known.spec;
  const titled = titleByLabels(spec, deck);
  titledBySpec.set(spec, { labels, spec: titled });
  return titled;
}

function findUsedFields(spec: object): (field: string) => boolean {
  const text = jsonOf(spec);
  if (/\bdatum\b(?!\s*[.[])/.test(text) || /"content"\s*:\s*"data"/.test(text)) return () => true;
  const words = new Set(text.match(/[A-Za-z_][A-Za-z0-9_]*/g));
  return (field) => words.has(field);
}

// Bump when the rendering code changes what a chart looks like, so stale cached SVGs are not reused.
const CHART_CACHE_VERSION = 7;

interface Renderer {
  readonly libraries: ChartLibraries;
  readonly config: Config;
  /** The config of charts drawn for a phone's reading view: smaller type, in proportion. */
  readonly narrowConfig: Config;
  readonly measure: TextMeasure | undefined;
}

async function prepareRenderer(theme: unknown, deck: Deck, font: Uint8Array | undefined): Promise<Renderer> {
  const [libraries, measure] = await Promise.all([loadChartLibraries(), font === undefined ? undefined : measureFor(font)]);
  // vega's def id counters are module state that grows with every view; reset once per build (scopeSvgIds renumbers anyway).
  libraries.vega.resetSVGDefIds();
  // Every chart's text is measured in the deck's font, spec files' too: vega's own guess is 0.8 em a character.
  if (measure !== undefined) installTextMeasure(libraries.vega, measure);
  const config = buildChartConfig({ libraries, theme, deck });
  return { libraries, config, narrowConfig: narrowConfig(config), measure };
}

// The font is decoded and read once per process: a dev session's rebuilds reuse its measured widths.
const measures = new WeakMap<Uint8Array, Promise<TextMeasure>>();

function measureFor(font: Uint8Array): Promise<TextMeasure> {
  let measure = measures.get(font);
  if (measure === undefined) {
    measure = loadTextMeasure(font);
    measures.set(font, measure);
  }
  return measure;
}

const fontHashes = new WeakMap<Uint8Array, string>();

function fontHash(font: Uint8Array): string {
  let hash = fontHashes.get(font);
  if (hash === undefined) {
    hash = createHash('sha256').update(font).digest('hex');
    fontHashes.set(font, hash);
  }
  return hash;
}

function readFontList(theme: unknown): unknown {
  return isRecord(theme) ? theme.font : undefined;
}

async function renderDeclaredChart(options: {
  name: string;
  chart: DeclaredChart;
  prepared: PreparedChart;
  renderer: Renderer;
  compiled: CompiledChartCache;
  fallback: string;
  deck: Deck;
}): Promise<RenderedChart> {
  const { name, chart, prepared, renderer, deck } = options;
  // Drawn twice: for the slide, and for a phone's reading view, where the slide's chart would shrink to a third.
  const draw = (config: Config, frameOf: (theme: Theme) => Frame, idPrefix: string) => {
    const theme = readTheme(config, renderer.measure);
    const { spec, values } = buildDeclaredSpec(chart, prepared, theme, frameOf(theme));
    return drawChart({ name, spec, config, values, idPrefix, libraries: renderer.libraries, compiled: options.compiled, deck });
  };
  try {
    const wide = await draw(renderer.config, () => SLIDE_FRAME, toIdPrefix(name));
    const narrow = await draw(renderer.narrowConfig, (theme) => narrowFrame(chart, prepared, theme), `${toIdPrefix(name)}-narrow`);
    const summary = `${chart.summary ?? options.fallback}: ${formatList(prepared.items, deck.format)}.`;
    return { id: name, svg: wide.svg, narrowSvg: narrow.svg, warnings: wide.warnings, summary, table: prepared.table };
  } catch (cause) {
    throw chartError(name, cause instanceof Error ? cause.message : String(cause), cause);
  }
}

/** One drawing of a chart: its spec compiled (or the compiled one this process already has) and rendered to SVG. */
async function drawChart(input: {
  name: string;
  spec: TopLevelSpec;
  config: Config;
  values: readonly object[];
  idPrefix: string;
  libraries: ChartLibraries;
  compiled: CompiledChartCache;
  deck: Deck;
}): Promise<{ svg: string; warnings: readonly string[] }> {
  const { name, spec, config, libraries } = input;
  const key = specKey({ name, spec, theme: config, locale: input.deck.format.locale });
  const compiled = input.compiled.get(key) ?? compileChart({ libraries, spec, config });
  input.compiled.set(key, compiled);
  return {
    svg: await renderChartSvg({ libraries, compiled, values: input.values, idPrefix: input.idPrefix }),
    warnings: compiled.warnings,
  };
}

/** Fields whose text a chart may show (fmt.<field>): only those are formatted for the charts' rows. */
function usedByCharts(slides: ReadonlyMap<string, SlideInput>, specs: ReadonlyMap<string, unknown>): (field: string) => boolean {
  const uses = [...slides.values()].map((slide) => {
    const chart = slide.values.chart;
    return pickUsedFields(typeof chart === 'string' ? specs.get(chart) : chart);
  });
  return (field) => uses.some((used) => used(field));
}

/** Chart id → the first slide that shows it: each chart renders once, in slide order. */
export function pickChartSlides(deck: Deck): Map<string, SlideInput> {
  const slides = new Map<string, SlideInput>();
  for (const slide of deck.slides) {
    const chart = slide.values.chart;
    if (chart === undefined || chart === null) continue;
    const id = chartId(slide);
    if (!slides.has(id)) slides.set(id, slide);
  }
  return slides;
}

// A spec without its own text alternative is described by its slide's caption, or its title, as a reader sees it.
function fallbackSummary(slide: SlideInput, deck: Deck, sentences: SentenceCache): string {
  const text = [slide.values.caption, slide.values.title].find((value): value is string => typeof value === 'string');
  const context = { fields: deck.fields, rows: deck.rows, format: deck.format };
  return renderPlain(text ?? '', context, sentences).replace(/[.:\s]+$/, '');
}

async function renderOneChart(options: {
  name: string;
  spec: unknown;
  libraries: ChartLibraries;
  rows: readonly ChartRow[];
  config: Config;
  narrowConfig: Config;
  deck: Deck;
  compiled: CompiledChartCache;
  fallback: string;
  isInline: boolean;
}): Promise<RenderedChart> {
  const { name, spec, rows, libraries, config, deck } = options;
  if (!isVegaLiteSpec(spec)) {
    throw chartError(name, 'it is not a Vega-Lite spec (it has no "mark", "layer", "facet", "repeat" or "concat")');
  }
  const byDefault = () => defaultChartText(spec, deck, options.fallback);
  const alternative = hasOwnText(spec) ? readChartText(spec, () => byDefault().table) : { text: byDefault() };
  if ('problem' in alternative) {
    throw new DeckError({ code: 'chart', ...messages.chartText(name, alternative.problem), file: chartFile(name) });
  }
  const draw = (sized: TopLevelSpec, theme: Config, idPrefix: string) =>
    drawChart({ name, spec: sized, config: theme, values: rows, idPrefix, libraries, compiled: options.compiled, deck });
  try {
    const wide = await draw(sizeToSlide(spec), config, toIdPrefix(name));
    // A single view is drawn again for a phone's column; a composed one (facets, concat) keeps its own layout.
    const narrow = isComposed(spec)
      ? undefined
      : await draw({ ...spec, ...NARROW_CHART }, options.narrowConfig, `${toIdPrefix(name)}-narrow`);
    return {
      id: name,
      svg: wide.svg,
      ...(narrow === undefined ? {} : { narrowSvg: narrow.svg }),
      warnings: wide.warnings,
      ...describeChart({ text: alternative.text, rows, fields: deck.fields, format: deck.format }),
    };
  } catch (cause) {
    throw chartError(name, cause instanceof Error ? cause.message : String(cause), cause);
  }
}

/**
 * The theme with the deck's number locale under it, so axis ticks read "1.200" and "0,5" like deck.format.
 * A spec's own config still wins: vega-lite merges it over this one.
 */
function buildChartConfig(options: { libraries: ChartLibraries; theme: unknown; deck: Deck }): Config {
  const { libraries, theme, deck } = options;
  // aria: false because the slide gives the chart its summary and data table; vega's own labels would name raw fields.
  // mark.aria too: config.aria alone still gave each mark group role="graphics-symbol" with no name, which axe
  // reports as a serious violation (svg-img-alt); now vega marks them aria-hidden.
  const base: Config = {
    locale: { number: deriveNumberLocale(deck.format.locale), time: deriveTimeLocale(deck.format.locale) },
    aria: false,
    mark: { aria: false },
  };
  if (theme === undefined) return base;
  if (!isVegaLiteConfig(theme)) {
    const file = `templates/themes/${deck.meta.theme}.vl-config.json`;
    throw new DeckError({ code: 'theme', ...messages.chartTheme(file, 'it does not hold a JSON object'), file });
  }
  return libraries.vega.mergeConfig<Config>(base, theme);
}

/** d3-format's number locale, read off Intl so the ticks match deck.format's separators. */
export function deriveNumberLocale(locale: string): NumberLocale {
  const parts = new Intl.NumberFormat(locale, { useGrouping: 'always', minimumFractionDigits: 1 }).formatToParts(-1234.5);
  const symbol = (type: Intl.NumberFormatPartTypes, fallback: string) => parts.find((part) => part.type === type)?.value ?? fallback;
  return {
    decimal: symbol('decimal', '.'),
    thousands: symbol('group', ','),
    grouping: [3],
    minus: symbol('minusSign', '-'),
    currency: deriveCurrencyAffixes(locale),
  };
}

/** d3-time-format's locale, read off Intl: a date axis says "mar 2021" in a Spanish deck, "Mar 2021" in an English one. */
export function deriveTimeLocale(locale: string): TimeLocale {
  const names = (options: Intl.DateTimeFormatOptions, dates: readonly Date[]) =>
    dates.map((date) => new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date));
  const months = Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2021, month, 1)));
  // 2021-01-03 was a Sunday: d3 lists days from Sunday.
  const days = Array.from({ length: 7 }, (_, day) => new Date(Date.UTC(2021, 0, 3 + day)));
  const periods = names({ hour: 'numeric', hour12: true }, [new Date(Date.UTC(2021, 0, 1, 9)), new Date(Date.UTC(2021, 0, 1, 21))]).map(
    (text) => text.replace(/[\d\s\u202f]/g, '') || 'AM',
  );
  const isDayFirst =
    new Intl.DateTimeFormat(locale, { timeZone: 'UTC' })
      .formatToParts(new Date(Date.UTC(2021, 11, 31)))
      .find((part) => part.type === 'day' || part.type === 'month')?.type === 'day';
  return {
    dateTime: '%x, %X',
    date: isDayFirst ? '%d/%m/%Y' : '%m/%d/%Y',
    time: '%H:%M:%S',
    periods: [periods[0] ?? 'AM', periods[1] ?? 'PM'],
    days: week(names({ weekday: 'long' }, days)),
    shortDays: week(names({ weekday: 'short' }, days)),
    months: year(names({ month: 'long' }, months)),
    shortMonths: year(names({ month: 'short' }, months).map((name) => name.replace(/\.$/, ''))),
  };
}

// Intl gives one name per date asked for: seven days, twelve months.
function week([a = '', b = '', c = '', d = '', e = '', f = '', g = '']: readonly string[]): TimeLocale['days'] {
  return [a, b, c, d, e, f, g];
}

function year([
  a = '',
  b = '',
  c = '',
  d = '',
  e = '',
  f = '',
  g = '',
  h = '',
  i = '',
  j = '',
  k = '',
  l = '',
]: readonly string[]): TimeLocale['months'] {
  return [a, b, c, d, e, f, g, h, i, j, k, l];
}

// Only used by specs that write a "$" format; it then reads like deck.format.money: "80.000 US$".
function deriveCurrencyAffixes(locale: string): [string, string] {
  const parts = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).formatToParts(1);
  const number = new Set<Intl.NumberFormatPartTypes>(['integer', 'group', 'decimal', 'fraction']);
  const first = parts.findIndex((part) => number.has(part.type));
  const after = parts.slice(first).filter((part) => !number.has(part.type));
  return [
    parts
      .slice(0, Math.max(first, 0))
      .map((part) => part.value)
      .join(''),
    after.map((part) => part.value).join(''),
  ];
}

// A spec without a size fills the chart area of a 1280×720 slide (vega-lite's default is a small 200 px view).
const SLIDE_CHART = { width: 1120, height: 500, autosize: { type: 'fit', contains: 'padding' } } as const;

// The same chart in a phone's column, where a slide's chart would be a third of its size.
const NARROW_CHART = { width: 358, height: 320, autosize: { type: 'fit', contains: 'padding' } } as const;

function isComposed(spec: TopLevelSpec): boolean {
  return ['facet', 'repeat', 'concat', 'hconcat', 'vconcat'].some((key) => Object.hasOwn(spec, key));
}

function sizeToSlide(spec: TopLevelSpec): TopLevelSpec {
  if (isComposed(spec) || (Object.hasOwn(spec, 'width') && Object.hasOwn(spec, 'height'))) return spec;
  // Each missing dimension fills the slide's chart area; a given one is kept.
  return { ...SLIDE_CHART, ...spec };
}

/**
 * A channel of the spec's top-level encoding that shows a declared field and has no title of its own is titled by
 * the field's label, as the table heads its column ("Costo mensual", not "monthly"). Only there: layers that each
 * title an axis would have their titles merged. The result is what the cache key hashes, so a new label re-renders.
 */
function titleByLabels(spec: unknown, deck: Deck): unknown {
  if (!isRecord(spec) || !isRecord(spec.encoding)) return spec;
  const encoding = Object.fromEntries(
    Object.entries(spec.encoding).map(([channel, definition]) => {
      if (
        !isRecord(definition) ||
        typeof definition.field !== 'string' ||
        typeof definition.type !== 'string' ||
        definition.field.startsWith('fmt.')
      )
        return [channel, definition];
      const hasTitle =
        Object.hasOwn(definition, 'title') ||
        [definition.axis, definition.legend].some((guide) => isRecord(guide) && Object.hasOwn(guide, 'title'));
      const label = deck.fields.get(definition.field.split('.')[0] ?? '')?.label;
      return [channel, hasTitle || label === undefined ? definition : { ...definition, title: label }];
    }),
  );
  return { ...spec, encoding };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOwnText(spec: object): boolean {
  return Object.hasOwn(spec, 'usermeta');
}

/** Without usermeta.datadeck: the slide's caption as the summary, the row's name and each field the chart draws. */
function defaultChartText(spec: unknown, deck: Deck, fallback: string): ChartText {
  const [first] = deck.fields.keys();
  const fields = [...new Set([...(first === undefined ? [] : [first]), ...findChartFields(spec, [...deck.fields.values()])])];
  return { summary: fallback, table: fields.map((field) => ({ title: undefined, field })) };
}

function chartFile(name: string): string {
  return name.startsWith('slide-') ? "the slide's chart" : `charts/${name}.vl.json`;
}

function chartError(name: string, detail: string, cause?: unknown): DeckError {
  // A spec written in a slide is located there by the build (it has the data file's positions); a file names itself.
  const where = name.startsWith('slide-')
    ? { dataPath: ['slides', Number(name.slice('slide-'.length)) - 1, 'chart'] }
    : { file: chartFile(name) };
  return new DeckError({ code: 'chart', ...messages.chartSpec(name, detail), ...where }, { cause });
}

// Chart names are file names; an id must not hold spaces or quotes.
function toIdPrefix(name: string): string {
  return `chart-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
