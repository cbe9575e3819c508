import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { createTestOptions, ROOT } from '../helpers.js';
import { slideSections, visibleText } from '../text.js';
import { readGolden } from './support/golden.js';

/**
 * The references slide of a deck whose .bib has a journal article, a conference paper, a web page and a report, as
 * APA 7 writes them in Spanish and in English: each entry is the reference list's line a reader checks against the
 * manual. The whole list is also stored (references.<deck>.txt) and reviewed when it changes.
 */
const DIR = `${ROOT}test/fixtures/decks`;

async function buildFixture(name: string): Promise<string[]> {
  const outDir = mkdtempSync(join(tmpdir(), `datadeck-references-${name}-`));
  await buildDeck(createTestOptions({ dataFile: join(DIR, name, 'deck.yaml'), outDir }));
  return slideSections(readFileSync(join(outDir, 'index.html'), 'utf8'));
}

function referenceLines(slides: readonly string[]): string[] {
  const slide = slides.find((section) => section.includes('data-layout="references"')) ?? '';
  return [...slide.matchAll(/<li\b[^>]*>([\s\S]*?)<\/li>/g)].map((match) => visibleText(match[1] ?? ''));
}

const decks: Record<string, string[]> = {};

beforeAll(async () => {
  for (const name of ['references-es', 'references-en', 'references-ieee']) decks[name] = await buildFixture(name);
}, 120_000);

describe('the references slide in APA 7', () => {
  it('writes each kind of work as the Spanish APA manual does', () => {
    const lines = referenceLines(decks['references-es'] ?? []);
    expect(lines).toEqual([
      // A web page with no date: "s. f.", and the day it was read ("Recuperado el …, de"); a name the .bib protects
      // with braces keeps its capitals.
      'Gouy, I. (s. f.). The Computer Language Benchmarks Game. Recuperado el 10 de noviembre de 2025, de https://benchmarksgame-team.pages.debian.net/benchmarksgame/',
      // A report whose author is its publisher: the publisher is not repeated.
      'International Energy Agency. (2024). Electricity 2024: Analysis and forecast to 2026. https://www.iea.org/reports/electricity-2024',
      // A conference paper, "y" before the last author, its title in sentence case (the .bib writes it in title case),
      // pages with an en dash, the DOI as an https address.
      'Pereira, R., Couto, M., Ribeiro, F., Rua, R., Cunha, J., Fernandes, J. P., y Saraiva, J. (2017). Energy efficiency across programming languages: How do energy, time, and memory relate? Proceedings of the 10th ACM SIGPLAN International Conference on Software Language Engineering, 256–267. https://doi.org/10.1145/3136014.3136031',
      // A journal article: journal and volume in italics, article number.
      'Pereira, R., Couto, M., Ribeiro, F., Rua, R., Cunha, J., Fernandes, J. P., y Saraiva, J. (2021). Ranking programming languages by energy efficiency. Science of Computer Programming, 205, 102609. https://doi.org/10.1016/j.scico.2021.102609',
    ]);
  });

  it('writes the same references in English APA for an English deck', () => {
    const lines = referenceLines(decks['references-en'] ?? []);
    expect(lines[0]).toBe(
      'Gouy, I. (n.d.). The Computer Language Benchmarks Game. Retrieved November 10, 2025, from https://benchmarksgame-team.pages.debian.net/benchmarksgame/',
    );
    expect(lines[2]).toContain('Fernandes, J. P., & Saraiva, J. (2017).');
    expect(lines).toHaveLength(4);
  });

  it('italicises titles of whole works and links every address and DOI', () => {
    const slide = (decks['references-es'] ?? []).find((section) => section.includes('data-layout="references"')) ?? '';
    expect(slide).toContain('<i>Science of Computer Programming</i>, <i>205</i>');
    expect(slide).toContain('<a href="https://doi.org/10.1145/3136014.3136031" rel="noopener noreferrer">');
    expect(slide).toContain('<a href="https://www.iea.org/reports/electricity-2024" rel="noopener noreferrer">');
  });

  it.each(['references-es', 'references-en', 'references-ieee'])('%s: the whole list matches its stored text', (name) => {
    const text = `${referenceLines(decks[name] ?? []).join('\n')}\n`;
    expect(text).toBe(readGolden(join(DIR, name, 'references.txt'), text, 'test/golden/references.test.ts'));
  });
});

describe('citations in the slides', () => {
  it("replaces [@key] in texts and notes by the style's citation", () => {
    const [text] = decks['references-es'] ?? [];
    expect(visibleText(text ?? '')).toContain('usaron unos 460 TWh en 2022 (International Energy Agency, 2024).');
    expect(visibleText(text ?? '')).toContain('Dos trabajos del mismo equipo (Pereira et al., 2017, 2021).');
    expect(text).toContain(
      '<aside class="notes">Las cifras salen de un informe <span class="citation">(International Energy Agency, 2024)</span>.',
    );
    const [ieee] = decks['references-ieee'] ?? [];
    expect(visibleText(ieee ?? '')).toContain('about 460 TWh in 2022 [1], as measured [2], [3].');
  });

  it('marks cited figures in the table, names their sources under it, and explains ≈ for an estimate', () => {
    const table = (decks['references-es'] ?? []).find((section) => section.includes('data-layout="table"')) ?? '';
    // A row's cite: marks its name; a figure's marks the figure; an estimate reads ≈ like a computed value.
    expect(table).toContain('<th scope="row">C<sup class="cite-mark">a</sup></th>');
    expect(table).toContain('1,98<sup class="cite-mark">a,b</sup>');
    expect(table).toContain('<span class=derived>≈\u00a071,9</span><sup class="cite-mark">c</sup>');
    expect(visibleText(table)).toContain('Valores normalizados. ≈: valor estimado o calculado, no medido.');
    expect(visibleText(table)).toContain('Fuentes: a Pereira et al., 2017; b Pereira et al., 2021; c Gouy, s. f.');
  });

  it("names in a chart's caption the references of the figures it draws", () => {
    const chart = (decks['references-es'] ?? []).find((section) => section.includes('data-layout="chart"')) ?? '';
    const caption = visibleText(/<figcaption[^>]*>([\s\S]*?)<\/figcaption>/.exec(chart)?.[1] ?? '');
    // It draws energy: C's own cite and Java's energy, not Python's time.
    expect(caption).toBe('Energía por lenguaje. Fuentes: Pereira et al., 2017, 2021.');
  });

  it("shows a reference's text from the data as text, never as markup that runs", () => {
    const slides = decks['references-ieee'] ?? [];
    const html = slides.join('\n');
    expect(html).not.toMatch(/<script|<img|onerror=alert\(1\)>/);
    expect(referenceLines(slides)[2]).toContain('E. <script>alert(1)</script> and R&D “Lab,” “"><img src=x onerror=alert(1)> & bold,”');
    expect(html).toContain('href="https://example.org/?a=1&amp;b=%222%22"');
  });
});
