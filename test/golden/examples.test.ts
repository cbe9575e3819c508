import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import type { BuildResult } from '../../src/model.js';
import { createTestOptions, ROOT } from '../helpers.js';
import { slideSections, visibleText } from '../text.js';
import { findLanguage } from '../../src/i18n/words.js';
import { findForeignWords, wordsOf } from '../language-words.js';

/**
 * Every folder under examples/ with a deck.yaml is a deck a user could copy: it must build with no warning, and show
 * the figures a reader would check, in its own language. A new example folder is picked up by the generic checks;
 * add its sentences to EXPECTED.
 */
const DIR = join(ROOT, 'examples');
const examples = existsSync(DIR)
  ? readdirSync(DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(DIR, entry.name, 'deck.yaml')))
      .map((entry) => entry.name)
      .sort()
  : [];

interface Expected {
  /** Sentences and figures anywhere in the deck's visible text. */
  readonly text: readonly string[];
  /** Table rows: the first cell names the row, the others must be in it. */
  readonly rows: readonly (readonly string[])[];
}

const EXPECTED: Readonly<Record<string, Expected>> = {
  'space-missions': {
    text: [
      '20 de noviembre de 2025',
      // {{min launch}} / {{max launch}} over a date field
      'Comparamos 5 misiones lanzadas entre 24 de abril de 1990 y 25 de diciembre de 2021.',
      // a derived field (operated / planned.max) keeps its ≈ in a sentence
      'Chandra operó ≈ 5,3 veces su vida prevista.',
      'James Webb costó 16,7 veces más que Kepler.',
      'Entre todas suman 91,8 años de observación.',
      'James Webb es la más cara: 10 mil millones de dólares.',
      'Hubble lleva 35,5 años.',
    ],
    rows: [
      // a missing optional date shows its own missing text, a range reads "a"
      ['Hubble', 'NASA/ESA', '24 de abril de 1990 → en operación', '15 años', '35,5 años', '≈ 2,4', '1,5 mil millones'],
      ['Spitzer', '25 de agosto de 2003 → 30 de enero de 2020', '2,5 a 5 años', '16,4 años', '≈ 3,3', '720 millones'],
      ['James Webb', 'NASA/ESA/CSA', '5 a 10 años', '3,9 años', '≈ 0,4', '10 mil millones'],
    ],
  },
  'cloud-gpus': {
    text: [
      'November 20, 2025',
      '5 single-GPU offers',
      'Lambda 1x H100 costs ≈ 4.7 times as much as AWS g4dn.xlarge.',
      'The cheapest offer, AWS g4dn.xlarge, costs $0.526 an hour: ≈ $384 a month.',
      'Per GB of memory, Google g2-standard-4 is the best deal at ≈ $0.030 an hour.',
      'The Lambda 1x H100 alone is ≈ 41.3% of what all five cost together.',
      // English thousands separator on a derived total
      'Running all 5 for a month would cost ≈ $4,396.',
    ],
    rows: [
      ['AWS g4dn.xlarge', 'NVIDIA T4 (16 GB)', '$0.526', '≈ $384', '≈ $0.033'],
      ['Lambda 1x H100', 'NVIDIA H100 PCIe (80 GB)', '≈ $1,818', '≈ $0.031'],
    ],
  },
  'programming-energy': {
    text: [
      // [@key] in a text, one or several references, as APA writes them in Spanish
      'podrían pasar de 1.000 TWh en 2026 (International Energy Agency, 2024).',
      'en 27 lenguajes (Pereira et al., 2017, 2021), tomados de The Computer Language Benchmarks Game (Gouy, s. f.).',
      // the table names the references its marks stand for, a chart those of the figures it draws
      'Fuentes: a Pereira et al., 2017; b Pereira et al., 2021.',
      'Python gasta 75,9 veces la energía de C. Fuentes: Pereira et al., 2017, 2021.',
      // the references slide, APA 7 in Spanish: "y" before the last author, "s. f.", "Recuperado el …, de"
      'Gouy, I. (s. f.). The Computer Language Benchmarks Game. Recuperado el 10 de noviembre de 2025, de https://benchmarksgame-team.pages.debian.net/benchmarksgame/',
      'Fernandes, J. P., y Saraiva, J. (2021). Ranking programming languages by energy efficiency. Science of Computer Programming, 205, 102609. https://doi.org/10.1016/j.scico.2021.102609',
    ],
    rows: [
      // a row's cite: marks its name; a figure's cite: marks that figure
      ['Rusta', 'Compilado', '1,03', '1,04', '1,54'],
      ['Python', 'Interpretado', '75,88a,b', '71,9a', '2,8a'],
    ],
  },
  'electricity-mix': {
    text: [
      'En 2024 España generó unos 262 TWh de electricidad con 10 tipos de fuente.',
      'Eólica fue la primera fuente, con 60 TWh (22,9 % del total).',
      'La eólica produjo 20 veces más que el carbón.',
      'La nuclear aportó ≈ 19,8 % con solo 7,1 GW instalados.',
      'El mayor factor de carga es el de Nuclear: ≈ 84 %.',
      'Entre la primera y la última hay 57 TWh.',
      'Total generado en 2024: 262 TWh.',
      'Generación por fuente en 2024 (continuación)',
    ],
    rows: [
      ['Eólica', 'Renovable', '60 TWh', '≈ 22,9 %', '31,8 GW', '(factor ≈ 22 %)', 'ree.es/es/datos/generacion/estructura-generacion'],
      ['Nuclear', 'Nuclear', '52 TWh', '≈ 19,8 %', '7,1 GW', '(factor ≈ 84 %)', 'foronuclear.org/'],
      // no capacity: the combined cell's parts drop out, the computed share stays
      ['Carbón', 'Fósil', '3 TWh', '≈ 1,1 %'],
    ],
  },
  'ecuador-volcanoes': {
    text: [
      // rows from volcanes.csv: ";" separated, decimal comma and thousands point, units in the headers
      'El más alto es Chimborazo, con 6.263 m.',
      '2 de los 8 volcanes están en erupción.',
      'La erupción registrada más antigua de la lista es la de Cayambe, en 1786.',
      'El más cercano, Guagua Pichincha, está a 12,4 km de Quito.',
    ],
    rows: [
      // an empty cell of an optional field is a missing value, shown with the field's own text
      ['Chimborazo', 'Chimborazo', 'Potencialmente activo', '6.263 m', '150,2 km', 'sin registro histórico'],
      ['Sangay', 'Morona Santiago', 'En erupción', '5.230 m', '207,5 km', '2024'],
      ['El Reventador', 'Sucumbíos / Napo', '3.562 m', '92,7 km'],
    ],
  },
  'suspension-bridges': {
    text: [
      // rows from the "Bridges" sheet of bridges.xlsx, within A1:F8: the note under the table is left out
      '7 suspension bridges',
      'The Çanakkale 1915 Bridge spans 1.6 times as far as the Golden Gate Bridge.',
      // date cells read as dates
      'The oldest here, the Golden Gate Bridge, opened on May 27, 1937; the newest on March 18, 2022.',
      'The longest bridge overall is the Great Belt East Bridge: 6,790 m, side spans included.',
    ],
    rows: [
      // "Side spans" is a formula cell: its saved value (4,608 − 2,023) is what shows
      ['Çanakkale 1915 Bridge', 'Türkiye', '2,023 m', '2,585 m', '4,608 m', 'March 18, 2022'],
      ['Golden Gate Bridge', 'United States', '1,280 m', '1,457 m', '2,737 m', 'May 27, 1937'],
    ],
  },
};

