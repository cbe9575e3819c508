import type PptxGenJS from 'pptxgenjs';
import type { DeclaredChart } from '../charts/declared.js';
import type { Mark, PreparedChart } from '../charts/declared-data.js';
import { toHex, type PptxTheme } from './pptx-theme.js';

type IChartOpts = PptxGenJS.default.IChartOpts;

/** A chart PowerPoint draws itself: its data goes into the embedded workbook, so "Edit data" opens the figures. */
export interface NativeChart {
  readonly type: PptxGenJS.default.CHART_NAME;
  readonly data: PptxGenJS.default.OptsChartData[];
  readonly options: IChartOpts;
}

// pptxgenjs writes a value that is neither truthy nor 0 as an empty cell: NaN is a missing figure (a gap, not a zero).
const MISSING = Number.NaN;

/** The declared chart as a native one, from the figures the deck prepared; undefined for a kind PowerPoint lacks. */
export function planNativeChart(chart: DeclaredChart, prepared: PreparedChart, theme: PptxTheme): NativeChart | undefined {
  switch (chart.kind) {
    case 'bars':
    case 'grouped-bars':
    case 'stacked-bars':
      return planBars(chart, prepared, theme);
    case 'line':
    case 'points':
    case 'scatter':
      return planPoints(chart, prepared, theme);
    case 'donut':
    case 'pie':
      return planSlices(chart, prepared, theme);
    case 'range-bars':
      // A floating bar (low to high) is no chart type of PowerPoint's: a picture of the deck's chart instead.
      return undefined;
  }
}

function baseOptions(theme: PptxTheme, prepared: PreparedChart, seriesCount: number): IChartOpts {
  const text = { fontFace: theme.font, color: theme.muted };
  return {
    catAxisLabelFontFace: text.fontFace,
    catAxisLabelColor: theme.text,
    catAxisLabelFontSize: 14,
    valAxisLabelFontFace: text.fontFace,
    valAxisLabelColor: text.color,
    valAxisLabelFontSize: 12,
    valAxisTitle: prepared.value.title,
    showValAxisTitle: prepared.value.title !== '',
    valAxisTitleFontFace: text.fontFace,
    valAxisTitleColor: text.color,
    valAxisTitleFontSize: 14,
    valGridLine: { color: theme.border, size: 1 },
    catGridLine: { style: 'none' },
    dataLabelFontFace: theme.font,
    dataLabelColor: theme.text,
    dataLabelFontSize: 12,
    showLegend: seriesCount > 1,
    legendPos: 't',
    legendFontFace: theme.font,
    legendFontSize: 14,
    legendColor: theme.text,
  };
}

function planBars(chart: DeclaredChart, prepared: PreparedChart, theme: PptxTheme): NativeChart {
  const isHorizontal = chart.orientation === 'horizontal';
  // PowerPoint draws a horizontal bar chart's first category at the bottom; the deck reads top to bottom.
  const categories = isHorizontal ? [...prepared.categories].reverse() : [...prepared.categories];
  const seriesNames = prepared.series.length > 0 ? prepared.series : [''];
  const data = seriesNames.map((series) => ({
    name: series === '' ? prepared.value.title : series,
    labels: categories,
    values: categories.map((category) =>
      figureOf(prepared.marks.find((mark) => mark.c === category && (series === '' || mark.s === series))),
    ),
  }));
  // Bars coloured by a category have one series per colour and one bar per category: stacked, they do not leave gaps.
  const isStacked = chart.kind === 'stacked-bars' || (chart.kind === 'bars' && seriesNames.length > 1);
  return {
    type: 'bar',
    data,
    options: {
      ...baseOptions(theme, prepared, seriesNames.length),
      barDir: isHorizontal ? 'bar' : 'col',
      barGrouping: isStacked ? 'stacked' : 'clustered',
      barGapWidthPct: 60,
      chartColors: colorsFor(chart, seriesNames, theme),
      showValue: chart.labels,
      dataLabelPosition: isStacked ? 'ctr' : 'outEnd',
      // Inside a stacked segment a label sits on the colour: white reads on all of the theme's.
      dataLabelColor: isStacked ? 'FFFFFF' : theme.text,
      dataLabelFormatCode: '#,##0.##',
      valAxisLabelFormatCode: '#,##0.##',
      showLegend: seriesNames.length > 1,
    },
  };
}

