import type { Field } from '../data/fields.js';
import { readSentence, type SentenceCache } from '../data/sentence-cache.js';
import {
  hasFigures,
  isBlock,
  isContent,
  isMustache,
  isNumber,
  isPath,
  isString,
  isSubExpression,
  type Sentence,
} from '../data/sentences.js';
import { numberOf, type Value } from '../data/values.js';
import { formatAggregate, formatCount, formatShare, formatTimes, formatValue, type FormatContext } from '../format/values.js';
import type { DeckRow } from '../model.js';
import { insertCitations } from '../cite/cite-marks.js';

/** What a sentence's {{…}} can see: the declared fields, every row, the deck's formatters, and in a table cell its row. */
export interface FigureContext {
  readonly fields: ReadonlyMap<string, Field>;
  readonly rows: readonly DeckRow[];
  readonly format: FormatContext;
  readonly row?: DeckRow | undefined;
}

/** A figure as a helper returns it: its number (for ratio, share…) and its text as the table would show it. */
type Result =
  | {
      readonly kind: 'figure';
      readonly number: number;
      readonly field: Field | undefined;
      readonly text: string;
      readonly isDerived: boolean;
    }
  | { readonly kind: 'text'; readonly text: string; readonly isDerived: boolean; readonly isUrl: boolean }
  | { readonly kind: 'missing'; readonly text: string };

/**
 * The sentence as HTML: literal text escaped, figures formatted, the author's **bold** as <strong>. Our own markup
 * has no quotes, so even a text a layout puts inside an attribute cannot end that attribute.
 */
export function renderSentence(sentence: Sentence, context: FigureContext): string {
  return emphasize(renderStatements(sentence.program.body, context));
}

/** Any text of the deck as HTML: a sentence with its figures, or plain text, escaped either way. */
export function renderText(text: string, context: FigureContext, sentences: SentenceCache): string {
  const parsed = hasFigures(text) ? readSentence(sentences, text) : undefined;
  const html = parsed !== undefined && 'sentence' in parsed ? renderSentence(parsed.sentence, context) : renderPlainText(text);
  // [@key] in any text: the citation as the deck's style writes it.
  return insertCitations(html, context.format.citations);
}

/** Plain text from the data (no {{…}}): escaped, with **bold**. */
export function renderPlainText(text: string): string {
  let html = plainHtml.get(text);
  if (html === undefined) {
    html = emphasize(markBold(escapeHtml(text)));
    if (plainHtml.size >= PLAIN_KEPT) plainHtml.clear();
    plainHtml.set(text, html);
  }
  return html;
}

// Most of a deck's texts are plain and the same from one rebuild to the next: each is escaped once.
const plainHtml = new Map<string, string>();
const PLAIN_KEPT = 20_000;

/** The sentence as a reader hears it, for an attribute or the page title: figures computed, no markup. */
export function renderSentenceText(sentence: Sentence, context: FigureContext): string {
  return toText(renderSentence(sentence, context));
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#x60': '`', '#x3D': '=' };

/** Our HTML back to text (Handlebars escapes it again where it is printed): tags dropped, entities decoded. */
export function toText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#x27|#x60|#x3D);/g, (_match, name: string) => ENTITIES[name] ?? '');
}

function renderStatements(statements: readonly hbs.AST.Statement[], context: FigureContext): string {
  let html = '';
  for (const statement of statements) {
    if (isContent(statement)) html += markBold(escapeHtml(statement.value));
    else if (isMustache(statement)) html += toHtml(evaluateCall(statement, context), context);
    else if (isBlock(statement)) {
      const [condition] = statement.params;
      const isTrue = condition !== undefined && evaluate(condition, context).kind !== 'missing';
      const program: hbs.AST.Program | undefined = statement.program;
      const branch = (statement.path.original === 'unless') !== isTrue ? program : statement.inverse;
      if (branch !== undefined) html += renderStatements(branch.body, context);
    }
  }
  return html;
}

function toHtml(result: Result, context: FigureContext): string {
  switch (result.kind) {
    case 'missing':
      return `<span class=missing>${escapeHtml(result.text)}</span>`;
    case 'text':
      // Unquoted: escapeHtml leaves no space, quote, = or < in the address.
      if (result.isUrl)
        return `<a href=${escapeHtml(result.text).replace(/ /g, '%20')} rel=noreferrer>${escapeHtml(result.text.replace(/^https?:\/\/(www\.)?/, ''))}</a>`;
      return result.isDerived ? derived(result.text, context) : escapeHtml(result.text);
    case 'figure':
      return result.isDerived ? derived(result.text, context) : escapeHtml(result.text);
  }
}

function derived(text: string, context: FigureContext): string {
  // A no-break space: "≈" never ends a line apart from its figure.
  return `<span class=derived>${escapeHtml(`${context.format.words.approximately}\u00a0${text}`)}</span>`;
}

