import { findUnit, type Unit } from '../format/units.js';
import { parseFormula, type Formula, type FormulaSyntaxError } from './formula.js';
import type { FieldDeclaration } from './field-schema.js';

/** A declared field with every default applied: what validate, derive, format and the charts read. */
export type Field = FieldCommon & FieldKind;

export interface FieldCommon {
  readonly name: string;
  readonly label: string;
  readonly isRequired: boolean;
  /** The field's own text for a missing value; undefined: the deck language's ("no reportado"). */
  readonly missing: string | undefined;
  readonly description: string | undefined;
}

export interface NumberFormat {
  readonly decimals: number;
  readonly significant: number | undefined;
}

export type FieldKind =
  | { readonly type: 'text' | 'url' }
  | { readonly type: 'category'; readonly values: readonly string[] }
  | { readonly type: 'date'; readonly display: 'long' | 'short' }
  | ({
      readonly type: 'number' | 'integer';
      readonly display: 'plain' | 'words' | 'short';
      readonly formula: Formula | undefined;
    } & NumberFormat)
  | ({
      readonly type: 'money';
      readonly currency: string;
      readonly display: 'currency' | 'words' | 'short';
      readonly formula: Formula | undefined;
    } & NumberFormat)
  | ({
      readonly type: 'quantity';
      readonly unit: Unit;
      readonly display: QuantityDisplay;
      readonly formula: Formula | undefined;
    } & NumberFormat)
  | ({ readonly type: 'range'; readonly unit: Unit | undefined } & NumberFormat)
  | ({ readonly type: 'percent'; readonly formula: Formula | undefined } & NumberFormat);

/** As written in each row, the most readable unit, or one fixed unit. */
export type QuantityDisplay = { readonly kind: 'written' } | { readonly kind: 'best' } | { readonly kind: 'unit'; readonly unit: Unit };

export type NumericField = Extract<Field, { readonly formula: Formula | undefined }>;

/** What can be wrong in a declaration once its shape is right: a unit nobody knows, a formula that does not parse. */
export type DeclarationProblem =
  | { readonly kind: 'unknown-unit'; readonly key: 'unit' | 'display'; readonly unit: string }
  | { readonly kind: 'formula-syntax'; readonly error: FormulaSyntaxError };

export function resolveField(name: string, declaration: FieldDeclaration): { field: Field } | { problem: DeclarationProblem } {
  const common: FieldCommon = {
    name,
    label: declaration.label ?? name,
    isRequired: declaration.optional !== true,
    missing: declaration.missing,
    description: declaration.description,
  };
  const kind = resolveKind(declaration);
  return 'problem' in kind ? kind : { field: { ...common, ...kind.kind } };
}

function resolveKind(declaration: FieldDeclaration): { kind: FieldKind } | { problem: DeclarationProblem } {
  switch (declaration.type) {
    case 'text':
    case 'url':
      return { kind: { type: declaration.type } };
    case 'category':
      return { kind: { type: 'category', values: declaration.values } };
    case 'date':
      return { kind: { type: 'date', display: declaration.display ?? 'long' } };
    case 'range': {
      const unit = declaration.unit === undefined ? undefined : findUnit(declaration.unit);
      if (declaration.unit !== undefined && unit === undefined)
        return { problem: { kind: 'unknown-unit', key: 'unit', unit: declaration.unit } };
      return { kind: { type: 'range', unit, decimals: declaration.decimals ?? 2, significant: undefined } };
    }
    default:
      return resolveNumeric(declaration);
  }
}

type NumericDeclaration = Extract<FieldDeclaration, { type: 'number' | 'integer' | 'money' | 'quantity' | 'percent' }>;

function resolveNumeric(declaration: NumericDeclaration): { kind: FieldKind } | { problem: DeclarationProblem } {
  const parsed = declaration.formula === undefined ? undefined : parseShallowFormula(declaration.formula);
  if (parsed !== undefined && 'error' in parsed) return { problem: { kind: 'formula-syntax', error: parsed.error } };
  const formula = parsed?.formula;
  const significant = declaration.significant;
  switch (declaration.type) {
    case 'number':
    case 'integer':
      return {
        kind: {
          type: declaration.type,
          display: declaration.display ?? 'plain',
          formula,
          decimals: declaration.decimals ?? (declaration.type === 'integer' ? 0 : 2),
          significant,
        },
      };
    case 'money':
      return {
        kind: {
          type: 'money',
          currency: declaration.currency ?? 'USD',
          display: declaration.display ?? 'currency',
          formula,
          decimals: declaration.decimals ?? 2,
          significant,
        },
      };
    case 'percent':
      return { kind: { type: 'percent', formula, decimals: declaration.decimals ?? 1, significant } };
    case 'quantity': {
      const unit = findUnit(declaration.unit);
      if (unit === undefined) return { problem: { kind: 'unknown-unit', key: 'unit', unit: declaration.unit } };
      const display = resolveDisplay(declaration.display, unit);
      if (display === undefined) return { problem: { kind: 'unknown-unit', key: 'display', unit: declaration.display ?? '' } };
      return { kind: { type: 'quantity', unit, display, formula, decimals: declaration.decimals ?? 2, significant } };
    }
  }
}

function resolveDisplay(display: string | undefined, unit: Unit): QuantityDisplay | undefined {
  if (display === undefined || display === 'written') return { kind: 'written' };
  if (display === 'best') return { kind: 'best' };
  const fixed = findUnit(display);
  return fixed !== undefined && fixed.family === unit.family ? { kind: 'unit', unit: fixed } : undefined;
}

export function isNumericField(field: Field): field is NumericField {
  return 'formula' in field;
}

/** Fields whose values compare as numbers: the ones max, min, sum and charts can use. */
export function isMeasurable(field: Field): boolean {
  return isNumericField(field) || field.type === 'range' || field.type === 'date';
}

// The parser recurses once per parenthesis: a formula nested deeper than anyone writes is refused, not a crash.
const MAX_NESTING = 64;

function parseShallowFormula(source: string): ReturnType<typeof parseFormula> {
  let depth = 0;
  for (let offset = 0; offset < source.length; offset += 1) {
    depth += source[offset] === '(' ? 1 : source[offset] === ')' ? -1 : 0;
    if (depth > MAX_NESTING)
      return {
        error: { offset, length: 1, reason: 'unexpected-token', found: '(', expected: `at most ${MAX_NESTING} nested parentheses` },
      };
  }
  return parseFormula(source);
}
