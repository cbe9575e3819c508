import { describe, expect, it } from 'vitest';
import {
  evaluateFormula,
  expectedClose,
  expectedComma,
  expectedDigits,
  expectedField,
  expectedOperand,
  expectedOperator,
  expectedPart,
  orderFormulas,
  parseFormula,
  type AggregateFunction,
  type Formula,
  type FormulaPart,
  type FormulaScope,
  type FormulaSyntaxError,
} from '../../../src/data/formula.js';

type Value = number | { readonly min: number; readonly max: number } | undefined;
type Row = Readonly<Record<string, Value>>;

function readValue(row: Row, name: string, part?: FormulaPart): number | undefined {
  const value = row[name];
  if (value === undefined || typeof value === 'number') return part === undefined ? value : undefined;
  return part === undefined ? undefined : value[part];
}

// A scope over an in-memory table: the row being computed plus the whole column for aggregates.
function scopeOf(rows: readonly Row[], index = 0): FormulaScope {
  return {
    value: (name, part) => readValue(rows[index] ?? {}, name, part),
    aggregate: (fn: AggregateFunction, name?: string, part?: FormulaPart) => {
      if (name === undefined) return fn === 'count' ? rows.length : undefined;
      const values = rows.map((row) => readValue(row, name, part)).filter((value): value is number => value !== undefined);
      const sum = values.reduce((total, value) => total + value, 0);
      if (fn === 'count') return values.length;
      if (fn === 'sum') return sum;
      if (values.length === 0) return undefined;
      if (fn === 'mean') return sum / values.length;
      return fn === 'min' ? Math.min(...values) : Math.max(...values);
    },
  };
}

function parsed(source: string): Formula {
  const result = parseFormula(source);
  if ('error' in result) throw new Error(`expected "${source}" to parse, got ${result.error.reason} at ${result.error.offset}`);
  return result.formula;
}

function syntaxError(source: string): FormulaSyntaxError {
  const result = parseFormula(source);
  if ('formula' in result) throw new Error(`expected "${source}" to fail`);
  return result.error;
}

function evaluate(source: string, rows: readonly Row[] = [{}], index = 0): number | undefined {
  return evaluateFormula(parsed(source), scopeOf(rows, index));
}

describe('evaluateFormula: arithmetic', () => {
  it('gives * and / precedence over + and -', () => {
    expect(evaluate('2 + 3 * 4')).toBe(14);
    expect(evaluate('2 * 3 + 4')).toBe(10);
    expect(evaluate('(2 + 3) * 4')).toBe(20);
  });

  it('is left-associative', () => {
    expect(evaluate('8 / 4 / 2')).toBe(1);
    expect(evaluate('10 - 4 - 3')).toBe(3);
  });

  it('binds unary minus tighter than * and allows it after an operator', () => {
    expect(evaluate('-2 * 3')).toBe(-6);
    expect(evaluate('2 * -3')).toBe(-6);
    expect(evaluate('- -2')).toBe(2);
    expect(evaluate('-(1 + 2) * 2')).toBe(-6);
  });

  it('reads decimals, exponents and whitespace anywhere', () => {
    expect(evaluate('0.5 * 1e3')).toBe(500);
    expect(evaluate('  ( 1+2 )*3  ')).toBe(9);
    expect(evaluate('2.5E-1')).toBe(0.25);
  });

  it('reads row fields and range parts', () => {
    const rows = [{ hardwareCost: 8000, units: 4, trainingTime: { min: 2, max: 6 } }];
    expect(evaluate('hardwareCost / units', rows)).toBe(2000);
    expect(evaluate('(trainingTime.min + trainingTime.max) / 2', rows)).toBe(4);
    expect(evaluate('trainingTime . max', rows)).toBe(6);
  });

  it('rounds half away from zero to the given digits', () => {
    expect(evaluate('round(2 / 3, 2)')).toBe(0.67);
    expect(evaluate('round(1.005, 2)')).toBe(1.01);
    expect(evaluate('round(-2.5, 0)')).toBe(-3);
    expect(evaluate('round(1234.5, 0) + 1')).toBe(1236);
  });
});

describe('evaluateFormula: aggregates', () => {
  const rows: Row[] = [
    { generation: 10, time: { min: 1, max: 3 } },
    { generation: 30, time: { min: 2, max: 8 } },
    { generation: undefined },
  ];

  it('computes a share of the column total for each row', () => {
    expect(evaluate('generation / sum(generation)', rows, 0)).toBe(0.25);
    expect(evaluate('generation / sum(generation)', rows, 1)).toBe(0.75);
  });

  it('skips missing values in sum, mean, min, max and count(f)', () => {
    expect(evaluate('mean(generation)', rows)).toBe(20);
    expect(evaluate('min(generation)', rows)).toBe(10);
    expect(evaluate('max(time.max)', rows)).toBe(8);
    expect(evaluate('count(generation)', rows)).toBe(2);
    expect(evaluate('count()', rows)).toBe(3);
  });

  it('is undefined when the aggregate is (mean of no values)', () => {
    expect(evaluate('mean(nothing)', rows)).toBeUndefined();
    expect(evaluate('sum(nothing)', rows)).toBe(0);
  });
});