function evaluate(expression: hbs.AST.Expression, context: FigureContext): Result {
  if (isSubExpression(expression)) return evaluateCall(expression, context);
  if (isNumber(expression))
    return {
      kind: 'figure',
      number: expression.value,
      field: undefined,
      text: formatCount(expression.value, context.format),
      isDerived: false,
    };
  if (isPath(expression))
    return expression.original === 'count' && context.row === undefined ? countRows(context) : rowValue(expression, context);
  // {{#if true}}: a literal is its own condition.
  if (
    'value' in expression &&
    expression.value !== false &&
    expression.value !== '' &&
    expression.value !== null &&
    expression.value !== undefined
  )
    return { kind: 'text', text: String(expression.value), isDerived: false, isUrl: false };
  return { kind: 'missing', text: context.format.words.notReported };
}

function evaluateCall(node: hbs.AST.MustacheStatement | hbs.AST.SubExpression, all: FigureContext): Result {
  const path = node.path;
  const context = node.hash === undefined || node.hash.pairs.length === 0 ? all : { ...all, rows: filterRows(all, node.hash) };
  if (!isPath(path)) return { kind: 'missing', text: context.format.words.notReported };
  const [first, second] = node.params;
  if (node.params.length === 0 && context.row !== undefined && context.fields.has(path.parts[0] ?? '')) return rowValue(path, context);
  const fieldOf = (param: hbs.AST.Expression | undefined) =>
    param !== undefined && isPath(param) ? context.fields.get(param.parts[0] ?? '') : undefined;
  switch (path.original) {
    case 'count':
      return first === undefined ? countRows(context) : countValues(fieldOf(first), context);
    case 'sum':
    case 'mean':
      return aggregate(path.original, fieldOf(first), context);
    case 'max':
    case 'min': {
      const row = extremeRow(fieldOf(first), path.original, context);
      const shown = second === undefined ? fieldOf(first) : fieldOf(second);
      return row === undefined || shown === undefined ? missing(shown, context) : cellResult(row, shown, context);
    }
    case 'value': {
      const row = first !== undefined && isString(first) ? context.rows.find((candidate) => candidate.name === first.value) : undefined;
      const field = fieldOf(second);
      return row === undefined || field === undefined ? missing(field, context) : cellResult(row, field, context);
    }
    case 'rank':
      return rank(fieldOf(first), second !== undefined && isString(second) ? second.value : '', context);
    case 'ratio':
    case 'difference':
      return combine(path.original, evaluateParam(first, context), evaluateParam(second, context), context);
    case 'share':
      return share(evaluateParam(first, context), context);
    default:
      // A bare name: in a table cell, the row's value of that field.
      return node.params.length === 0 ? rowValue(path, context) : missing(undefined, context);
  }
}

/** The rows whose fields equal every filter's value: kind="Renovable", year=2024. */
function filterRows(context: FigureContext, hash: hbs.AST.Hash): readonly DeckRow[] {
  return context.rows.filter((row) =>
    hash.pairs.every((pair) => {
      const value = row.cells.get(pair.key)?.value;
      const wanted: unknown = 'value' in pair.value ? pair.value.value : undefined;
      if (value === undefined) return false;
      if (value.kind === 'text') return value.text === String(wanted);
      if (value.kind === 'number' || value.kind === 'quantity') return value.number === Number(wanted);
      return value.kind === 'date' ? value.iso === String(wanted) : false;
    }),
  );
}

function evaluateParam(param: hbs.AST.Expression | undefined, context: FigureContext): Result {
  return param === undefined ? missing(undefined, context) : evaluate(param, context);
}

function rowValue(path: hbs.AST.PathExpression, context: FigureContext): Result {
  const field = context.fields.get(path.parts[0] ?? '');
  if (context.row === undefined || field === undefined) return missing(field, context);
  const part = path.parts[1];
  const cell = context.row.cells.get(field.name);
  if (cell?.value?.kind === 'range' && (part === 'min' || part === 'max')) {
    const number = cell.value[part];
    const end: Value = { kind: 'range', min: number, max: number };
    return { kind: 'figure', number, field, text: formatValue(field, end, context.format), isDerived: cell.isDerived };
  }
  return cellResult(context.row, field, context);
}

function cellResult(row: DeckRow, field: Field, context: FigureContext): Result {
  const cell = row.cells.get(field.name);
  if (cell?.value === undefined) return missing(field, context);
  const text = formatValue(field, cell.value, context.format);
  const number = numberOf(cell.value);
  if (number === undefined || cell.value.kind === 'date')
    return { kind: 'text', text, isDerived: cell.isDerived, isUrl: field.type === 'url' };
  return { kind: 'figure', number, field, text, isDerived: cell.isDerived };
}

function missing(field: Field | undefined, context: FigureContext): Result {
  return { kind: 'missing', text: field?.missing ?? context.format.words.notReported };
}

function countRows(context: FigureContext): Result {
  return {
    kind: 'figure',
    number: context.rows.length,
    field: undefined,
    text: formatCount(context.rows.length, context.format),
    isDerived: false,
  };
}

function countValues(field: Field | undefined, context: FigureContext): Result {
  const count = field === undefined ? 0 : context.rows.filter((row) => row.cells.get(field.name)?.value !== undefined).length;
  return { kind: 'figure', number: count, field: undefined, text: formatCount(count, context.format), isDerived: false };
}

