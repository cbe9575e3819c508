import type { SentenceCache } from '../data/sentence-cache.js';
import { formatLongDate } from '../format/values.js';
import type { Deck, SlideInput } from '../model.js';
import type { LayoutInfo } from '../slides/layouts.js';
import { renderPlain, chartId } from '../slides/slide-views.js';
import { renderText, toText, type FigureContext } from '../slides/render-sentence.js';
import { buildTable, pageSlideTable, type TablePage, type TableView } from '../slides/table.js';
import { describeSources, describeTableSources } from '../cite/cite-marks.js';
import { chartCitedKeys } from '../cite/chart-citations.js';

/** A stretch of text, bold where the deck's sentence is (**…**). */
export interface Run {
  readonly text: string;
  readonly isBold: boolean;
  /** A title in a reference list (APA italicises whole works). */
  readonly isItalic?: boolean | undefined;
}
export type Runs = readonly Run[];

interface SlideBase {
  /** Speaker notes as plain text; undefined with --public. */
  readonly notes: string | undefined;
}

/** One PowerPoint slide per deck slide, as data: the same texts and figures the HTML deck shows. */
export type PptxSlide =
  | (SlideBase & {
      readonly kind: 'title';
      readonly eyebrow: Runs | undefined;
      readonly title: Runs;
      readonly subtitle: Runs | undefined;
      readonly byline: readonly { readonly label: string; readonly value: Runs }[];
    })
  | (SlideBase & {
      readonly kind: 'text';
      readonly title: Runs;
      readonly lead: Runs | undefined;
      readonly paragraphs: readonly Runs[];
      readonly list: 'none' | 'bullets' | 'numbers';
      readonly footer: Runs | undefined;
    })
  | (SlideBase & {
      readonly kind: 'definitions';
      readonly title: Runs;
      readonly lead: Runs | undefined;
      readonly cards: readonly { readonly term: Runs; readonly paragraphs: readonly Runs[] }[];
      readonly takeaway: { readonly label: Runs; readonly text: Runs } | undefined;
    })
  | (SlideBase & {
      readonly kind: 'conclusions';
      readonly title: Runs;
      readonly paragraphs: readonly Runs[];
      readonly box: { readonly title: Runs; readonly items: readonly Runs[] } | undefined;
    })
  | (SlideBase & {
      readonly kind: 'sources';
      readonly title: Runs;
      readonly lead: Runs | undefined;
      readonly sources: readonly { readonly title: Runs; readonly url: string }[];
    })
  | (SlideBase & {
      readonly kind: 'table';
      readonly title: Runs;
      readonly continued: string | undefined;
      readonly table: PptxTable;
      readonly footer: { readonly text: Runs; readonly isContinues: boolean } | undefined;
      /** The references its cells cite, by their marks: "Fuentes: a Pereira et al., 2017." */
      readonly sources: string | undefined;
    })
  | (SlideBase & {
      readonly kind: 'chart';
      readonly title: Runs;
      readonly caption: Runs | undefined;
      readonly chartId: string;
      readonly slide: SlideInput;
    });

export interface PptxTable {
  readonly columns: readonly { readonly label: string; readonly width: number; readonly isRight: boolean }[];
  /** Each cell's text; a "lines" column's parts on lines of their own. */
  readonly rows: readonly (readonly string[])[];
  /** Each cell's citation marks ("a,b"), shown as a superscript; empty for none. */
  readonly marks?: readonly (readonly string[])[] | undefined;
}

export interface PlanInput {
  readonly deck: Deck;
  readonly layouts: ReadonlyMap<string, LayoutInfo>;
  readonly sentences: SentenceCache;
  readonly isPublic: boolean;
}

/** The deck's slides as PowerPoint slides, in order; a table pages exactly as renderSlides pages it. */
export function planSlides(input: PlanInput): PptxSlide[] {
  const { deck, sentences } = input;
  const context: FigureContext = { fields: deck.fields, rows: deck.rows, format: deck.format };
  const texts = createTexts(context, sentences);
  return deck.slides.flatMap((slide): PptxSlide[] => {
    const notes = input.isPublic || slide.notes === undefined ? undefined : texts.plain(slide.notes);
    if (input.layouts.get(slide.layout)?.showsTable === true) {
      const columns = slide.values.columns;
      const view = buildTable(Array.isArray(columns) ? columns : [], deck, sentences);
      return pageSlideTable(view.rows, slide.values.rowsPerSlide).map((page) => planTablePage({ slide, view, page, notes, texts, deck }));
    }
    return [planSlide(slide, notes, texts, deck)];
  });
}

