import type { Formatters } from '../format/formatters.js';
import type { ModelFigures } from '../model.js';

/**
 * Splits the summary table into pages that fit a 1280×720 slide. The browser measures nothing at build time,
 * so row heights are estimated from text length and the column widths of the theme's table (17 px type).
 */
export interface PageBudget {
  readonly maxRows: number;
}

// Characters per line of each column at the theme's widths (15/18/12/12/20/23 % of 1136 px, ~8.6 px per character).
const CHARS_PER_LINE = { label: 17, accelerator: 21, cost: 12, months: 12, energy: 24, comment: 27 } as const;
const LINE_PX = 22;
const ROW_PADDING_PX = 15;
// 720 px minus margins, heading, table header and the caveat line.
const BODY_PX = 440;

export function paginateRows(models: readonly ModelFigures[], format: Formatters, budget: PageBudget): ModelFigures[][] {
  const pages: ModelFigures[][] = [];
  let page: ModelFigures[] = [];
  let used = 0;
  for (const model of models) {
    const height = estimateRowHeight(model, format);
    if (page.length > 0 && (page.length >= budget.maxRows || used + height > BODY_PX)) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(model);
    used += height;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

export function estimateRowHeight(model: ModelFigures, format: Formatters): number {
  const lines = (text: string, width: number) => Math.max(1, Math.ceil(text.length / width));
  const accelerator = `${model.accelerator} (≈ ${format.money(model.unitPriceUsd ?? 0)} c/u) × ${format.count(model.units ?? 0)}`;
  const energy =
    lines(`Entrenamiento: ${format.energy(model.trainingEnergy)}`, CHARS_PER_LINE.energy) +
    lines(`Inferencia: ${format.energy(model.inferenceEnergy)} / 1k tokens`, CHARS_PER_LINE.energy);
  const tallest = Math.max(
    lines(model.label, CHARS_PER_LINE.label),
    lines(accelerator, CHARS_PER_LINE.accelerator),
    lines(format.moneyWords(model.hardwareCostUsd), CHARS_PER_LINE.cost),
    lines(format.months(model.trainingMonths), CHARS_PER_LINE.months),
    energy,
    lines(model.comment, CHARS_PER_LINE.comment),
  );
  return tallest * LINE_PX + ROW_PADDING_PX;
}