function numbersOf(field: Field, context: FigureContext): { numbers: number[]; isDerived: boolean } {
  const cells = context.rows.map((row) => row.cells.get(field.name));
  const numbers = cells.map((cell) => numberOf(cell?.value)).filter((number): number is number => number !== undefined);
  return { numbers, isDerived: cells.some((cell) => cell?.isDerived === true) };
}

function aggregate(kind: 'sum' | 'mean', field: Field | undefined, context: FigureContext): Result {
  if (field === undefined) return missing(field, context);
  const { numbers, isDerived } = numbersOf(field, context);
  if (numbers.length === 0) return missing(field, context);
  const sum = numbers.reduce((total, number) => total + number, 0);
  const number = kind === 'sum' ? sum : sum / numbers.length;
  return { kind: 'figure', number, field, text: formatAggregate(field, number, context.format), isDerived };
}

/** The row with the largest (or smallest) value; the first one on a tie, so the answer is stable. */
export function extremeRow(field: Field | undefined, kind: 'max' | 'min', context: Pick<FigureContext, 'rows'>): DeckRow | undefined {
  if (field === undefined) return undefined;
  const sign = kind === 'max' ? 1 : -1;
  let best: { row: DeckRow; number: number } | undefined;
  for (const row of context.rows) {
    const number = numberOf(row.cells.get(field.name)?.value, kind);
    if (number !== undefined && (best === undefined || sign * (number - best.number) > 0)) best = { row, number };
  }
  return best?.row;
}

function rank(field: Field | undefined, name: string, context: FigureContext): Result {
  const row = context.rows.find((candidate) => candidate.name === name);
  const number = numberOf(row?.cells.get(field?.name ?? '')?.value);
  if (field === undefined || number === undefined) return missing(field, context);
  const position = 1 + context.rows.filter((other) => (numberOf(other.cells.get(field.name)?.value) ?? -Infinity) > number).length;
  return { kind: 'figure', number: position, field: undefined, text: formatCount(position, context.format), isDerived: false };
}

function combine(kind: 'ratio' | 'difference', a: Result, b: Result, context: FigureContext): Result {
  if (a.kind !== 'figure' || b.kind !== 'figure') return missing(undefined, context);
  const isDerived = a.isDerived || b.isDerived;
  if (kind === 'ratio') {
    if (b.number === 0) return missing(undefined, context);
    const ratio = a.number / b.number;
    return { kind: 'figure', number: ratio, field: undefined, text: formatTimes(ratio, context.format), isDerived };
  }
  const difference = a.number - b.number;
  const text = a.field === undefined ? formatCount(difference, context.format) : formatAggregate(a.field, difference, context.format);
  return { kind: 'figure', number: difference, field: a.field, text, isDerived };
}

function share(a: Result, context: FigureContext): Result {
  if (a.kind !== 'figure' || a.field === undefined) return missing(undefined, context);
  const total = numbersOf(a.field, context).numbers.reduce((sum, number) => sum + number, 0);
  if (total === 0) return missing(a.field, context);
  const number = a.number / total;
  return { kind: 'figure', number, field: undefined, text: formatShare(number, context.format), isDerived: a.isDerived };
}

/**
 * The fields a table cell's part shows outside any {{#if}}: a part drops out when one of them is missing. Inside
 * an {{#if}} the author already chose what to show when a value is missing.
 */
export function shownFields(sentence: Sentence): readonly string[] {
  let names = shownBySentence.get(sentence);
  if (names === undefined) {
    names = sentence.program.body.flatMap((statement) =>
      isMustache(statement) && isPath(statement.path) && statement.params.length === 0 ? [statement.path.parts[0] ?? ''] : [],
    );
    shownBySentence.set(sentence, names);
  }
  return names;
}

// A table asks this of each part for every row: asked once per parsed sentence.
const shownBySentence = new WeakMap<Sentence, readonly string[]>();

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
  '=': '&#x3D;',
};

/** The same characters Handlebars escapes, so a value is as safe in an attribute as in text. */
export function escapeHtml(text: string): string {
  // U+E000 is the bold mark (see markBold): text from the data never carries it.
  // Control characters (a YAML "\0" escape) have no place in a page: dropped, like the bold mark.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: they are dropped.
  return text.replace(/[&<>"'`=\ue000\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (character) => HTML_ESCAPES[character] ?? '');
}

// The author's "**" in a sentence's own text becomes a private-use mark before values are filled in, so a value
// that holds "**" (a row's name) stays as it was typed; the marks between them become <strong>.
const BOLD = '\ue000';

function markBold(text: string): string {
  return text.includes('**') ? text.replaceAll('**', BOLD) : text;
}

function emphasize(html: string): string {
  if (!html.includes(BOLD)) return html;
  return html.replace(/\ue000(?=\S)([^\ue000]*?\S)\ue000/g, '<strong>$1</strong>').replaceAll(BOLD, '**');
}
