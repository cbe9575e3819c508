import type { Field } from './data/fields.js';
import type { Meta } from './data/deck-schema.js';
import type { Value } from './data/values.js';
import type { ErrorCode, Problem } from './errors/deck-error.js';
import type { Locator } from './errors/locate.js';
import type { FormatContext } from './format/values.js';
import type { CellPlace, Table } from './data/sheet/table.js';

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
  /** The spreadsheet `rows:` names, read (undefined: the rows are in the YAML). */
  readonly sheet?: LoadedSheet | undefined;
  /** The editor schema the data file names on its first line, and the start of its text (undefined: not written yet). */
  readonly schema?: { readonly file: string; readonly head: string | undefined } | undefined;
}

/** A spreadsheet's cells and what the deck declared about them (the columns to leave out). */
export interface LoadedSheet {
  /** The file read, as the build was given it (for the dev server to watch). */
  readonly path: string;
  readonly table: Table;
  readonly ignore: readonly string[];
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
  /** layoutsKey() → the layouts' keys as analysed from their templates (stored-analyses.ts). */
  readonly layouts: ReadonlyMap<string, unknown>;
  /** A text of the deck → its sentence as Handlebars parsed it. */
  readonly sentences: ReadonlyMap<string, unknown>;
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

/** What validate hands derive: the declared fields, each row's given values typed, the slides as written. */
export interface Dataset {
  readonly meta: Meta;
  readonly fields: readonly Field[];
  readonly rows: readonly InputRow[];
  readonly slides: readonly SlideInput[];
  /** Fields with a formula, each after the fields it reads. */
  readonly formulaOrder: readonly string[];
}

export interface InputRow {
  /** Position in the data file's rows list, for messages. */
  readonly index: number;
  /** The row's first field: what charts, sentences and messages call it. */
  readonly name: string;
  /** Field name → the value the data gives (fields it leaves out are absent). */
  readonly values: ReadonlyMap<string, Value>;
  /** The row as written in the YAML, for the dev server's change line ("rows[4].units 2000 → 2400"). */
  readonly given: Readonly<Record<string, unknown>>;
  /** For a row read from a spreadsheet: where its cells are. */
  readonly source?: RowSource | undefined;
}

/** Where a spreadsheet row's cells sit, for a problem found after validate and for the dev server's change line. */
export interface RowSource {
  /** The cell of a field (the row's first cell for undefined), and its column's header. */
  readonly locate: (field: string | undefined) => { readonly place: CellPlace; readonly header: string | undefined };
}

/** One value of one row after derive: given, computed by its field's formula (isDerived), or absent. */
export interface Cell {
  readonly value: Value | undefined;
  readonly isDerived: boolean;
}

export interface DeckRow {
  readonly index: number;
  readonly name: string;
  readonly cells: ReadonlyMap<string, Cell>;
  readonly given: Readonly<Record<string, unknown>>;
  readonly source?: RowSource | undefined;
}

/** A slide as written: its layout, notes, and whatever keys its layout uses. */
export interface SlideInput {
  readonly layout: string;
  readonly notes?: string | undefined;
  /** Position in the data file's slides list. */
  readonly sourceIndex: number;
  readonly values: Readonly<Record<string, unknown>>;
}

export interface Deck {
  readonly meta: Meta;
  readonly format: FormatContext;
  readonly fields: ReadonlyMap<string, Field>;
  readonly rows: readonly DeckRow[];
  readonly slides: readonly SlideInput[];
  readonly warnings: readonly DeckWarning[];
  /** Problems only derive can see (a required value its formula cannot compute): the build stops on them. */
  readonly errors: readonly DeckWarning[];
}

export interface DeckWarning {
  readonly code: ErrorCode;
  readonly message: string;
  readonly hint: string;
  readonly dataPath: readonly PathSegment[];
}

/** A chart rendered at build time. */
export interface RenderedChart {
  /** Its file's name, or slide-<n> for a spec written in the slide: ids in the SVG and the caption start from it. */
  readonly id: string;
  readonly svg: string;
  /** The same chart laid out for a phone's reading view (360 px wide), when the chart is declared by kind. */
  readonly narrowSvg?: string;
  /** What vega-lite warned about while compiling it, for the build's warnings. */
  readonly warnings: readonly string[];
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
  /** The spreadsheet the rows came from, if any: the dev server watches it too. */
  readonly sheetFile?: string | undefined;
  /** The derived deck and each slide's HTML, for watch mode to tell what changed. */
  readonly deck: Deck;
  readonly slides: readonly string[];
  /** The link-preview image written next to index.html, for a deck with an address. */
  readonly preview?: { readonly file: string; readonly bytes: number; readonly url: string } | undefined;
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
