import { createFormatters, type Formatters } from '../format/formatters.js';
import { paginateRows } from '../slides/paginate.js';
import { messages } from '../errors/messages.js';
import type { Deck, DeckWarning, Facts, ModelFigures, Slide } from '../model.js';
import type { Dataset, Model, SlideInput } from './deck-schema.js';

/** Given price × units disagreeing with the given total by more than this share is worth a warning. */
const COST_TOLERANCE = 0.01;
const DEFAULT_ROWS_PER_SLIDE = 5;

/** Pure: resolves every figure, computes cross-model facts and expands the slide list. */
export function deriveDeck(dataset: Dataset): Deck {
  const models = dataset.models.map(deriveModel);
  const format = createFormatters(dataset.meta.locale);
  return {
    meta: { ...dataset.meta, date: new Date(`${dataset.meta.date}T00:00:00Z`) },
    format,
    models,
    facts: deriveFacts(models),
    slides: expandSlides(dataset.slides, models, format),
    warnings: dataset.models.flatMap(checkCostAgreement),
  };
}

export function deriveModel(model: Model, index: number): ModelFigures {
  const { units, unitPriceUsd, hardwareCostUsd } = model;
  const computedTotal = units !== undefined && unitPriceUsd !== undefined ? units * unitPriceUsd : undefined;
  // The schema guarantees a total or price × units; the fallback keeps the type honest.
  const total = hardwareCostUsd ?? computedTotal ?? 0;
  const price = unitPriceUsd ?? (units !== undefined ? total / units : undefined);
  return {
    index,
    name: model.name,
    label: modelLabel(model),
    organization: model.organization,
    accelerator: model.accelerator,
    units,
    unitPriceUsd: price,
    isUnitPriceDerived: unitPriceUsd === undefined && price !== undefined,
    hardwareCostUsd: total,
    isHardwareCostDerived: hardwareCostUsd === undefined,
    trainingMonths: model.trainingMonths,
    trainingEnergy: model.trainingEnergy,
    inferenceEnergy: model.inferenceEnergy,
    comment: model.comment,
    sources: model.sources ?? [],
  };
}

function modelLabel(model: Model): string {
  if (model.product !== undefined) return `${model.product} (${model.name})`;
  return model.name.includes(model.organization) ? model.name : `${model.name} (${model.organization})`;
}

function checkCostAgreement(model: Model, index: number): DeckWarning[] {
  const { units, unitPriceUsd, hardwareCostUsd } = model;
  if (units === undefined || unitPriceUsd === undefined || hardwareCostUsd === undefined) return [];
  const computed = units * unitPriceUsd;
  if (Math.abs(computed - hardwareCostUsd) <= COST_TOLERANCE * hardwareCostUsd) return [];
  return [
    {
      code: 'cost-mismatch',
      ...messages.costMismatch({ model: model.name, units, unitPriceUsd, computed, given: hardwareCostUsd }),
      dataPath: ['models', index, 'hardwareCostUsd'],
    },
  ];
}

function extreme(models: readonly ModelFigures[], pick: (model: ModelFigures) => number, sign: 1 | -1): ModelFigures {
  const [first, ...rest] = models;
  if (first === undefined) throw new Error('deriveFacts needs at least one model (the schema requires it)');
  return rest.reduce((best, model) => (sign * (pick(model) - pick(best)) > 0 ? model : best), first);
}

export function deriveFacts(models: readonly ModelFigures[]): Facts {
  const cost = (model: ModelFigures) => model.hardwareCostUsd;
  const training = (model: ModelFigures) => model.trainingEnergy.wh;
  const inference = models.map((model) => model.inferenceEnergy.wh);
  const mostExpensive = extreme(models, cost, 1);
  const cheapest = extreme(models, cost, -1);
  return {
    modelCount: models.length,
    mostExpensive,
    cheapest,
    costRatio: mostExpensive.hardwareCostUsd / cheapest.hardwareCostUsd,
    totalHardwareCostUsd: models.reduce((sum, model) => sum + model.hardwareCostUsd, 0),
    totalTrainingWh: models.reduce((sum, model) => sum + model.trainingEnergy.wh, 0),
    mostTrainingEnergy: extreme(models, training, 1),
    leastTrainingEnergy: extreme(models, training, -1),
    inferenceRangeWh: { min: Math.min(...inference), max: Math.max(...inference) },
    longestTraining: extreme(models, (model) => model.trainingMonths.max, 1),
  };
}

/** Table slides become as many pages as the rows need; every other slide passes through. */
export function expandSlides(slides: readonly SlideInput[], models: readonly ModelFigures[], format: Formatters): Slide[] {
  return slides.flatMap((slide, sourceIndex): Slide[] => {
    if (slide.layout !== 'table') return [{ ...slide, sourceIndex }];
    const pages = paginateRows(models, format, { maxRows: slide.rowsPerSlide ?? DEFAULT_ROWS_PER_SLIDE });
    return pages.map((rows, index) => ({ ...slide, sourceIndex, page: { rows, number: index + 1, count: pages.length } }));
  });
}
