import { suggestName } from '../errors/messages.js';
import { assertNever } from '../model.js';

/**
 * A field's formula, e.g. `cost / units` or `generation / sum(generation)`: a small hand-written parser
 * (no eval: the text comes from the data file), an evaluator over one row, and the order formulas run in.
 */

export type FormulaPart = 'min' | 'max';
export type AggregateFunction = 'sum' | 'mean' | 'min' | 'max' | 'count';
export type BinaryOperator = '+' | '-' | '*' | '/';
export type FunctionName = AggregateFunction | 'round';

/** A field named in a formula, `t` or `t.min`; offset and length span the whole text, part included. */
export interface FieldReference {
  readonly name: string;
  readonly part?: FormulaPart;
  readonly offset: number;
  readonly length: number;
}

/** Offsets: a number, field or function at its first character; a unary or binary node at its operator. */
export type FormulaNode =
  | { readonly kind: 'number'; readonly value: number; readonly offset: number }
  | { readonly kind: 'field'; readonly name: string; readonly part?: FormulaPart; readonly offset: number; readonly length: number }
  | { readonly kind: 'aggregate'; readonly fn: AggregateFunction; readonly field?: FieldReference; readonly offset: number }
  | { readonly kind: 'round'; readonly value: FormulaNode; readonly digits: number; readonly offset: number }
  | { readonly kind: 'unary'; readonly operand: FormulaNode; readonly offset: number }
  | {
      readonly kind: 'binary';
      readonly op: BinaryOperator;
      readonly left: FormulaNode;
      readonly right: FormulaNode;
      readonly offset: number;
    };

export interface FormulaReference extends FieldReference {
  readonly isAggregate: boolean;
}

export interface Formula {
  readonly source: string;
  readonly root: FormulaNode;
  /** Every field reference (row values and aggregate arguments), in source order: for "unknown field" errors and the dependency graph. */
  readonly references: readonly FormulaReference[];
}

export type FormulaErrorReason =
  | 'unexpected-character'
  | 'unexpected-end'
  | 'unexpected-token'
  | 'decimal-comma'
  | 'unknown-function'
  | 'bad-arguments'
  | 'empty';

export interface FormulaSyntaxError {
  /** 0-based character offset in source where the problem is. */
  readonly offset: number;
  /** Characters to underline (≥ 1). */
  readonly length: number;
  readonly reason: FormulaErrorReason;
  /** The offending text ('' at the end). */
  readonly found: string;
  /** A short English phrase: 'a number, a field name or "("', '")"', 'a field name'. */
  readonly expected: string;
  /** For decimal-comma the number with a point; for unknown-function the closest function name. */
  readonly suggestion?: string;
}

export interface FormulaScope {
  /** The row's value of a field, as a plain number (undefined when missing). */
  value(name: string, part?: FormulaPart): number | undefined;
  /** A column aggregate over all rows (missing values skipped; mean/min/max of no values is undefined). */
  aggregate(fn: AggregateFunction, name?: string, part?: FormulaPart): number | undefined;
}

export const expectedOperand = 'a number, a field name or "("';
export const expectedClose = '")"';
export const expectedOperator = 'an operator: + - * /';
export const expectedField = 'a field name';
export const expectedPart = '"min" or "max"';
export const expectedComma = '","';
export const expectedDigits = 'a whole number of digits';
export const expectedFunction = 'sum, mean, min, max, count or round';
export const expectedDecimalPoint = 'a decimal point';

const functionNames: readonly FunctionName[] = ['sum', 'mean', 'min', 'max', 'count', 'round'];
// Students reach for the Spanish or spreadsheet word first; edit distance alone would not find these.
const functionAliases: ReadonlyMap<string, FunctionName> = new Map<string, FunctionName>([
  ['average', 'mean'],
  ['avg', 'mean'],
  ['media', 'mean'],
  ['promedio', 'mean'],
  ['total', 'sum'],
  ['suma', 'sum'],
  ['contar', 'count'],
  ['redondear', 'round'],
  ['minimo', 'min'],
  ['maximo', 'max'],
]);

interface Token {
  readonly kind: 'number' | 'name' | 'symbol' | 'unknown' | 'end';
  readonly text: string;
  readonly offset: number;
}

const tokenPatterns: readonly [Token['kind'], RegExp][] = [
  ['number', /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/],
  ['name', /^[A-Za-z_][A-Za-z0-9_]*/],
  ['symbol', /^[-+*/(),.]/],
];

