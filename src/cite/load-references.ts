import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DeckError, type Problem } from '../errors/deck-error.js';
import { messages } from '../errors/messages.js';
import type { ParsedData, PathSegment } from '../model.js';
import { valueAt } from '../data/zod-issues.js';
import { lineStartsOf, positionAt } from '../errors/locate.js';
import { findBibtexEntries, findBibtexField, locateBibtexError, type BibtexEntry } from './bibtex-places.js';
import { REFERENCE_FILE, type CslItem } from './reference-schema.js';
import { findProtectedTexts, readBibtexValue, toSentenceCase } from './sentence-case.js';
import type { CitationStyle, LoadedReferences, ReferencePlace } from './references.js';

export interface LoadReferencesInput {
  readonly data: ParsedData;
  readonly dataFile: string;
  readonly shownDataFile: string;
  readonly templatesDir: string;
}

/**
 * The deck's `references:` read: part of load, the only stage that reads files. undefined for a deck without
 * references, which never loads the citation libraries. A malformed declaration is left for validate to report.
 */
export async function loadReferences(input: LoadReferencesInput): Promise<LoadedReferences | undefined> {
  const declared = valueAt(input.data.value, ['references']);
  if (declared === undefined || declared === null) return undefined;
  const file = typeof declared === 'string' ? declared : valueAt(declared, ['file']);
  const style = valueAt(declared, ['style']);
  const where = (path: readonly PathSegment[]) => locateIn(input, path);
  const filePath: readonly PathSegment[] = typeof declared === 'string' ? ['references'] : ['references', 'file'];
  const [read, loadedStyle, locales] = await Promise.all([
    typeof file === 'string' && REFERENCE_FILE.test(file.trim()) ? readReferenceFile(file.trim(), input, where(filePath)) : undefined,
    readStyle(typeof style === 'string' ? style.trim() : 'apa', input, where(['references', 'style'])),
    readLocales(join(input.templatesDir, 'csl')),
  ]);
  return { path: read?.path, items: read?.items ?? [], places: read?.places ?? new Map(), style: loadedStyle, locales };
}

function locateIn(input: LoadReferencesInput, path: readonly PathSegment[]): ReferencePlace {
  const position = input.data.locate(path);
  return { file: input.shownDataFile, line: position?.line, column: position?.column, length: position?.length, dataPath: path };
}

function readText(path: string, shown: string, where: ReferencePlace, missing: () => Problem): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code === 'ENOENT') throw new DeckError({ ...missing(), ...where }, { cause: error });
    throw new DeckError({ code: 'file', ...messages.fileUnreadable(shown, code || 'unknown error'), ...where }, { cause: error });
  }
}

async function readReferenceFile(
  name: string,
  input: LoadReferencesInput,
  where: ReferencePlace,
): Promise<{ path: string; items: CslItem[]; places: Map<string, ReferencePlace> }> {
  const path = join(dirname(input.dataFile), name);
  const shown = join(dirname(input.shownDataFile), name);
  const text = readText(path, shown, where, () => ({
    code: 'file',
    ...messages.referenceFileMissing(shown, listReferenceFiles(dirname(path))),
  }));
  if (/\.json$/i.test(name)) return { path, ...readCslJson(text, shown) };
  const entries = findBibtexEntries(text);
  // citation-js keeps the last of two entries with one key: a citation would silently name the other work.
  const repeated = repeatedKeys(entries.map((entry) => ({ key: entry.key, place: placeOf(entry, shown) })));
  const { parseBibtex } = await import('./cite-libraries.js');
  let parsed: unknown;
  try {
    parsed = parseBibtex(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new DeckError([locateBibtexError({ detail, entries, file: shown, text }), ...repeated], { cause: error });
  }
  // Split once: a Zotero export of a thousand entries, split again per entry, took seconds.
  const lines = text.split('\n');
  const lineStarts = lineStartsOf(text);
  const titles = new Map(
    entries.map((entry) => {
      const field = findBibtexField(text, entry, 'title', lines);
      return [entry.key, field === undefined ? [] : findProtectedTexts(readBibtexValue(text, field.line, field.column, lineStarts))];
    }),
  );
  const items = readItems(parsed)
    .map(withoutEntryTypeGenre)
    .map((item) => (typeof item.title === 'string' ? { ...item, title: toSentenceCase(item.title, titles.get(item.id) ?? []) } : item));
  const places = new Map(entries.map((entry) => [entry.key, placeOf(entry, shown)]));
  // A bad address is pointed at where the .bib writes it.
  const urlPlaces = new Map(
    entries.map((entry) => {
      const field = findBibtexField(text, entry, 'url', lines);
      return [entry.key, field === undefined ? placeOf(entry, shown) : { file: shown, ...field }];
    }),
  );
  refuse([...repeated, ...urlProblems(items, urlPlaces)]);
  return { path, items, places };
}

function placeOf(entry: BibtexEntry, file: string): ReferencePlace {
  return { file, line: entry.line, column: entry.column, length: entry.key.length };
}

// BibTeX's @techreport becomes CSL's report with the genre "techreport", which APA would print as "[Techreport]".
function withoutEntryTypeGenre(item: CslItem): CslItem {
  if (typeof item.genre !== 'string' || !/^(techreport|mastersthesis|phdthesis)$/i.test(item.genre)) return item;
  const { genre: _genre, ...rest } = item;
  return rest;
}

function readCslJson(text: string, file: string): { items: CslItem[]; places: Map<string, ReferencePlace> } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const offset = Number(/position (\d+)/.exec(detail)?.[1] ?? Number.NaN);
    const at = Number.isNaN(offset) ? undefined : positionAt(lineStartsOf(text), offset, 1);
    throw new DeckError(
      { code: 'reference', ...messages.referenceJson(file, detail), file, line: at?.line, column: at?.column },
      { cause: error },
    );
  }
  const items = readItems(parsed);
  if (!Array.isArray(parsed) || items.length !== parsed.length)
    throw new DeckError({ code: 'reference', ...messages.referenceJsonShape(file), file, line: 1, column: 1 });
  const placed = placeItems(items, text, file);
  const places = new Map<string, ReferencePlace>();
  for (const { key, place } of placed) if (!places.has(key)) places.set(key, place);
  refuse([...repeatedKeys(placed), ...urlProblems(items, places)]);
  return { items, places };
}

