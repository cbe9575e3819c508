import { z } from 'zod';
import { convertEnergy } from '../format/energy.js';
import type { Formatters } from '../format/formatters.js';
import type { ChartTable, Deck, ModelFigures } from '../model.js';

/** The row fields that hold text, so a chart's table may name them. */
export const CHART_TEXT_FIELDS = [
  'model',
  'hardwareCostLabel',
  'unitsLabel',
  'trainingMonthsLabel',
  'trainingEnergyLabel',
  'inferenceEnergyLabel',
] as const;

export type ChartTextField = (typeof CHART_TEXT_FIELDS)[number];

/**
 * One model as the chart specs see it: plain numbers for the scales, and labels made by
 * deck.format so a figure reads the same on a chart as in the table and the sentences.
 */
export interface ChartRow extends Readonly<Record<ChartTextField, string>> {
  readonly hardwareCostUsd: number;
  /** null, not 0, when the model did not report it: vega-lite drops the bar instead of drawing zero. */
  readonly units: number | null;
  readonly trainingMonthsMin: number;
  readonly trainingMonthsMax: number;
  /** Every model in one unit so the bars compare; the label keeps the unit the data was written in. */
  readonly trainingEnergyMwh: number;
  readonly inferenceEnergyKwh: number;
}

// Labels for a figure the data leaves out, by language, like RANGE_WORDS in formatters.ts.
const NOT_REPORTED: Readonly<Record<string, string>> = {
  es: 'no reportado',
  en: 'not reported',
  pt: 'não informado',
  fr: 'non communiqué',
};

export function buildChartRows(deck: Deck): ChartRow[] {
  const notReported = NOT_REPORTED[deck.format.locale.split('-')[0] ?? ''] ?? 'n/a';
  return deck.models.map((model) => buildChartRow(model, deck.format, notReported));
}

function buildChartRow(model: ModelFigures, format: Formatters, notReported: string): ChartRow {
  return {
    model: model.name,
    hardwareCostUsd: model.hardwareCostUsd,
    hardwareCostLabel: format.moneyWords(model.hardwareCostUsd),
    units: model.units ?? null,
    unitsLabel: model.units === undefined ? notReported : format.count(model.units),
    trainingMonthsMin: model.trainingMonths.min,
    trainingMonthsMax: model.trainingMonths.max,
    trainingMonthsLabel: format.months(model.trainingMonths),
    trainingEnergyMwh: convertEnergy(model.trainingEnergy.wh, 'MWh'),
    trainingEnergyLabel: format.energy(model.trainingEnergy),
    inferenceEnergyKwh: convertEnergy(model.inferenceEnergy.wh, 'kWh'),
    inferenceEnergyLabel: format.energy(model.inferenceEnergy),
  };
}

/** What a chart file says about its text alternative, under "usermeta" (which vega-lite ignores). */
const ChartTextSchema = z.object({
  usermeta: z.object({
    datadeck: z.strictObject({
      summary: z.string().trim().min(1),
      table: z.array(z.strictObject({ title: z.string().trim().min(1), field: z.enum(CHART_TEXT_FIELDS) })).min(1),
    }),
  }),
});

export type ChartText = z.infer<typeof ChartTextSchema>['usermeta']['datadeck'];

/** The spec's text alternative settings, or the reason they are unusable. */
export function readChartText(spec: unknown): { text: ChartText } | { problem: string } {
  const parsed = ChartTextSchema.safeParse(spec, { jitless: true });
  if (parsed.success) return { text: parsed.data.usermeta.datadeck };
  const issue = parsed.error.issues[0];
  const where = (issue?.path ?? []).map(String).join('.') || 'usermeta';
  return { problem: `${where}: ${issue?.message ?? 'invalid'}` };
}

/** The same figures as the chart, as one sentence and as a table, for readers who cannot see it. */
export function describeChart(options: { text: ChartText; rows: readonly ChartRow[]; format: Formatters }): {
  summary: string;
  table: ChartTable;
} {
  const { text, rows, format } = options;
  const fields = text.table.map((column) => column.field);
  const cells = rows.map((row) => fields.map((field) => row[field]));
  const items = cells.map(([first = '', ...rest]) => (rest.length === 0 ? first : `${first} (${rest.join(', ')})`));
  return {
    summary: `${text.summary}: ${format.list(items)}.`,
    table: { columns: text.table.map((column) => column.title), rows: cells },
  };
}
