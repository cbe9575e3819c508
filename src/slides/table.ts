import { readSentence, type SentenceCache } from '../data/sentence-cache.js';
import { hasFigures } from '../data/sentences.js';
import { isNumericField, type Field } from '../data/fields.js';
import type { Deck, DeckRow } from '../model.js';
import { readColumn, type ColumnInput } from './columns.js';
import { escapeHtml, renderPlainText, renderText, shownFields, toText, type FigureContext } from './render-sentence.js';
import { SafeHtml, visibleLength } from './safe-html.js';
import { citedFigures, letterReferences, markCell } from '../cite/cite-marks.js';

/** A table slide's columns resolved against the fields, and each row's cells rendered, before paging. */
export interface TableView {
  readonly columns: readonly ColumnView[];
  readonly rows: readonly RowView[];
  /** Each reference the table's cells cite → its mark, a letter: the same on every page of the table. */
  readonly letters: ReadonlyMap<string, string>;
}

export interface ColumnView {
  readonly label: SafeHtml;
  /** "num" right-aligns figures; "lines" stacks a cell's parts. */
  readonly className: string;
  /** Share of the table's width, in whole percent: the theme gets a col.dd-w<percent> rule for it. */
  readonly width: number;
  readonly widthClass: string;
}

export interface RowView {
  /** `texts`: the cell's parts as plain text, for an export that is not HTML (the PowerPoint table). */
  readonly cells: readonly {
    readonly html: SafeHtml;
    readonly className: string;
    readonly texts: readonly string[];
    /** The letters of the references the cell cites ("a", "a,b"), for an export that is not HTML. */
    readonly marks: string;
  }[];
  /** Estimated height on the slide, in CSS pixels: paging fills each slide up to its height. */
  readonly height: number;
  /** The first cell is the row's header (<th scope="row">). */
  readonly name: string;
  /** The references its cells cite, for the sources line under the page. */
  readonly cited: readonly string[];
  /** Some figure it shows is an estimate: the page's caveat says what "≈" means. */
  readonly hasEstimate: boolean;
}

interface ResolvedColumn {
  readonly label: string;
  readonly field: Field | undefined;
  readonly parts: readonly string[];
  readonly isList: boolean;
  readonly hasLines: boolean;
  readonly align: 'left' | 'right';
  readonly width: number | undefined;
  /** The fields its cells show: what a row's cite: for one field marks. */
  readonly shows: readonly string[];
}

// The theme's table: 1136 px wide (1280 minus the slide's margins), 17 px type (~8.6 px a character), 22 px lines.
const TABLE_PX = 1136;
const CHAR_PX = 8.6;
const CELL_PADDING_PX = 20;
const BOLD_CHAR_PX = 10;
const LINE_PX = 22;
const ROW_PADDING_PX = 15;

export function buildTable(columnsInput: readonly unknown[], deck: Deck, sentences: SentenceCache): TableView {
  const columns = columnsInput.flatMap((input) => resolveColumn(input, deck.fields, sentences));
  const context: FigureContext = { fields: deck.fields, rows: deck.rows, format: deck.format };
  const cellTexts = deck.rows.map((row) => columns.map((column) => renderCell(column, { ...context, row }, sentences)));
  // A row's own cite: marks its name; a figure's marks the cells that show it.
  const cellKeys = deck.rows.map((row) =>
    columns.map((column, index) => [...(index === 0 ? (row.citations?.row ?? []) : []), ...citedFigures(row, column.shows)]),
  );
  const letters = letterReferences(cellKeys.flat(2));
  const widths = distributeWidths(columns, cellTexts);
  const views = columns.map((column, index): ColumnView => {
    const width = widths[index] ?? 10;
    const className = [column.align === 'right' ? 'num' : '', column.hasLines ? 'lines' : ''].filter(Boolean).join(' ');
    // A heading is plain text: the same words as the field's label on a chart's axis and in its data table.
    return { label: new SafeHtml(renderPlainText(column.label)), className, width, widthClass: `dd-w${width}` };
  });
  const rows = deck.rows.map((row, rowIndex): RowView => {
    const cells = cellTexts[rowIndex] ?? [];
    const keys = cellKeys[rowIndex] ?? [];
    const height = Math.max(...cells.map((cell, index) => estimateLines(cell, widths[index] ?? 10)), 1) * LINE_PX + ROW_PADDING_PX;
    return {
      name: row.name,
      height,
      cited: [...new Set(keys.flat())],
      hasEstimate: columns.some((column) => column.shows.some((name) => row.cells.get(name)?.isEstimate === true)),
      cells: cells.map((cell, index) => ({
        html: new SafeHtml(cell.html + markCell(keys[index] ?? [], letters)),
        className: views[index]?.className ?? '',
        texts: cell.texts,
        marks: (keys[index] ?? []).map((key) => letters.get(key) ?? '').join(','),
      })),
    };
  });
  return { columns: views, rows, letters };
}

