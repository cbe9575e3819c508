import { messages, suggestName, type Message } from '../errors/messages.js';
import { convert, listUnits, parseQuantity, type Unit } from '../format/units.js';
import type { Field } from './fields.js';
import type { ErrorCode } from '../errors/deck-error.js';

/** A row's value of one field, typed: what derive, the formatters and the charts read. */
export type Value =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly number: number }
  /** number: in the field's unit, for sums and charts; written and unit: as the data wrote it, for the table. */
  | { readonly kind: 'quantity'; readonly number: number; readonly written: number; readonly unit: Unit }
  /** In the field's unit when it has one. */
  | { readonly kind: 'range'; readonly min: number; readonly max: number }
  | { readonly kind: 'date'; readonly iso: string; readonly precision: 'day' | 'month' | 'year'; readonly time: number };

export interface ValueProblem extends Message {
  readonly code: ErrorCode;
  /** Below the value: ['min'] for one end of a range. */
  readonly subPath: readonly string[];
}

export type ParsedValue = { readonly value: Value } | { readonly problem: ValueProblem };

const fail = (code: ErrorCode, message: Message, subPath: readonly string[] = []): ParsedValue => ({
  problem: { code, ...message, subPath },
});

/** A value from the YAML (present: the caller handles a missing one) checked against its field's type. */
export function parseValue(field: Field, raw: unknown): ParsedValue {
  switch (field.type) {
    case 'text':
      return parseText(raw);
    case 'url':
      return parseUrl(raw);
    case 'category':
      return parseCategory(raw, field.values);
    case 'number':
    case 'money':
      return parseNumber(raw, field.type);
    case 'integer':
      return parseInteger(raw);
    case 'percent':
      return parsePercent(raw);
    case 'quantity':
      return parseQuantityValue(raw, field.unit, []);
    case 'range':
      return parseRange(raw, field.unit);
    case 'date':
      return parseDate(raw);
  }
}

function parseText(raw: unknown): ParsedValue {
  if (typeof raw === 'number' || typeof raw === 'boolean') return { value: { kind: 'text', text: String(raw) } };
  if (typeof raw !== 'string') return fail('schema', messages.expectedText(raw));
  const text = raw.trim();
  return text === '' ? fail('schema', messages.emptyText()) : { value: { kind: 'text', text } };
}

function parseUrl(raw: unknown): ParsedValue {
  const text = typeof raw === 'string' ? raw.trim() : undefined;
  if (text === undefined || !/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(text)) return fail('url', messages.badUrl(raw));
  return { value: { kind: 'text', text } };
}

function parseCategory(raw: unknown, values: readonly string[]): ParsedValue {
  const text = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : undefined;
  if (text !== undefined && values.includes(text)) return { value: { kind: 'text', text } };
  return fail('schema', messages.notACategory(raw, values, text === undefined ? undefined : suggestName(text, values)));
}

/** A plain number; text that a student meant as one ("1,5", "80.000.000", "$8000") gets the hint to write it plainly. */
function readNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  if (typeof raw === 'string' && /^\s*-?\d+(\.\d+)?(e[+-]?\d+)?\s*$/i.test(raw)) return Number(raw);
  return undefined;
}

function parseNumber(raw: unknown, type: 'number' | 'money'): ParsedValue {
  const number = readNumber(raw);
  if (number === undefined) return fail('schema', type === 'money' ? messages.expectedMoney(raw) : messages.expectedNumber(raw));
  return { value: { kind: 'number', number } };
}

function parseInteger(raw: unknown): ParsedValue {
  const number = readNumber(raw);
  if (number === undefined) return fail('schema', messages.expectedWholeNumber(raw));
  if (!Number.isInteger(number)) return fail('schema', messages.expectedInteger(raw));
  return { value: { kind: 'number', number } };
}

