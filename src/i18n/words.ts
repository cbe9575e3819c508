/** The words a deck shows that do not come from its data, one catalogue per language. */
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
}

const es: DeckWords = {
  notReported: 'no reportado',
  rangeBetween: 'a',
  times: { one: 'vez', other: 'veces' },
  approximately: '≈',
  continued: '(continuación)',
  continues: 'continúa en la siguiente diapositiva →',
  author: 'Autor',
  course: 'Curso',
  date: 'Fecha',
};

const en: DeckWords = {
  notReported: 'not reported',
  rangeBetween: 'to',
  times: { one: 'time', other: 'times' },
  approximately: '≈',
  continued: '(continued)',
  continues: 'continued on the next slide →',
  author: 'Author',
  course: 'Course',
  date: 'Date',
};

const CATALOGUES: Readonly<Record<string, DeckWords>> = { es, en };

export const LANGUAGES: readonly string[] = Object.keys(CATALOGUES);

/** The catalogue of a locale's language ("es-EC" → es); languages without one read English. */
export function findWords(locale: string): DeckWords {
  return CATALOGUES[locale.split('-')[0] ?? ''] ?? en;
}
