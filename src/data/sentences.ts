import Handlebars from 'handlebars';
import type { ErrorCode } from '../errors/deck-error.js';
import { messages, suggestName, type Message } from '../errors/messages.js';
import { isMeasurable, isNumericField, type Field } from './fields.js';

/**
 * Sentences that state figures: any text of the deck may hold {{…}} in Handlebars syntax, with a fixed set of
 * helpers over the rows ({{max cost name}}, {{sum energy}}, {{ratio (max cost) (min cost)}}). They are parsed and
 * checked against the declared fields before anything renders, and interpreted here (not compiled to JavaScript):
 * literal text is escaped like every value, so a sentence can never inject HTML.
 */
export interface Sentence {
  readonly source: string;
  readonly program: hbs.AST.Program;
}

/** Where a problem sits inside the sentence's text, for a file:line:column inside the YAML string. */
export interface SentenceProblem extends Message {
  readonly code: ErrorCode;
  readonly offset: number;
  readonly length: number;
}

/** Deck texts (a paragraph, a note) name figures through helpers; a table cell may also name its row's fields. */
export type SentenceScope = 'deck' | 'row';

export interface SentenceNames {
  readonly fields: ReadonlyMap<string, Field>;
  /** Declared fields whose declaration is wrong and already reported. */
  readonly broken?: ReadonlySet<string>;
  /** undefined: row names are unknown (already reported), so a row named in a text is not checked. */
  readonly rowNames: readonly string[] | undefined;
  readonly scope: SentenceScope;
}

/** Strings without "{{" are plain text and skip the parser: most of a deck's texts. */
export function hasFigures(text: string): boolean {
  return text.includes('{{');
}

export function parseSentence(source: string, example = 'field'): { sentence: Sentence } | { problem: SentenceProblem } {
  try {
    return { sentence: { source, program: Handlebars.parse(source) } };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const offset = findSyntaxErrorOffset(source, detail);
    const opening = source.lastIndexOf('{{', Math.max(0, offset - 1));
    const start = opening >= 0 ? opening : offset;
    const oneBrace = opening >= 0 ? /^\{\{[^{}]*\}(?!\})/.exec(source.slice(opening))?.[0] : undefined;
    const message = messages.sentenceSyntax({ isUnfinished: /got 'EOF'/.test(detail), oneBrace, example });
    return {
      problem: {
        code: 'sentence',
        ...message,
        offset: start,
        length: Math.max(2, Math.min(oneBrace === undefined ? offset : start + oneBrace.length, source.length) - start),
      },
    };
  }
}

// Handlebars' parser reports "...last 20 characters\n-----^": the text before the caret ends where parsing stopped.
function findSyntaxErrorOffset(source: string, detail: string): number {
  const [, excerpt = '', caret = ''] = detail.split('\n');
  const before = excerpt.slice(0, caret.length - 1).replace(/^\.\.\./, '');
  const flat = source.replace(/\n/g, '');
  const found = flat.lastIndexOf(before);
  if (before === '' || found < 0) return source.length;
  const flatOffset = found + before.length;
  // Back from the newline-free text to the source's own offsets.
  let seen = 0;
  for (let index = 0; index < source.length; index += 1) {
    if (seen === flatOffset) return index;
    if (source[index] !== '\n') seen += 1;
  }
  return source.length;
}

// figure: a (helper …) or a number; column-figure: a (helper …) of a field, which has a column total.
type ArgumentKind = 'field' | 'measure' | 'number-field' | 'row' | 'figure' | 'column-figure';

interface HelperSpec {
  /** Each accepted list of arguments. */
  readonly forms: readonly (readonly ArgumentKind[])[];
  readonly usage: string;
}

export const HELPERS: Readonly<Record<string, HelperSpec>> = {
  count: {
    forms: [[], ['field']],
    usage: '{{count}} (rows), {{count field}} (rows that have a value), {{count kind="A"}} (rows whose kind is A)',
  },
  sum: { forms: [['number-field']], usage: '{{sum field}}' },
  mean: { forms: [['number-field']], usage: '{{mean field}}' },
  max: {
    forms: [['measure'], ['measure', 'field']],
    usage: '{{max field}} (the largest value) or {{max field name}} (a field of the row with the largest value)',
  },
  min: {
    forms: [['measure'], ['measure', 'field']],
    usage: '{{min field}} (the smallest value) or {{min field name}} (a field of the row with the smallest value)',
  },
  value: { forms: [['row', 'field']], usage: '{{value "Row name" field}}' },
  rank: { forms: [['measure', 'row']], usage: '{{rank field "Row name"}} (1 for the largest)' },
  ratio: { forms: [['figure', 'figure']], usage: '{{ratio (max cost) (min cost)}}' },
  difference: { forms: [['figure', 'figure']], usage: '{{difference (max cost) (min cost)}}' },
  share: { forms: [['column-figure']], usage: '{{share (max cost)}} (its share of the column total)' },
};

