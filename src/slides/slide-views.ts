import { readSentence, type SentenceCache } from '../data/sentence-cache.js';
import { hasFigures } from '../data/sentences.js';
import { formatLongDate } from '../format/values.js';
import type { Charts, Deck, RenderedChart, SlideInput } from '../model.js';
import { describeSources, describeTableSources } from '../cite/cite-marks.js';
import { chartCitedKeys } from '../cite/chart-citations.js';
import type { LayoutInfo } from './layouts.js';
import type { KeyShape } from './layout-keys.js';
import { renderPlainText, renderSentence, renderText, toText, type FigureContext } from './render-sentence.js';
import { insertCitations } from '../cite/cite-marks.js';
import { SafeHtml } from './safe-html.js';
import type { TablePage, TableView } from './table.js';

/** What every layout receives: the slide's own keys with their texts rendered, and what the build provides. */
export interface ViewInput {
  readonly slide: SlideInput;
  readonly deck: Deck;
  /** viewMeta(), made once for all the slides. */
  readonly meta?: Readonly<Record<string, unknown>>;
  readonly layout: LayoutInfo;
  readonly charts: Charts;
  readonly sentences: SentenceCache;
  readonly isPublic: boolean;
  readonly slideNumber: number;
  readonly table?: { readonly view: TableView; readonly page: TablePage } | undefined;
}

export function viewSlide(input: ViewInput): Record<string, unknown> {
  const { slide, deck, layout } = input;
  const context: FigureContext = { fields: deck.fields, rows: deck.rows, format: deck.format };
  const render = (value: unknown) => renderValue(value, context, input.sentences);
  // strict templates throw on a key that is absent, so every key the layout uses is present, optional ones undefined.
  const keys = Object.fromEntries(
    [...layout.keys.keys].map(([key, use]) => [key, renderShaped(slide.values[key], use.shape, context, input.sentences)]),
  );
  return {
    ...keys,
    meta: input.meta ?? viewMeta(deck, input.sentences),
    t: deck.format.words,
    notes: input.isPublic || slide.notes === undefined ? undefined : render(slide.notes),
    slideNumber: input.slideNumber,
    table: input.table === undefined ? undefined : viewTable(input.table, deck),
    page: input.table === undefined ? undefined : viewPage(input.table.page),
    chart: layout.showsChart ? viewChart(input.charts.get(chartId(slide)), slide, deck) : undefined,
    references: viewReferences(deck),
  };
}

/** A table page: its columns and rows, the line of the sources its cells cite, and what "≈" means when it shows estimates. */
function viewTable(table: { readonly view: TableView; readonly page: TablePage }, deck: Deck) {
  const { rows } = table.page;
  const words = deck.format.words.cite;
  const describe = (keys: readonly string[]) =>
    describeTableSources({ keys, letters: table.view.letters, citations: deck.format.citations, words });
  const sources = describe(rows.flatMap((row) => row.cited));
  // The reading view joins a table's pages into one: it shows the sources of the whole table, once.
  const wholeSources = describe([...table.view.letters.keys()]);
  return {
    columns: table.view.columns,
    rows,
    sources: sources === undefined ? undefined : new SafeHtml(sources),
    wholeSources: wholeSources === undefined ? undefined : new SafeHtml(wholeSources),
    estimate: rows.some((row) => row.hasEstimate) ? words.estimate : undefined,
  };
}

/** A chart and the sources of the figures it draws, for its caption. */
function viewChart(chart: RenderedChart | undefined, slide: SlideInput, deck: Deck) {
  if (chart === undefined || deck.format.citations === undefined) return chart;
  const sources = describeSources(chartCitedKeys(slide, deck), deck.format.citations, deck.format.words.cite);
  return { ...chart, sources: sources === undefined ? undefined : new SafeHtml(sources) };
}

/** Every cited reference, formatted, in the style's order: what a references slide lists. */
function viewReferences(deck: Deck): readonly { readonly key: string; readonly html: SafeHtml }[] {
  return (deck.format.citations?.list ?? []).map((entry) => ({ key: entry.key, html: new SafeHtml(entry.html) }));
}

/** The deck's meta as every layout sees it: made once per build and shared by the slides. */
export function viewMeta(deck: Deck, sentences: SentenceCache): Readonly<Record<string, unknown>> {
  const context: FigureContext = { fields: deck.fields, rows: deck.rows, format: deck.format };
  const render = (value: unknown) => renderValue(value, context, sentences);
  const { meta } = deck;
  return {
    title: render(meta.title),
    subtitle: render(meta.subtitle),
    author: render(meta.author),
    institution: render(meta.institution),
    course: render(meta.course),
    date: formatLongDate(meta.date, meta.locale),
    dateIso: meta.date,
    locale: meta.locale,
  };
}

function viewPage(page: TablePage) {
  return {
    number: page.number,
    count: page.count,
    isContinued: page.number > 1,
    continues: page.number < page.count,
    isPaged: page.count > 1,
  };
}

/** Like renderValue, but a text the layout shows inside an attribute (aria-label, href) gets plain text, no markup. */
function renderShaped(value: unknown, shape: KeyShape, context: FigureContext, sentences: SentenceCache): unknown {
  if (shape.kind === 'text' && shape.isAttribute && typeof value === 'string') return renderPlain(value, context, sentences);
  if (shape.kind === 'list' && Array.isArray(value)) return value.map((item) => renderShaped(item, shape.item, context, sentences));
  if (shape.kind === 'map' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => {
        const use = shape.keys.get(key);
        return [key, use === undefined ? renderValue(item, context, sentences) : renderShaped(item, use.shape, context, sentences)];
      }),
    );
  }
  return renderValue(value, context, sentences);
}

/** A text with its figures computed, as plain text: for attributes, the page's title, a chart's summary. */
export function renderPlain(text: string, context: FigureContext, sentences: SentenceCache): string {
  const citations = context.format.citations;
  if (!hasFigures(text)) return toText(insertCitations(renderPlainText(text), citations));
  const parsed = readSentence(sentences, text);
  return 'sentence' in parsed ? toText(insertCitations(renderSentence(parsed.sentence, context), citations)) : text;
}

/** Texts become HTML with their figures; lists and mappings keep their shape; other values pass as they are. */
function renderValue(value: unknown, context: FigureContext, sentences: SentenceCache): unknown {
  if (typeof value === 'string') return new SafeHtml(renderText(value, context, sentences));
  if (Array.isArray(value)) return value.map((item) => renderValue(item, context, sentences));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renderValue(item, context, sentences)]));
  }
  return value;
}

/** A chart's id: its file's name, or slide-<n> for a spec written in the slide. */
export function chartId(slide: SlideInput): string {
  const chart = slide.values.chart;
  return typeof chart === 'string' ? chart : `slide-${slide.sourceIndex + 1}`;
}

/** The deck's title, description and author as plain text, for the page's <title> and <meta> tags. */
export function viewPageMeta(deck: Deck, sentences: SentenceCache): { title: string; description: string; author: string } {
  const context: FigureContext = { fields: deck.fields, rows: deck.rows, format: deck.format };
  const text = (value: string | undefined) => (value === undefined ? undefined : renderPlain(value, context, sentences));
  const { meta } = deck;
  return {
    title: text(meta.title) ?? '',
    description: [text(meta.subtitle), text(meta.institution)].filter(Boolean).join(' · '),
    author: text(meta.author) ?? '',
  };
}
