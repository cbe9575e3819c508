import type { Energy } from './format/energy.js';
import type { Formatters, MonthRange } from './format/formatters.js';
import type { Problem } from './errors/deck-error.js';
import type { Locator } from './errors/locate.js';
import type { Meta, SlideInput, Source } from './data/deck-schema.js';

/** The types passed between the stages of buildDeck(). */

/** Everything load() read from disk, still unparsed where it comes from the user. */
export interface Project {
  /** Path of the data file as the user named it, for messages. */
  readonly dataFile: string;
  /** The YAML text, kept so errors can quote the line. */
  readonly dataText: string;
  /** The parsed YAML document (unknown until validated), with its positions. */
  readonly data: ParsedData;
  readonly templates: TemplateSources;
  /** Chart name (file name without .vl.json) → the Vega-Lite spec, parsed JSON. */
  readonly charts: ReadonlyMap<string, unknown>;
  /** The theme's Vega-Lite config (fonts, colours), merged under every chart's own. */
  readonly chartConfig: unknown;
  readonly assets: Assets;
  /** Charts and font subsets that earlier builds made, read from the cache folder. */
  readonly cache: StoredCache;
}

/** The cache folder's content: what a build can reuse instead of running vega or the font subsetter. */
export interface StoredCache {
  /** datadeck's version and its pinned dependencies: a cache written by another install is not reused. */
  readonly stamp: string;
  /** chartKey() → the chart it rendered. */
  readonly charts: ReadonlyMap<string, RenderedChart>;
  /** fontKey() → the subset font, base64. */
  readonly fonts: ReadonlyMap<string, string>;
  /** specKey() → a template precompiled by Handlebars, as JavaScript. */
  readonly templates: ReadonlyMap<string, string>;
  /** Why the stored cache was set aside (unreadable, corrupt): a note for the user, never an error. */
  readonly problem?: Problem | undefined;
}

export interface ParsedData extends Locator {
  readonly value: unknown;
}

export type PathSegment = string | number;

export interface Position {
  readonly line: number;
  readonly column: number;
  /** Characters the node spans on its first line, for the ^^^ marker. */
  readonly length: number;
}

export interface TemplateSources {
  readonly shell: string;
  /** Layout name → Handlebars source. */
  readonly layouts: ReadonlyMap<string, string>;
  /** Partial name → Handlebars source. */
  readonly partials: ReadonlyMap<string, string>;
}

export interface Assets {
  readonly revealCss: string;
  readonly revealJs: string;
  readonly notesJs: string;
  /** The CSS of the theme the deck uses. */
  readonly themeCss: string;
  /** The font files the theme's @font-face rules name, by url() as written: embedded as subsets of the deck's text. */
  readonly fonts: ReadonlyMap<string, Uint8Array>;
  readonly themeName: string;
}

/** One model with every figure resolved: given, derived or absent. */
export interface ModelFigures {
  /** Position in data/deck.yaml's models list, for messages. */
  readonly index: number;
  readonly name: string;
  /** How the table names it: "ChatGPT (GPT-4)", "Claude 3 (Anthropic)". */
  readonly label: string;
  readonly organization: string;
  readonly accelerator: string;
  readonly units: number | undefined;
  readonly unitPriceUsd: number | undefined;
  readonly isUnitPriceDerived: boolean;
  readonly hardwareCostUsd: number;
  readonly isHardwareCostDerived: boolean;
  readonly trainingMonths: MonthRange;
  readonly trainingEnergy: Energy;
  readonly inferenceEnergy: Energy;
  readonly comment: string;
  readonly sources: readonly Source[];
}

/** Figures computed across models, for the sentences on the conclusions and summary slides. */
export interface Facts {
  readonly modelCount: number;
  readonly mostExpensive: ModelFigures;
  readonly cheapest: ModelFigures;
  /** mostExpensive.hardwareCostUsd ÷ cheapest.hardwareCostUsd */
  readonly costRatio: number;
  readonly totalHardwareCostUsd: number;
  readonly totalTrainingWh: number;
  readonly mostTrainingEnergy: ModelFigures;
  readonly leastTrainingEnergy: ModelFigures;
  /** Lowest and highest inference energy per 1000 tokens, in Wh. */
  readonly inferenceRangeWh: { readonly min: number; readonly max: number };
  readonly longestTraining: ModelFigures;
}

/** A slide after derive: the input slide plus what the layout needs. Table slides are split into pages. */
export type Slide =
  | (Exclude<SlideInput, { layout: 'table' }> & { readonly sourceIndex: number })
  | (Extract<SlideInput, { layout: 'table' }> & { readonly sourceIndex: number; readonly page: TablePage });

export interface TablePage {
  readonly rows: readonly ModelFigures[];
  /** 1-based page number and page count: "continúa" shows when number < count. */
  readonly number: number;
  readonly count: number;
}

export interface DeckMeta extends Omit<Meta, 'date'> {
  readonly date: Date;
}

export interface Deck {
  readonly meta: DeckMeta;
  readonly format: Formatters;
  readonly models: readonly ModelFigures[];
  readonly facts: Facts;
  readonly slides: readonly Slide[];
  readonly warnings: readonly DeckWarning[];
}

export interface DeckWarning {
  readonly code: string;
  readonly message: string;
  readonly hint: string;
  readonly dataPath: readonly PathSegment[];
}

/** A chart rendered at build time. */
export interface RenderedChart {
  readonly svg: string;
  /** A sentence-per-model text alternative, for aria-label and the hidden data table. */
  readonly summary: string;
  readonly table: ChartTable;
}

export interface ChartTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export type Charts = ReadonlyMap<string, RenderedChart>;

export interface BuildResult {
  readonly outFile: string;
  readonly bytes: number;
  readonly slideCount: number;
  readonly chartCount: number;
  /** Located warnings, e.g. a price × units that disagrees with the total. */
  readonly warnings: readonly Problem[];
  /** The derived deck and each slide's HTML, for watch mode to tell what changed. */
  readonly deck: Deck;
  readonly slides: readonly string[];
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
