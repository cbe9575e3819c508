import type { Formatters } from '../format/formatters.js';
import { assertNever, type Charts, type Deck, type Facts, type ModelFigures, type Slide } from '../model.js';

/** What each layout template receives: text from the data as plain strings (Handlebars escapes them), figures preformatted. */

export function viewSlide(slide: Slide, deck: Deck, charts: Charts): Record<string, unknown> {
  switch (slide.layout) {
    case 'title':
      return {
        ...deck.meta,
        subtitle: deck.meta.subtitle,
        institution: deck.meta.institution,
        course: deck.meta.course,
        date: deck.format.date(deck.meta.date),
        dateIso: deck.meta.date.toISOString().slice(0, 10),
      };
    case 'text':
      return { ...slide };
    case 'definitions':
      return { ...slide, intro: slide.intro, takeaway: slide.takeaway };
    case 'aspects':
      return { ...slide, intro: slide.intro };
    case 'table':
      return { ...slide, caveat: slide.caveat, rows: slide.page.rows.map((model) => viewModelRow(model, deck.format)), page: viewPage(slide.page) };
    case 'chart':
      return { ...slide, rendered: viewChart(slide.chart, charts) };
    case 'conclusions':
    case 'summary':
      return { ...slide, facts: viewFacts(deck.facts, deck.format) };
    case 'sources':
      return { ...slide, models: deck.models.filter((model) => model.sources.length > 0) };
    default:
      return assertNever(slide);
  }
}

function viewPage(page: { number: number; count: number }) {
  return { ...page, isContinued: page.number > 1, continues: page.number < page.count, isPaged: page.count > 1 };
}

export function viewModelRow(model: ModelFigures, format: Formatters) {
  return {
    label: model.label,
    organization: model.organization,
    accelerator: model.accelerator,
    unitPrice: model.unitPriceUsd === undefined ? undefined : priceText(model, format),
    isUnitPriceDerived: model.isUnitPriceDerived,
    units: model.units === undefined ? undefined : format.count(model.units),
    cost: format.moneyWords(model.hardwareCostUsd),
    isCostDerived: model.isHardwareCostDerived,
    months: format.months(model.trainingMonths),
    trainingEnergy: format.energy(model.trainingEnergy),
    inferenceEnergy: format.energy(model.inferenceEnergy),
    comment: model.comment,
  };
}

function priceText(model: ModelFigures, format: Formatters): string {
  const price = model.unitPriceUsd ?? 0;
  return model.isUnitPriceDerived ? `≈ ${format.moneyApprox(price)}` : format.money(price);
}

function viewChart(name: string, charts: Charts) {
  const chart = charts.get(name);
  if (chart === undefined) throw new Error(`chart "${name}" was validated but not rendered`);
  return chart;
}

function viewFacts(facts: Facts, format: Formatters) {
  const model = (figures: ModelFigures) => ({
    name: figures.name,
    cost: format.moneyWords(figures.hardwareCostUsd),
    trainingEnergy: format.energy(figures.trainingEnergy),
    months: format.months(figures.trainingMonths),
  });
  return {
    modelCount: format.count(facts.modelCount),
    mostExpensive: model(facts.mostExpensive),
    cheapest: model(facts.cheapest),
    hasCostRange: facts.mostExpensive !== facts.cheapest,
    costRatio: format.times(Math.round(facts.costRatio * 10) / 10),
    totalHardwareCost: format.moneyWords(facts.totalHardwareCostUsd),
    totalTrainingEnergy: format.energyWh(facts.totalTrainingWh),
    mostTrainingEnergy: model(facts.mostTrainingEnergy),
    leastTrainingEnergy: model(facts.leastTrainingEnergy),
    inferenceMin: format.energyWh(facts.inferenceRangeWh.min, 'kWh'),
    inferenceMax: format.energyWh(facts.inferenceRangeWh.max, 'kWh'),
    hasInferenceRange: facts.inferenceRangeWh.min !== facts.inferenceRangeWh.max,
    longestTraining: model(facts.longestTraining),
  };
}
