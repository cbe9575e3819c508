import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { LineCounter, parseDocument } from 'yaml';
import { DeckError, type Problem } from '../errors/deck-error.js';
import { createLocator } from '../errors/locate.js';
import { messages } from '../errors/messages.js';
import type { ParsedData } from '../model.js';

// A few aliases are fine; thousands mean a "billion laughs" document built to exhaust memory.
const MAX_ALIAS_COUNT = 100;

/**
 * The data file's value, with a locator for its problems. Two parsers, one answer: js-yaml reads a plain file
 * (no anchors, aliases, tags or merge keys) five times faster than `yaml`, which keeps every node's position;
 * `yaml` stays the authority: it parses whatever js-yaml refuses (and reports it, located), and it parses the
 * text again, lazily, only when a problem needs a line and column. test/unit/data/load.test.ts holds both to
 * the same value on every fixture.
 */
export function parseData(text: string, file: string): ParsedData {
  const fast = readPlainYaml(text);
  if (fast === undefined) return parseDocumentData(text, file);
  let located: ParsedData | undefined;
  const locator = (): ParsedData => (located ??= parseDocumentData(text, file));
  return { value: fast.value, locate: (path) => locator().locate(path), locateKey: (path, key) => locator().locateKey(path, key) };
}

// Anchors (an alias bomb needs one), tags and merge keys are left to `yaml`, which limits and reports them; an alias
// without an anchor makes js-yaml throw, and `yaml` reports it. "**bold**" and "R&D" in text stay on the fast path.
// js-yaml also reads YAML 1.1 numbers (1_000, 0b101) that `yaml` (YAML 1.2) keeps as text: those go to `yaml` too,
// so a value reads the same whatever else the file holds.
const NOT_PLAIN = /(?:^|[\s[{,])[&!](?=\S)|<<\s*:|[\s:[{,-][-+]?(?:0b[01]|\d[\d_]*_\d)/m;

function readPlainYaml(text: string): { value: unknown } | undefined {
  if (NOT_PLAIN.test(text)) return undefined;
  try {
    const value = loadYaml(text, { schema: CORE_SCHEMA });
    // An empty document is undefined to js-yaml and null to `yaml`: `yaml` answers that one.
    return value === undefined ? undefined : { value };
  } catch {
    // js-yaml refused it (a duplicate key, a syntax error): `yaml` parses it again and reports the problem, located.
    return undefined;
  }
}

function parseDocumentData(text: string, file: string): ParsedData {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, strict: true });
  const [syntaxError] = document.errors;
  // Later syntax errors mostly follow from the first (one bad indent breaks every line after it): report that one.
  if (syntaxError !== undefined) {
    const position = syntaxError.linePos?.[0];
    const sourceLine = text.split(/\r?\n/)[(position?.line ?? 1) - 1] ?? '';
    const fromError = sourceLine.slice(Math.max(0, (position?.col ?? 1) - 1));
    const problem: Problem = {
      code: 'yaml',
      ...describeYamlError(syntaxError.code, firstLine(syntaxError.message), sourceLine, fromError),
      file,
      line: position?.line,
      column: position?.col,
    };
    throw new DeckError(problem, { cause: syntaxError });
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const message =
      /alias/i.test(detail) && !/count|excessive|limit/i.test(detail) ? messages.yamlSyntax(detail) : messages.yamlAliasBomb();
    throw new DeckError({ code: 'yaml', ...message, file, line: 1, column: 1 }, { cause: error });
  }
  return { value, ...createLocator(document, lineCounter) };
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/** The common YAML slips of a student, in plain words: text that needed quotes, a key written twice. */
function describeYamlError(code: string, detail: string, line: string, fromError: string) {
  // A plain value starting with {{ or * is read as YAML syntax (a mapping, an alias), not as text.
  const unquoted = /(?:^\s*-\s+|:\s+)(\{\{|\*)/.exec(line);
  if (unquoted !== null && code !== 'DUPLICATE_KEY') return messages.yamlNeedsQuotes(unquoted[1] ?? '');
  // The error points at the repeated key itself, in a flow mapping too: { name: A, x: 1, x: 2 }.
  if (code === 'DUPLICATE_KEY') return messages.yamlDuplicateKey(/^\s*(?:-\s+)?([^:#{}[\],]+?)\s*:/.exec(fromError)?.[1] ?? '');
  return messages.yamlSyntax(detail);
}
