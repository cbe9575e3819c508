import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../../src/build.js';
import { messages } from '../../../src/errors/messages.js';
import { formatValue } from '../../../src/format/values.js';
import type { Deck } from '../../../src/model.js';
import { createTestOptions, readDefaultText } from '../../helpers.js';
import { cellOf, deckOf, replaceOnce, yamlDeck } from '../support/inline-deck.js';

const DEFAULT = readDefaultText();

/** A cell as the table shows it, with "≈ " before a derived value (no-break spaces read as spaces). */
function shown(deck: Deck, row: string, field: string): string | undefined {
  const cell = cellOf(deck, row, field);
  const declared = deck.fields.get(field);
  if (cell?.value === undefined || declared === undefined) return undefined;
  return `${cell.isDerived ? '≈ ' : ''}${formatValue(declared, cell.value, deck.format)}`.replace(/\u00a0/g, ' ');
}

const numberOf = (deck: Deck, row: string, field: string): number | undefined => {
  const value = cellOf(deck, row, field)?.value;
  return value?.kind === 'number' || value?.kind === 'quantity' ? value.number : undefined;
};

describe('deriveDeck on data/deck.yaml', () => {
  const deck = deckOf(DEFAULT);

  it('derives the unit price from hardwareCost / units where it is missing: Mistral 7B ≈ 7.800 US$', () => {
    expect(cellOf(deck, 'Mistral 7B', 'unitPrice')).toEqual({ value: { kind: 'number', number: 4_000_000 / 512 }, isDerived: true });
    expect(shown(deck, 'Mistral 7B', 'unitPrice')).toBe('≈ 7.800 US$');
    expect(shown(deck, 'Llama 3', 'unitPrice')).toBe('≈ 8.000 US$');
  });

  it('keeps given figures as given (GPT-4: 80 M / 10.000 = 8.000 agrees, no warning)', () => {
    expect(cellOf(deck, 'GPT-4', 'unitPrice')).toEqual({ value: { kind: 'number', number: 8000 }, isDerived: false });
    expect(deck.warnings).toEqual([]);
    expect(deck.errors).toEqual([]);
  });

  it('leaves a value missing where the vendor reported nothing, and its formula with it', () => {
    expect(cellOf(deck, 'Claude 3', 'units')).toBeUndefined();
    expect(cellOf(deck, 'Claude 3', 'unitPrice')).toBeUndefined();
  });

  it('keeps the rows in file order, and one slide per entry of the slide list', () => {
    expect(deck.rows.map((row) => row.name)).toEqual(['GPT-4', 'Claude 3', 'Gemini 1.5', 'Mistral 7B', 'Llama 3']);
    expect(deck.slides.map((slide) => slide.sourceIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it("reads the deck's locale for its words", () => {
    expect(deck.format.locale).toBe('es');
    expect(deck.format.words.notReported).toBe('no reportado');
  });
});

describe('deriveDeck follows the data', () => {
  it('computes a value the row leaves out', () => {
    const deck = deckOf(replaceOnce(DEFAULT, '    unitPrice: 8000\n', ''));
    expect(cellOf(deck, 'GPT-4', 'unitPrice')).toEqual({ value: { kind: 'number', number: 8000 }, isDerived: true });
  });

  it('warns when a given value and its formula disagree by more than 1 %, with the row and both numbers', () => {
    const deck = deckOf(replaceOnce(DEFAULT, 'unitPrice: 8000', 'unitPrice: 6000'));
    expect(deck.warnings).toEqual([
      {
        code: 'formula-mismatch',
        dataPath: ['rows', 0, 'unitPrice'],
        // Both figures as the deck writes money: "6.000 US$" (a no-break space before the currency).
        ...messages.formulaMismatch({
          row: 'GPT-4',
          field: 'unitPrice',
          formula: 'hardwareCost / units',
          computed: '8.000\u00a0US$',
          given: '6.000\u00a0US$',
        }),
      },
    ]);
    expect(deck.warnings[0]?.message).toContain('GPT-4');
    expect(deck.warnings[0]?.message).toContain('6.000');
    expect(deck.warnings[0]?.message).toContain('8.000');
    // The given value stays: the warning asks the author which figure is right.
    expect(cellOf(deck, 'GPT-4', 'unitPrice')).toEqual({ value: { kind: 'number', number: 6000 }, isDerived: false });
  });

  it('lets figures within 1 % of their formula pass', () => {
    expect(deckOf(replaceOnce(DEFAULT, 'unitPrice: 8000', 'unitPrice: 8079')).warnings).toEqual([]);
    expect(deckOf(replaceOnce(DEFAULT, 'unitPrice: 8000', 'unitPrice: 7921')).warnings).toEqual([]);
    expect(deckOf(replaceOnce(DEFAULT, 'unitPrice: 8000', 'unitPrice: 8100')).warnings).toHaveLength(1);
  });
});

describe('deriveDeck: formulas', () => {
  it('runs formulas after the fields they read, whatever the order of declaration', () => {
    const deck = deckOf(
      yamlDeck({
        fields: `
          name: text
          total: { type: money, formula: subtotal + tax }
          tax: { type: money, formula: subtotal * 0.12 }
          subtotal: { type: money, formula: price * units }
          price: money
          units: integer
        `,
        rows: '- { name: A, price: 10, units: 5 }',
      }),
    );
    expect(numberOf(deck, 'A', 'subtotal')).toBe(50);
    expect(numberOf(deck, 'A', 'tax')).toBeCloseTo(6);
    expect(numberOf(deck, 'A', 'total')).toBeCloseTo(56);
    expect(shown(deck, 'A', 'total')).toBe('≈ 56 US$');
  });

  it('computes column functions over every row: sum, mean, min, max, count() and count(f)', () => {
    const deck = deckOf(
      yamlDeck({
        fields: `
          name: text
          generation: { type: quantity, unit: TWh, optional: true }
          share: { type: percent, optional: true, formula: generation / sum(generation) }
          aboveMean: { type: number, optional: true, formula: generation - mean(generation) }
          spread: { type: number, formula: max(generation) - min(generation) }
          reported: { type: number, formula: count(generation) / count() }
        `,
        rows: `
          - { name: Hidro, generation: 60 TWh }
          - { name: Solar, generation: 30000 GWh }
          - { name: Eólica, generation: 10 }
          - { name: Otra }
        `,
      }),
    );
    expect(numberOf(deck, 'Hidro', 'share')).toBeCloseTo(0.6);
    expect(shown(deck, 'Solar', 'share')).toBe('≈ 30 %');
    expect(shown(deck, 'Eólica', 'share')).toBe('≈ 10 %');
    expect(numberOf(deck, 'Hidro', 'aboveMean')).toBeCloseTo(60 - 100 / 3);
    expect(numberOf(deck, 'Otra', 'spread')).toBe(50);
    expect(numberOf(deck, 'Otra', 'reported')).toBe(0.75);
    // A row without the value has no share of it: missing, not zero.
    expect(cellOf(deck, 'Otra', 'share')).toBeUndefined();
    expect(deck.errors).toEqual([]);
  });

  it('reads the ends of a range, rounds, and aggregates a derived column', () => {
    const deck = deckOf(
      yamlDeck({
        fields: `
          name: text
          months: { type: range, unit: month }
          midpoint: { type: number, formula: 'round((months.min + months.max) / 2, 1)' }
          share: { type: percent, formula: midpoint / sum(midpoint) }
        `,
        rows: `
          - { name: A, months: { min: 2, max: 3 } }
          - { name: B, months: 1 year }
          - { name: C, months: { min: 0.5, max: 1 } }
        `,
      }),
    );
    expect(numberOf(deck, 'A', 'midpoint')).toBe(2.5);
    expect(numberOf(deck, 'B', 'midpoint')).toBe(12);
    expect(numberOf(deck, 'C', 'midpoint')).toBe(0.8);
    expect(numberOf(deck, 'B', 'share')).toBeCloseTo(12 / 15.3);
  });

  it("counts a quantity in its field's unit and a percent as a share", () => {
    const deck = deckOf(
      yamlDeck({
        fields: `
          name: text
          energy: { type: quantity, unit: MWh }
          loss: percent
          delivered: { type: quantity, unit: MWh, formula: energy * (1 - loss) }
        `,
        rows: '- { name: A, energy: 1.2 GWh, loss: 25 % }',
      }),
    );
    expect(numberOf(deck, 'A', 'delivered')).toBe(900);
    expect(shown(deck, 'A', 'delivered')).toBe('≈ 900 MWh');
  });

  it('leaves an optional value missing where its formula has nothing to compute with (a missing input, a division by zero)', () => {
    const deck = deckOf(
      yamlDeck({
        fields:
          'name: text\ncost: money\nunits: { type: integer, optional: true }\nprice: { type: money, optional: true, formula: cost / units }',
        rows: '- { name: A, cost: 100 }\n- { name: B, cost: 100, units: 0 }',
      }),
    );
    expect(cellOf(deck, 'A', 'price')).toBeUndefined();
    expect(cellOf(deck, 'B', 'price')).toBeUndefined();
    expect(deck.errors).toEqual([]);
  });

  it('makes a required value its formula cannot compute (a division by zero) an error at the row', () => {
    const deck = deckOf(
      yamlDeck({
        fields: 'name: text\ncost: money\nunits: integer\nprice: { type: money, formula: cost / units }',
        rows: '- { name: A, cost: 100, units: 4 }\n- { name: B, cost: 100, units: 0 }',
      }),
    );
    expect(deck.errors).toEqual([{ code: 'schema', dataPath: ['rows', 1], ...messages.cannotDerive('price', 'cost / units', []) }]);
  });

  it('stops the build on a required value that cannot be computed, located at the row, naming what is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'datadeck-derive-'));
    const dataFile = join(dir, 'deck.yaml');
    const text = yamlDeck({
      fields: 'name: text\ncost: money\nunits: { type: integer, optional: true }\nprice: { type: money, formula: cost / units }',
      rows: '- { name: A, cost: 100, units: 4 }\n- { name: B, cost: 100 }',
    });
    writeFileSync(dataFile, text);
    const failure: unknown = await buildDeck(createTestOptions({ dataFile, outDir: join(dir, 'out'), cacheDir: undefined })).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({
      problems: [
        {
          code: 'schema',
          line: text.split('\n').indexOf('  - { name: B, cost: 100 }') + 1,
          dataPath: ['rows', 1],
          ...messages.cannotDerive('price', 'cost / units', ['units']),
        },
      ],
    });
  });
});
