import { describe, expect, it } from 'vitest';
import { readClusters } from '../../../src/cite/check-citations.js';
import { findBibtexEntries, findBibtexField } from '../../../src/cite/bibtex-places.js';
import { messages } from '../../../src/errors/messages.js';
import { problemsOf, validateText } from '../support/inline-deck.js';

const DECK = `meta:
  title: Fuentes
  author: Ana Pérez
  date: 2025-11-20

references:
  entries:
    pereira2017: { type: conference-paper, authors: ['Pereira, Rui'], year: 2017, title: Energy efficiency }
    iea2024: { type: report, authors: [International Energy Agency], year: 2024, title: Electricity 2024 }

fields:
  name:   { type: text, label: Lenguaje }
  energy: { type: number, label: Energía }
  time:   { type: number, label: Tiempo }
  kind:   { type: text, label: Tipo, optional: true }

rows:
ROWS

slides:
  - layout: text
    title: Texto
    paragraphs: [PARAGRAPH]
`;

const deck = (rows: string, paragraph = "'Sin citas.'") => DECK.replace('ROWS', rows).replace('PARAGRAPH', paragraph);

describe('[@key] in a text', () => {
  it('finds each key of a cluster at its offset in the string', () => {
    const [cluster] = readClusters('Unos 460 TWh [@iea2024; @pereira2017].');
    expect(cluster?.keys.map((key) => key.key)).toEqual(['iea2024', 'pereira2017']);
    expect(cluster?.keys.map((key) => key.within.offset)).toEqual([15, 25]);
  });

  it('points at the unknown key inside the string, with did you mean', () => {
    const problems = problemsOf(deck('  - { name: C, energy: 1, time: 1 }', "'Unos 460 TWh [@iea2042].'"));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toBe(messages.unknownCitationKey('iea2042', 'iea2024', []).message);
    expect(problems[0]?.hint).toBe('did you mean "iea2024"?');
    expect([problems[0]?.line, problems[0]?.column]).toEqual([23, 34]);
  });

  it('says a cluster with no key is not a citation', () => {
    const problems = problemsOf(deck('  - { name: C, energy: 1, time: 1 }', "'Unos 460 TWh [@ ].'"));
    expect(problems.map((problem) => problem.message)).toEqual([messages.badCitation('[@ ]').message]);
  });
});

describe("a row's cite: and estimate:", () => {
  it('reads a key for the whole row and keys per figure', () => {
    const dataset = validateText(
      deck(
        [
          '  - { name: C, energy: 1, time: 1, cite: pereira2017 }',
          '  - { name: Go, energy: 3, time: 2, cite: { energy: [pereira2017, iea2024] } }',
        ].join('\n'),
      ),
    );
    expect(dataset.rows[0]?.citations?.row).toEqual(['pereira2017']);
    expect([...(dataset.rows[1]?.citations?.fields ?? [])]).toEqual([['energy', ['pereira2017', 'iea2024']]]);
  });

  it('marks every figure of the row with estimate: true, and only figures', () => {
    const dataset = validateText(deck('  - { name: C, energy: 1, time: 1, kind: x, estimate: true }'));
    expect([...(dataset.rows[0]?.estimates ?? [])]).toEqual(['energy', 'time']);
    const problems = problemsOf(deck('  - { name: C, energy: 1, time: 1, kind: x, estimate: [kind] }'));
    expect(problems.map((problem) => problem.message)).toEqual([messages.estimateNotFigure('kind').message]);
  });

  it('reports an unknown key and an unknown field of cite: each at its place', () => {
    const problems = problemsOf(deck('  - { name: C, energy: 1, time: 1, cite: { energi: pereira2071 } }'));
    expect(problems.map((problem) => problem.code)).toEqual(['unknown-key']);
    const unknown = problemsOf(deck('  - { name: C, energy: 1, time: 1, cite: { energy: pereira2071 } }'));
    expect(unknown.map((problem) => [problem.code, problem.hint])).toEqual([['cite', 'did you mean "pereira2017"?']]);
  });
});

describe('places in a .bib file', () => {
  const bib = '% a comment\n@article{a2020,\n  title = {T},\n  url   = {javascript:x}\n}\n\n@misc{ b2021 , title={U}}\n@string{x = "y"}\n';

  it('finds each entry by its key, not @string', () => {
    expect(findBibtexEntries(bib).map((entry) => [entry.key, entry.line, entry.column])).toEqual([
      ['a2020', 2, 10],
      ['b2021', 7, 8],
    ]);
  });

  it("finds a field's value inside its entry", () => {
    const [entry] = findBibtexEntries(bib);
    expect(entry === undefined ? undefined : findBibtexField(bib, entry, 'url')).toEqual({ line: 4, column: 11, length: 14 });
  });
});