/** Splits the whole source up front; an unknown character is a token too, so the parser reports problems in source order. */
function tokenizeFormula(source: string): readonly Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  while (offset < source.length) {
    const rest = source.slice(offset);
    const space = /^\s+/.exec(rest);
    if (space !== null) {
      offset += space[0].length;
      continue;
    }
    const token = readToken(rest, offset);
    tokens.push(token);
    offset += token.text.length;
  }
  tokens.push({ kind: 'end', text: '', offset: source.trimEnd().length });
  return tokens;
}

function readToken(rest: string, offset: number): Token {
  for (const [kind, pattern] of tokenPatterns) {
    const match = pattern.exec(rest);
    if (match !== null) return { kind, text: match[0], offset };
  }
  // One code point, so an emoji or accented letter is underlined whole.
  return { kind: 'unknown', text: String.fromCodePoint(rest.codePointAt(0) ?? 0), offset };
}

/** Thrown only inside this module and caught by parseFormula, so a deep parse can stop at the first problem. */
class FormulaSyntaxFailure extends Error {
  constructor(readonly detail: FormulaSyntaxError) {
    super(`formula syntax: ${detail.reason} at ${detail.offset}`);
  }
}

interface Cursor {
  readonly tokens: readonly Token[];
  readonly end: Token;
  index: number;
  readonly references: FormulaReference[];
}

export function parseFormula(source: string): { readonly formula: Formula } | { readonly error: FormulaSyntaxError } {
  const tokens = tokenizeFormula(source);
  const end = tokens[tokens.length - 1] ?? { kind: 'end', text: '', offset: 0 };
  if (tokens.length === 1) return { error: { offset: 0, length: 1, reason: 'empty', found: '', expected: expectedOperand } };
  const cursor: Cursor = { tokens, end, index: 0, references: [] };
  try {
    const root = parseSum(cursor);
    if (peek(cursor).kind !== 'end') fail(cursor, expectedOperator);
    return { formula: { source, root, references: cursor.references } };
  } catch (error) {
    if (error instanceof FormulaSyntaxFailure) return { error: error.detail };
    throw error;
  }
}

function peek(cursor: Cursor, ahead = 0): Token {
  return cursor.tokens[cursor.index + ahead] ?? cursor.end;
}

function advance(cursor: Cursor): Token {
  const token = peek(cursor);
  cursor.index = Math.min(cursor.index + 1, cursor.tokens.length - 1);
  return token;
}

function isSymbol(token: Token, text: string): boolean {
  return token.kind === 'symbol' && token.text === text;
}

function fail(cursor: Cursor, expected: string, reason: FormulaErrorReason = 'unexpected-token'): never {
  throw new FormulaSyntaxFailure(describeProblem(cursor, expected, reason));
}

function describeProblem(cursor: Cursor, expected: string, reason: FormulaErrorReason): FormulaSyntaxError {
  const token = peek(cursor);
  const at = { offset: token.offset, length: Math.max(1, token.text.length), found: token.text, expected };
  if (token.kind === 'end') return { ...at, reason: 'unexpected-end' };
  if (token.kind === 'unknown') return { ...at, reason: 'unexpected-character' };
  return describeDecimalComma(cursor) ?? { ...at, reason };
}

/** `0,5`: a number, a comma and digits with no space between, where no comma belongs. */
function describeDecimalComma(cursor: Cursor): FormulaSyntaxError | undefined {
  const [before, comma, after] = [peek(cursor, -1), peek(cursor), peek(cursor, 1)];
  const isDigits = (token: Token): boolean => token.kind === 'number' && /^\d+$/.test(token.text);
  const isTouching = before.offset + before.text.length === comma.offset && comma.offset + 1 === after.offset;
  if (!isSymbol(comma, ',') || !isDigits(before) || !isDigits(after) || !isTouching) return undefined;
  const found = `${before.text},${after.text}`;
  const suggestion = `${before.text}.${after.text}`;
  return { offset: before.offset, length: found.length, reason: 'decimal-comma', found, expected: expectedDecimalPoint, suggestion };
}

