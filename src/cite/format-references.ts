import type { CslItem } from './reference-schema.js';
import type { CitationStyle, Citations, DeckReferences, FormattedReference } from './references.js';

export interface FormatReferencesInput {
  readonly references: DeckReferences;
  /** The deck's locale: es, en, es-EC… */
  readonly locale: string;
  /** Every cluster of keys the deck's texts cite ([@a; @b]), besides each key alone. */
  readonly clusters: readonly (readonly string[])[];
}

/**
 * The cite stage: each cited reference formatted by the style (APA 7 by default) in the deck's language with
 * citeproc-js, the reference list in the style's order and every in-text citation. Loaded only for a deck with
 * references, as the libraries are large and the APA style takes citeproc most of a second to compile.
 */
export async function formatReferences(input: FormatReferencesInput): Promise<Citations> {
  const { CSL } = await import('./cite-libraries.js');
  const { references } = input;
  const language = pickLocale(input.locale, references.locales);
  const engine = new CSL.Engine(
    {
      retrieveLocale: (tag) => references.locales.get(pickLocale(tag, references.locales)) ?? '',
      retrieveItem: (id) => adaptItem(references.items.get(id), references.style),
    },
    adaptStyle(references.style, language),
    language,
    true,
  );
  engine.setOutputFormat('html');
  engine.updateItems(references.cited);
  const bibliography = engine.makeBibliography();
  const entries = bibliography === false ? [] : bibliography[1];
  const ids = bibliography === false ? [] : readEntryIds(bibliography[0]);
  const citation = (keys: readonly string[]) => engine.makeCitationCluster(keys.map((id) => ({ id })));
  const clusters = new Map<string, string>();
  for (const keys of [...references.cited.map((key) => [key]), ...input.clusters]) {
    const id = keys.join(';');
    if (!clusters.has(id)) clusters.set(id, normalizeEntities(citation(keys)));
  }
  const list = entries.map((html, index): FormattedReference => {
    const key = ids[index] ?? references.cited[index] ?? '';
    return { key, html: linkAddresses(unwrapEntry(normalizeEntities(html)), references.items.get(key)), citation: clusters.get(key) ?? '' };
  });
  return { list, clusters };
}

/** APA 7 leaves out the publisher when it is the author (a report by an agency): citeproc's apa.csl does not. */
function adaptItem(item: CslItem | undefined, style: CitationStyle): CslItem | undefined {
  if (item === undefined || style.name !== 'apa' || typeof item.publisher !== 'string' || !Array.isArray(item.author)) return item;
  const [author] = item.author;
  const name =
    typeof author === 'object' && author !== null
      ? 'literal' in author
        ? author.literal
        : 'family' in author && !('given' in author)
          ? author.family
          : undefined
      : undefined;
  if (item.author.length !== 1 || typeof name !== 'string' || name.trim().toLowerCase() !== item.publisher.trim().toLowerCase())
    return item;
  const { publisher: _publisher, ...rest } = item;
  return rest;
}

/** The locale file for a deck's locale: es-EC → es-ES when there is no es-EC, en → en-US. */
function pickLocale(locale: string, locales: ReadonlyMap<string, string>): string {
  if (locales.has(locale)) return locale;
  const language = locale.split('-')[0]?.toLowerCase() ?? 'en';
  const preferred = language === 'en' ? 'en-US' : `${language}-${language.toUpperCase()}`;
  if (locales.has(preferred)) return preferred;
  return [...locales.keys()].find((tag) => tag.startsWith(`${language}-`)) ?? 'en-US';
}

/**
 * APA in Spanish, as the Spanish edition of its manual writes it: "y" between the last two authors where English
 * writes "&", and "Recuperado el 10 de noviembre de 2025, de https://…". The official apa.csl says only "de".
 */
function adaptStyle(style: CitationStyle, language: string): string {
  if (style.name !== 'apa' || !language.startsWith('es')) return style.xml;
  const terms = '<locale xml:lang="es">\n    <terms>';
  if (!style.xml.includes(terms) || !style.xml.includes('and="symbol"'))
    throw new Error('templates/csl/apa.csl no longer has the Spanish locale block or and="symbol" that datadeck adapts');
  return style.xml
    .replaceAll('and="symbol"', 'and="text"')
    .replace(terms, `${terms}\n      <term name="retrieved">recuperado el</term>\n      <term name="page-range-delimiter">–</term>`);
}

function readEntryIds(meta: unknown): string[] {
  if (typeof meta !== 'object' || meta === null || !('entry_ids' in meta) || !Array.isArray(meta.entry_ids)) return [];
  return meta.entry_ids.map((ids: unknown) => (Array.isArray(ids) ? String(ids[0]) : String(ids)));
}

/** citeproc's <div class="csl-entry">…</div> as the entry's content; a numeric style's label as a span of its own. */
function unwrapEntry(html: string): string {
  return html
    .trim()
    .replace(/^<div class="csl-entry">\s*/, '')
    .replace(/\s*<\/div>$/, '')
    .replace(
      /<div class="csl-left-margin">(.*?)<\/div>\s*<div class="csl-right-inline">(.*?)<\/div>/s,
      '<span class="reference-label">$1</span> $2',
    )
    .trim();
}

/** The reference's address and DOI as https links; citeproc writes them as text. */
function linkAddresses(html: string, item: CslItem | undefined): string {
  const link = (href: string, text: string) => `<a href="${href}" rel="noopener noreferrer">${text}</a>`;
  // Quotes in an address are percent-encoded in the href: they cannot end the attribute.
  let linked = html.replace(/https?:\/\/[^\s<>]+/g, (address) => {
    const trimmed = address.replace(/[.,;)]+$/, '');
    return link(trimmed.replace(/"/g, '%22').replace(/'/g, '%27'), trimmed) + address.slice(trimmed.length);
  });
  const doi = typeof item?.DOI === 'string' ? item.DOI : undefined;
  // A style that writes the DOI bare ("doi: 10.1145/…", IEEE) links it to its https address too.
  if (doi !== undefined && !linked.includes('https://doi.org/')) {
    const shown = escapeForHtml(doi);
    linked = linked.replace(shown, link(`https://doi.org/${encodeURI(doi).replace(/"/g, '%22')}`, shown));
  }
  return linked;
}

function escapeForHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// citeproc escapes as &#38; &#60; &#62;; the deck's own HTML (and toText, for plain text) uses the named entities.
function normalizeEntities(html: string): string {
  return html.replace(/&#38;/g, '&amp;').replace(/&#60;/g, '&lt;').replace(/&#62;/g, '&gt;');
}