export const HELPER_NAMES: readonly string[] = Object.keys(HELPERS);

/** Every problem of one sentence: unknown helpers, fields and rows, wrong arguments. Empty when it can render. */
export function checkSentence(sentence: Sentence, names: SentenceNames): SentenceProblem[] {
  const problems: SentenceProblem[] = [];
  const at = (node: hbs.AST.Node, code: ErrorCode, message: Message) =>
    problems.push({ code, ...message, ...spanOf(sentence.source, node) });
  const visit = (statements: readonly hbs.AST.Statement[]) => {
    for (const statement of statements) {
      if (isMustache(statement)) checkCall(statement, names, at);
      else if (isBlock(statement)) {
        checkBlock(statement, names, at);
        // {{^x}}…{{/x}} has no program, only an inverse.
        const program: hbs.AST.Program | undefined = statement.program;
        visit(program?.body ?? []);
        if (statement.inverse) visit(statement.inverse.body);
      } else if (
        statement.type === 'PartialStatement' ||
        statement.type === 'PartialBlockStatement' ||
        statement.type === 'Decorator' ||
        statement.type === 'DecoratorBlock'
      ) {
        at(statement, 'sentence', messages.sentenceUnsupported());
      }
    }
  };
  visit(sentence.program.body);
  return problems;
}

type Report = (node: hbs.AST.Node, code: ErrorCode, message: Message) => void;

function checkBlock(block: hbs.AST.BlockStatement, names: SentenceNames, at: Report): void {
  const name = block.path.original;
  if (name !== 'if' && name !== 'unless') {
    at(block, 'sentence', messages.sentenceBlock(name));
    return;
  }
  const [condition, ...extra] = block.params;
  if (condition === undefined || extra.length > 0) at(block, 'sentence', messages.sentenceBlock(name));
  else checkExpression(condition, names, at, 'condition');
}

function checkCall(node: hbs.AST.MustacheStatement | hbs.AST.SubExpression, names: SentenceNames, at: Report): void {
  const path = node.path;
  if (!isPath(path)) {
    at(node, 'sentence', messages.sentenceLiteral());
    return;
  }
  // In a table cell a bare name is the row's field, even one named like a helper ("share", "count").
  const isRowField = names.scope === 'row' && names.fields.has(path.parts[0] ?? '');
  if (node.params.length === 0 && node.hash === undefined && (isRowField || !Object.hasOwn(HELPERS, path.original))) {
    checkExpression(path, names, at, 'value');
    return;
  }
  const spec = HELPERS[path.original];
  if (spec === undefined || !Object.hasOwn(HELPERS, path.original)) {
    at(path, 'sentence', messages.unknownHelper(path.original, suggestName(path.original, HELPER_NAMES), HELPER_NAMES));
    return;
  }
  if (node.hash !== undefined && node.hash.pairs.length > 0) checkFilters(node.hash, path.original, names, at);
  const form = spec.forms.find((candidate) => candidate.length === node.params.length);
  if (form === undefined) {
    at(node, 'sentence', messages.helperArguments(path.original, spec.usage));
    return;
  }
  for (const [index, param] of node.params.entries()) checkArgument(param, form[index] ?? 'field', path.original, spec, names, at);
}

// Helpers over the rows take filters: {{sum generation kind="Renovable"}} sums the rows whose kind is Renovable.
const FILTERED_HELPERS = new Set(['count', 'sum', 'mean', 'max', 'min']);

function checkFilters(hash: hbs.AST.Hash, helper: string, names: SentenceNames, at: Report): void {
  if (!FILTERED_HELPERS.has(helper)) {
    at(hash, 'sentence', messages.filterNotAllowed(helper));
    return;
  }
  for (const pair of hash.pairs) {
    if (!names.fields.has(pair.key)) {
      if (names.broken?.has(pair.key) !== true) {
        const known = [...names.fields.keys()];
        at(pair, 'sentence', messages.unknownSentenceName(pair.key, suggestName(pair.key, known), known));
      }
    } else if (pair.value.type !== 'StringLiteral' && pair.value.type !== 'NumberLiteral' && pair.value.type !== 'BooleanLiteral') {
      at(pair.value, 'sentence', messages.filterValue(pair.key));
    } else {
      // A category's value must be one of its values: "renovable" for "Renovable" would match no row, silently.
      const field = names.fields.get(pair.key);
      const wanted = 'value' in pair.value ? String(pair.value.value) : '';
      if (field?.type === 'category' && !field.values.includes(wanted))
        at(pair.value, 'sentence', messages.notACategory(wanted, field.values, suggestName(wanted, field.values)));
    }
  }
}