function parsePercent(raw: unknown): ParsedValue {
  const match = typeof raw === 'string' ? /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/.exec(raw) : null;
  const number = match?.[1] !== undefined ? Number(match[1]) : readNumber(raw);
  if (number === undefined) return fail('schema', messages.expectedPercent(raw));
  // Stored as a share (0.45) so a formula's a / b and a written 45 % mean the same.
  return { value: { kind: 'number', number: number / 100 } };
}

function parseQuantityValue(raw: unknown, unit: Unit, subPath: readonly string[]): ParsedValue {
  const parsed = parseQuantity(raw, unit);
  if (!parsed.ok)
    return fail(
      'unit',
      messages.badQuantity({
        value: raw,
        unit,
        reason: parsed.reason,
        unitText: parsed.unitText,
        suggestion: parsed.suggestion,
        units: listUnits(unit.family).map((candidate) => candidate.symbol),
      }),
      subPath,
    );
  return { value: { kind: 'quantity', number: convert(parsed.value, parsed.unit, unit), written: parsed.value, unit: parsed.unit } };
}

function parseEnd(raw: unknown, unit: Unit | undefined, end: 'min' | 'max'): { number: number } | { problem: ValueProblem } {
  if (unit !== undefined) {
    const parsed = parseQuantityValue(raw, unit, [end]);
    if ('problem' in parsed) return parsed;
    return { number: parsed.value.kind === 'quantity' ? parsed.value.number : 0 };
  }
  const number = readNumber(raw);
  return number === undefined ? { problem: { code: 'schema', ...messages.expectedNumber(raw), subPath: [end] } } : { number };
}

function parseRange(raw: unknown, unit: Unit | undefined): ParsedValue {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    const single = parseEnd(raw, unit, 'min');
    if ('problem' in single) return fail(single.problem.code, messages.expectedRange(raw, unit?.symbol));
    return { value: { kind: 'range', min: single.number, max: single.number } };
  }
  const keys = Object.keys(raw).filter((key) => key !== 'min' && key !== 'max');
  const [extra] = keys;
  if (extra !== undefined)
    return fail('unknown-key', messages.unknownKey(extra, suggestName(extra, ['min', 'max']), ['min', 'max']), [extra]);
  const ends = (['min', 'max'] as const).map((end) =>
    Object.hasOwn(raw, end)
      ? parseEnd(Reflect.get(raw, end), unit, end)
      : { problem: { code: 'schema' as const, ...messages.missing(end), subPath: [] } },
  );
  const [min, max] = ends;
  if (min === undefined || max === undefined) return fail('schema', messages.expectedRange(raw, unit?.symbol));
  if ('problem' in min) return { problem: min.problem };
  if ('problem' in max) return { problem: max.problem };
  if (min.number > max.number) return fail('range', messages.rangeOrder(Reflect.get(raw, 'min'), Reflect.get(raw, 'max')), ['min']);
  return { value: { kind: 'range', min: min.number, max: max.number } };
}

function parseDate(raw: unknown): ParsedValue {
  const text = typeof raw === 'number' && Number.isInteger(raw) ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (match === null) return fail('schema', messages.badDate(raw, true));
  const [, year = '', month, day] = match;
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(Number(year), Number(month ?? 1) - 1, Number(day ?? 1));
  const time = date.getTime();
  // Date.UTC rolls 2025-02-30 over into March: a date that does not round-trip does not exist.
  if (date.getUTCMonth() !== Number(month ?? 1) - 1 || date.getUTCDate() !== Number(day ?? 1))
    return fail('schema', messages.badDate(raw, true));
  const precision = day !== undefined ? 'day' : month !== undefined ? 'month' : 'year';
  return { value: { kind: 'date', iso: text, precision, time } };
}

/** The number a value compares and sums by: quantities in the field's unit, ranges by an end, dates by time. */
export function numberOf(value: Value | undefined, end: 'min' | 'max' = 'max'): number | undefined {
  if (value === undefined) return undefined;
  switch (value.kind) {
    case 'number':
    case 'quantity':
      return value.number;
    case 'range':
      return value[end];
    case 'date':
      return value.time;
    case 'text':
      return undefined;
  }
}
