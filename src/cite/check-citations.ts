import { messages, suggestName } from '../errors/messages.js';
import type { InputRow, PathSegment } from '../model.js';
import { isNumericField, type Field } from '../data/fields.js';
import type { Finding } from '../data/validate.js';
import { valueAt } from '../data/zod-issues.js';
import { ReferencesMappingSchema, toCslItem, type CslItem } from './reference-schema.js';
import type { DeckReferences, LoadedReferences, ReferencePlace, RowCitations } from './references.js';

/** A citation in any text: [@key] or [@key1; @key2]. */
export const CITATION = /\[(@[^\]\n]*)\]/g;

/** What a row's `cite:` and `estimate:` say, read against the fields and the deck's reference keys. */
export interface RowNotes {
  readonly citations?: RowCitations | undefined;
  /** The fields given as estimates (every figure of the row for `estimate: true`). */
  readonly estimates?: ReadonlySet<string> | undefined;
  readonly findings: readonly Finding[];
}

/** A row's reserved keys: `cite` (a key, keys, or field → keys) and `estimate` (true, a field, or fields). */
export function readRowNotes(
  entry: object,
  index: number,
  fields: ReadonlyMap<string, Field>,
  keys: ReadonlySet<string> | undefined,
): RowNotes {
  const findings: Finding[] = [];
  const path = (...rest: PathSegment[]) => ['rows', index, ...rest];
  const cite = valueAt(entry, ['cite']);
  const citations = cite === undefined || cite === null ? undefined : readCite(cite, { path: path('cite'), fields, keys, findings });
  const estimate = valueAt(entry, ['estimate']);
  const estimates =
    estimate === undefined || estimate === null ? undefined : readEstimate(estimate, { path: path('estimate'), fields, findings });
  return { citations, estimates, findings };
}

interface ReadContext {
  readonly path: readonly PathSegment[];
  readonly fields: ReadonlyMap<string, Field>;
  readonly findings: Finding[];
}

function readCite(value: unknown, context: ReadContext & { keys: ReadonlySet<string> | undefined }): RowCitations {
  const { path, fields, findings } = context;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const byField = new Map<string, readonly string[]>();
    for (const [name, keys] of Object.entries(value)) {
      if (!fields.has(name)) {
        const names = [...fields.keys()];
        findings.push({
          code: 'unknown-key',
          ...messages.unknownRowField(name, suggestName(name, names), names),
          dataPath: [...path, name],
          key: name,
        });
        continue;
      }
      byField.set(name, readKeys(keys, { ...context, path: [...path, name] }));
    }
    return { row: [], fields: byField };
  }
  return { row: readKeys(value, context), fields: new Map() };
}

function readKeys(value: unknown, context: ReadContext & { keys: ReadonlySet<string> | undefined }): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((item: unknown, index): string[] => {
    const at = Array.isArray(value) ? [...context.path, index] : context.path;
    if (typeof item !== 'string' || item.trim() === '') {
      context.findings.push({ code: 'schema', ...messages.expectedText(item), dataPath: at });
      return [];
    }
    const key = item.trim().replace(/^@/, '');
    const problem = checkKey(key, context.keys);
    if (problem !== undefined) context.findings.push({ code: 'cite', ...problem, dataPath: at });
    return problem === undefined ? [key] : [];
  });
}

function checkKey(key: string, keys: ReadonlySet<string> | undefined) {
  if (keys === undefined) return messages.citeWithoutReferences();
  if (keys.has(key)) return undefined;
  const known = [...keys];
  return messages.unknownCitationKey(key, suggestName(key, known), known);
}

function readEstimate(value: unknown, context: ReadContext): ReadonlySet<string> {
  const figures = [...context.fields.values()].filter(isNumericField).map((field) => field.name);
  if (value === true) return new Set(figures);
  if (value === false) return new Set();
  const list = Array.isArray(value) ? value : [value];
  const names = new Set<string>();
  list.forEach((item: unknown, index) => {
    const at = Array.isArray(value) ? [...context.path, index] : context.path;
    if (typeof item === 'string' && figures.includes(item)) names.add(item);
    else if (typeof item === 'string' && !context.fields.has(item)) {
      const all = [...context.fields.keys()];
      context.findings.push({ code: 'unknown-key', ...messages.unknownRowField(item, suggestName(item, all), all), dataPath: at });
    } else context.findings.push({ code: 'schema', ...messages.estimateNotFigure(String(item)), dataPath: at });
  });
  return names;
}

