import type { Problem } from '../errors/deck-error.js';
import { lineStartsOf, positionAt } from '../errors/locate.js';
import { messages } from '../errors/messages.js';

/** Where an entry of a .bib file starts: its key's line and column. */
export interface BibtexEntry {
  readonly key: string;
  readonly type: string;
  /** 1-based line and column of the key. */
  readonly line: number;
  readonly column: number;
}

const ENTRY_START = /@([A-Za-z]+)\s*[{(]\s*([^\s,{}()]+)\s*,/g;

/** Every data entry's key and where it is written (not @string, @preamble or @comment). */
export function findBibtexEntries(text: string): BibtexEntry[] {
  const lineStarts = lineStartsOf(text);
  const entries: BibtexEntry[] = [];
  for (const match of text.matchAll(ENTRY_START)) {
    const [whole, type = '', key = ''] = match;
    if (/^(string|preamble|comment)$/i.test(type)) continue;
    const { line, column } = positionAt(lineStarts, (match.index ?? 0) + whole.indexOf(key, type.length + 1), key.length);
    entries.push({ key, type: type.toLowerCase(), line, column });
  }
  return entries;
}

/**
 * Where an entry's field is written ("url = {…}"), between its key and the next entry: for a problem with its value.
 * A caller looking up fields of many entries splits the file once and passes its `lines`.
 */
export function findBibtexField(
  text: string,
  entry: BibtexEntry,
  field: string,
  lines: readonly string[] = text.split('\n'),
): { line: number; column: number; length: number } | undefined {
  for (let index = entry.line - 1; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (index > entry.line - 1 && /^\s*@/.test(line)) return undefined;
    const match = new RegExp(`(^|[\\s,{])(${field})\\s*=\\s*`, 'i').exec(index === entry.line - 1 ? line.slice(entry.column - 1) : line);
    if (match !== null) {
      const offset = (index === entry.line - 1 ? entry.column - 1 : 0) + match.index + (match[1]?.length ?? 0);
      const value = line.slice(offset + match[0].length - (match[1]?.length ?? 0)).replace(/,?\s*$/, '');
      return { line: index + 1, column: offset + match[0].length - (match[1]?.length ?? 0) + 1, length: Math.max(1, value.length) };
    }
  }
  return undefined;
}

/**
 * citation-js' syntax error ("invalid syntax at line 12 col 1: …") at its line and column, naming the entry it was
 * in: the parser notices a missing "}" or "," only where the next entry starts, so the hint points back at it.
 */
export function locateBibtexError(input: { detail: string; entries: readonly BibtexEntry[]; file: string; text: string }): Problem {
  const at = /line (\d+) col (\d+)/.exec(input.detail);
  const line = at === null ? undefined : Number(at[1]);
  const column = at === null ? undefined : Number(at[2]);
  const found = (/^([^\n:]*)/.exec(input.detail)?.[1] ?? input.detail).replace(/\s*at line \d+ col \d+\s*$/, '').trim();
  const before = line === undefined ? undefined : input.entries.filter((entry) => entry.line <= line).at(-1);
  const inside =
    before !== undefined && before.line === line && line !== undefined ? input.entries.filter((entry) => entry.line < line).at(-1) : before;
  return {
    code: 'reference',
    ...messages.bibtexSyntax(input.file, found, inside === undefined ? undefined : { key: inside.key, line: inside.line }),
    file: input.file,
    line,
    column,
    length: 1,
  };
}