/**
 * Each item's id where the file writes it: the nth item with an id at the nth `"id": …` naming it, else (an id
 * the pattern cannot see, such as 1.0 read as 1) the file's first line.
 */
function placeItems(items: readonly CslItem[], text: string, file: string): { key: string; place: ReferencePlace }[] {
  const lineStarts = lineStartsOf(text);
  const written = new Map<string, ReferencePlace[]>();
  for (const match of text.matchAll(/"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)/g)) {
    const value = match[1] ?? '';
    const key = value.startsWith('"') ? String(JSON.parse(value)) : value;
    const places = written.get(key) ?? [];
    places.push({ file, ...positionAt(lineStarts, (match.index ?? 0) + match[0].length - value.length, value.length) });
    written.set(key, places);
  }
  const seen = new Map<string, number>();
  return items.map((item) => {
    const index = seen.get(item.id) ?? 0;
    seen.set(item.id, index + 1);
    return { key: item.id, place: written.get(item.id)?.[index] ?? { file, line: 1, column: 1, length: 1 } };
  });
}

/** A key written twice in one file is an error at the second (and any later) place, naming the first. */
function repeatedKeys(keys: readonly { key: string; place: ReferencePlace }[]): Problem[] {
  const first = new Map<string, ReferencePlace>();
  const problems: Problem[] = [];
  for (const { key, place } of keys) {
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, place);
    else problems.push({ code: 'reference', ...messages.duplicateReference(key, `${earlier.file}:${earlier.line ?? 1}`), ...place });
  }
  return problems;
}

function refuse(problems: readonly Problem[]): void {
  if (problems.length > 0) throw new DeckError(problems);
}

/** The items a library or JSON file gave, kept only when they are objects with a text id and type. */
function readItems(parsed: unknown): CslItem[] {
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((item: unknown): CslItem[] => {
    if (typeof item !== 'object' || item === null) return [];
    const id: unknown = 'id' in item ? item.id : undefined;
    const type: unknown = 'type' in item ? item.type : 'document';
    if ((typeof id !== 'string' && typeof id !== 'number') || typeof type !== 'string') return [];
    return [{ ...item, id: String(id), type }];
  });
}

/** A link in the reference list must be one a reader can open safely: http or https, as in the rows. */
function urlProblems(items: readonly CslItem[], places: ReadonlyMap<string, ReferencePlace>): Problem[] {
  return items.flatMap((item): Problem[] => {
    const url = item.URL;
    if (url === undefined || (typeof url === 'string' && /^https?:\/\/\S+$/i.test(url.trim()))) return [];
    return [{ code: 'url', ...messages.referenceUrl(item.id, String(url)), ...places.get(item.id) }];
  });
}

async function readStyle(name: string, input: LoadReferencesInput, where: ReferencePlace): Promise<CitationStyle> {
  const dir = join(input.templatesDir, 'csl');
  if (name.toLowerCase().endsWith('.csl')) {
    const shown = join(dirname(input.shownDataFile), name);
    const xml = readText(join(dirname(input.dataFile), name), shown, where, () => ({
      code: 'file',
      ...messages.citationStyleFileMissing(shown),
    }));
    return { name, xml };
  }
  const known = listFiles(dir, '.csl');
  if (!known.includes(name)) throw new DeckError({ code: 'reference', ...messages.unknownCitationStyle(name, known), ...where });
  return { name, xml: readFileSync(join(dir, `${name}.csl`), 'utf8') };
}

async function readLocales(dir: string): Promise<Map<string, string>> {
  const names = listFiles(dir, '.xml').filter((name) => name.startsWith('locales-'));
  return new Map(names.map((name) => [name.replace(/^locales-/, ''), readFileSync(join(dir, `${name}.xml`), 'utf8')]));
}

function listFiles(dir: string, extension: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith(extension))
      .map((name) => name.slice(0, -extension.length))
      .sort();
  } catch {
    // No such folder: nothing there to list.
    return [];
  }
}

function listReferenceFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => REFERENCE_FILE.test(name) && !name.endsWith('.schema.json'))
      .sort()
      .slice(0, 8);
  } catch {
    // The deck's own folder cannot be listed: the message names no alternatives.
    return [];
  }
}