/** Every [@…] in the slides' and meta's texts, each key checked: unknown ones are findings inside their string. */
export function checkTextCitations(raw: object, keys: ReadonlySet<string> | undefined): { cited: string[]; findings: Finding[] } {
  const cited: string[] = [];
  const findings: Finding[] = [];
  const visit = (value: unknown, path: readonly PathSegment[]) => {
    if (typeof value === 'string') {
      for (const cluster of readClusters(value)) {
        if (cluster.keys.length === 0)
          findings.push({ code: 'cite', ...messages.badCitation(cluster.text), dataPath: path, within: cluster.within });
        for (const key of cluster.keys) {
          const problem = checkKey(key.key, keys);
          if (problem === undefined) cited.push(key.key);
          else findings.push({ code: 'cite', ...problem, dataPath: path, within: key.within });
        }
      }
    } else if (Array.isArray(value)) for (const [index, item] of value.entries()) visit(item, [...path, index]);
    else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
  };
  visit(valueAt(raw, ['meta']), ['meta']);
  visit(valueAt(raw, ['slides']), ['slides']);
  // A references slide with nothing to list would show an empty slide.
  const slides = valueAt(raw, ['slides']);
  if (keys === undefined && Array.isArray(slides))
    for (const [index, slide] of slides.entries())
      if (valueAt(slide, ['layout']) === 'references')
        findings.push({ code: 'cite', ...messages.referencesSlideWithoutReferences(), dataPath: ['slides', index, 'layout'] });
  return { cited, findings };
}

interface Cluster {
  readonly text: string;
  readonly within: { readonly offset: number; readonly length: number };
  readonly keys: readonly { readonly key: string; readonly within: { readonly offset: number; readonly length: number } }[];
}

/** "[@a; @b]" → its keys, each with its offset in the text. */
export function readClusters(text: string): Cluster[] {
  if (!text.includes('[@')) return [];
  return [...text.matchAll(CITATION)].map((match) => {
    const start = (match.index ?? 0) + 1;
    const inner = match[1] ?? '';
    const keys = [...inner.matchAll(/@([A-Za-z0-9_][A-Za-z0-9_:.+-]*)/g)].map((key) => ({
      key: key[1] ?? '',
      within: { offset: start + (key.index ?? 0) + 1, length: (key[1] ?? '').length },
    }));
    const isWellFormed = inner.split(';').every((part) => /^\s*@[A-Za-z0-9_][A-Za-z0-9_:.+-]*\s*$/.test(part));
    return { text: match[0], within: { offset: match.index ?? 0, length: match[0].length }, keys: isWellFormed ? keys : [] };
  });
}

/** The deck's references: the file's and those written under references: entries:, every key once. */
export function collectReferences(
  raw: object,
  loaded: LoadedReferences | undefined,
): { items: Map<string, CslItem>; places: Map<string, ReferencePlace>; findings: Finding[] } {
  const items = new Map<string, CslItem>();
  const places = new Map(loaded?.places ?? []);
  const findings: Finding[] = [];
  for (const item of loaded?.items ?? []) items.set(item.id, item);
  const parsed = ReferencesMappingSchema.safeParse(valueAt(raw, ['references']), { jitless: true });
  for (const [key, entry] of Object.entries(parsed.success ? (parsed.data.entries ?? {}) : {})) {
    const dataPath = ['references', 'entries', key];
    const first = places.get(key);
    if (items.has(key)) {
      const where = first?.file === undefined ? 'references' : `${first.file}:${first.line ?? 1}`;
      findings.push({ code: 'duplicate', ...messages.duplicateReference(key, where), dataPath, key });
      continue;
    }
    if (entry.url !== undefined && !/^https?:\/\/\S+$/i.test(entry.url))
      findings.push({ code: 'url', ...messages.referenceUrl(key, entry.url), dataPath: [...dataPath, 'url'] });
    items.set(key, toCslItem(key, entry));
    places.set(key, { dataPath });
  }
  return { items, places, findings };
}

/** The order a numeric style numbers references in: first cited by a slide's text, its table or its chart. */
export function orderCitations(input: { raw: object; rows: readonly InputRow[]; textCited: readonly string[] }): string[] {
  const order = new Set<string>();
  const rowKeys = input.rows.flatMap((row) => [...(row.citations?.row ?? []), ...[...(row.citations?.fields.values() ?? [])].flat()]);
  const slides = valueAt(input.raw, ['slides']);
  for (const slide of Array.isArray(slides) ? slides : []) {
    for (const cluster of readClusters(JSON.stringify(slide)))
      for (const { key } of cluster.keys) if (input.textCited.includes(key)) order.add(key);
    if (valueAt(slide, ['columns']) !== undefined || valueAt(slide, ['chart']) !== undefined) for (const key of rowKeys) order.add(key);
  }
  for (const key of [...input.textCited, ...rowKeys]) order.add(key);
  return [...order];
}

export type { DeckReferences };