// sum := product (("+" | "-") product)*, left-associative.
function parseSum(cursor: Cursor): FormulaNode {
  let left = parseProduct(cursor);
  while (isSymbol(peek(cursor), '+') || isSymbol(peek(cursor), '-')) {
    const operator = advance(cursor);
    const op = operator.text === '+' ? '+' : '-';
    left = { kind: 'binary', op, left, right: parseProduct(cursor), offset: operator.offset };
  }
  return left;
}

// product := unary (("*" | "/") unary)*, left-associative.
function parseProduct(cursor: Cursor): FormulaNode {
  let left = parseUnary(cursor);
  while (isSymbol(peek(cursor), '*') || isSymbol(peek(cursor), '/')) {
    const operator = advance(cursor);
    const op = operator.text === '*' ? '*' : '/';
    left = { kind: 'binary', op, left, right: parseUnary(cursor), offset: operator.offset };
  }
  return left;
}

// unary := "-" unary | primary; so `-2 * 3` is (-2) * 3.
function parseUnary(cursor: Cursor): FormulaNode {
  if (!isSymbol(peek(cursor), '-')) return parsePrimary(cursor);
  const operator = advance(cursor);
  return { kind: 'unary', operand: parseUnary(cursor), offset: operator.offset };
}

function parsePrimary(cursor: Cursor): FormulaNode {
  const token = peek(cursor);
  if (token.kind === 'number') {
    advance(cursor);
    return { kind: 'number', value: Number(token.text), offset: token.offset };
  }
  if (token.kind === 'name' && isCall(token, peek(cursor, 1))) return parseCall(cursor);
  if (token.kind === 'name') {
    const field = parseFieldReference(cursor, false);
    return { kind: 'field', ...field };
  }
  if (!isSymbol(token, '(')) return fail(cursor, expectedOperand);
  advance(cursor);
  const inner = parseSum(cursor);
  if (!isSymbol(peek(cursor), ')')) fail(cursor, expectedClose);
  advance(cursor);
  return inner;
}

// `price (1 + tax)` is a field before a parenthesis (a missing "*"), not a call of an unknown function "price".
function isCall(name: Token, next: Token): boolean {
  if (!isSymbol(next, '(')) return false;
  return functionNames.some((fn) => fn === name.text) || name.offset + name.text.length === next.offset;
}

/** A name with an optional `.min` / `.max`, recorded in the formula's references. */
function parseFieldReference(cursor: Cursor, isAggregate: boolean): FieldReference {
  const name = advance(cursor);
  let last = name;
  let part: FormulaPart | undefined;
  if (isSymbol(peek(cursor), '.')) {
    advance(cursor);
    last = peek(cursor);
    if (last.kind !== 'name' || (last.text !== 'min' && last.text !== 'max')) fail(cursor, expectedPart);
    part = last.text === 'min' ? 'min' : 'max';
    advance(cursor);
  }
  const length = last.offset + last.text.length - name.offset;
  const field =
    part === undefined ? { name: name.text, offset: name.offset, length } : { name: name.text, part, offset: name.offset, length };
  cursor.references.push({ ...field, isAggregate });
  return field;
}

function parseCall(cursor: Cursor): FormulaNode {
  const name = peek(cursor);
  const fn = functionNames.find((candidate) => candidate === name.text);
  if (fn === undefined) throw new FormulaSyntaxFailure(describeUnknownFunction(name));
  advance(cursor);
  advance(cursor);
  if (fn === 'round') return parseRoundArguments(cursor, name.offset);
  if (fn === 'count' && isSymbol(peek(cursor), ')')) {
    advance(cursor);
    return { kind: 'aggregate', fn, offset: name.offset };
  }
  if (peek(cursor).kind !== 'name') fail(cursor, expectedField, 'bad-arguments');
  const field = parseFieldReference(cursor, true);
  if (!isSymbol(peek(cursor), ')')) fail(cursor, expectedClose, 'bad-arguments');
  advance(cursor);
  return { kind: 'aggregate', fn, field, offset: name.offset };
}

// round(expr, digits): digits is a literal, so a formula's precision never depends on the data.
function parseRoundArguments(cursor: Cursor, offset: number): FormulaNode {
  const value = parseSum(cursor);
  if (!isSymbol(peek(cursor), ',')) fail(cursor, expectedComma, isSymbol(peek(cursor), ')') ? 'bad-arguments' : 'unexpected-token');
  advance(cursor);
  const digits = peek(cursor);
  if (digits.kind !== 'number' || !/^\d+$/.test(digits.text)) fail(cursor, expectedDigits, 'bad-arguments');
  advance(cursor);
  if (!isSymbol(peek(cursor), ')')) fail(cursor, expectedClose, 'bad-arguments');
  advance(cursor);
  return { kind: 'round', value, digits: Number(digits.text), offset };
}

