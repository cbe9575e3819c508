import type { Problem } from '../../errors/deck-error.js';
import { messages } from '../../errors/messages.js';
import type { InputRow } from '../../model.js';
import type { Field } from '../fields.js';
import { parseValue, type Value } from '../values.js';
import { createCurrencyPattern, detectDecimal, isNumericField, readCell, type ColumnReading } from './cell-value.js';
import { mapColumns, placeFields, type MappedColumn } from './sheet-columns.js';
import { isEmptyCell, type SheetValue, type Table, type TableRow, type UnreadableCell } from './table.js';

export interface SheetRows {
  readonly rows: InputRow[];
  /** Located at their cells, in the order of the file. */
  readonly problems: Problem[];
}

/**
 * The sheet's rows read by the deck's fields, as checkRows reads YAML rows: each cell through parseValue, after
 * readCell has made it plain. Every problem of the file at once, each at its cell with its column's header.
 */
export function readSheetRows(table: Table, fields: readonly Field[], ignore: readonly string[]): SheetRows {
  if (table.header.every((cell) => isEmptyCell(cell)))
    return {
      rows: [],
      problems: [{ code: 'sheet', ...messages.sheetEmpty(table.file), ...placeFields(table.locateRow(table.headerNumber), undefined) }],
    };
  const { columns, problems } = mapColumns(table, fields, ignore);
  const decimal = table.decimal ?? detectDecimal(numericTexts(table, columns));
  const readings = columns.map(
    (column): Reading => ({
      column,
      reading: { field: column.field, headerUnit: column.headerUnit, decimal, currencyPattern: createCurrencyPattern(column.field) },
    }),
  );
  const unreadable = new Map(table.unreadable.map((cell) => [`${cell.row}:${cell.column}`, cell]));
  const rows: InputRow[] = [];
  const firstRow = new Map<string, TableRow>();
  const [nameField] = fields;
  const nameColumn = columns.find((column) => column.field === nameField);
  for (const row of table.rows) {
    if (
      row.cells.every((cell) => isEmptyCell(cell)) &&
      (unreadable.size === 0 || !table.unreadable.some((cell) => cell.row === row.number))
    )
      continue;
    const index = rows.length;
    const { values, given } = readRow({ table, row, index, readings, unreadable, problems });
    const name = nameField === undefined ? undefined : values.get(nameField.name);
    const text = name?.kind === 'text' ? name.text : `#${index + 1}`;
    const first = firstRow.get(text.toLocaleLowerCase());
    if (first !== undefined && name !== undefined && nameColumn !== undefined) {
      const at = placeFields(table.locate(row.number, nameColumn.index), nameColumn.header);
      problems.push({
        code: 'duplicate',
        ...messages.sheetDuplicateRow(text, table.locate(first.number, nameColumn.index).ref),
        ...at,
        dataPath: ['rows', index, nameColumn.field.name],
      });
    } else firstRow.set(text.toLocaleLowerCase(), row);
    rows.push({ index, name: text, values, given, source: { locate: (field) => locateField(table, row, columns, field) } });
  }
  if (rows.length === 0)
    problems.push({ code: 'sheet', ...messages.sheetNoRows(table.file), ...placeFields(table.locateRow(table.headerNumber), undefined) });
  return { rows, problems };
}

interface Reading {
  readonly column: MappedColumn;
  readonly reading: ColumnReading;
}

/** One row's cells, each read by its column's field; its problems are added to `problems`, at their cells. */
function readRow(input: {
  table: Table;
  row: TableRow;
  index: number;
  readings: readonly Reading[];
  unreadable: ReadonlyMap<string, UnreadableCell>;
  problems: Problem[];
}) {
  const { table, row, index, unreadable, problems } = input;
  const at = (column: number, header: string | undefined) => placeFields(table.locate(row.number, column), header);
  const width = table.header.length;
  const extra = row.cells.length <= width ? -1 : row.cells.findIndex((cell, column) => column >= width && !isEmptyCell(cell));
  if (extra >= 0)
    problems.push({
      code: 'sheet',
      ...messages.sheetTooManyCells(lastFilled(row) + 1, width, table.kind),
      ...at(extra, undefined),
      dataPath: ['rows', index],
    });
  const values = new Map<string, Value>();
  const given: Record<string, unknown> = {};
  for (const { column, reading } of input.readings) {
    const { field } = column;
    const cell = row.cells[column.index];
    const lost = unreadable.size === 0 ? undefined : unreadable.get(`${row.number}:${column.index}`);
    if (lost !== undefined) {
      const message =
        lost.kind === 'formula-error' ? messages.sheetFormulaError(lost.detail) : messages.sheetFormulaWithoutValue(lost.detail);
      problems.push({ code: 'sheet', ...message, ...at(column.index, column.header), dataPath: ['rows', index, field.name] });
      given[field.name] = `=${lost.detail}`;
      continue;
    }
    if (cell === undefined || isEmptyCell(cell)) {
      const hasFormula = 'formula' in field && field.formula !== undefined;
      if (field.isRequired && !hasFormula)
        problems.push({
          code: 'schema',
          ...messages.sheetEmptyCell(field.name, field.label),
          ...at(column.index, column.header),
          dataPath: ['rows', index, field.name],
        });
      continue;
    }
    given[field.name] = cell instanceof Date ? cell.toISOString().slice(0, 10) : cell;
    // 0.45 formatted as a percent is what the spreadsheet shows as 45 %: a percent field reads it as 45, as typed.
    const read = readCell(
      isShownAsPercent(table, row, column, cell) && field.type === 'percent' ? Number((cell * 100).toPrecision(12)) : cell,
      reading,
    );
    const parsed = 'problem' in read ? { problem: { code: 'schema' as const, ...read.problem } } : parseValue(field, read.given);
    if ('value' in parsed) values.set(field.name, parsed.value);
    else
      problems.push({
        code: parsed.problem.code,
        message: parsed.problem.message,
        hint: parsed.problem.hint,
        ...at(column.index, column.header),
        dataPath: ['rows', index, field.name],
      });
  }
  return { values, given };
}

function locateField(table: Table, row: TableRow, columns: readonly MappedColumn[], field: string | undefined) {
  const column = columns.find((candidate) => candidate.field.name === field);
  return { place: table.locate(row.number, column?.index ?? 0), header: column?.header };
}

/** The texts of the cells that hold figures, for telling which decimal mark the file uses. */
function* numericTexts(table: Table, columns: readonly MappedColumn[]): Iterable<string> {
  const numeric = columns.filter((column) => isNumericField(column.field));
  for (const row of table.rows) {
    for (const column of numeric) {
      const cell = row.cells[column.index];
      if (typeof cell === 'string') yield cell;
    }
  }
}

function isShownAsPercent(table: Table, row: TableRow, column: MappedColumn, cell: SheetValue): cell is number {
  return typeof cell === 'number' && table.percentCells !== undefined && table.percentCells.has(`${row.number}:${column.index}`);
}

function lastFilled(row: TableRow): number {
  for (let column = row.cells.length - 1; column >= 0; column -= 1) if (!isEmptyCell(row.cells[column])) return column;
  return -1;
}
