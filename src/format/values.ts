import type { Field, NumberFormat } from '../data/fields.js';
import type { Value } from '../data/values.js';
import type { DeckWords } from '../i18n/words.js';
import type { Citations } from '../cite/references.js';
import { convert, formatQuantity, formatQuantityRange, pickReadableUnit, type QuantityFormat, type Unit } from './units.js';

/**
 * One formatter per field type, used by the table, the sentences and the charts alike, so a figure never reads
 * differently on two slides. Formatters are cached: an Intl formatter costs ~0.2 ms to make, a deck formats hundreds.
 */
export interface FormatContext {
  readonly locale: string;
  readonly words: DeckWords;
  /** Each row value's text, once formatted: one map per deck, as a value always belongs to the same field. */
  readonly formatted?: WeakMap<Value, string>;
  /** The deck's references formatted by its citation style, for [@key] in texts (a deck with references only). */
  readonly citations?: Citations | undefined;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

// Thousands are always grouped ("2.000", not "2000" as Intl's "es" would write 4 digits), so a column reads evenly.
const GROUPED = { useGrouping: 'always', signDisplay: 'negative' } as const;

function digits(format: NumberFormat): Intl.NumberFormatOptions {
  return format.significant === undefined
    ? { minimumFractionDigits: 0, maximumFractionDigits: format.decimals }
    : { maximumSignificantDigits: format.significant };
}

// "80 millones", "1,7 mil millones": one decimal of the compact figure unless the field asks for significant digits.
function compactDigits(format: NumberFormat): Intl.NumberFormatOptions {
  return format.significant === undefined
    ? { minimumFractionDigits: 0, maximumFractionDigits: 1 }
    : { maximumSignificantDigits: format.significant };
}

/** A number in the field's own format: the same text in a cell, a sentence and a chart label. */
export function formatNumber(field: Field, number: number, context: FormatContext): string {
  const { locale } = context;
  // One Intl formatter per field, locale and variant, found without building an options object: a 1,000-row table
  // formats each field a thousand times.
  const format = (variant: string, options: () => Intl.NumberFormatOptions) => fieldFormat(field, locale, variant, options).format(number);
  switch (field.type) {
    case 'number':
    case 'integer':
      if (field.display === 'plain') return format('plain', () => ({ ...GROUPED, ...digits(field) }));
      return format('compact', () => ({
        notation: 'compact',
        compactDisplay: field.display === 'words' ? 'long' : 'short',
        ...compactDigits(field),
      }));
    case 'money':
      if (field.display === 'words')
        return format('words', () => ({ notation: 'compact', compactDisplay: 'long', ...compactDigits(field) }));
      if (field.display === 'short')
        return format('short', () => ({ style: 'currency', currency: field.currency, notation: 'compact', ...compactDigits(field) }));
      // Cents show both digits or none: "4,10 US$", "8.000 US$".
      // Rounded first: 4.10 × 730 is 2992.9999999999995, which shows as "2.993 US$", not "2.993,00 US$".
      if (field.significant === undefined && !Number.isInteger(roundTo(number, field.decimals)) && field.decimals > 0) {
        return format('cents', () => ({
          ...GROUPED,
          style: 'currency',
          currency: field.currency,
          minimumFractionDigits: field.decimals,
          maximumFractionDigits: field.decimals,
        }));
      }
      return format('currency', () => ({ ...GROUPED, style: 'currency', currency: field.currency, ...digits(field) }));
    case 'percent':
      return format('percent', () => ({ ...GROUPED, style: 'percent', ...digits(field) }));
    case 'quantity': {
      const unit = displayUnit(field, field.unit, number);
      return formatQuantity(convert(number, field.unit, unit), unit, locale, quantityDigits(field));
    }
    case 'range':
      return field.unit === undefined
        ? format('plain', () => ({ ...GROUPED, ...digits(field) }))
        : formatQuantity(number, field.unit, locale, quantityDigits(field));
    case 'date':
      return formatDate({ kind: 'date', iso: '', precision: 'day', time: number }, field.display, locale);
    case 'text':
    case 'url':
    case 'category':
      return plainNumber(number, { decimals: 2, significant: undefined }, locale);
  }
}

const formatsByField = new WeakMap<Field, Map<string, Intl.NumberFormat>>();

function fieldFormat(field: Field, locale: string, variant: string, options: () => Intl.NumberFormatOptions): Intl.NumberFormat {
  let formats = formatsByField.get(field);
  if (formats === undefined) {
    formats = new Map();
    formatsByField.set(field, formats);
  }
  const key = `${locale}|${variant}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = numberFormat(locale, options());
    formats.set(key, format);
  }
  return format;
}

// A field's decimals and significant digits, as the unit formatter names them.
function quantityDigits(format: NumberFormat): QuantityFormat {
  return format.significant === undefined ? { maxDecimals: format.decimals } : { significant: format.significant };
}

function roundTo(number: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(number * scale) / scale;
}

function plainNumber(number: number, format: NumberFormat, locale: string): string {
  return numberFormat(locale, { ...GROUPED, ...digits(format) }).format(number);
}

/** `number` is in `written`; the unit it shows in follows the field's display. */
function displayUnit(field: Extract<Field, { type: 'quantity' }>, written: Unit, number: number): Unit {
  switch (field.display.kind) {
    case 'written':
      return written;
    case 'best':
      return pickReadableUnit(number, written);
    case 'unit':
      return field.display.unit;
  }
}

/** A row's value as the table shows it: a quantity in the unit it was written in, a range as "2 a 3 meses". */
export function formatValue(field: Field, value: Value, context: FormatContext): string {
  // The table, the charts' labels and the sentences all show a row's value: it is formatted once per build.
  const known = context.formatted?.get(value);
  if (known !== undefined) return known;
  // Across rebuilds too: an edit changes one figure, and Intl takes ~10 µs a value to format the others again.
  const key = `${fieldKey(field, context.locale)}|${valueKey(value)}`;
  let text = textsByKey.get(key);
  if (text === undefined) {
    text = formatValueOnce(field, value, context);
    if (textsByKey.size >= TEXTS_KEPT) textsByKey.clear();
    textsByKey.set(key, text);
  }
  context.formatted?.set(value, text);
  return text;
}

const textsByKey = new Map<string, string>();
const TEXTS_KEPT = 50_000;
const keysByField = new WeakMap<Field, string>();

/** Everything about a field that changes how its values read; its name and label do not. */
function fieldKey(field: Field, locale: string): string {
  let key = keysByField.get(field);
  if (key === undefined) {
    const { name: _name, label: _label, description: _description, isRequired: _isRequired, ...format } = field;
    key = JSON.stringify(format, (property, value: unknown) => (property === 'formula' ? undefined : value));
    keysByField.set(field, key);
  }
  return `${locale}|${key}`;
}

/** A value as a short string: equal strings, equal values (quantities as written, with their unit). */
export function valueKey(value: Value): string {
  switch (value.kind) {
    case 'text':
      return `t${value.text}`;
    case 'number':
      return `n${value.number}`;
    case 'quantity':
      return `q${value.written} ${value.unit.symbol}`;
    case 'range':
      return `r${value.min} ${value.max}`;
    case 'date':
      return `d${value.iso}`;
  }
}

function formatValueOnce(field: Field, value: Value, context: FormatContext): string {
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'number':
      return formatNumber(field, value.number, context);
    case 'quantity': {
      if (field.type !== 'quantity') return formatQuantity(value.written, value.unit, context.locale);
      const unit = displayUnit(field, value.unit, value.written);
      return formatQuantity(convert(value.written, value.unit, unit), unit, context.locale, quantityDigits(field));
    }
    case 'range':
      return formatRange(field, value, context);
    case 'date':
      return formatDate(value, field.type === 'date' ? field.display : 'long', context.locale);
  }
}

function formatRange(field: Field, value: { min: number; max: number }, context: FormatContext): string {
  const format = field.type === 'range' ? field : { decimals: 2, significant: undefined };
  const unit = field.type === 'range' ? field.unit : undefined;
  if (unit !== undefined)
    return formatQuantityRange(value.min, value.max, unit, context.locale, context.words.rangeBetween, quantityDigits(format));
  const min = plainNumber(value.min, format, context.locale);
  return value.min === value.max ? min : `${min} ${context.words.rangeBetween} ${plainNumber(value.max, format, context.locale)}`;
}

/** What a field shows where a row has no value: its own `missing` text, or the deck language's "no reportado". */
export function formatMissing(field: Field, context: FormatContext): string {
  return field.missing ?? context.words.notReported;
}

/**
 * One row's value as plain text, as a chart label or a text alternative shows it: the missing text, or the value
 * with "≈ " before one a formula computed ("≈ 7.800 US$"), as in the table.
 */
export function formatCellText(
  field: Field,
  cell: { readonly value: Value | undefined; readonly isDerived: boolean } | undefined,
  context: FormatContext,
): string {
  const value = cell?.value;
  if (value === undefined) return formatMissing(field, context);
  const text = formatValue(field, value, context);
  return cell?.isDerived === true ? `${context.words.approximately}\u00a0${text}` : text;
}

/** A total or a mean: quantities in their most readable unit (3.500 MWh → "3,5 GWh"). */
export function formatAggregate(field: Field, number: number, context: FormatContext): string {
  if (field.type === 'quantity' && field.display.kind !== 'unit') {
    const unit = pickReadableUnit(number, field.unit);
    return formatQuantity(convert(number, field.unit, unit), unit, context.locale, quantityDigits(field));
  }
  if (field.type === 'integer') return formatNumber({ ...field, decimals: 1 }, number, context);
  return formatNumber(field, number, context);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function formatDate(value: Extract<Value, { kind: 'date' }>, display: 'long' | 'short', locale: string): string {
  const options: Intl.DateTimeFormatOptions =
    value.precision === 'year'
      ? { year: 'numeric' }
      : value.precision === 'month'
        ? { year: 'numeric', month: display === 'long' ? 'long' : '2-digit' }
        : display === 'long'
          ? { dateStyle: 'long' }
          : { year: 'numeric', month: 'numeric', day: 'numeric' };
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format.format(new Date(value.time));
}

/** A ratio of two figures: 20 → "20 veces", one decimal at most. */
export function formatTimes(ratio: number, context: FormatContext): string {
  const rounded = Math.round(ratio * 10) / 10;
  const number = numberFormat(context.locale, { ...GROUPED, maximumFractionDigits: 1 }).format(rounded);
  return `${number} ${rounded === 1 ? context.words.times.one : context.words.times.other}`;
}

/** A count of rows or a rank: "5". */
export function formatCount(count: number, context: FormatContext): string {
  return numberFormat(context.locale, { ...GROUPED, maximumFractionDigits: 0 }).format(count);
}

/** A share of a total: 0.42 → "42 %". */
export function formatShare(share: number, context: FormatContext): string {
  return numberFormat(context.locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** The meta date of the title slide, "2 de noviembre de 2025". */
export function formatLongDate(iso: string, locale: string): string {
  const key = `${locale}|${iso}`;
  let text = longDates.get(key);
  if (text === undefined) {
    const time = Date.parse(`${iso}T00:00:00Z`);
    text = formatDate({ kind: 'date', iso, precision: 'day', time }, 'long', locale);
    longDates.set(key, text);
  }
  return text;
}

// Every slide's view carries the deck's date; formatting a date costs ~0.15 ms each time.
const longDates = new Map<string, string>();

const listFormats = new Map<string, Intl.ListFormat>();

/** ["a", "b", "c"] → "a, b y c" in the deck's language. */
export function formatList(items: readonly string[], context: FormatContext): string {
  let format = listFormats.get(context.locale);
  if (format === undefined) {
    format = new Intl.ListFormat(context.locale, { style: 'long', type: 'conjunction' });
    listFormats.set(context.locale, format);
  }
  return format.format(items);
}
