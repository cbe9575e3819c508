import { messages, type Message } from '../../errors/messages.js';
import type { Unit } from '../../format/units.js';
import type { Field } from '../fields.js';
import type { SheetValue } from './table.js';

/** How one column's cells are read: its field, the unit its header names ("Energía (MWh)"), the file's decimal mark. */
export interface ColumnReading {
  readonly field: Field;
  readonly headerUnit: Unit | undefined;
  readonly decimal: 'comma' | 'point';
  /** For a money column: the currency marks to drop (createCurrencyPattern). */
  readonly currencyPattern?: RegExp | undefined;
}

export type CellReading = { readonly given: unknown } | { readonly problem: Message };

const NUMERIC = new Set<Field['type']>(['number', 'integer', 'money', 'percent', 'quantity', 'range']);
// "2-3", "2 – 3", "2 a 3", "2 to 3", each end a number with an optional unit after the second (or each) one.
const RANGE = /^(-?\d+(?:\.\d+)?)\s*([^\d\s-–—][^\d]*?)?\s*(?:-|–|—|\ba\b|\bto\b|\bhasta\b)\s*(-?\d+(?:\.\d+)?)\s*(\S.*)?$/i;

/**
 * A non-empty cell → the value a YAML row would give for its field, for parseValue to check as it checks YAML:
 * decimal commas and thousands marks made plain, the header's unit added to a bare number, "2 a 3" made a range,
 * date cells and day/month/year dates made ISO. What cannot be made plain is passed on as written, and refused there.
 */
export function readCell(value: SheetValue, column: ColumnReading): CellReading {
  const { field } = column;
  if (value instanceof Date)
    return field.type === 'date' || field.type === 'text' ? { given: isoDate(value) } : { problem: messages.sheetDateCell(isoDate(value)) };
  if (typeof value === 'number') return { given: withUnit(value, column) };
  if (typeof value === 'boolean' || value === null) return { given: value };
  const text = value.trim();
  if (field.type === 'date') return { given: column.decimal === 'comma' ? (dayFirstDate(text) ?? text) : text };
  if (!NUMERIC.has(field.type)) return { given: text };
  // Most figure cells are a bare number: read without the general rewriting below (10,000 rows × several columns).
  const bare = readBareNumber(text, column.decimal);
  if (bare !== undefined) return { given: field.type === 'range' || field.type === 'quantity' ? withUnit(bare, column) : bare };
  const plain = plainNumbers(withoutCurrency(text, column.currencyPattern), column.decimal);
  if (plain === undefined) return { problem: messages.sheetDecimalComma(text) };
  if (field.type === 'range') return { given: readRange(plain, column) };
  return { given: /^-?\d+(\.\d+)?$/.test(plain) ? withUnit(plain, column) : plain };
}

/** "1.234,5" (comma) or "1234.5" (point) → 1234.5; undefined for anything more than a number. */
function readBareNumber(text: string, decimal: 'comma' | 'point'): number | undefined {
  if (decimal === 'point') return /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : undefined;
  return /^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/.test(text) ? Number(text.replaceAll('.', '').replace(',', '.')) : undefined;
}

function withUnit(number: number | string, column: ColumnReading): number | string {
  const isUnitField = column.field.type === 'quantity' || column.field.type === 'range';
  return isUnitField && column.headerUnit !== undefined
    ? `${number} ${column.headerUnit.symbol}`
    : typeof number === 'string'
      ? Number(number)
      : number;
}

/** "2 a 3 meses" → { min: "2 meses", max: "3 meses" }; a single figure stays one. */
function readRange(text: string, column: ColumnReading): unknown {
  const match = RANGE.exec(text);
  if (match === null) return /^-?\d+(\.\d+)?$/.test(text) ? withUnit(text, column) : text;
  const [, min = '', minUnit, max = '', maxUnit] = match;
  const unit = maxUnit?.trim() || minUnit?.trim() || column.headerUnit?.symbol;
  const end = (number: string, own: string | undefined) => (own?.trim() || unit ? `${number} ${own?.trim() || unit}` : Number(number));
  return { min: end(min, minUnit), max: end(max, maxUnit) };
}

/**
 * Every number in the text written plainly: "1.234,5 GWh" → "1234.5 GWh" with decimal commas, "1,234.5" → "1234.5"
 * with points. undefined: a comma that can only be a decimal comma in a file read with points.
 */
function plainNumbers(text: string, decimal: 'comma' | 'point'): string | undefined {
  // Most cells are plain already: 2000, 1.5 GWh (with points), 2 a 3.
  if (decimal === 'point' ? !text.includes(',') : !text.includes(',') && !/\d\.\d{3}(?!\d)/.test(text)) return text;
  if (decimal === 'comma')
    return text.replace(/\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d)|\d+,\d+/g, (number) => number.replaceAll('.', '').replace(',', '.'));
  const plain = text.replace(/\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)/g, (number) => number.replaceAll(',', ''));
  return /\d,\d/.test(plain) ? undefined : plain;
}

/** The currency marks a money column may write ("$", "US$", "€", its ISO code): made once per column, not per cell. */
export function createCurrencyPattern(field: Field): RegExp | undefined {
  if (field.type !== 'money') return undefined;
  return new RegExp(`US\\$|[$€£]|\\b(?:USD|EUR|${field.currency.replace(/[^A-Z]/gi, '')})\\b`, 'gi');
}

function withoutCurrency(text: string, pattern: RegExp | undefined): string {
  return pattern === undefined || !/[^\d\s.,-]/.test(text) ? text : text.replace(pattern, '').trim();
}

/** A date cell is a day at midnight UTC: its ISO day. */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "14/03/2023", "14-3-2023" or "14.03.2023" (day first, as in Spanish exports) → "2023-03-14". */
function dayFirstDate(text: string): string | undefined {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match === null) return undefined;
  const [, day = '', month = '', year = ''] = match;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/**
 * The decimal mark a file's numbers use, when neither the deck nor the file's shape says: commas when some number
 * has a comma that can only be a decimal one ("1,2", "3,75", "1.234,5") and none has a decimal point.
 */
export function detectDecimal(texts: Iterable<string>): 'comma' | 'point' {
  let hasComma = false;
  for (const text of texts) {
    if (/\d\.\d{1,2}(?!\d)|\d\.\d{4,}|\d,\d{3}\.\d/.test(text)) return 'point';
    if (/\d,\d{1,2}(?!\d)|\d,\d{4,}|\d\.\d{3},\d/.test(text)) hasComma = true;
  }
  return hasComma ? 'comma' : 'point';
}

export function isNumericField(field: Field): boolean {
  return NUMERIC.has(field.type);
}