interface Texts {
  runs(value: unknown): Runs | undefined;
  list(value: unknown): Runs[];
  plain(value: string): string;
}

function createTexts(context: FigureContext, sentences: SentenceCache): Texts {
  const wrap = (found: Runs | undefined): Runs[] => (found === undefined ? [] : [found]);
  const runs = (value: unknown) => (typeof value === 'string' ? toRuns(renderText(value, context, sentences)) : undefined);
  return {
    runs,
    list: (value) => (Array.isArray(value) ? value.flatMap((item) => wrap(runs(item))) : []),
    plain: (value) => renderPlain(value, context, sentences),
  };
}

/** The deck's HTML for a text back to runs: <strong> is the only markup a sentence makes. */
export function toRuns(html: string): Runs {
  return html
    .split(/(<strong>[\s\S]*?<\/strong>)/)
    .filter((part) => part !== '')
    .map((part) => (part.startsWith('<strong>') ? { text: toText(part), isBold: true } : { text: toText(part), isBold: false }));
}

const EMPTY: Runs = [];

/** A reference list's entry as runs: citeproc's <i> italic, everything else plain text. */
function toReferenceRuns(html: string): Runs {
  return html
    .split(/(<i>[\s\S]*?<\/i>)/)
    .filter((part) => part !== '')
    .map((part) =>
      part.startsWith('<i>') ? { text: toText(part), isBold: false, isItalic: true } : { text: toText(part), isBold: false },
    );
}

/** A chart's caption, and the sources of the figures it draws after it, as the deck's caption shows them. */
function captionWithSources(caption: Runs | undefined, slide: SlideInput, deck: Deck): Runs | undefined {
  const sources = describeSources(chartCitedKeys(slide, deck), deck.format.citations, deck.format.words.cite);
  if (sources === undefined) return caption;
  const text = toText(sources);
  return caption === undefined ? [{ text, isBold: false }] : [...caption, { text: ` ${text}`, isBold: false }];
}

function planSlide(slide: SlideInput, notes: string | undefined, texts: Texts, deck: Deck): PptxSlide {
  const values = slide.values;
  const title = texts.runs(values.title) ?? EMPTY;
  switch (slide.layout) {
    case 'title':
      return planTitle(notes, texts, deck);
    case 'text':
      return { kind: 'text', notes, title, lead: undefined, paragraphs: texts.list(values.paragraphs), list: 'none', footer: undefined };
    case 'aspects':
      return {
        kind: 'text',
        notes,
        title,
        lead: texts.runs(values.intro),
        paragraphs: texts.list(values.items),
        list: 'numbers',
        footer: undefined,
      };
    case 'summary':
      return {
        kind: 'text',
        notes,
        title,
        lead: undefined,
        paragraphs: texts.list(values.points),
        list: 'bullets',
        footer: texts.runs(values.highlight),
      };
    case 'definitions':
      return planDefinitions(slide, notes, texts);
    case 'conclusions': {
      const box = isRecord(values.box) ? { title: texts.runs(values.box.title) ?? EMPTY, items: texts.list(values.box.items) } : undefined;
      return { kind: 'conclusions', notes, title, paragraphs: texts.list(values.paragraphs), box };
    }
    case 'references':
      // The reference list as the deck shows it, each entry a paragraph, titles in italics.
      return {
        kind: 'text',
        notes,
        title,
        lead: texts.runs(values.intro),
        paragraphs: (deck.format.citations?.list ?? []).map((entry) => toReferenceRuns(entry.html)),
        list: 'none',
        footer: undefined,
      };
    case 'sources': {
      const sources = Array.isArray(values.sources)
        ? values.sources
            .filter(isRecord)
            .map((source) => ({ title: texts.runs(source.title) ?? EMPTY, url: typeof source.url === 'string' ? source.url : '' }))
        : [];
      return { kind: 'sources', notes, title, lead: texts.runs(values.intro), sources };
    }
    default:
      if (values.chart !== undefined && values.chart !== null)
        return {
          kind: 'chart',
          notes,
          title,
          caption: captionWithSources(texts.runs(values.caption), slide, deck),
          chartId: chartId(slide),
          slide,
        };
      // A layout datadeck does not know (a deck's own): its texts, in the order written, under its title.
      return {
        kind: 'text',
        notes,
        title,
        lead: undefined,
        paragraphs: Object.entries(values).flatMap(([key, value]) =>
          key === 'title' ? [] : typeof value === 'string' ? [texts.runs(value) ?? EMPTY] : texts.list(value),
        ),
        list: 'none',
        footer: undefined,
      };
  }
}