function describeUnknownFunction(name: Token): FormulaSyntaxError {
  const at: FormulaSyntaxError = {
    offset: name.offset,
    length: name.text.length,
    reason: 'unknown-function',
    found: name.text,
    expected: expectedFunction,
  };
  const suggestion = suggestFunction(name.text);
  return suggestion === undefined ? at : { ...at, suggestion };
}

/** The alias, or the closest function name (the catalogue's did-you-mean); none when nothing is close. */
export function suggestFunction(name: string): FunctionName | undefined {
  const lower = name.toLowerCase();
  const alias = functionAliases.get(lower);
  if (alias !== undefined) return alias;
  const suggestion = suggestName(lower, functionNames);
  return functionNames.find((fn) => fn === suggestion);
}

/** undefined when an input is missing, or on division by zero, or a non-finite result: the caller shows the field's "missing" text. */
export function evaluateFormula(formula: Formula, scope: FormulaScope): number | undefined {
  return evaluateNode(formula.root, scope);
}

function evaluateNode(node: FormulaNode, scope: FormulaScope): number | undefined {
  switch (node.kind) {
    case 'number':
      return toFinite(node.value);
    case 'field':
      return toFinite(scope.value(node.name, node.part));
    case 'aggregate':
      return toFinite(scope.aggregate(node.fn, node.field?.name, node.field?.part));
    case 'round': {
      const value = evaluateNode(node.value, scope);
      return value === undefined ? undefined : roundTo(value, node.digits);
    }
    case 'unary': {
      const operand = evaluateNode(node.operand, scope);
      return operand === undefined ? undefined : toFinite(-operand);
    }
    case 'binary':
      return applyOperator(node.op, evaluateNode(node.left, scope), evaluateNode(node.right, scope));
    default:
      return assertNever(node);
  }
}

function applyOperator(op: BinaryOperator, left: number | undefined, right: number | undefined): number | undefined {
  if (left === undefined || right === undefined) return undefined;
  switch (op) {
    case '+':
      return toFinite(left + right);
    case '-':
      return toFinite(left - right);
    case '*':
      return toFinite(left * right);
    case '/':
      return right === 0 ? undefined : toFinite(left / right);
    default:
      return assertNever(op);
  }
}

// -0 becomes 0 so a formatter never prints "-0".
function toFinite(value: number | undefined): number | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return value === 0 ? 0 : value;
}

/** Half away from zero; toPrecision first so 1.005 × 100 (100.4999…) rounds up as written. */
export function roundTo(value: number, digits: number): number | undefined {
  const scale = 10 ** digits;
  const scaled = Number((Math.abs(value) * scale).toPrecision(15));
  return toFinite((Math.sign(value) * Math.round(scaled)) / scale);
}

/** Order fields so each formula runs after the fields it reads; a cycle is reported with the fields in it, in order (a → b → a). */
export function orderFormulas(
  formulas: ReadonlyMap<string, Formula>,
): { readonly order: readonly string[] } | { readonly cycle: readonly string[] } {
  const walk: Walk = { formulas, order: [], done: new Set() };
  for (const name of formulas.keys()) {
    const cycle = visitField(name, walk, []);
    if (cycle !== undefined) return { cycle };
  }
  return { order: walk.order };
}

interface Walk {
  readonly formulas: ReadonlyMap<string, Formula>;
  readonly order: string[];
  readonly done: Set<string>;
}

// Depth first in map and source order: a field comes right after what it reads, so the map's order holds where it can.
function visitField(name: string, walk: Walk, path: readonly string[]): readonly string[] | undefined {
  if (walk.done.has(name)) return undefined;
  const start = path.indexOf(name);
  if (start >= 0) return [...path.slice(start), name];
  const formula = walk.formulas.get(name);
  if (formula === undefined) return undefined; // a plain input: nothing to run
  for (const dependency of new Set(formula.references.map((reference) => reference.name))) {
    const cycle = visitField(dependency, walk, [...path, name]);
    if (cycle !== undefined) return cycle;
  }
  walk.done.add(name);
  walk.order.push(name);
  return undefined;
}