function resolveColumn(input: unknown, fields: ReadonlyMap<string, Field>, sentences: SentenceCache): ResolvedColumn[] {
  const read = readColumn(input);
  if (read === undefined) return []; // validate reported it
  const column: Exclude<ColumnInput, string> = typeof read === 'string' ? { field: read } : read;
  const field = column.field === undefined ? undefined : fields.get(column.field);
  const parts = column.cell === undefined ? [`{{${column.field ?? ''}}}`] : typeof column.cell === 'string' ? [column.cell] : column.cell;
  // Figures align right; a range ("2 a 3 meses") reads as text.
  const isFigure = field !== undefined && column.cell === undefined && isNumericField(field);
  return [
    {
      label: column.label ?? field?.label ?? '',
      field,
      parts,
      isList: Array.isArray(column.cell),
      hasLines: column.lines === true,
      align: column.align ?? (isFigure ? 'right' : 'left'),
      width: column.width === undefined ? undefined : Number(column.width.replace('%', '')),
      shows: parts.flatMap((part) => {
        if (!hasFigures(part)) return [];
        const parsed = readSentence(sentences, part);
        return 'sentence' in parsed ? shownFields(parsed.sentence) : [];
      }),
    },
  ];
}

interface CellText {
  readonly html: string;
  readonly texts: readonly string[];
  /** Characters of each part as shown, for the height estimate. */
  readonly lengths: readonly number[];
  /** Characters of the longest word, which a column must fit. */
  readonly words: number;
  readonly hasLines: boolean;
}

/** A cell's parts: a part that shows a missing value drops out; the first is the text, the rest details. */
function renderCell(column: ResolvedColumn, context: FigureContext & { row: DeckRow }, sentences: SentenceCache): CellText {
  const shown = column.parts.filter((part) => !column.isList || !showsMissing(part, context.row, sentences));
  // Every part named a missing value: the cell says so rather than stay blank.
  const htmls = shown.length > 0 ? shown.map((part) => renderText(part, context, sentences)) : [missingText(column, context)];
  const wrapped = column.hasLines
    ? htmls.map((html) => `<span class="part">${html}</span>`)
    : htmls.map((html, index) =>
        index === 0 ? html : `<span class="detail${html.includes('class=derived') ? ' derived' : ''}">${html}</span>`,
      );
  // The longest word matters only to a column whose width is shared by content.
  const words = column.width === undefined ? longestWordOf(htmls.map((html) => html.replace(/<[^>]*>/g, '')).join(' ')) : 0;
  return { html: wrapped.join(' '), texts: htmls.map(toText), lengths: htmls.map(visibleLength), words, hasLines: column.hasLines };
}

function missingText(column: ResolvedColumn, context: FigureContext): string {
  return `<span class="missing">${escapeHtml(column.field?.missing ?? context.format.words.notReported)}</span>`;
}

function showsMissing(part: string, row: DeckRow, sentences: SentenceCache): boolean {
  if (!hasFigures(part)) return false;
  const parsed = readSentence(sentences, part);
  return 'sentence' in parsed && shownFields(parsed.sentence).some((name) => row.cells.get(name)?.value === undefined);
}

/**
 * Declared widths as written; the rest of the table shared by content: each column gets at least its longest word
 * (a heading never runs into the next column), then what is left goes to the columns with more to say.
 */
