import { isMap, isScalar, isSeq, type LineCounter, type Document, type Node } from 'yaml';
import type { PathSegment, Position } from '../model.js';

/** Maps a data path (as zod reports it) onto the line and column of the YAML node it names. */
export function createLocator(document: Document, lines: LineCounter): Locator {
  const positionOf = (node: Node | undefined): Position | undefined => {
    const range = node?.range;
    if (!range) return undefined;
    const start = lines.linePos(range[0]);
    const end = lines.linePos(range[1]);
    const length = end.line === start.line ? Math.max(1, end.col - start.col) : 1;
    return { line: start.line, column: start.col, length };
  };
  return {
    locate: (path) => positionOf(findNode(document, path)?.node),
    locateKey: (path, key) => positionOf(findKeyNode(document, path, key)),
  };
}

export interface Locator {
  readonly locate: (path: readonly PathSegment[]) => Position | undefined;
  readonly locateKey: (path: readonly PathSegment[], key: string) => Position | undefined;
}

interface Found {
  readonly node: Node;
}

/** The deepest node on the path: a missing key points at its parent, an unknown key at the key itself. */
function findNode(document: Document, path: readonly PathSegment[]): Found | undefined {
  let current: Node | undefined = isNode(document.contents) ? document.contents : undefined;
  for (const segment of path) {
    if (current === undefined) return undefined;
    const next = childOf(current, segment);
    if (next === undefined) return { node: current };
    current = next;
  }
  return current === undefined ? undefined : { node: current };
}

function childOf(node: Node, segment: PathSegment): Node | undefined {
  if (isSeq(node) && typeof segment === 'number') {
    const item: unknown = node.items[segment];
    return isNode(item) ? item : undefined;
  }
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
    if (pair === undefined) return undefined;
    return isNode(pair.value) ? pair.value : isNode(pair.key) ? pair.key : undefined;
  }
  return undefined;
}

/** The key node of `key` inside the mapping at `path`, for "unknown field" messages that point at the typo. */
function findKeyNode(document: Document, path: readonly PathSegment[], key: string): Node | undefined {
  const parent = findNode(document, path)?.node;
  if (parent === undefined || !isMap(parent)) return undefined;
  const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
  return pair !== undefined && isNode(pair.key) ? pair.key : undefined;
}

function isNode(value: unknown): value is Node {
  return isMap(value) || isSeq(value) || isScalar(value) || (typeof value === 'object' && value !== null && 'range' in value);
}

/**
 * A spot inside a string value: `within` the value whose node starts at `node`. The spot's own text is searched for
 * in the source from the node on (the same occurrence as in the value), so quotes, escapes and block scalars
 * (>-, |) all map to the right line and column.
 */
export function locateWithin(
  text: string,
  node: Position,
  value: string,
  within: { readonly offset: number; readonly length: number },
): Position {
  const lineStarts = lineStartsOf(text);
  const start = (lineStarts[node.line - 1] ?? 0) + node.column - 1;
  // A folded or block scalar may break the spot across lines: its first line is enough to find it.
  const token = (value.slice(within.offset, within.offset + within.length).split('\n')[0] ?? '').trimEnd();
  if (token === '') return node;
  let occurrence = 0;
  for (let index = value.indexOf(token); index >= 0 && index < within.offset; index = value.indexOf(token, index + 1)) occurrence += 1;
  // As the source spells it: "…" escapes \ and ", '…' doubles '.
  const spellings = [token, token.replace(/[\\"]/g, '\\$&'), token.replaceAll("'", "''")];
  for (const spelling of spellings) {
    let found = text.indexOf(spelling, start);
    for (let skipped = 0; skipped < occurrence && found >= 0; skipped += 1) found = text.indexOf(spelling, found + 1);
    if (found >= 0) return positionAt(lineStarts, found, spelling.length);
  }
  return node;
}

/** Where each line of `text` starts: made once per file, for positionAt. */
export function lineStartsOf(text: string): number[] {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  return lineStarts;
}

/** The 1-based line and column of `offset`, by binary search over lineStartsOf(text). */
export function positionAt(lineStarts: readonly number[], offset: number, length: number): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((lineStarts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1, length };
}
