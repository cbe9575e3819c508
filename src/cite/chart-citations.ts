import { findChartFields } from '../charts/chart-fields.js';
import { fieldsRead } from '../charts/declared-data.js';
import { isDeclaredChart, readDeclaredChart } from '../charts/declared.js';
import type { Deck, SlideInput } from '../model.js';
import { citedByRow } from './cite-marks.js';

/** The references of the figures a chart slide draws: each row's own cite: and its fields' that the chart reads. */
export function chartCitedKeys(slide: SlideInput, deck: Deck): string[] {
  const fields = chartFields(slide.values.chart, deck);
  return [...new Set(deck.rows.flatMap((row) => citedByRow(row, fields)))];
}

/** The fields a slide's chart draws: a declared chart's, a spec's; every field for a chart file (its spec is not at hand). */
function chartFields(chart: unknown, deck: Deck): readonly string[] | undefined {
  const fields = [...deck.fields.values()];
  if (isDeclaredChart(chart)) {
    const read = readDeclaredChart(chart, fields);
    return 'chart' in read ? fieldsRead(read.chart).map((field) => field.name) : undefined;
  }
  return typeof chart === 'object' && chart !== null ? findChartFields(chart, fields) : undefined;
}
