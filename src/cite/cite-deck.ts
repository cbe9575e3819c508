import type { Deck } from '../model.js';
import { readClusters } from './check-citations.js';
import { chartCitedKeys } from './chart-citations.js';
import { createHash } from 'node:crypto';
import { formatReferences, type FormatReferencesInput } from './format-references.js';
import type { Citations } from './references.js';

/** The cite stage: a deck with references gets them formatted (its format.citations); a deck without is returned as is. */
export async function citeDeck(deck: Deck, cache: Map<string, Citations> = new Map()): Promise<Deck> {
  if (deck.references === undefined) return deck;
  const clusters = new Map<string, string[]>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string')
      for (const cluster of readClusters(value)) {
        const keys = cluster.keys.map((key) => key.key);
        clusters.set(keys.join(';'), keys);
      }
    else if (Array.isArray(value)) for (const item of value) visit(item);
    else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) visit(item);
  };
  visit(deck.meta);
  for (const slide of deck.slides) visit(slide.values);
  // A chart's caption names the references of all its figures in one citation: "Pereira et al., 2017, 2021".
  for (const slide of deck.slides) {
    if (slide.values.chart === undefined) continue;
    const keys = chartCitedKeys(slide, deck);
    if (keys.length > 1) clusters.set(keys.join(';'), keys);
  }
  const input = { references: deck.references, locale: deck.meta.locale, clusters: [...clusters.values()] };
  const key = citationsKey(input);
  let citations = cache.get(key);
  if (citations === undefined) {
    citations = await formatReferences(input);
    cache.set(key, citations);
  }
  return { ...deck, format: { ...deck.format, citations } };
}

/** Everything the formatted references depend on: the style, the locales, the cited items and their order, the clusters. */
function citationsKey(input: FormatReferencesInput): string {
  const { references } = input;
  return createHash('sha256')
    .update(
      JSON.stringify([
        input.locale,
        references.style,
        [...references.locales],
        references.cited.map((key) => references.items.get(key)),
        references.cited,
        input.clusters,
      ]),
    )
    .digest('hex');
}
