import { describe, expect, it } from 'vitest';
import { FieldDeclarationSchema } from '../../../src/data/field-schema.js';
import { resolveField, type Field } from '../../../src/data/fields.js';
import { numberOf, parseValue, type ParsedValue } from '../../../src/data/values.js';
import { messages } from '../../../src/errors/messages.js';
import { findUnit, listUnits } from '../../../src/format/units.js';

/** A field as a deck declares it, with its defaults: `field({ type: 'quantity', unit: 'MWh' })`. */
function field(declaration: Record<string, unknown>): Field {
  const resolved = resolveField('x', FieldDeclarationSchema.parse(declaration));
  if ('problem' in resolved) throw new Error(`bad declaration ${JSON.stringify(declaration)}`);
  return resolved.field;
}

/** What a row's value reads as, or the problem a user sees for it. */
function read(declaration: Record<string, unknown>, raw: unknown): ParsedValue {
  return parseValue(field(declaration), raw);
}

const value = (parsed: ParsedValue) => ('value' in parsed ? parsed.value : undefined);
const problem = (parsed: ParsedValue) => ('problem' in parsed ? parsed.problem : undefined);

function quantityHelp(raw: string, unit: string, reason: string, unitText?: string, suggestion?: string) {
  const declared = findUnit(unit);
  if (declared === undefined) throw new Error(`no unit ${unit}`);
  return messages.badQuantity({
    value: raw,
    unit: declared,
    reason,
    unitText,
    suggestion,
    units: listUnits(declared.family).map((candidate) => candidate.symbol),
  });
}

describe('parseValue: text, url and category', () => {
  it('reads text trimmed, and a number or a boolean YAML read as its text', () => {
    expect(value(read({ type: 'text' }, '  NVIDIA H100 '))).toEqual({ kind: 'text', text: 'NVIDIA H100' });
    expect(value(read({ type: 'text' }, 2024))).toEqual({ kind: 'text', text: '2024' });
    expect(value(read({ type: 'text' }, true))).toEqual({ kind: 'text', text: 'true' });
  });

  it('refuses empty text and a list or mapping where text goes', () => {
    expect(problem(read({ type: 'text' }, '   '))).toMatchObject({ code: 'schema', ...messages.emptyText() });
    expect(problem(read({ type: 'text' }, ['a']))).toMatchObject({ code: 'schema', ...messages.expectedText(['a']) });
    expect(problem(read({ type: 'text' }, { a: 1 }))).toMatchObject({ code: 'schema', ...messages.expectedText({ a: 1 }) });
  });

  it('takes http and https addresses only', () => {
    expect(value(read({ type: 'url' }, 'https://example.org/report'))).toEqual({ kind: 'text', text: 'https://example.org/report' });
    expect(value(read({ type: 'url' }, ' http://example.org '))).toEqual({ kind: 'text', text: 'http://example.org' });
    for (const raw of ['javascript:alert(1)', 'ftp://example.org', 'example.org', 'https://']) {
      expect(problem(read({ type: 'url' }, raw)), raw).toMatchObject({ code: 'url', ...messages.badUrl(raw) });
    }
  });

  it("takes one of a category's values, and suggests the one a typo meant", () => {
    const category = { type: 'category', values: ['Abierto', 'Cerrado'] };
    expect(value(read(category, 'Abierto'))).toEqual({ kind: 'text', text: 'Abierto' });
    expect(problem(read(category, 'Abiert'))).toMatchObject({
      code: 'schema',
      ...messages.notACategory('Abiert', ['Abierto', 'Cerrado'], 'Abierto'),
    });
    expect(problem(read(category, 'Otro'))).toMatchObject({
      code: 'schema',
      ...messages.notACategory('Otro', ['Abierto', 'Cerrado'], undefined),
    });
  });
});