function distributeWidths(columns: readonly ResolvedColumn[], cells: readonly (readonly CellText[])[]): number[] {
  const declared = columns.reduce((sum, column) => sum + (column.width ?? 0), 0);
  const free = Math.max(0, 100 - declared);
  // Headings are bold: ~10 px a character where body text takes ~8.6.
  const percentOf = (chars: number) => ((chars * BOLD_CHAR_PX + CELL_PADDING_PX) / TABLE_PX) * 100;
  const auto = columns.map((column, index) => {
    const texts = cells.map((row) => row[index]?.words ?? 0);
    const lengths = cells.map((row) => Math.max(...(row[index]?.lengths ?? [0])));
    const typical = lengths.length === 0 ? 0 : lengths.reduce((sum, length) => sum + length, 0) / lengths.length;
    const longestWord = Math.max(longestWordOf(column.label), ...texts);
    // Long texts wrap over ~3 lines rather than take the whole table.
    // A heading wraps onto two lines at most before the column grows: "Precio por hora" is not three lines.
    return { minimum: percentOf(longestWord), ideal: percentOf(Math.min(Math.max(typical, column.label.length / 2), 36)) };
  });
  const free_columns = columns.map((column, index) => (column.width === undefined ? auto[index] : undefined));
  const minimums = free_columns.reduce((sum, need) => sum + (need?.minimum ?? 0), 0);
  const extras = free_columns.reduce((sum, need) => sum + Math.max(0, (need?.ideal ?? 0) - (need?.minimum ?? 0)), 0);
  const spare = Math.max(0, free - minimums);
  const scale = minimums > free ? free / minimums : 1;
  return columns.map((column, index) => {
    const need = free_columns[index];
    if (column.width !== undefined || need === undefined) return column.width ?? 0;
    const extra =
      extras === 0 ? spare / Math.max(1, free_columns.filter(Boolean).length) : (spare * Math.max(0, need.ideal - need.minimum)) / extras;
    return Math.max(4, Math.floor(need.minimum * scale + extra));
  });
}

// Words break at plain spaces only: "120 MB" and "≈ 7.800 US$" are joined by no-break spaces and stay whole.
function longestWordOf(text: string): number {
  return Math.max(
    0,
    ...text
      .replace(/\{\{[^}]*\}\}/g, 'xxxxxx')
      .split(/[ \t\n]+/)
      .map((word) => word.length),
  );
}

function estimateLines(cell: CellText, width: number): number {
  const chars = Math.max(4, ((width / 100) * TABLE_PX - CELL_PADDING_PX) / CHAR_PX);
  const lines = cell.lengths.map((length) => Math.max(1, Math.ceil(length / chars)));
  return cell.hasLines
    ? lines.reduce((sum, count) => sum + count, 0)
    : Math.max(1, Math.ceil(cell.lengths.reduce((sum, length) => sum + length + 1, 0) / chars));
}

export interface TablePage {
  readonly rows: readonly RowView[];
  readonly number: number;
  readonly count: number;
}

// 720 px minus margins, heading, table header and the caveat line.
const BODY_PX = 440;

/** A table slide's pages: at most its `rowsPerSlide` rows each (5 when it gives none); the HTML deck and the export page alike. */
export function pageSlideTable(rows: readonly RowView[], rowsPerSlide: unknown): TablePage[] {
  return paginateTable(rows, typeof rowsPerSlide === 'number' ? rowsPerSlide : DEFAULT_ROWS_PER_SLIDE);
}

const DEFAULT_ROWS_PER_SLIDE = 5;

/** Rows onto slides: as many as fit the slide's height, at most `maxRows` each; every page has at least one row. */
export function paginateTable(rows: readonly RowView[], maxRows: number): TablePage[] {
  const pages: RowView[][] = [];
  let page: RowView[] = [];
  let used = 0;
  for (const row of rows) {
    if (page.length > 0 && (page.length >= maxRows || used + row.height > BODY_PX)) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(row);
    used += row.height;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages.map((rowsOfPage, index) => ({ rows: rowsOfPage, number: index + 1, count: pages.length }));
}