describe('examples/ holds decks to build', () => {
  it('finds the example folders', () => {
    expect(examples).toEqual(expect.arrayContaining(Object.keys(EXPECTED)));
  });
});

describe.each(examples)('examples/%s', (name) => {
  let result: BuildResult;
  let html = '';
  let text = '';

  beforeAll(async () => {
    const outDir = mkdtempSync(join(tmpdir(), `datadeck-example-${name}-`));
    result = await buildDeck(createTestOptions({ dataFile: join(DIR, name, 'deck.yaml'), outDir }));
    html = readFileSync(join(outDir, 'index.html'), 'utf8');
    text = visibleText(html);
  });

  it('builds with no warning', () => {
    expect(result.warnings.map((warning) => JSON.stringify(warning))).toEqual([]);
  });

  it('is a deck a student would present: 6 to 12 slides, a title slide first, notes on most slides', () => {
    expect(result.slideCount).toBeGreaterThanOrEqual(6);
    expect(result.slideCount).toBeLessThanOrEqual(12);
    const sections = slideSections(html);
    expect(sections[0]).toContain('data-layout="title"');
    const withNotes = sections.filter((section) => section.includes('<aside class="notes"'));
    expect(withNotes.length).toBeGreaterThanOrEqual(Math.ceil(sections.length / 2));
  });

  it('shows no word of the other language outside its data', () => {
    const data = readFileSync(join(DIR, name, 'deck.yaml'), 'utf8');
    const locale = /^\s*locale:\s*([\w-]+)/m.exec(data)?.[1] ?? 'es';
    // A .bib file next to the deck is its data too: an English title stays English in a Spanish deck's references.
    const references = readdirSync(join(DIR, name))
      .filter((file) => file.endsWith('.bib'))
      .map((file) => readFileSync(join(DIR, name, file), 'utf8'));
    const ownWords = new Set(wordsOf([data, ...references].join('\n')));
    // What a screen reader says too: the labels and role descriptions in the markup (reveal's scripts left out).
    const markup = html.replace(/<script>[\s\S]*?<\/script>/g, '');
    const spoken = [...markup.matchAll(/\s(?:aria-label|aria-roledescription|alt|title|placeholder)="([^"]*)"/g)].map(
      (match) => match[1] ?? '',
    );
    const notFromData = wordsOf([text, ...spoken].join(' '))
      .filter((word) => !ownWords.has(word))
      .join(' ');
    expect(findForeignWords(notFromData, findLanguage(locale))).toEqual([]);
  });

  it('leaves no template syntax or broken figure on screen', () => {
    expect(text).not.toMatch(/\{\{|\}\}|undefined|NaN|\[object Object\]/);
  });

  const expected = EXPECTED[name];
  if (expected === undefined) return;

  it.each(expected.text)('shows "%s"', (sentence) => {
    expect(text).toContain(sentence);
  });

  it.each(expected.rows)('has the table row of %s', (...cells) => {
    const tables = slideSections(html).filter((section) => section.includes('data-layout="table"'));
    const rows = tables.flatMap((table) => [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((match) => visibleText(match[1] ?? '')));
    const row = rows.find((candidate) => candidate.startsWith(`${cells[0] ?? '-'} `));
    expect(row, `no table row starts with ${cells[0]}`).toBeDefined();
    for (const cell of cells) expect(row).toContain(cell);
  });
});
