import type { Problem } from '../errors/deck-error.js';
import type { CslItem } from './reference-schema.js';

/** Where a reference is declared: its entry in the .bib or .json file, or its key under references.entries. */
export type ReferencePlace = Pick<Problem, 'file' | 'line' | 'column' | 'length' | 'dataPath'>;

/** What load read for a deck with `references:`: the file's references, the style and the locales, unformatted. */
export interface LoadedReferences {
  /** The .bib or .json file read, as the build was given it (for the dev server to watch). */
  readonly path?: string | undefined;
  /** The file's references in its order, as CSL-JSON (none when the deck writes them all in the YAML). */
  readonly items: readonly CslItem[];
  readonly places: ReadonlyMap<string, ReferencePlace>;
  readonly style: CitationStyle;
  /** CSL locale files by language tag ("es-ES", "en-US"). */
  readonly locales: ReadonlyMap<string, string>;
}

export interface CitationStyle {
  /** apa, ieee, or the .csl file's name. */
  readonly name: string;
  readonly xml: string;
}

/** The deck's references once validated: every key the deck may cite, with its CSL-JSON and where it is declared. */
export interface DeckReferences {
  readonly items: ReadonlyMap<string, CslItem>;
  readonly places: ReadonlyMap<string, ReferencePlace>;
  readonly style: CitationStyle;
  readonly locales: ReadonlyMap<string, string>;
  /** Cited keys in the order the deck first cites them: numeric styles number them so. */
  readonly cited: readonly string[];
}

/** What a row cites: all of its figures, or one field's. */
export interface RowCitations {
  readonly row: readonly string[];
  readonly fields: ReadonlyMap<string, readonly string[]>;
}

/** A reference as the deck shows it, formatted by the style in the deck's language. */
export interface FormattedReference {
  readonly key: string;
  /** The reference list's entry: our HTML (citeproc's <i>, links we add), every text from the data escaped. */
  readonly html: string;
  /** "(Pereira et al., 2017)" or "[3]", as HTML. */
  readonly citation: string;
}

/** The references formatted for a build: what the slides, the table, the charts and the export show. */
export interface Citations {
  /** Every cited reference, in the style's order (APA: by author; IEEE: by first citation). */
  readonly list: readonly FormattedReference[];
  /** A cluster of keys joined by ";" → its in-text citation as HTML: "(Pereira et al., 2017; Gouy, s. f.)". */
  readonly clusters: ReadonlyMap<string, string>;
}