describe('parseValue: numbers, money, integers and percents', () => {
  it('reads a number as YAML gives it or as plain digits in text', () => {
    expect(value(read({ type: 'number' }, 1.5))).toEqual({ kind: 'number', number: 1.5 });
    expect(value(read({ type: 'number' }, ' 7 '))).toEqual({ kind: 'number', number: 7 });
    expect(value(read({ type: 'number' }, '1e3'))).toEqual({ kind: 'number', number: 1000 });
    expect(value(read({ type: 'number' }, -2))).toEqual({ kind: 'number', number: -2 });
  });

  it('refuses a word with the digits hint, and a decimal comma with the number written with a point', () => {
    expect(problem(read({ type: 'number' }, 'diez mil'))).toMatchObject({ code: 'schema', ...messages.expectedNumber('diez mil') });
    expect(messages.expectedNumber('diez mil').hint).toContain('e.g. 10000');
    expect(problem(read({ type: 'number' }, '1,5'))).toMatchObject({ code: 'schema', hint: 'write the decimal with a point: 1.5' });
    expect(problem(read({ type: 'number' }, true))).toMatchObject({ code: 'schema', ...messages.expectedNumber(true) });
  });

  it('reads money as a plain number; a currency sign or separators get the number alone as hint', () => {
    expect(value(read({ type: 'money' }, 8000))).toEqual({ kind: 'number', number: 8000 });
    expect(value(read({ type: 'money' }, '8000.50'))).toEqual({ kind: 'number', number: 8000.5 });
    for (const raw of ['$8000', '8.000 US$', 'US$ 8,000']) {
      expect(problem(read({ type: 'money' }, raw)), raw).toMatchObject({ code: 'schema', ...messages.expectedMoney(raw) });
      expect(messages.expectedMoney(raw).hint, raw).toContain('without currency signs or separators: 8000 ');
    }
    expect(messages.expectedMoney('80.000.000').hint).toContain(': 80000000 ');
    expect(problem(read({ type: 'money' }, 'ocho mil'))).toMatchObject({
      hint: 'write the number alone, e.g. 8000; the field declares the currency',
    });
  });

  it('reads a count as a whole number and refuses a fraction', () => {
    expect(value(read({ type: 'integer' }, 512))).toEqual({ kind: 'number', number: 512 });
    expect(value(read({ type: 'integer' }, '512'))).toEqual({ kind: 'number', number: 512 });
    expect(problem(read({ type: 'integer' }, 1.5))).toMatchObject({ code: 'schema', ...messages.expectedInteger(1.5) });
    expect(problem(read({ type: 'integer' }, 'diez'))).toMatchObject({ code: 'schema', ...messages.expectedWholeNumber('diez') });
  });

  it('does not tell to write a count of "10,000" as 10.000, which would read as ten', () => {
    const found = problem(read({ type: 'integer' }, '10,000'));
    expect(found).toMatchObject({ code: 'schema', ...messages.expectedWholeNumber('10,000') });
    expect(found?.hint).not.toContain('10.000');
  });

  it('reads a percent written 45 or "45 %" as the share 0.45', () => {
    for (const raw of [45, '45 %', '45%', '45'])
      expect(value(read({ type: 'percent' }, raw)), String(raw)).toEqual({ kind: 'number', number: 0.45 });
    expect(problem(read({ type: 'percent' }, '45,5 %'))).toMatchObject({ code: 'schema', ...messages.expectedPercent('45,5 %') });
    expect(messages.expectedPercent('45,5 %').hint).toBe('write the decimal with a point: 45.5 %');
    expect(problem(read({ type: 'percent' }, 'la mitad'))).toMatchObject({ code: 'schema', ...messages.expectedPercent('la mitad') });
  });
});

describe('parseValue: quantities', () => {
  const energy = { type: 'quantity', unit: 'MWh' };

  it("reads a bare number in the field's unit, and any unit of its family converted to it", () => {
    expect(value(read(energy, 900))).toMatchObject({ kind: 'quantity', number: 900, written: 900, unit: { symbol: 'MWh' } });
    expect(value(read(energy, '1.2 GWh'))).toMatchObject({ kind: 'quantity', number: 1200, written: 1.2, unit: { symbol: 'GWh' } });
    expect(value(read(energy, '900MWh'))).toMatchObject({ number: 900, unit: { symbol: 'MWh' } });
    expect(value(read(energy, '3600 MJ'))).toMatchObject({ number: 1, written: 3600, unit: { symbol: 'MJ' } });
  });

  it('reads time units by their Spanish and English names, in any case', () => {
    const months = { type: 'quantity', unit: 'month' };
    expect(value(read(months, '2 meses'))).toMatchObject({ number: 2, unit: { symbol: 'month' } });
    expect(value(read(months, '3 Meses'))).toMatchObject({ number: 3, unit: { symbol: 'month' } });
    expect(value(read(months, '1 año'))).toMatchObject({ number: 12, written: 1, unit: { symbol: 'year' } });
  });

  it('refuses a decimal comma with the quantity written with a point', () => {
    expect(problem(read(energy, '1,2 GWh'))).toMatchObject({
      code: 'unit',
      ...quantityHelp('1,2 GWh', 'MWh', 'decimal-comma', undefined, '1.2 GWh'),
    });
    expect(problem(read(energy, '1.200,5 MWh'))).toMatchObject({ hint: 'write the decimal with a point: 1200.5 MWh' });
    // "1,200" is 1.2 in Madrid and 1200 in London: no guess.
    expect(problem(read(energy, '1,200 MWh'))).toMatchObject({ code: 'unit', ...quantityHelp('1,200 MWh', 'MWh', 'decimal-comma') });
  });

  it('names a unit of another family and suggests the spelling of a misspelt one', () => {
    expect(problem(read(energy, '3 kW'))).toMatchObject({ code: 'unit', ...quantityHelp('3 kW', 'MWh', 'other-family', 'kW') });
    expect(problem(read(energy, '3 Mwh'))).toMatchObject({ code: 'unit', ...quantityHelp('3 Mwh', 'MWh', 'unknown-unit', 'Mwh', '3 MWh') });
    expect(problem(read(energy, '3 foo'))).toMatchObject({ code: 'unit', ...quantityHelp('3 foo', 'MWh', 'unknown-unit', 'foo') });
    expect(problem(read(energy, 'mucho'))).toMatchObject({ code: 'unit', ...quantityHelp('mucho', 'MWh', 'not-a-quantity') });
  });

  it('tells a thousands separator to go, with the number written plainly', () => {
    expect(problem(read(energy, '1,200.5 MWh'))?.hint).toContain('1200.5 MWh');
  });

  it('says a quantity cannot be negative rather than that it is not a quantity', () => {
    const found = problem(read(energy, '-5 MWh'));
    expect(found?.code).toBe('unit');
    expect(found?.message).toMatch(/negative/i);
  });
});

