import { DeckError, type Problem } from '../../errors/deck-error.js';
import { messages } from '../../errors/messages.js';
import type { SheetDeclaration } from './declaration.js';
import { columnName, isEmptyCell, type CellPlace, type SheetValue, type Table } from './table.js';
import { findPercentCells, findPercentStyles, findUnreadableCells, listSheets } from './xlsx-parts.js';

type Libraries = typeof import('./sheet-libraries.js');

/** Where the declaration says something (its sheet, its range), for problems that are the declaration's. */
export type LocateDeclaration = (key: 'file' | 'sheet' | 'range') => Pick<Problem, 'file' | 'line' | 'column' | 'length' | 'dataPath'>;

/**
 * An .xlsx workbook's sheet → its cells. read-excel-file reads the values (dates as dates); the sheet's XML is
 * also scanned for what it reads as empty but is not: a formula saved without its computed value, or an error.
 */
export async function readXlsx(
  bytes: Uint8Array,
  declaration: SheetDeclaration,
  context: { libraries: Libraries; locate: LocateDeclaration },
): Promise<Table> {
  const { libraries, locate } = context;
  const file = declaration.shownFile;
  const parts = unzipParts(
    bytes,
    file,
    libraries,
    (name) => name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels' || name === 'xl/styles.xml',
  );
  const sheets = listSheets(parts.get('xl/workbook.xml') ?? '', parts.get('xl/_rels/workbook.xml.rels') ?? '');
  const names = sheets.map((sheet) => sheet.name);
  const chosen =
    declaration.sheet === undefined
      ? sheets[0]
      : (sheets.find((sheet) => sheet.name === declaration.sheet) ??
        sheets.find((sheet) => sheet.name.toLowerCase() === declaration.sheet?.toLowerCase()));
  if (chosen === undefined) {
    throw new DeckError({ code: 'sheet', ...messages.sheetUnknownName(file, declaration.sheet ?? '', names), ...locate('sheet') });
  }
  let read: unknown[][];
  try {
    read = await libraries.readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), chosen.name);
  } catch (error) {
    throw new DeckError(
      { code: 'file', ...messages.sheetNotXlsx(file, error instanceof Error ? error.message : String(error)), ...locate('file') },
      { cause: error },
    );
  }
  const sheetXml = unzipParts(bytes, file, libraries, (name) => name === chosen.path).get(chosen.path) ?? '';
  const grid = read.map((row) => row.map(toSheetValue));
  const range = declaration.range ?? findUsedRange(grid);
  const within = grid.slice(range.top, range.bottom + 1).map((row) => row.slice(range.left, range.right + 1));
  const [header = [], ...data] = within;
  const sheetRef = /^[\p{L}\p{N}_]+$/u.test(chosen.name) ? chosen.name : `'${chosen.name.replaceAll("'", "''")}'`;
  const locateCell = (row: number, column: number): CellPlace => ({
    file,
    ref: `${file} · ${sheetRef}!${columnName(range.left + column)}${row}`,
  });
  // Only the data rows inside the range count; columns become the table's own, from 0.
  const unreadable = findUnreadableCells(sheetXml)
    .filter((cell) => cell.row >= range.top + 2 && cell.row <= range.bottom + 1 && cell.column >= range.left && cell.column <= range.right)
    .map((cell) => ({ ...cell, column: cell.column - range.left }));
  const percents = findPercentCells(sheetXml, findPercentStyles(parts.get('xl/styles.xml') ?? '')).map(
    (cell) => `${cell.row}:${cell.column - range.left}`,
  );
  return {
    kind: 'xlsx',
    file,
    header,
    headerNumber: range.top + 1,
    rows: data.map((cells, index) => ({ number: range.top + index + 2, cells })),
    decimal: declaration.decimal,
    locate: locateCell,
    locateRow: (row) => ({ file, ref: `${file} · ${sheetRef}!${row}:${row}` }),
    unreadable,
    percentCells: new Set(percents),
  };
}

function toSheetValue(cell: unknown): SheetValue {
  return typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean' || cell instanceof Date ? cell : null;
}

/** Without a declared range: from the first row and column that hold anything, so a title row above is no header. */
function findUsedRange(grid: readonly (readonly SheetValue[])[]): NonNullable<SheetDeclaration['range']> {
  const top = Math.max(
    0,
    grid.findIndex((row) => row.some((cell) => !isEmptyCell(cell))),
  );
  const lefts = grid.map((row) => row.findIndex((cell) => !isEmptyCell(cell))).filter((left) => left >= 0);
  return { top, left: lefts.length === 0 ? 0 : Math.min(...lefts), bottom: Number.POSITIVE_INFINITY, right: Number.POSITIVE_INFINITY };
}

function unzipParts(bytes: Uint8Array, file: string, libraries: Libraries, isWanted: (name: string) => boolean): Map<string, string> {
  try {
    const files = libraries.unzipSync(bytes, { filter: (entry) => isWanted(entry.name) });
    return new Map(Object.entries(files).map(([name, data]) => [name, libraries.strFromU8(data)]));
  } catch (error) {
    throw new DeckError(
      { code: 'file', ...messages.sheetNotXlsx(file, error instanceof Error ? error.message : String(error)), file, place: file },
      { cause: error },
    );
  }
}
