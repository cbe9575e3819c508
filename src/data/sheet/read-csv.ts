import { DeckError } from '../../errors/deck-error.js';
import { messages } from '../../errors/messages.js';
import type { SheetDeclaration } from './declaration.js';
import { isEmptyCell, type CellPlace, type Table, type TableRow } from './table.js';

type Libraries = typeof import('./sheet-libraries.js');

const SEPARATORS = [';', ',', '\t'] as const;

/** A CSV file's bytes → its cells, each row with the line it starts on. Not UTF-8 is one located problem. */
export function readCsv(bytes: Uint8Array, declaration: SheetDeclaration, libraries: Libraries): Table {
  const file = declaration.shownFile;
  const text = decodeUtf8(bytes, file);
  const separator = declaration.separator ?? detectSeparator(text);
  let records: string[][];
  try {
    // No on_record or info: csv-parse builds a context object per record for those, ~40 % of its time here.
    records = libraries.parseCsv(text, { delimiter: separator, bom: true, relax_column_count: true, relax_quotes: true });
  } catch (error) {
    const line = error instanceof Error && 'lines' in error && typeof error.lines === 'number' ? error.lines : undefined;
    const detail = error instanceof Error ? error.message : String(error);
    throw new DeckError(
      { code: 'sheet', ...messages.sheetCsvSyntax(detail), file, line, column: 1, place: line === undefined ? file : `${file}:${line}` },
      { cause: error },
    );
  }
  // Each record takes one line, and one more per line break inside its quoted cells (empty lines are records too).
  let line = 1;
  const rows = records.map((cells): TableRow & { span: number } => {
    const span = 1 + cells.reduce((count, cell) => (cell.includes('\n') ? count + countBreaks(cell) : count), 0);
    line += span;
    return { number: line - span, cells, span };
  });
  // Blank lines above the header (some exports start with one) are skipped.
  const [header, ...data] = rows.slice(
    Math.max(
      0,
      rows.findIndex((row) => row.cells.some((cell) => !isEmptyCell(cell))),
    ),
  );
  // The record's text as written, only when a problem needs to point inside it.
  const spans = new Map(rows.map((row) => [row.number, row.span]));
  let lines: string[] | undefined;
  const rawOf = (row: number): string => {
    lines ??= text.replace(/^\uFEFF/, '').split(/\r?\n/);
    return lines.slice(row - 1, row - 1 + (spans.get(row) ?? 1)).join('\n');
  };
  const locate = (row: number, column: number): CellPlace => {
    const spot = findField(rawOf(row), separator, column);
    return { file, ref: `${file}:${row}:${column + 1}`, line: row + spot.lines, column: spot.column, length: spot.length };
  };
  const locateRow = (row: number): CellPlace => ({
    file,
    ref: `${file}:${row}`,
    line: row,
    column: 1,
    length: Math.max(1, rawOf(row).split('\n')[0]?.length ?? 1),
  });
  const decimal = declaration.decimal ?? (separator === ';' ? 'comma' : undefined);
  return {
    kind: 'csv',
    file,
    header: header?.cells ?? [],
    headerNumber: header?.number ?? 1,
    rows: data.map(({ number, cells }) => ({ number, cells })),
    decimal,
    locate,
    locateRow,
    unreadable: [],
  };
}

/** The text, or a problem at the first byte that is not UTF-8: Excel's plain "CSV" export writes Windows-1252. */
function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    const offset = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    const line = countBreaks(before) + 1;
    const column = before.length - before.lastIndexOf('\n');
    const byte = bytes[offset] ?? 0;
    const asLatin = new TextDecoder('windows-1252').decode(new Uint8Array([byte]));
    throw new DeckError(
      { code: 'file', ...messages.sheetNotUtf8(file, byte, asLatin), file, line, column, length: 1, place: `${file}:${line}:${column}` },
      { cause: error },
    );
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let index = 0; index < bytes.length; ) {
    const byte = bytes[index] ?? 0;
    const size = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    if (size === 0) return index;
    for (let next = 1; next < size; next += 1) if (((bytes[index + next] ?? 0) & 0xc0) !== 0x80) return index;
    index += size;
  }
  return bytes.length;
}

/** The separator the header line uses most, outside quotes; a comma when it has none. */
function detectSeparator(text: string): string {
  const counts = new Map<string, number>();
  let isQuoted = false;
  for (const char of text) {
    if (char === '"') isQuoted = !isQuoted;
    else if (!isQuoted && char === '\n') break;
    else if (!isQuoted && (SEPARATORS as readonly string[]).includes(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best?.[0] ?? ',';
}

/** Where field `column` sits in a record's raw text: lines after the record's first, its column and width. */
function findField(raw: string, separator: string, column: number): { lines: number; column: number; length: number } {
  let field = 0;
  let start = 0;
  let isQuoted = false;
  let index = 0;
  for (; index < raw.length; index += 1) {
    const char = raw[index];
    if (char === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (char === separator || char === '\n' || char === '\r')) {
      if (field === column) break;
      if (char !== separator) break;
      field += 1;
      start = index + 1;
    }
  }
  // A cell beyond the last one written points just after the record.
  if (field < column) start = index;
  const before = raw.slice(0, start);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { lines: countBreaks(before), column: start - lineStart + 1, length: Math.max(1, index - start) };
}

function countBreaks(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}