describe('evaluateFormula: no value', () => {
  it('is undefined when an input is missing', () => {
    expect(evaluate('hardwareCost / units', [{ hardwareCost: 8000 }])).toBeUndefined();
    expect(evaluate('-units', [{}])).toBeUndefined();
    expect(evaluate('round(units, 1)', [{}])).toBeUndefined();
    expect(evaluate('t.min', [{ t: 5 }])).toBeUndefined();
  });

  it('is undefined on division by zero, 0 / 0 included', () => {
    expect(evaluate('hardwareCost / units', [{ hardwareCost: 8000, units: 0 }])).toBeUndefined();
    expect(evaluate('0 / 0')).toBeUndefined();
    expect(evaluate('1 / (2 - 2) + 5')).toBeUndefined();
  });

  it('is undefined on a non-finite result', () => {
    expect(evaluate('1e308 * 10')).toBeUndefined();
    expect(evaluate('1 / (1e308 * 10)')).toBeUndefined();
    expect(evaluate('1e400')).toBeUndefined();
  });

  it('never returns -0', () => {
    expect(Object.is(evaluate('-0 * 5'), 0)).toBe(true);
  });
});

describe('parseFormula: tree and references', () => {
  it('builds binary nodes at their operator, left-associative', () => {
    const formula = parsed('8 / 4 / 2');
    expect(formula.root).toMatchObject({
      kind: 'binary',
      op: '/',
      offset: 6,
      left: { kind: 'binary', op: '/', offset: 2, left: { kind: 'number', value: 8 }, right: { kind: 'number', value: 4 } },
      right: { kind: 'number', value: 2, offset: 8 },
    });
  });

  it('lists every reference in source order with its offset and length', () => {
    expect(parsed('generation / sum(generation)').references).toEqual([
      { name: 'generation', offset: 0, length: 10, isAggregate: false },
      { name: 'generation', offset: 17, length: 10, isAggregate: true },
    ]);
    expect(parsed('(trainingTime.min + trainingTime.max) / 2').references).toEqual([
      { name: 'trainingTime', part: 'min', offset: 1, length: 16, isAggregate: false },
      { name: 'trainingTime', part: 'max', offset: 20, length: 16, isAggregate: false },
    ]);
    expect(parsed('round(a, 1) + count() + mean(b.max)').references).toEqual([
      { name: 'a', offset: 6, length: 1, isAggregate: false },
      { name: 'b', part: 'max', offset: 29, length: 5, isAggregate: true },
    ]);
  });

  it('keeps the aggregate argument on the node', () => {
    expect(parsed('sum(t.min)').root).toEqual({
      kind: 'aggregate',
      fn: 'sum',
      field: { name: 't', part: 'min', offset: 4, length: 5 },
      offset: 0,
    });
    expect(parsed('count()').root).toEqual({ kind: 'aggregate', fn: 'count', offset: 0 });
  });

  it('reads a field named like a function when it is not called', () => {
    expect(evaluate('count + 1', [{ count: 2 }])).toBe(3);
  });
});

