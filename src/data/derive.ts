import { messages } from '../errors/messages.js';
import { findWords } from '../i18n/words.js';
import type { Cell, Dataset, Deck, DeckRow, DeckWarning, InputRow } from '../model.js';
import { evaluateFormula, type FormulaScope } from './formula.js';
import { formatNumber, type FormatContext } from '../format/values.js';
import { isNumericField, type NumericField } from './fields.js';
import { numberOf, type Value } from './values.js';

/** A given value and its formula's result further apart than this share are worth a warning. */
const AGREEMENT_TOLERANCE = 0.01;

/** Pure: every formula evaluated where its value is missing (and compared where it is given), in dependency order. */
export function deriveDeck(dataset: Dataset): Deck {
  const fields = new Map(dataset.fields.map((field) => [field.name, field]));
  const warnings: DeckWarning[] = [];
  const errors: DeckWarning[] = [];
  const format: FormatContext = { locale: dataset.meta.locale, words: findWords(dataset.meta.locale), formatted: new WeakMap() };
  let rows: readonly DeckRow[] = dataset.rows.map(toDeckRow);
  for (const name of dataset.formulaOrder) {
    const field = fields.get(name);
    if (field === undefined || !isNumericField(field) || field.formula === undefined) continue;
    rows = deriveColumn(field, rows, format, { warnings, errors });
  }
  return {
    meta: dataset.meta,
    format,
    fields,
    rows,
    slides: dataset.slides,
    warnings,
    errors,
    references: dataset.references,
  };
}

function toDeckRow(row: InputRow): DeckRow {
  // An estimate reads as approximate, as a computed value does: "≈ 80 millones".
  const cells = new Map<string, Cell>(
    [...row.values].map(([name, value]) => {
      const isEstimate = row.estimates?.has(name) === true;
      return [name, isEstimate ? { value, isDerived: true, isEstimate } : { value, isDerived: false }];
    }),
  );
  return { index: row.index, name: row.name, cells, given: row.given, source: row.source, citations: row.citations };
}

interface Findings {
  readonly warnings: DeckWarning[];
  readonly errors: DeckWarning[];
}

function deriveColumn(field: NumericField, rows: readonly DeckRow[], format: FormatContext, findings: Findings): DeckRow[] {
  const formula = field.formula;
  if (formula === undefined) return [...rows];
  const aggregate = createAggregates(rows);
  return rows.map((row) => {
    const scope: FormulaScope = {
      value: (name, part) => numberOf(row.cells.get(name)?.value, part ?? 'max'),
      aggregate,
    };
    const computed = evaluateFormula(formula, scope);
    const given = row.cells.get(field.name)?.value;
    if (given !== undefined) {
      const number = numberOf(given);
      if (computed !== undefined && number !== undefined && disagree(number, computed)) {
        // Both figures as the deck writes them, and precise enough to see the gap ("25 %" and "22,9 %").
        const shown = (value: number) => formatNumber({ ...field, significant: 4 }, value, format);
        findings.warnings.push({
          code: 'formula-mismatch',
          ...messages.formulaMismatch({
            row: row.name,
            field: field.name,
            formula: formula.source,
            computed: shown(computed),
            given: shown(number),
          }),
          dataPath: ['rows', row.index, field.name],
        });
      }
      return row;
    }
    if (computed === undefined) {
      if (field.isRequired) {
        const absent = formula.references
          .filter((reference) => !reference.isAggregate && row.cells.get(reference.name)?.value === undefined)
          .map((reference) => reference.name);
        findings.errors.push({
          code: 'schema',
          ...messages.cannotDerive(field.name, formula.source, [...new Set(absent)]),
          dataPath: ['rows', row.index],
        });
      }
      return row;
    }
    const cells = new Map(row.cells);
    cells.set(field.name, { value: toValue(field, computed), isDerived: true });
    return { ...row, cells };
  });
}

function disagree(given: number, computed: number): boolean {
  return Math.abs(given - computed) > AGREEMENT_TOLERANCE * Math.max(Math.abs(given), Math.abs(computed));
}

function toValue(field: NumericField, number: number): Value {
  if (field.type === 'quantity') return { kind: 'quantity', number, written: number, unit: field.unit };
  return { kind: 'number', number };
}

function createAggregates(rows: readonly DeckRow[]): FormulaScope['aggregate'] {
  const memo = new Map<string, number | undefined>();
  return (fn, name, part) => {
    const key = `${fn}|${name ?? ''}|${part ?? ''}`;
    if (memo.has(key)) return memo.get(key);
    const numbers =
      name === undefined
        ? []
        : rows.map((row) => numberOf(row.cells.get(name)?.value, part ?? 'max')).filter((number): number is number => number !== undefined);
    const result = computeAggregate(fn, numbers, rows.length, name === undefined);
    memo.set(key, result);
    return result;
  };
}

function computeAggregate(
  fn: 'sum' | 'mean' | 'min' | 'max' | 'count',
  numbers: readonly number[],
  rowCount: number,
  isAllRows: boolean,
): number | undefined {
  switch (fn) {
    case 'count':
      return isAllRows ? rowCount : numbers.length;
    case 'sum':
      return numbers.reduce((sum, number) => sum + number, 0);
    case 'mean':
      return numbers.length === 0 ? undefined : numbers.reduce((sum, number) => sum + number, 0) / numbers.length;
    case 'min':
      return numbers.length === 0 ? undefined : Math.min(...numbers);
    case 'max':
      return numbers.length === 0 ? undefined : Math.max(...numbers);
  }
}