function planSlices(chart: DeclaredChart, prepared: PreparedChart, theme: PptxTheme): NativeChart {
  const categories = [...prepared.categories];
  const data = [
    {
      name: prepared.value.title,
      labels: categories,
      values: categories.map((category) => figureOf(prepared.marks.find((mark) => mark.c === category))),
    },
  ];
  return {
    type: chart.kind === 'donut' ? 'doughnut' : 'pie',
    data,
    options: {
      ...baseOptions(theme, prepared, categories.length),
      chartColors: colorsFor(chart, categories, theme),
      holeSize: 55,
      showPercent: true,
      showValue: false,
      dataLabelColor: 'FFFFFF',
      dataLabelFontSize: 14,
      dataLabelFontBold: true,
      showLegend: true,
      legendPos: 'r',
    },
  };
}

/** Lines over dates: a line chart of categories. Numbers on both axes (scatter, or a line over numbers): an XY chart. */
function planPoints(chart: DeclaredChart, prepared: PreparedChart, theme: PptxTheme): NativeChart {
  const seriesNames = prepared.series.length > 0 ? prepared.series : [''];
  const isLine = chart.kind === 'line';
  const name = (series: string) => (series === '' ? prepared.value.title : series);
  const markers = { lineDataSymbol: isLine ? ('none' as const) : ('circle' as const), lineDataSymbolSize: 8, lineSize: isLine ? 3 : 0 };
  const options: IChartOpts = {
    ...baseOptions(theme, prepared, seriesNames.length),
    ...markers,
    chartColors: colorsFor(chart, seriesNames, theme),
    catAxisTitle: prepared.x?.title ?? '',
    showCatAxisTitle: (prepared.x?.title ?? '') !== '',
    catAxisTitleFontFace: theme.font,
    catAxisTitleColor: theme.muted,
    catAxisTitleFontSize: 14,
    catAxisLabelFontSize: 12,
    valAxisLabelFormatCode: '#,##0.##',
    ...(chart.scale === 'log' ? { valAxisLogScaleBase: 10 } : {}),
    // A line's labels are its figures, as the deck draws them when the chart asks for labels.
    ...(isLine && chart.labels ? { showValue: true, dataLabelPosition: 't' as const, dataLabelFormatCode: '#,##0.##' } : {}),
  };
  if (prepared.x?.isDate === true) {
    const yearOnly = prepared.x.isYearOnly;
    const xs = [...new Set(prepared.marks.map((mark) => String(mark.x ?? '')))].sort();
    const labels = xs.map((x) => (yearOnly ? x.slice(0, 4) : x.slice(0, 10)));
    const data = seriesNames.map((series) => ({
      name: name(series),
      labels,
      values: xs.map((x) => figureOf(prepared.marks.find((mark) => String(mark.x ?? '') === x && (series === '' || mark.s === series)))),
    }));
    return { type: 'line', data, options };
  }
  // pptxgenjs' XY data: the x values first, then one row of y values per series, gaps where a point is another's.
  const marks = prepared.marks.filter((mark) => typeof mark.x === 'number');
  const xs = marks.map((mark) => (typeof mark.x === 'number' ? mark.x : MISSING));
  const isOf = (mark: Mark, series: string) => series === '' || mark.s === series;
  // Points are named as in the deck (the labelled ones): pptxgenjs writes each series' labels[0] as its points' text.
  const named = !isLine && marks.some((mark) => mark.t !== '');
  const data = [
    { name: prepared.x?.title ?? 'X', values: xs },
    ...seriesNames.map((series) => ({
      name: name(series),
      values: marks.map((mark) => (isOf(mark, series) ? figureOf(mark) : MISSING)),
      ...(named ? { labels: [marks.map((mark) => (isOf(mark, series) ? mark.t : ''))] } : {}),
    })),
  ];
  const labels = named ? { showLabel: true, dataLabelFormatScatter: 'custom' as const, dataLabelPosition: 'r' as const } : {};
  return { type: 'scatter', data, options: { ...options, ...labels, lineSize: isLine ? 3 : 0 } };
}

function figureOf(mark: Mark | undefined): number {
  return mark?.v ?? MISSING;
}

/** The chart's own colours (a list, or one per series name), else the theme's palette in order. */
function colorsFor(chart: DeclaredChart, names: readonly string[], theme: PptxTheme): string[] {
  const declared = chart.colors;
  return names.map((name, index) => {
    const chosen = declared === undefined ? undefined : isList(declared) ? declared[index] : declared[name];
    return toHex(chosen) ?? theme.series[index % theme.series.length] ?? theme.primary;
  });
}

// Array.isArray does not narrow a readonly array out of a union.
function isList(value: readonly string[] | Readonly<Record<string, string>>): value is readonly string[] {
  return Array.isArray(value);
}