describe('parseFormula: syntax errors', () => {
  it('points at a second operator', () => {
    expect(syntaxError('hardwareCost / / units')).toEqual({
      offset: 15,
      length: 1,
      reason: 'unexpected-token',
      found: '/',
      expected: expectedOperand,
    });
  });

  it('points at a token after a complete expression', () => {
    expect(syntaxError('a b')).toEqual({ offset: 2, length: 1, reason: 'unexpected-token', found: 'b', expected: expectedOperator });
    expect(syntaxError('price (1 + tax)')).toMatchObject({ offset: 6, reason: 'unexpected-token', found: '(' });
    expect(syntaxError('t.foo')).toEqual({ offset: 2, length: 3, reason: 'unexpected-token', found: 'foo', expected: expectedPart });
  });

  it('points at a character that is no part of a formula', () => {
    expect(syntaxError('a % b')).toEqual({ offset: 2, length: 1, reason: 'unexpected-character', found: '%', expected: expectedOperator });
    expect(syntaxError('a + $b')).toEqual({ offset: 4, length: 1, reason: 'unexpected-character', found: '$', expected: expectedOperand });
    expect(syntaxError('a + 😀')).toMatchObject({ offset: 4, length: 2, found: '😀' });
  });

  it('reports the first problem in source order', () => {
    expect(syntaxError('a / / b %')).toMatchObject({ offset: 4, reason: 'unexpected-token' });
  });

  it('reports an unclosed parenthesis at the end', () => {
    expect(syntaxError('(a + b')).toEqual({ offset: 6, length: 1, reason: 'unexpected-end', found: '', expected: expectedClose });
    expect(syntaxError('a *   ')).toEqual({ offset: 3, length: 1, reason: 'unexpected-end', found: '', expected: expectedOperand });
  });

  it('reports a decimal comma with the number written with a point', () => {
    expect(syntaxError('price * 0,5')).toEqual({
      offset: 8,
      length: 3,
      reason: 'decimal-comma',
      found: '0,5',
      expected: 'a decimal point',
      suggestion: '0.5',
    });
    expect(syntaxError('12,75 + a')).toMatchObject({ offset: 0, length: 5, reason: 'decimal-comma', suggestion: '12.75' });
    expect(syntaxError('a, b')).toMatchObject({ offset: 1, reason: 'unexpected-token', found: ',' });
  });

  it('reports an unknown function with the closest name', () => {
    expect(syntaxError('summ(x)')).toEqual({
      offset: 0,
      length: 4,
      reason: 'unknown-function',
      found: 'summ',
      expected: 'sum, mean, min, max, count or round',
      suggestion: 'sum',
    });
    expect(syntaxError('1 + promedio(x)')).toMatchObject({ offset: 4, length: 8, suggestion: 'mean' });
    expect(syntaxError('foobar(x)')).not.toHaveProperty('suggestion');
  });

  it('reports bad arguments at the offending token', () => {
    expect(syntaxError('sum(a + b)')).toEqual({ offset: 6, length: 1, reason: 'bad-arguments', found: '+', expected: expectedClose });
    expect(syntaxError('sum()')).toEqual({ offset: 4, length: 1, reason: 'bad-arguments', found: ')', expected: expectedField });
    expect(syntaxError('max(2)')).toEqual({ offset: 4, length: 1, reason: 'bad-arguments', found: '2', expected: expectedField });
    expect(syntaxError('count(a, b)')).toMatchObject({ offset: 7, reason: 'bad-arguments', found: ',' });
    expect(syntaxError('round(x)')).toEqual({ offset: 7, length: 1, reason: 'bad-arguments', found: ')', expected: expectedComma });
    expect(syntaxError('round(x, 1.5)')).toEqual({ offset: 9, length: 3, reason: 'bad-arguments', found: '1.5', expected: expectedDigits });
  });

  it('reports an empty formula', () => {
    expect(syntaxError('')).toEqual({ offset: 0, length: 1, reason: 'empty', found: '', expected: expectedOperand });
    expect(syntaxError('   ')).toMatchObject({ reason: 'empty' });
  });
});

describe('orderFormulas', () => {
  const formulas = (entries: Record<string, string>): ReadonlyMap<string, Formula> =>
    new Map(Object.entries(entries).map(([name, source]) => [name, parsed(source)]));

  it('keeps the map order when nothing depends on a later field', () => {
    expect(orderFormulas(formulas({ unitPrice: 'hardwareCost / units', monthlyCost: 'pricePerHour * 730' }))).toEqual({
      order: ['unitPrice', 'monthlyCost'],
    });
  });

  it('runs a formula after the derived fields it reads, aggregates included', () => {
    expect(orderFormulas(formulas({ share: 'generation / sum(generation)', other: '1', generation: 'a * 2' }))).toEqual({
      order: ['generation', 'share', 'other'],
    });
    expect(orderFormulas(formulas({ c: 'b + 1', b: 'a + 1', a: 'x' }))).toEqual({ order: ['a', 'b', 'c'] });
  });

  it('reports a cycle with its fields in order', () => {
    expect(orderFormulas(formulas({ a: 'b + 1', b: 'sum(a)' }))).toEqual({ cycle: ['a', 'b', 'a'] });
    expect(orderFormulas(formulas({ x: '1', a: 'b', b: 'c', c: 'a' }))).toEqual({ cycle: ['a', 'b', 'c', 'a'] });
    expect(orderFormulas(formulas({ start: 'a', a: 'b', b: 'a' }))).toEqual({ cycle: ['a', 'b', 'a'] });
  });

  it('reports a self-reference as a cycle of one field', () => {
    expect(orderFormulas(formulas({ a: 'a * 2' }))).toEqual({ cycle: ['a', 'a'] });
  });
});
