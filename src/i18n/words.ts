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
  chart: {
    largestOf: 'los {shown} mayores de {total}',
    firstOf: 'los {shown} primeros de {total}',
    other: 'Otros',
    total: 'Total',
    million: 'millones de {unit}',
    billion: 'miles de millones de {unit}',
    millionPlain: 'millones',
    billionPlain: 'miles de millones',
  },
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
  chart: {
    largestOf: 'the {shown} largest of {total}',
    firstOf: 'the first {shown} of {total}',
    other: 'Other',
    total: 'Total',
    million: '{unit} millions',
    billion: '{unit} billions',
    millionPlain: 'millions',
    billionPlain: 'billions',
  },
};

const CATALOGUES: Readonly<Record<string, DeckWords>> = { es, en };

export const LANGUAGES: readonly string[] = Object.keys(CATALOGUES);

/** The catalogue of a locale's language ("es-EC" → es); languages without one read English. */
export function findWords(locale: string): DeckWords {
  return CATALOGUES[locale.split('-')[0] ?? ''] ?? en;
}
