import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { BuildResult } from '../../../src/model.js';
import { DatasetSchema, type Dataset } from '../../../src/data/deck-schema.js';

/** What a user expects to see, read from the data file itself rather than from the HTML the build wrote. */
export interface ExpectedSlide {
  readonly layout: string;
  readonly title: string | undefined;
  /** The speaker notes with whitespace collapsed, as a browser's textContent shows them. */
  readonly notes: string | undefined;
  readonly chart: string | undefined;
}

export interface ExpectedDeck {
  readonly dataset: Dataset;
  /** The data's slide list, a table slide repeated once per page the build split it into. */
  readonly slides: readonly ExpectedSlide[];
  readonly modelNames: readonly string[];
}

export function readExpectedDeck(dataFile: string, built: BuildResult): ExpectedDeck {
  const dataset = DatasetSchema.parse(parse(readFileSync(dataFile, 'utf8')));
  const slides = dataset.slides.flatMap((slide, index): ExpectedSlide[] => {
    const expected: ExpectedSlide = {
      layout: slide.layout,
      title: 'title' in slide ? slide.title : undefined,
      notes: slide.notes === undefined ? undefined : squash(slide.notes),
      chart: slide.layout === 'chart' ? slide.chart : undefined,
    };
    return Array.from({ length: tablePageCount(built, index) }, () => expected);
  });
  return { dataset, slides, modelNames: dataset.models.map((model) => model.name) };
}

/** How many slides the build made of data slide `index`: the pages of a long table, 1 for any other slide. */
function tablePageCount(built: BuildResult, index: number): number {
  const table = built.deck.slides.find((slide) => slide.sourceIndex === index && slide.layout === 'table');
  return table !== undefined && table.layout === 'table' ? table.page.count : 1;
}

/** Whitespace collapsed: how text from YAML, the DOM and pdftotext can be compared. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
