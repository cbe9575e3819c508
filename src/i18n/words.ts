import { en } from './en.js';
import { es } from './es.js';

/** The words a deck shows that do not come from its data, one catalogue per language (src/i18n/<language>.ts). */
export interface DeckWords {
  /** Shown for a value the data leaves out, unless the field names its own `missing` text. */
  readonly notReported: string;
  /** Between the two ends of a range: "2 a 3 meses". */
  readonly rangeBetween: string;
  /** A ratio: 20 → "20 veces". */
  readonly times: { readonly one: string; readonly other: string };
  /** Marks a value computed by a formula rather than given: "≈ 7.800 US$". */
  readonly approximately: string;
  /** After the title of a table's second and later pages. */
  readonly continued: string;
  /** Under a table page that continues on the next slide. */
  readonly continues: string;
  readonly author: string;
  readonly course: string;
  readonly date: string;
  /** The QR code of the deck's address (meta.qr): the line over the address, and the picture's name for screen readers. */
  readonly qr: { readonly scan: string; readonly label: string };
  /** A declared chart's words: the subset it shows, the rest of a donut, scaled units on an axis. */
  readonly chart: {
    /** "los 20 mayores de 45": the axis title of a chart that shows the largest of more rows. */
    readonly largestOf: string;
    /** "los 20 primeros de 45": the same, in the data's order. */
    readonly firstOf: string;
    /** The slice that gathers a donut's smallest categories. */
    readonly other: string;
    readonly total: string;
    /** An axis in millions of a unit: "millones de US$". */
    readonly million: string;
    readonly billion: string;
    /** An axis of plain numbers in millions: "millones". */
    readonly millionPlain: string;
    readonly billionPlain: string;
  };
  /** reveal.js's own screens: the help overlay (?), the pause overlay, the controls' labels. */
  readonly reveal: RevealWords;
  /** The speaker view (S) of reveal's notes plugin. */
  readonly speakerView: SpeakerViewWords;
  /** The reading view, a page of sections for phones (?view=read). Plain text, set into the page's script. */
  readonly reading: ReadingWords;
}

export interface ReadingWords {
  /** The R key's line in the help overlay: it opens the reading view. */
  readonly readingView: string;
  /** The link at the top of the reading view back to the slides. */
  readonly toSlides: string;
  /** The accessible name of the bar that holds that link. */
  readonly bar: string;
}

/** Plain text only (no quotes, <, >, &, `, \ or $): each string is set into reveal's own code as it stands. */
export interface RevealWords {
  readonly help: {
    readonly title: string;
    readonly key: string;
    readonly action: string;
    readonly nextSlide: string;
    readonly previousSlide: string;
    readonly navigateLeft: string;
    readonly navigateRight: string;
    readonly navigateUp: string;
    readonly navigateDown: string;
    readonly withoutFragments: string;
    readonly firstOrLastSlide: string;
    readonly pause: string;
    readonly fullscreen: string;
    readonly jumpToSlide: string;
    readonly overview: string;
    readonly speakerView: string;
  };
  /** Key names in the help overlay's first column. */
  readonly keys: { readonly space: string; readonly shift: string };
  /** The button on the black pause screen (B or .). */
  readonly resume: string;
  /** The arrows' labels for screen readers. */
  readonly controls: { readonly previous: string; readonly next: string; readonly above: string; readonly below: string };
  /** Shown in the notes area (?showNotes=true) of a slide without notes. */
  readonly noNotes: string;
  readonly media: {
    readonly play: string;
    readonly playVideo: string;
    readonly unmuteVideo: string;
    readonly playAudio: string;
    readonly imageFailed: string;
    readonly videoFailed: string;
  };
}

export interface SpeakerViewWords {
  readonly title: string;
  readonly loading: string;
  readonly upcoming: string;
  readonly time: string;
  readonly reset: string;
  readonly pacing: string;
  readonly notes: string;
  readonly layout: string;
  readonly layouts: { readonly default: string; readonly wide: string; readonly tall: string; readonly notesOnly: string };
  /** The clock: 24 h ("14:05") or 12 h ("02:05 PM"), as people of the language read it. */
  readonly isClock12Hour: boolean;
  /** What the clock shows before its first tick. */
  readonly clockStart: string;
  /** Two lines each: what went wrong, what to do. */
  readonly crossOrigin: readonly [string, string];
  readonly connectionFailed: readonly [string, string];
  /** Three parts around the number of slides and the minimum of seconds per slide. */
  readonly pacingTooShort: readonly [string, string, string];
}

const CATALOGUES = { es, en } as const satisfies Readonly<Record<string, DeckWords>>;

/** The languages a deck may be written in: a file in src/i18n/ and its entry above. */
export type Language = keyof typeof CATALOGUES;

export function isLanguage(value: string): value is Language {
  return Object.hasOwn(CATALOGUES, value);
}

export const LANGUAGES: readonly Language[] = Object.keys(CATALOGUES).filter(isLanguage);

/** The language of a locale: "es-EC" → es; one without a catalogue reads English. */
export function findLanguage(locale: string): Language {
  const language = locale.split('-')[0] ?? '';
  return isLanguage(language) ? language : 'en';
}

/** The catalogue of a locale's language ("es-EC" → es). */
export function findWords(locale: string): DeckWords {
  return CATALOGUES[findLanguage(locale)];
}