function checkArgument(
  param: hbs.AST.Expression,
  kind: ArgumentKind,
  helper: string,
  spec: HelperSpec,
  names: SentenceNames,
  at: Report,
): void {
  if (kind === 'row') {
    if (!isString(param)) at(param, 'sentence', messages.helperArguments(helper, spec.usage));
    else if (names.rowNames !== undefined && !names.rowNames.includes(param.value))
      at(param, 'sentence', messages.unknownRow(param.value, suggestName(param.value, names.rowNames)));
    return;
  }
  if (kind === 'figure' || kind === 'column-figure') {
    if (isSubExpression(param)) checkCall(param, names, at);
    else if (kind === 'column-figure' || param.type !== 'NumberLiteral')
      at(param, 'sentence', messages.helperArguments(helper, spec.usage));
    return;
  }
  const field = checkFieldPath(param, names, at);
  if (field === undefined) return;
  if (kind === 'measure' && !isMeasurable(field)) at(param, 'sentence', messages.fieldNotMeasurable(helper, field.name, field.type));
  if (kind === 'number-field' && !isNumericField(field)) at(param, 'sentence', messages.fieldNotMeasurable(helper, field.name, field.type));
}

/** A bare name: a field of the row in a table cell; in deck text it needs a helper to say which figure. */
function checkExpression(expression: hbs.AST.Expression, names: SentenceNames, at: Report, use: 'value' | 'condition'): void {
  if (isSubExpression(expression)) {
    checkCall(expression, names, at);
    return;
  }
  if (!isPath(expression)) return;
  if (expression.original === 'count' && use === 'value') return;
  const field = checkFieldPath(expression, names, at);
  if (field !== undefined && names.scope === 'deck') at(expression, 'sentence', messages.fieldNeedsHelper(field.name));
}

function checkFieldPath(param: hbs.AST.Expression, names: SentenceNames, at: Report): Field | undefined {
  if (!isPath(param) || param.data || param.depth > 0) {
    at(param, 'sentence', messages.expectedFieldName());
    return undefined;
  }
  const [name = '', part, ...rest] = param.parts;
  const field = names.fields.get(name);
  if (field === undefined && names.broken?.has(name) === true) return undefined;
  if (field === undefined) {
    const known = [...names.fields.keys()];
    const isHelper = Object.hasOwn(HELPERS, name);
    at(
      param,
      'sentence',
      isHelper ? messages.helperAsField(name) : messages.unknownSentenceName(name, suggestName(name, [...known, ...HELPER_NAMES]), known),
    );
    return undefined;
  }
  if (rest.length > 0 || (part !== undefined && (field.type !== 'range' || (part !== 'min' && part !== 'max')))) {
    at(param, 'sentence', messages.fieldPart(name, part ?? ''));
    return undefined;
  }
  return field;
}

function spanOf(source: string, node: hbs.AST.Node): { offset: number; length: number } {
  const start = offsetOf(source, node.loc.start);
  const end = offsetOf(source, node.loc.end);
  return { offset: start, length: Math.max(1, end - start) };
}

function offsetOf(source: string, position: hbs.AST.Position): number {
  let offset = 0;
  for (let line = 1; line < position.line; line += 1) {
    const next = source.indexOf('\n', offset);
    if (next < 0) break;
    offset = next + 1;
  }
  return offset + position.column;
}

export function isPath(node: hbs.AST.Node): node is hbs.AST.PathExpression {
  return node.type === 'PathExpression';
}

export function isSubExpression(node: hbs.AST.Node): node is hbs.AST.SubExpression {
  return node.type === 'SubExpression';
}

export function isMustache(node: hbs.AST.Node): node is hbs.AST.MustacheStatement {
  return node.type === 'MustacheStatement';
}

export function isBlock(node: hbs.AST.Node): node is hbs.AST.BlockStatement {
  return node.type === 'BlockStatement';
}

export function isString(node: hbs.AST.Node): node is hbs.AST.StringLiteral {
  return node.type === 'StringLiteral';
}

export function isNumber(node: hbs.AST.Node): node is hbs.AST.NumberLiteral {
  return node.type === 'NumberLiteral';
}

export function isContent(node: hbs.AST.Node): node is hbs.AST.ContentStatement {
  return node.type === 'ContentStatement';
}