function planTitle(notes: string | undefined, texts: Texts, deck: Deck): PptxSlide {
  const { meta, format } = deck;
  const words = format.words;
  const byline = [
    { label: words.author, value: texts.runs(meta.author) },
    { label: words.course, value: texts.runs(meta.course) },
    { label: words.date, value: [{ text: formatLongDate(meta.date, meta.locale), isBold: false }] },
  ].flatMap((item) => (item.value === undefined ? [] : [{ label: item.label, value: item.value }]));
  return {
    kind: 'title',
    notes,
    eyebrow: texts.runs(meta.institution),
    title: texts.runs(meta.title) ?? EMPTY,
    subtitle: texts.runs(meta.subtitle),
    byline,
  };
}

function planDefinitions(slide: SlideInput, notes: string | undefined, texts: Texts): PptxSlide {
  const { values } = slide;
  const cards = Array.isArray(values.terms)
    ? values.terms.filter(isRecord).map((term) => ({
        term: texts.runs(term.term) ?? EMPTY,
        paragraphs: typeof term.definition === 'string' ? [texts.runs(term.definition) ?? EMPTY] : texts.list(term.definition),
      }))
    : [];
  const takeaway = isRecord(values.takeaway)
    ? { label: texts.runs(values.takeaway.label) ?? EMPTY, text: texts.runs(values.takeaway.text) ?? EMPTY }
    : undefined;
  return { kind: 'definitions', notes, title: texts.runs(values.title) ?? EMPTY, lead: texts.runs(values.intro), cards, takeaway };
}

function planTablePage(input: {
  slide: SlideInput;
  view: TableView;
  page: TablePage;
  notes: string | undefined;
  texts: Texts;
  deck: Deck;
}): PptxSlide {
  const { slide, view, page, texts, deck } = input;
  const words = deck.format.words;
  const columns = view.columns.map((column) => ({
    label: toText(column.label.html),
    width: column.width,
    isRight: column.className.split(' ').includes('num'),
  }));
  const rows = page.rows.map((row) => row.cells.map((cell) => cell.texts.join(cell.className.split(' ').includes('lines') ? '\n' : ' ')));
  const marks = page.rows.map((row) => row.cells.map((cell) => cell.marks));
  const continues = page.number < page.count;
  const estimate = page.rows.some((row) => row.hasEstimate) ? words.cite.estimate : undefined;
  const given = texts.runs(slide.values.caveat);
  const caveat =
    estimate === undefined
      ? given
      : given === undefined
        ? [{ text: estimate, isBold: false }]
        : [...given, { text: ` ${estimate}`, isBold: false }];
  const sources = describeTableSources({
    keys: page.rows.flatMap((row) => row.cited),
    letters: view.letters,
    citations: deck.format.citations,
    words: words.cite,
  });
  const footer = continues
    ? { text: [{ text: words.continues, isBold: false }], isContinues: true }
    : caveat === undefined
      ? undefined
      : { text: caveat, isContinues: false };
  return {
    kind: 'table',
    notes: input.notes,
    title: texts.runs(slide.values.title) ?? EMPTY,
    continued: page.number > 1 ? words.continued : undefined,
    table: marks.some((row) => row.some((mark) => mark !== '')) ? { columns, rows, marks } : { columns, rows },
    footer,
    sources: sources === undefined ? undefined : toText(sources),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
