import { describe, expect, it } from 'vitest';
import { createCurrencyPattern, detectDecimal, readCell, type ColumnReading } from '../../../../src/data/sheet/cell-value.js';
import { resolveField, type Field } from '../../../../src/data/fields.js';
import type { FieldDeclaration } from '../../../../src/data/field-schema.js';
import { findUnit } from '../../../../src/format/units.js';
import { parseValue } from '../../../../src/data/values.js';

function fieldOf(declaration: FieldDeclaration): Field {
  const resolved = resolveField('x', declaration);
  if (!('field' in resolved)) throw new Error('bad declaration');
  return resolved.field;
}

function column(declaration: FieldDeclaration, decimal: 'comma' | 'point', unit?: string): ColumnReading {
  const field = fieldOf(declaration);
  return { field, headerUnit: unit === undefined ? undefined : findUnit(unit), decimal, currencyPattern: createCurrencyPattern(field) };
}

/** What a user checks: the cell, read as the field's type, gives the value the table will show. */
function readValue(cell: string | number | Date, reading: ColumnReading): unknown {
  const read = readCell(cell, reading);
  if ('problem' in read) return { problem: read.problem.message };
  const parsed = parseValue(reading.field, read.given);
  return 'value' in parsed ? parsed.value : { problem: parsed.problem.message };
}

describe('readCell: a cell read as YAML reads a value of its field', () => {
  it('reads decimal commas and thousands points when the file uses them', () => {
    expect(readValue('1.234,5', column({ type: 'number' }, 'comma'))).toEqual({ kind: 'number', number: 1234.5 });
    expect(readValue('80.000.000', column({ type: 'money' }, 'comma'))).toEqual({ kind: 'number', number: 80_000_000 });
    expect(readValue('10.000', column({ type: 'integer' }, 'comma'))).toEqual({ kind: 'number', number: 10_000 });
    expect(readValue('45,5 %', column({ type: 'percent' }, 'comma'))).toEqual({ kind: 'number', number: 0.455 });
  });

  it('reads thousands commas when the file uses decimal points, and refuses a comma that can only be decimal', () => {
    expect(readValue('1,234.5', column({ type: 'number' }, 'point'))).toEqual({ kind: 'number', number: 1234.5 });
    expect(readValue('$8,000', column({ type: 'money' }, 'point'))).toEqual({ kind: 'number', number: 8000 });
    expect(readValue('1,5', column({ type: 'number' }, 'point'))).toEqual({ problem: expect.stringContaining('decimal comma') });
  });

  it("takes a quantity's unit from the cell, or from the header for a bare number", () => {
    const energy = { type: 'quantity', unit: 'GWh' } as const;
    expect(readValue('1,2 GWh', column(energy, 'comma'))).toMatchObject({ kind: 'quantity', number: 1.2, written: 1.2 });
    expect(readValue('900', column(energy, 'comma', 'MWh'))).toMatchObject({
      kind: 'quantity',
      number: 0.9,
      written: 900,
      unit: { symbol: 'MWh' },
    });
    expect(readValue(900, column(energy, 'point', 'MWh'))).toMatchObject({ number: 0.9 });
    // A unit in the cell wins over the header's.
    expect(readValue('2 GWh', column(energy, 'point', 'MWh'))).toMatchObject({ number: 2, unit: { symbol: 'GWh' } });
  });

  it('reads a range as "2 a 3", "2-3" or "2 to 3", with its unit after the second figure or in the header', () => {
    const time = { type: 'range', unit: 'month' } as const;
    expect(readValue('2 a 3 meses', column(time, 'comma'))).toEqual({ kind: 'range', min: 2, max: 3 });
    expect(readValue('2-3', column(time, 'point', 'month'))).toEqual({ kind: 'range', min: 2, max: 3 });
    expect(readValue('1,5 to 2', column(time, 'comma', 'year'))).toEqual({ kind: 'range', min: 18, max: 24 });
    expect(readValue('4', column(time, 'point'))).toEqual({ kind: 'range', min: 4, max: 4 });
    expect(readValue('3 a 2', column(time, 'point'))).toHaveProperty('problem');
  });

  it('reads date cells, ISO dates, and day-first dates in a file with decimal commas', () => {
    const date = { type: 'date' } as const;
    expect(readValue(new Date(Date.UTC(2023, 2, 14)), column(date, 'point'))).toMatchObject({
      kind: 'date',
      iso: '2023-03-14',
      precision: 'day',
    });
    expect(readValue('14/03/2023', column(date, 'comma'))).toMatchObject({ iso: '2023-03-14' });
    expect(readValue('2023', column(date, 'comma'))).toMatchObject({ iso: '2023', precision: 'year' });
    expect(readValue('03/14/2023', column(date, 'point'))).toHaveProperty('problem');
  });

  it('says a date cell in a figure column is a date Excel made', () => {
    expect(readValue(new Date(Date.UTC(2024, 2, 4)), column({ type: 'integer' }, 'point'))).toEqual({
      problem: 'The cell holds the date 2024-03-04, not a figure.',
    });
  });
});

describe('detectDecimal: which mark a file without a declaration uses', () => {
  it('is a comma when a number can only have a decimal comma and none has a decimal point', () => {
    expect(detectDecimal(['1,2 GWh', '900'])).toBe('comma');
    expect(detectDecimal(['1.234,56'])).toBe('comma');
  });

  it('is a point when any number has a decimal point, or nothing tells', () => {
    expect(detectDecimal(['1,2', '3.75'])).toBe('point');
    expect(detectDecimal(['1,200', '12'])).toBe('point');
    expect(detectDecimal([])).toBe('point');
  });
});