describe('parseValue: ranges and dates', () => {
  const months = { type: 'range', unit: 'month' };

  it('reads { min, max } or one figure, with units on either end', () => {
    expect(value(read(months, { min: 2, max: 3 }))).toEqual({ kind: 'range', min: 2, max: 3 });
    expect(value(read(months, 2))).toEqual({ kind: 'range', min: 2, max: 2 });
    expect(value(read(months, '2 meses'))).toEqual({ kind: 'range', min: 2, max: 2 });
    expect(value(read(months, { min: '1 año', max: '18 meses' }))).toEqual({ kind: 'range', min: 12, max: 18 });
    expect(value(read({ type: 'range' }, '2'))).toEqual({ kind: 'range', min: 2, max: 2 });
  });

  it('refuses min above max at the min, a missing end, and another key', () => {
    expect(problem(read(months, { min: 4, max: 3 }))).toEqual({ code: 'range', ...messages.rangeOrder(4, 3), subPath: ['min'] });
    expect(problem(read(months, { min: 2 }))).toMatchObject({ code: 'schema', ...messages.missing('max') });
    expect(problem(read(months, { min: 2, max: 3, avg: 2 }))).toEqual({
      code: 'unknown-key',
      ...messages.unknownKey('avg', undefined, ['min', 'max']),
      subPath: ['avg'],
    });
  });

  it('points at the end that is wrong', () => {
    expect(problem(read({ type: 'range' }, { min: 2, max: 'tres' }))).toEqual({
      code: 'schema',
      ...messages.expectedNumber('tres'),
      subPath: ['max'],
    });
    expect(problem(read(months, { min: 'x', max: 3 }))).toMatchObject({ code: 'unit', subPath: ['min'] });
  });

  it("shows how to write a range, in the field's unit", () => {
    expect(problem(read(months, 'dos'))).toMatchObject({ ...messages.expectedRange('dos', 'month') });
    expect(messages.expectedRange('dos', 'month').hint).toContain('{ min: 2, max: 3 }');
    expect(problem(read({ type: 'range' }, [1, 2]))).toMatchObject({ code: 'schema', ...messages.expectedRange([1, 2], undefined) });
  });

  it('reads a date by day, month or year, and a year YAML read as a number', () => {
    expect(value(read({ type: 'date' }, '2023-03-14'))).toEqual({
      kind: 'date',
      iso: '2023-03-14',
      precision: 'day',
      time: Date.UTC(2023, 2, 14),
    });
    expect(value(read({ type: 'date' }, '2023-03'))).toEqual({
      kind: 'date',
      iso: '2023-03',
      precision: 'month',
      time: Date.UTC(2023, 2, 1),
    });
    expect(value(read({ type: 'date' }, '2023'))).toMatchObject({ precision: 'year', time: Date.UTC(2023, 0, 1) });
    expect(value(read({ type: 'date' }, 2023))).toMatchObject({ iso: '2023', precision: 'year' });
  });

  it('refuses a date that does not exist or is written another way', () => {
    for (const raw of ['2023-02-30', '2023-13', '14/03/2023', '23-03-14']) {
      expect(problem(read({ type: 'date' }, raw)), raw).toMatchObject({ code: 'schema', ...messages.badDate(raw, true) });
    }
    expect(messages.badDate('14/03/2023', true).hint).toBe('write it year first: 2023-03-14');
  });
});

describe('numberOf', () => {
  it("compares quantities in the field's unit, ranges by an end and dates by time", () => {
    expect(numberOf(value(read({ type: 'quantity', unit: 'MWh' }, '1.2 GWh')))).toBe(1200);
    expect(numberOf(value(read({ type: 'range' }, { min: 2, max: 3 })))).toBe(3);
    expect(numberOf(value(read({ type: 'range' }, { min: 2, max: 3 })), 'min')).toBe(2);
    expect(numberOf(value(read({ type: 'date' }, '2023')))).toBe(Date.UTC(2023, 0, 1));
    expect(numberOf(value(read({ type: 'text' }, 'x')))).toBeUndefined();
    expect(numberOf(undefined)).toBeUndefined();
  });
});
