/** A spreadsheet's cells as read from disk, before they meet the deck's fields (sheet-rows.ts does that). */

/** A cell as the file holds it: CSV gives text, .xlsx gives text, numbers, booleans and dates; null is empty. */
export type SheetValue = string | number | boolean | Date | null;

export interface TableRow {
  /** The CSV line the row starts on, or the sheet's row number: what the user sees in their editor. */
  readonly number: number;
  readonly cells: readonly SheetValue[];
}

/** Where a cell is, for a problem or a change line: `data/x.csv:4:3` or `data/x.xlsx · Hoja1!C4`. */
export interface CellPlace {
  readonly file: string;
  /** The reference as the heading shows it, with the file. */
  readonly ref: string;
  /** For a text file only: the line and the characters to quote and underline. */
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  readonly length?: number | undefined;
}

export interface Table {
  readonly kind: 'csv' | 'xlsx';
  /** The file as the user names it (relative to the working folder), for messages. */
  readonly file: string;
  readonly header: readonly SheetValue[];
  /** The sheet's row number (or CSV line) of the header. */
  readonly headerNumber: number;
  readonly rows: readonly TableRow[];
  /** Declared in the deck, or read from the file's shape (a ";"-separated CSV is Excel's Spanish export); else undefined. */
  readonly decimal: 'comma' | 'point' | undefined;
  /** The place of a cell: `row` is a row number as in TableRow.number, `column` counts from 0 within the table. */
  readonly locate: (row: number, column: number) => CellPlace;
  /** The place of a whole row: `data/x.csv:1`, `data/x.xlsx · Hoja1!1:1`. */
  readonly locateRow: (row: number) => CellPlace;
  /** Cells the file holds no value for that it should (a formula never computed): reported with the rows' problems. */
  readonly unreadable: readonly UnreadableCell[];
  /** Number cells a workbook formats as a percent (0.45 shown "45 %"), as "row:column": a percent field reads 45 %. */
  readonly percentCells?: ReadonlySet<string> | undefined;
}

export interface UnreadableCell {
  readonly row: number;
  readonly column: number;
  readonly kind: 'formula-without-value' | 'formula-error';
  /** The formula as written (without "="), or the error value (#DIV/0!). */
  readonly detail: string;
}

/** 0 → A, 25 → Z, 26 → AA: Excel's column names. */
export function columnName(index: number): string {
  let name = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}

/** A → 0, AA → 26. */
export function columnIndex(name: string): number {
  let index = 0;
  for (const letter of name.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

export function isEmptyCell(value: SheetValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}
