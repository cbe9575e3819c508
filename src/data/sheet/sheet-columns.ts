import type { Problem } from '../../errors/deck-error.js';
import { messages, suggestName } from '../../errors/messages.js';
import { findUnit, type Unit } from '../../format/units.js';
import type { Field } from '../fields.js';
import { isEmptyCell, type CellPlace, type SheetValue, type Table } from './table.js';

/** A column of the sheet that feeds a field. */
export interface MappedColumn {
  /** The column's position in the table, from 0. */
  readonly index: number;
  readonly header: string;
  readonly field: Field;
  readonly headerUnit: Unit | undefined;
}

/**
 * The header row against the deck's fields: each header names a field by its name or label, ignoring case, accents
 * and spacing ("precio por hora" is "Precio por hora"); a trailing "(MWh)" may give the column's
 * unit. A header that names no field, a field named twice, a required field with no column: each one problem.
 */
export function mapColumns(
  table: Table,
  fields: readonly Field[],
  ignore: readonly string[],
): { columns: MappedColumn[]; problems: Problem[] } {
  const byKey = new Map<string, Field>();
  for (const field of fields) for (const name of [field.name, field.label]) if (!byKey.has(keyOf(name))) byKey.set(keyOf(name), field);
  const ignored = new Set(ignore.map(keyOf));
  const columns: MappedColumn[] = [];
  const problems: Problem[] = [];
  // A misspelt header already says "did you mean" its field: that field is not also reported without a column.
  const meant = new Set<Field>();
  const at = (index: number, header: string | undefined): Pick<Problem, 'file' | 'line' | 'column' | 'length' | 'place'> =>
    placeFields(table.locate(table.headerNumber, index), header);
  table.header.forEach((cell, index) => {
    const header = headerText(cell);
    if (header === '') {
      if (table.rows.some((row) => !isEmptyCell(row.cells[index])))
        problems.push({ code: 'sheet', ...messages.sheetNoHeader(), ...at(index, undefined) });
      return;
    }
    if (ignored.has(keyOf(header))) return;
    const match = matchHeader(header, byKey);
    if (match === undefined) {
      const names = fields.flatMap((field) => (field.label === field.name ? [field.name] : [field.label, field.name]));
      const suggestion = suggestName(header, names) ?? suggestName(withoutUnit(header).base, names);
      const suggested = fields.find((field) => field.name === suggestion || field.label === suggestion);
      if (suggested !== undefined) meant.add(suggested);
      problems.push({
        code: 'sheet',
        ...messages.sheetUnknownHeader(
          header,
          suggestion,
          fields.map((field) => field.label),
        ),
        ...at(index, header),
      });
      return;
    }
    const twice = columns.find((column) => column.field === match.field);
    if (twice !== undefined) {
      problems.push({ code: 'sheet', ...messages.sheetHeaderTwice(header, match.field.name, twice.header), ...at(index, header) });
      return;
    }
    if (
      match.unitText !== undefined &&
      match.headerUnit === undefined &&
      (match.field.type === 'quantity' || match.field.type === 'range') &&
      match.field.unit !== undefined
    ) {
      meant.add(match.field);
      problems.push({ code: 'unit', ...messages.sheetHeaderUnit(header, match.unitText, match.field.unit.symbol), ...at(index, header) });
      return;
    }
    columns.push({ index, header, field: match.field, headerUnit: match.headerUnit });
  });
  const mapped = new Set(columns.map((column) => column.field));
  for (const field of fields) {
    const hasFormula = 'formula' in field && field.formula !== undefined;
    if (!field.isRequired || hasFormula || mapped.has(field) || meant.has(field)) continue;
    problems.push({
      code: 'sheet',
      ...messages.sheetMissingColumn(field.name, field.label),
      ...placeFields(table.locateRow(table.headerNumber), undefined),
    });
  }
  return { columns, problems };
}

export function placeFields(place: CellPlace, header: string | undefined): Pick<Problem, 'file' | 'line' | 'column' | 'length' | 'place'> {
  return {
    file: place.file,
    line: place.line,
    column: place.column,
    length: place.length,
    place: header === undefined ? place.ref : `${place.ref}  column "${header}"`,
  };
}

function matchHeader(
  header: string,
  byKey: ReadonlyMap<string, Field>,
): { field: Field; headerUnit: Unit | undefined; unitText: string | undefined } | undefined {
  const { base, unitText } = withoutUnit(header);
  const whole = byKey.get(keyOf(header));
  const field = whole ?? (unitText === undefined ? undefined : byKey.get(keyOf(base)));
  if (field === undefined) return undefined;
  const fieldUnit = field.type === 'quantity' || field.type === 'range' ? field.unit : undefined;
  // "(MWh)" gives an energy column its unit; "(USD)" on money or "(%)" on a percent is only a reminder.
  if (fieldUnit === undefined || unitText === undefined) return { field, headerUnit: undefined, unitText: undefined };
  const unit = findUnit(unitText);
  if (unit !== undefined && unit.family === fieldUnit.family) return { field, headerUnit: unit, unitText };
  // A label that itself ends in "(…)" matched whole: its words are not a unit to check.
  return { field, headerUnit: undefined, unitText: whole === undefined ? unitText : undefined };
}

/** "Energía (MWh)" → "Energía" and "MWh"; also "Energía [MWh]" and "Energía, MWh". */
function withoutUnit(header: string): { base: string; unitText: string | undefined } {
  const match = /^(.*?)\s*(?:\(([^()]+)\)|\[([^[\]]+)\]|,\s*([^,]+))$/.exec(header);
  if (match === null) return { base: header, unitText: undefined };
  return { base: match[1] ?? header, unitText: (match[2] ?? match[3] ?? match[4])?.trim() };
}

/** What two spellings of one header share: no case, no accents, single spaces, "_" as a space. */
export function keyOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();
}

export function headerText(cell: SheetValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  return (cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell)).trim();
}
