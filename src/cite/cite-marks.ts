import type { Citations } from './references.js';
import type { DeckRow } from '../model.js';
import { CITATION, readClusters } from './check-citations.js';

/** A text's [@key] and [@a; @b] replaced by their citations as the style writes them: "(Pereira et al., 2017)", "[3]". */
export function insertCitations(html: string, citations: Citations | undefined): string {
  if (citations === undefined || !html.includes('[@')) return html;
  return html.replace(CITATION, (whole) => {
    const [cluster] = readClusters(whole);
    const text = cluster === undefined ? undefined : citations.clusters.get(cluster.keys.map((key) => key.key).join(';'));
    return text === undefined ? whole : `<span class="citation">${text}</span>`;
  });
}

/** The keys a row cites for one of these figures (its cite: { field: key }), without its own cite:. */
export function citedFigures(row: DeckRow, fields: readonly string[]): string[] {
  return [...new Set([...(row.citations?.fields ?? [])].filter(([name]) => fields.includes(name)).flatMap(([, keys]) => keys))];
}

/** The keys a row cites for the given fields (all of them: undefined), its own cite: first. */
export function citedByRow(row: DeckRow, fields?: readonly string[]): string[] {
  const citations = row.citations;
  if (citations === undefined) return [];
  const byField = [...citations.fields].filter(([name]) => fields === undefined || fields.includes(name)).flatMap(([, keys]) => keys);
  return [...new Set([...citations.row, ...byField])];
}

/** "Fuente: (Pereira et al., 2017)." or "Fuentes: [1], [3].": the line under a chart or a table; undefined for none. */
export function describeSources(
  keys: readonly string[],
  citations: Citations | undefined,
  words: { source: string; sources: string },
): string | undefined {
  if (citations === undefined || keys.length === 0) return undefined;
  const text = citations.clusters.get(keys.join(';')) ?? keys.map((key) => citations.clusters.get(key) ?? '').join('; ');
  if (text === '') return undefined;
  return `${keys.length === 1 ? words.source : words.sources}: ${endSentence(withoutParentheses(text))}`;
}

// "Gouy, s. f." already ends with its period.
function endSentence(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}

// After "Fuente:" an author-date citation reads without its parentheses: "Fuente: Pereira et al., 2017."
function withoutParentheses(citation: string): string {
  return /^\([^()]*\)$/.test(citation) ? citation.slice(1, -1) : citation;
}

/** A table's cited references, lettered in the order its rows cite them: a, b, c… (aa, ab… past z). */
export function letterReferences(keys: readonly string[]): Map<string, string> {
  const letter = (index: number): string =>
    index < 26 ? String.fromCharCode(97 + index) : letter(Math.floor(index / 26) - 1) + letter(index % 26);
  return new Map([...new Set(keys)].map((key, index) => [key, letter(index)]));
}

/** The legend under a table page: "Fuentes: a (Pereira et al., 2017); b (Gouy, s. f.)." as HTML, marks as in the cells. */
export function describeTableSources(input: {
  keys: readonly string[];
  letters: ReadonlyMap<string, string>;
  citations: Citations | undefined;
  words: { source: string; sources: string };
}): string | undefined {
  const { citations, letters } = input;
  if (citations === undefined || input.keys.length === 0) return undefined;
  const keys = [...new Set(input.keys)].sort((a, b) => (letters.get(a) ?? '').localeCompare(letters.get(b) ?? ''));
  const parts = keys.map(
    (key) => `<sup class="cite-mark">${letters.get(key) ?? ''}</sup>\u00a0${withoutParentheses(citations.clusters.get(key) ?? '')}`,
  );
  return `${keys.length === 1 ? input.words.source : input.words.sources}: ${endSentence(parts.join('; '))}`;
}

/** A cell's marks: the letters of the references it cites, as a superscript after its text. */
export function markCell(keys: readonly string[], letters: ReadonlyMap<string, string>): string {
  if (keys.length === 0) return '';
  return `<sup class="cite-mark">${keys.map((key) => letters.get(key) ?? '').join(',')}</sup>`;
}
