import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { deriveDeck } from '../../../src/data/derive.js';
import { DatasetSchema, type Dataset } from '../../../src/data/deck-schema.js';
import { readDefaultText } from '../../helpers.js';

function defaultDataset(): Dataset {
  return DatasetSchema.parse(parse(readDefaultText()));
}

function withModel(index: number, changes: Record<string, unknown>): Dataset {
  const raw: unknown = parse(readDefaultText());
  const dataset = DatasetSchema.parse(raw);
  const models = dataset.models.map((model, position) => (position === index ? DatasetSchema.shape.models.element.parse({ ...reinput(model), ...changes }) : model));
  return { ...dataset, models };
}

// A parsed model back to the shape the YAML has, so a changed copy goes through the schema again.
function reinput(model: Dataset['models'][number]): Record<string, unknown> {
  return {
    ...model,
    trainingMonths: model.trainingMonths,
    trainingEnergy: `${model.trainingEnergy.value} ${model.trainingEnergy.unit}`,
    inferenceEnergy: `${model.inferenceEnergy.value} ${model.inferenceEnergy.unit}`,
  };
}

describe('deriveDeck on the seed data', () => {
  const deck = deriveDeck(defaultDataset());
  const byName = (name: string) => deck.models.find((model) => model.name === name);

  it('derives the unit price from the total when only the price is missing (Mistral 7B ≈ 7,800 USD)', () => {
    expect(byName('Mistral 7B')).toMatchObject({ unitPriceUsd: 4_000_000 / 512, isUnitPriceDerived: true, hardwareCostUsd: 4_000_000 });
  });

  it('keeps given figures as given (GPT-4: 8,000 × 10,000 = 80 M agrees, no warning)', () => {
    expect(byName('GPT-4')).toMatchObject({ unitPriceUsd: 8000, isUnitPriceDerived: false, hardwareCostUsd: 80_000_000 });
    expect(deck.warnings).toEqual([]);
  });

  it('leaves units undefined when the vendor did not report them', () => {
    expect(byName('Claude 3')?.units).toBeUndefined();
    expect(byName('Claude 3')?.unitPriceUsd).toBeUndefined();
  });

  it('computes the cross-model facts the conclusions state', () => {
    expect(deck.facts.mostExpensive.name).toBe('GPT-4');
    expect(deck.facts.cheapest.name).toBe('Mistral 7B');
    expect(deck.facts.costRatio).toBe(20);
    expect(deck.facts.totalTrainingWh).toBeCloseTo(3.5e9);
    expect(deck.facts.totalHardwareCostUsd).toBe(190_000_000);
    expect(deck.facts.inferenceRangeWh).toEqual({ min: 100, max: 500 });
  });

  it('labels models as the seed table does', () => {
    expect(deck.models.map((model) => model.label)).toEqual([
      'ChatGPT (GPT-4)',
      'Claude 3 (Anthropic)',
      'Gemini 1.5 (Google)',
      'Mistral 7B (Mistral AI)',
      'Llama 3 (Meta)',
    ]);
  });

  it('keeps one slide per entry of the slide list when the table fits', () => {
    expect(deck.slides).toHaveLength(defaultDataset().slides.length);
  });
});

describe('deriveDeck follows the data', () => {
  it('computes the total as price × units when the total is missing', () => {
    const deck = deriveDeck(withModel(0, { hardwareCostUsd: undefined, unitPriceUsd: 9000 }));
    expect(deck.models[0]).toMatchObject({ hardwareCostUsd: 90_000_000, isHardwareCostDerived: true });
  });

  it('warns when price × units and the total disagree by more than 1%', () => {
    const deck = deriveDeck(withModel(0, { hardwareCostUsd: 60_000_000 }));
    expect(deck.warnings).toMatchObject([{ code: 'cost-mismatch', dataPath: ['models', 0, 'hardwareCostUsd'] }]);
    expect(deck.warnings[0]?.message).toContain('80000000');
    expect(deck.warnings[0]?.message).toContain('60000000');
    expect(deriveDeck(withModel(0, { hardwareCostUsd: 80_500_000 })).warnings).toEqual([]);
  });

  it('moves the facts when a figure changes', () => {
    const deck = deriveDeck(withModel(3, { hardwareCostUsd: 160_000_000 }));
    expect(deck.facts.mostExpensive.name).toBe('Mistral 7B');
    expect(deck.facts.cheapest.name).toBe('Llama 3');
    expect(deck.facts.costRatio).toBe(10);
  });

  it('splits a long table over several slides, every model on exactly one page', () => {
    const base = defaultDataset();
    const models = Array.from({ length: 200 }, (_, index) => ({ ...base.models[index % 5]!, name: `Modelo ${index + 1}` }));
    const deck = deriveDeck({ ...base, models });
    const pages = deck.slides.flatMap((slide) => (slide.layout === 'table' ? [slide.page] : []));
    expect(pages.length).toBeGreaterThanOrEqual(40);
    expect(pages.flatMap((page) => page.rows.map((row) => row.name))).toEqual(models.map((model) => model.name));
    expect(pages.every((page, index) => page.number === index + 1 && page.count === pages.length)).toBe(true);
  });
});
