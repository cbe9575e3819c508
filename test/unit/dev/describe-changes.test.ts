import { describe, expect, it } from 'vitest';
import { countChangedSlides, diffDecks, formatChange, formatRebuildLine } from '../../../src/dev/describe-changes.js';
import type { Deck } from '../../../src/model.js';
import { readDefaultText } from '../../helpers.js';
import { cellOf, deckOf } from '../support/inline-deck.js';

const TEXT = readDefaultText();
const edited = (from: string, to: string): Deck => {
  if (!TEXT.includes(from)) throw new Error(`data/deck.yaml has no "${from}"`);
  return deckOf(TEXT.replace(from, to));
};
const changesOf = (after: Deck): string[] => diffDecks(deckOf(TEXT), after).map((change) => formatChange(change));

describe('diffDecks: what the user changed, at its path in data/deck.yaml', () => {
  it('names one figure with its old and new value', () => {
    expect(changesOf(edited('units: 2000', 'units: 2400'))).toEqual(['rows[4].units 2000 → 2400']);
  });

  it('does not list the figures derived from it (Llama 3 has no unitPrice in the file)', () => {
    const after = edited('units: 2000', 'units: 2400');
    expect(cellOf(after, 'Llama 3', 'unitPrice')).not.toEqual(cellOf(deckOf(TEXT), 'Llama 3', 'unitPrice'));
    expect(changesOf(after)).toHaveLength(1);
  });

  it('quotes an energy as the file writes it', () => {
    expect(changesOf(edited('trainingEnergy: 1.2 GWh', 'trainingEnergy: 1.3 GWh'))).toEqual([
      'rows[0].trainingEnergy "1.2 GWh" → "1.3 GWh"',
    ]);
  });

  it('names a value added to a row, and one of a range', () => {
    expect(changesOf(edited('    organization: Anthropic\n', '    organization: Anthropic\n    units: 4000\n'))).toEqual([
      'rows[1].units added',
    ]);
    expect(changesOf(edited('trainingTime: { min: 2, max: 3 }', 'trainingTime: { min: 2, max: 4 }'))).toEqual([
      'rows[0].trainingTime.max 3 → 4',
    ]);
  });

  it('uses the index of the slide in the file, not of the paginated deck', () => {
    expect(changesOf(edited('title: Costo total del hardware', 'title: Costo del hardware'))).toEqual([
      'slides[5].title "Costo total del hardware" → "Costo del hardware"',
    ]);
  });

  it('reports a removed row once, by its path', () => {
    const start = TEXT.indexOf('  - name: Llama 3');
    const end = TEXT.indexOf('\nslides:');
    const changes = changesOf(deckOf(TEXT.slice(0, start) + TEXT.slice(end)));
    expect(changes).toContain('rows[4] removed');
  });

  it('finds nothing when only a comment changed', () => {
    expect(diffDecks(deckOf(TEXT), deckOf(`# another comment\n${TEXT}`))).toEqual([]);
  });
});

describe('formatRebuildLine', () => {
  const change = { path: ['rows', 4, 'units'], before: 2000, after: 2400 };

  it('reads like the issue: change · slides, charts · time', () => {
    expect(formatRebuildLine({ changes: [change], files: [], slideCount: 2, chartCount: 1, ms: 18.4 })).toBe(
      'rows[4].units 2000 → 2400 · 2 slides, 1 chart · 18 ms',
    );
  });

  it('stays short when many things change', () => {
    const changes = [change, { path: ['rows', 3, 'units'], before: 512, after: 600 }, { path: ['meta', 'title'], before: 'a', after: 'b' }];
    expect(formatRebuildLine({ changes, files: [], slideCount: 4, chartCount: 0, ms: 20 })).toBe(
      '3 changes: rows[4].units 2000 → 2400, rows[3].units 512 → 600, … · 4 slides · 20 ms',
    );
  });

  it('names the template files saved when the data did not change', () => {
    expect(formatRebuildLine({ changes: [], files: ['templates/layouts/chart.hbs'], slideCount: 5, chartCount: 0, ms: 12 })).toBe(
      'templates/layouts/chart.hbs · 5 slides · 12 ms',
    );
  });

  it('says so when a save changed nothing', () => {
    expect(formatRebuildLine({ changes: [], files: [], slideCount: 0, chartCount: 0, ms: 9 })).toBe('no changes · 9 ms');
  });

  it('cuts long texts', () => {
    const long = { path: ['meta', 'title'], before: 'x'.repeat(100), after: 'y' };
    expect(formatChange(long)).toMatch(/^meta\.title "x{30}… → "y"$/);
  });
});

describe('countChangedSlides', () => {
  it('counts slides whose HTML differs, and slides added or removed', () => {
    expect(countChangedSlides(['a', 'b', 'c'], ['a', 'B', 'c'])).toBe(1);
    expect(countChangedSlides(['a', 'b'], ['a', 'b', 'c'])).toBe(1);
    expect(countChangedSlides(['a', 'b'], ['a', 'b'])).toBe(0);
  });
});
