import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { BuildResult } from '../../../src/model.js';
import { z } from 'zod';
import { DatasetSchema, type DatasetFrame } from '../../../src/data/deck-schema.js';

/** A slide as the browser tests read it: its layout, notes and whatever else it gives. */
const SlideFrameSchema = z.looseObject({ layout: z.string(), notes: z.string().optional() });

/** What a user expects to see, read from the data file itself rather than from the HTML the build wrote. */
export interface ExpectedSlide {
  readonly layout: string;
  /** The title as written: it may state figures ({{…}}) and **bold**, so compare what is shown with shownPattern(). */
  readonly title: string | undefined;
  /** The speaker notes as written, whitespace collapsed; they may state figures too. */
  readonly notes: string | undefined;
  /** The chart's id on the page: its file's name, or slide-<n> for a spec written in the slide. */
  readonly chart: string | undefined;
}

export interface ExpectedDeck {
  readonly dataset: DatasetFrame;
  /** The data's slide list, a table slide repeated once per page the build split it into. */
  readonly slides: readonly ExpectedSlide[];
  /** Each row's name: its value of the first declared field. */
  readonly rowNames: readonly string[];
}

export function readExpectedDeck(dataFile: string, built: BuildResult): ExpectedDeck {
  const dataset = DatasetSchema.parse(parse(readFileSync(dataFile, 'utf8')));
  const pages = countPages(built, dataset.slides.length);
  const slides = dataset.slides
    .map((value) => SlideFrameSchema.parse(value))
    .flatMap((slide, index): ExpectedSlide[] => {
      const chart: unknown = slide.chart;
      const expected: ExpectedSlide = {
        layout: slide.layout,
        title: typeof slide.title === 'string' ? slide.title : undefined,
        notes: slide.notes === undefined ? undefined : squash(slide.notes),
        chart: chart === undefined ? undefined : typeof chart === 'string' ? chart : `slide-${index + 1}`,
      };
      return Array.from({ length: pages[index] ?? 1 }, () => expected);
    });
  const [nameField = ''] = Object.keys(dataset.fields);
  const rowNames = (Array.isArray(dataset.rows) ? dataset.rows : []).map((row) =>
    String(z.record(z.string(), z.unknown()).parse(row)[nameField]),
  );
  return { dataset, slides, rowNames };
}

/**
 * How many slides the build made of each data slide: a table that does not fit continues on the next slide with
 * "(continuación)" in its title, so a slide whose heading carries that mark belongs to the data slide before it.
 */
function countPages(built: BuildResult, dataSlides: number): number[] {
  const pages: number[] = [];
  for (const html of built.slides) {
    const last = pages.length - 1;
    if (last >= 0 && /<h2>.*?class="continued"/s.test(html)) pages[last] = (pages[last] ?? 0) + 1;
    else pages.push(1);
  }
  if (pages.length !== dataSlides)
    throw new Error(`the build made ${built.slides.length} slides that read as ${pages.length} data slides, not ${dataSlides}`);
  return pages;
}

/** Whitespace collapsed: how text from YAML, the DOM and pdftotext can be compared. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The text a reader sees of a text from the data, as a pattern: **bold** without its stars, and each {{…}} (a
 * figure, or a block that may show nothing) as any text. isWhole: the shown text is exactly this (otherwise it
 * contains it); isSpaceless: match text with every space removed, as pdftotext gives it.
 */
export function shownPattern(source: string, options: { isWhole?: boolean; isSpaceless?: boolean } = {}): RegExp {
  const unbolded = squash(source).replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '$1');
  const literals = unbolded.split(/\{\{[^}]*\}\}\}?/).map((part) => (options.isSpaceless === true ? part.replace(/\s+/g, '') : part));
  const body = literals.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*?');
  return new RegExp(options.isWhole === true ? `^${body}$` : body, 's');
}
