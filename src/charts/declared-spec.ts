import type { Config, TopLevelSpec } from 'vega-lite';
import type { DeclaredChart } from './declared.js';
import type { Mark, PreparedChart } from './declared-data.js';
import { niceDomain, placePointLabels } from './point-labels.js';
import { wrapText, type TextMeasure } from './text-metrics.js';

/**
 * The Vega-Lite spec that draws a declared chart from its prepared marks (bound as the chart's rows). Sizes and
 * colours come from the theme's config; labels are wrapped or shortened with the deck's font measured, so none
 * runs into another or off the chart.
 */
export function buildDeclaredSpec(
  chart: DeclaredChart,
  prepared: PreparedChart,
  theme: Theme,
  frame: Frame = SLIDE_FRAME,
): { spec: TopLevelSpec; values: readonly object[] } {
  let values: readonly object[] = prepared.marks;
  const spec = (() => {
    switch (chart.kind) {
      case 'bars':
      case 'range-bars':
      case 'grouped-bars':
      case 'stacked-bars':
        // A phone's column has no room for bars side by side: they lie down, one under the other.
        return chart.orientation === 'horizontal' || frame.isNarrow
          ? horizontalBars(chart, prepared, theme, frame)
          : verticalBars(chart, prepared, theme, frame);
      case 'donut':
      case 'pie':
        return slices(chart, prepared, theme, frame);
      case 'line':
      case 'points':
      case 'scatter': {
        const drawn = points(chart, prepared, theme, frame);
        values = drawn.values;
        return drawn.spec;
      }
    }
  })();
  return {
    spec: { width: frame.width, height: frame.height, autosize: { type: 'fit', contains: 'padding' }, ...spec } as TopLevelSpec,
    values,
  };
}

/** The box a chart is drawn in, in px of the page that shows it. */
export interface Frame {
  readonly width: number;
  readonly height: number;
  /** Drawn for the reading view's column on a phone, not for a slide. */
  readonly isNarrow: boolean;
}

// The chart area of a 1280×720 slide; the chart layout's CSS fits the SVG to the space the slide leaves.
export const SLIDE_FRAME: Frame = { width: 1120, height: 500, isNarrow: false };

// A phone's column: 390 px less the reading view's 16 px margins, shown at its own size so text keeps its size.
const NARROW_WIDTH = 358;
// The share of a narrow chart's width its category labels may take.
const NARROW_LABEL_SHARE = 0.34;

/** The narrow frame of a chart: as wide as a phone's column, as tall as its bars, slices or legend need. */
export function narrowFrame(chart: DeclaredChart, prepared: PreparedChart, theme: Theme): Frame {
  const legend = narrowLegendHeight(prepared);
  const line = theme.bandLabel.size * LINE_HEIGHT;
  switch (chart.kind) {
    case 'bars':
    case 'range-bars':
    case 'grouped-bars':
    case 'stacked-bars': {
      const perBar = chart.kind === 'grouped-bars' ? Math.max(1, prepared.series.length) * 18 + 14 : 0;
      // Room for each category's label on up to three lines.
      const wrapped = wrapCategories(prepared.categories, theme, Math.round(NARROW_WIDTH * NARROW_LABEL_SHARE), 3);
      const lines = Math.max(2, ...[...wrapped.values()].map((text) => text.length));
      const band = Math.max((line * lines) / 0.9 + 4, perBar, 42);
      return { width: NARROW_WIDTH, height: Math.round(60 + legend + band * Math.max(1, prepared.categories.length)), isNarrow: true };
    }
    case 'donut':
    case 'pie':
      return { width: NARROW_WIDTH, height: NARROW_WIDTH + 16 + prepared.categories.length * (theme.legendLabelSize + 10), isNarrow: true };
    case 'line':
    case 'points':
    case 'scatter':
      return { width: NARROW_WIDTH, height: 320 + legend, isNarrow: true };
  }
}

/** The height a legend of several series takes in the narrow frame: two columns of 30 px rows (see legendTop). */
function narrowLegendHeight(prepared: PreparedChart): number {
  return prepared.series.length > 1 ? 30 * Math.ceil(prepared.series.length / 2) + 12 : 0;
}

/**
 * The theme's chart config for the narrow frame: every font size at 80%, none under 14 px, label limits in
 * proportion to the narrower chart, and at most four ticks on an axis.
 */
export function narrowConfig(config: Config): Config {
  const scale = (value: unknown, key: string): unknown => {
    if (typeof value === 'number' && /fontsize$/i.test(key)) return Math.max(14, Math.round(value * 0.8));
    if (typeof value === 'number' && key === 'labelLimit') return Math.round(value * 0.5);
    if (typeof value === 'number' && key === 'tickCount') return Math.min(value, 4);
    if (Array.isArray(value) || typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, scale(inner, name)]));
  };
  return scale(config, '') as Config;
}

/** What the spec reads off the theme: sizes of text, the palette, and the font measure when there is one. */
export interface Theme {
  readonly measure: TextMeasure | undefined;
  readonly bandLabel: { readonly size: number; readonly weight: number };
  readonly valueLabel: { readonly size: number; readonly weight: number };
  readonly legendLabelSize: number;
  readonly axisTitle: { readonly size: number; readonly weight: number };
  readonly palette: readonly string[];
  readonly muted: string;
  readonly ink: string;
}

export function readTheme(config: Config, measure: TextMeasure | undefined): Theme {
  const at = (path: string[], fallback: unknown): unknown => {
    let value: unknown = config;
    for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    return value ?? fallback;
  };
  const number = (path: string[], fallback: number) => {
    const value = at(path, fallback);
    return typeof value === 'number' ? value : fallback;
  };
  const weight = (path: string[], fallback: number) => {
    const value = at(path, fallback);
    return value === 'bold' ? 700 : typeof value === 'number' ? value : fallback;
  };
  const palette = at(['range', 'category'], DEFAULT_PALETTE);
  const color = (path: string[], fallback: string) => {
    const value = at(path, fallback);
    return typeof value === 'string' ? value : fallback;
  };
  return {
    measure,
    bandLabel: {
      size: number(['axisBand', 'labelFontSize'], number(['axis', 'labelFontSize'], 18)),
      weight: weight(['axisBand', 'labelFontWeight'], 400),
    },
    valueLabel: { size: number(['text', 'fontSize'], 18), weight: weight(['text', 'fontWeight'], 400) },
    legendLabelSize: number(['legend', 'labelFontSize'], 18),
    axisTitle: { size: number(['axis', 'titleFontSize'], 20), weight: weight(['axis', 'titleFontWeight'], 600) },
    palette: Array.isArray(palette) && palette.every((item) => typeof item === 'string') ? (palette as string[]) : DEFAULT_PALETTE,
    muted: color(['axis', 'labelColor'], '#5b6475'),
    ink: color(['text', 'color'], '#1d2433'),
  };
}

const DEFAULT_PALETTE = ['#0b5cad', '#d9480f', '#2b8a3e', '#862e9c', '#5b6475', '#0c7c8c', '#a61e4d', '#1d2433'];

const LINE_HEIGHT = 1.15;

type Json = Record<string, unknown>;

/** A vega expression that maps each category to its label's lines: an object literal looked up by the value. */
function lookup(entries: ReadonlyMap<string, unknown>): string {
  const pairs = [...entries].map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  return `({${pairs.join(', ')}})[datum.value]`;
}

function wrapCategories(categories: readonly string[], theme: Theme, width: number, maxLines: number): Map<string, string[]> {
  const { size, weight } = theme.bandLabel;
  return new Map(
    categories.map((category) => [
      category,
      theme.measure === undefined ? [category] : wrapText(category, { width, maxLines, size, weight, measure: theme.measure }),
    ]),
  );
}

function colorEncoding(chart: DeclaredChart, prepared: PreparedChart, theme: Theme, legend: Json | null): Json | undefined {
  if (prepared.series.length === 0) return undefined;
  return {
    field: 's',
    type: 'nominal',
    scale: { domain: prepared.series, range: pickColors(chart, prepared.series, theme) },
    legend,
    title: null,
  };
}

/** The declared colours (a list, or a colour per category), the theme's palette for the rest. */
function pickColors(chart: DeclaredChart, series: readonly string[], theme: Theme): string[] {
  const { colors } = chart;
  const palette = Array.isArray(colors) ? [...colors, ...theme.palette] : [...theme.palette];
  const named = colors !== undefined && !Array.isArray(colors) ? (colors as Readonly<Record<string, string>>) : {};
  let next = 0;
  return series.map((name) => named[name] ?? palette[next++ % palette.length] ?? '#0b5cad');
}

const LEGEND_TOP: Json = { orient: 'top', direction: 'horizontal', title: null };

// In a phone's column a legend of several series takes two columns, not one line past the edge.
function legendTop(frame: Frame): Json {
  return frame.isNarrow ? { ...LEGEND_TOP, columns: 2 } : LEGEND_TOP;
}

// A missing figure's label is set apart: muted, in italics, at the axis' start.
const missingStyle = (theme: Theme): Json => ({
  fontStyle: { expr: "datum.m ? 'italic' : 'normal'" },
  fontWeight: { expr: `datum.m ? 400 : ${theme.valueLabel.weight}` },
});
const missingColor = (theme: Theme): Json => ({ condition: { test: 'datum.m', value: theme.muted }, value: theme.ink });

function horizontalBars(chart: DeclaredChart, prepared: PreparedChart, theme: Theme, frame: Frame): Json {
  const categories = prepared.categories;
  const legend = frame.isNarrow ? narrowLegendHeight(prepared) : 0;
  const band = (frame.height - 60 - legend) / Math.max(categories.length, 1);
  const lineHeight = theme.bandLabel.size * LINE_HEIGHT;
  const maxLines = Math.max(1, Math.min(3, Math.floor((band * 0.9) / lineHeight)));
  const labelWidth = Math.round(frame.width * (frame.isNarrow ? NARROW_LABEL_SHARE : 0.3));
  const lines = wrapCategories(categories, theme, labelWidth, maxLines);
  const offsets = new Map([...lines].map(([category, text]) => [category, -((text.length - 1) * lineHeight) / 2]));
  const y: Json = {
    field: 'c',
    type: 'nominal',
    sort: null,
    title: null,
    axis: { labelExpr: lookup(lines), labelOffset: { expr: lookup(offsets) }, labelLineHeight: lineHeight, labelLimit: labelWidth + 8 },
  };
  const isStacked = chart.kind === 'stacked-bars';
  // Each value label sits past its bar's end: the axis reaches far enough that the longest one stays inside.
  const widest = Math.max(
    0,
    ...[...lines.values()].flat().map((line) => theme.measure?.width(line, theme.bandLabel.size, theme.bandLabel.weight) ?? labelWidth),
  );
  // The category labels, their padding and the chart's own padding take the rest.
  const plotWidth = frame.width - Math.min(widest, labelWidth) - 36;
  const reach = chart.labels ? labelReach(prepared, theme, isStacked, plotWidth) : 0;
  const { layer, offset } = drawBars(chart, prepared, theme, 'x', band, frame, reach);
  if (chart.labels) {
    layer.push({
      transform: [{ filter: "datum.t != ''" }, { calculate: isStacked ? 'datum.e' : 'datum.m ? 0 : datum.v', as: 'lx' }],
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: 12, ...missingStyle(theme) },
      encoding: { x: { field: 'lx', type: 'quantitative' }, text: { field: 't' }, color: missingColor(theme), ...offset },
    });
  }
  return { transform: orderTransform(prepared), encoding: { y }, layer };
}

function verticalBars(chart: DeclaredChart, prepared: PreparedChart, theme: Theme, frame: Frame): Json {
  const categories = prepared.categories;
  const band = (frame.width - 120) / Math.max(categories.length, 1);
  const lineHeight = theme.bandLabel.size * LINE_HEIGHT;
  const lines = wrapCategories(categories, theme, Math.max(40, band * 0.92), 3);
  const x: Json = {
    field: 'c',
    type: 'nominal',
    sort: null,
    title: null,
    axis: { labelExpr: lookup(lines), labelAngle: 0, labelBaseline: 'top', labelLineHeight: lineHeight, labelLimit: Math.max(48, band) },
  };
  const isGrouped = chart.kind === 'grouped-bars';
  const isStacked = chart.kind === 'stacked-bars';
  const { layer, offset } = drawBars(chart, prepared, theme, 'y', band, frame);
  if (chart.labels) {
    const size = fitLabelSize(prepared.marks, theme, isGrouped ? (band * 0.9) / Math.max(prepared.series.length, 1) : band);
    layer.push({
      transform: [{ filter: "datum.t != ''" }, { calculate: isStacked ? 'datum.e' : 'datum.m ? 0 : datum.v', as: 'ly' }],
      mark: { type: 'text', align: 'center', baseline: 'bottom', dy: -8, fontSize: size, ...missingStyle(theme) },
      encoding: { y: { field: 'ly', type: 'quantitative' }, text: { field: 't' }, color: missingColor(theme), ...offset },
    });
  }
  return { transform: orderTransform(prepared), encoding: { x }, layer };
}

/**
 * The bars along the value axis (`x` for horizontal bars, `y` for vertical ones), grouped side by side or
 * stacked, and for range bars a tick where a range's ends meet (a zero-length bar would vanish). The offset
 * places a grouped bar's label over its own bar.
 */
function drawBars(
  chart: DeclaredChart,
  prepared: PreparedChart,
  theme: Theme,
  along: 'x' | 'y',
  band: number,
  frame: Frame,
  reach = 0,
): { layer: Json[]; offset: Json } {
  const across = along === 'x' ? 'y' : 'x';
  const isGrouped = chart.kind === 'grouped-bars';
  const isStacked = chart.kind === 'stacked-bars';
  const isRange = chart.kind === 'range-bars';
  const color = colorEncoding(chart, prepared, theme, prepared.series.length > 0 ? legendTop(frame) : null);
  const colored = color === undefined ? {} : { color };
  const value: Json = {
    field: 'v',
    type: 'quantitative',
    title: axisTitle(prepared.value.title, theme, frame),
    stack: isStacked ? 'zero' : null,
    scale: valueScale(prepared, isStacked, reach),
  };
  const offset: Json = isGrouped
    ? { [`${across}Offset`]: { field: 's', type: 'nominal', sort: prepared.series, scale: { paddingInner: 0.08 } } }
    : {};
  const thickness = { [along === 'x' ? 'height' : 'width']: isGrouped ? { band: 0.9 } : { band: 0.62 } };
  const layer: Json[] = [
    {
      mark: { type: 'bar', ...thickness, cornerRadiusEnd: isStacked ? 0 : 4, invalid: 'filter' },
      encoding: {
        [along]: value,
        ...(isRange ? { [`${along}2`]: { field: 'v0' } } : {}),
        ...colored,
        ...offset,
        ...(isStacked ? { order: { field: 'o' } } : {}),
      },
    },
  ];
  if (isRange) {
    layer.push({
      transform: [{ filter: 'datum.v != null && datum.v0 == datum.v' }],
      mark: {
        type: 'tick',
        ...(along === 'y' ? { orient: 'horizontal' } : {}),
        thickness: 8,
        size: Math.min(38, band * 0.62),
        cornerRadius: 4,
        opacity: 1,
      },
      encoding: { [along]: { field: 'v', type: 'quantitative' }, ...colored },
    });
  }
  return { layer, offset };
}

/**
 * A bar chart's value axis: from zero (or the lowest figure) to a round end past the longest bar, and at least
 * to `reach`, fixed.
 */
function valueScale(prepared: PreparedChart, isStacked: boolean, reach: number): Json {
  const ends = prepared.marks.flatMap((mark) => (isStacked ? [mark.e ?? 0] : [mark.v ?? 0, mark.v0 ?? 0]));
  const domain = niceDomain([0, ...ends, reach], { isLog: false, zero: true, headroom: false });
  return { domain: [domain.min, domain.max], nice: false, zero: true };
}

/**
 * How far a horizontal bar chart's value axis must reach for every value label, drawn 12 px past its bar's end,
 * to end inside a plot `plotWidth` px wide: a bar ending at v with a label w px wide needs v · plot / (plot − w).
 */
function labelReach(prepared: PreparedChart, theme: Theme, isStacked: boolean, plotWidth: number): number {
  const { measure } = theme;
  if (measure === undefined) return 0;
  const { size, weight } = theme.valueLabel;
  return prepared.marks.reduce((reach, mark) => {
    const end = mark.t === '' || mark.m ? 0 : isStacked ? (mark.e ?? 0) : (mark.v ?? 0);
    const room = plotWidth - measure.width(mark.t, size, weight) - 16;
    return room > 0 && end > 0 ? Math.max(reach, (end * plotWidth) / room) : reach;
  }, 0);
}

// Stacks follow the legend's order: the first series at the axis.
function orderTransform(prepared: PreparedChart): Json[] {
  return prepared.series.length === 0 ? [] : [{ calculate: `indexof(${JSON.stringify(prepared.series)}, datum.s)`, as: 'o' }];
}

/** A value label over a narrow bar gets smaller, down to 16 px, so neighbours' labels do not touch. */
function fitLabelSize(marks: readonly Mark[], theme: Theme, room: number): number {
  const { size, weight } = theme.valueLabel;
  if (theme.measure === undefined) return size;
  const widest = marks.reduce((max, mark) => Math.max(max, theme.measure?.width(mark.t, size, weight) ?? 0), 0);
  if (widest <= room * 0.95) return size;
  return Math.max(16, Math.floor((size * room * 0.95) / widest));
}

function slices(chart: DeclaredChart, prepared: PreparedChart, theme: Theme, frame: Frame): Json {
  const radius = frame.isNarrow ? frame.width / 2 - 12 : frame.height / 2 - 20;
  const isDonut = chart.kind === 'donut';
  const legendLabels = new Map(prepared.marks.map((mark) => [mark.c, `${mark.c} · ${mark.p ?? ''}`]));
  const color = {
    field: 'c',
    type: 'nominal',
    scale: { domain: prepared.categories, range: pickColors(chart, prepared.categories, theme) },
    legend: {
      orient: frame.isNarrow ? 'bottom' : 'right',
      direction: 'vertical',
      title: null,
      labelExpr: lookup(legendLabels),
      labelLimit: frame.isNarrow ? frame.width - 40 : 420,
      symbolType: 'circle',
    },
  };
  const theta = { field: 'v', type: 'quantitative', stack: true };
  const order = { field: 'i' };
  const layer: Json[] = [
    {
      mark: { type: 'arc', outerRadius: radius, innerRadius: isDonut ? radius * 0.56 : 0, stroke: '#ffffff', strokeWidth: 2 },
      encoding: { theta, color, order },
    },
  ];
  if (chart.labels) {
    // Shares inside the slices wide enough to hold them; every share is in the legend too.
    layer.push({
      transform: [
        { joinaggregate: [{ op: 'sum', field: 'v', as: 'all' }] },
        { calculate: 'datum.v / datum.all >= 0.06 ? datum.p : ""', as: 'shown' },
      ],
      mark: {
        type: 'text',
        radius: isDonut ? radius * 0.78 : radius * 0.66,
        fill: '#ffffff',
        fontSize: theme.valueLabel.size,
        fontWeight: theme.valueLabel.weight,
      },
      encoding: { theta, text: { field: 'shown' }, order },
    });
  }
  if (isDonut && prepared.total !== undefined) {
    layer.push({
      transform: [{ aggregate: [{ op: 'count', as: 'n' }] }],
      mark: {
        type: 'text',
        text: prepared.total,
        fontSize: Math.round(theme.valueLabel.size * 1.4),
        fontWeight: 700,
        color: theme.ink,
        baseline: 'middle',
      },
    });
  }
  return { transform: [{ window: [{ op: 'row_number', as: 'i' }] }], layer };
}

function points(chart: DeclaredChart, prepared: PreparedChart, theme: Theme, frame: Frame): { spec: Json; values: readonly object[] } {
  const xInfo = prepared.x;
  const isDate = xInfo?.isDate === true;
  const isLog = chart.scale === 'log';
  const values = prepared.marks.map((mark) => mark.v).filter((value): value is number => value !== null);
  const xOf = (mark: Mark) => (typeof mark.x === 'number' ? mark.x : Date.parse(String(mark.x)));
  const xs = prepared.marks.map(xOf).filter(Number.isFinite);
  // A series far from zero (ppm from 390 to 425) is read on its own range; figures near zero keep the zero.
  const nearZero = (list: readonly number[]) => list.length > 0 && Math.min(...list) >= 0 && Math.min(...list) <= Math.max(...list) * 0.5;
  const yDomain = niceDomain(values, { isLog, zero: nearZero(values) });
  const xDomain = isDate
    ? { min: Math.min(...xs), max: Math.max(...xs), isLog: false }
    : niceDomain(xs, { isLog: false, zero: nearZero(xs) });
  const padding = isDate ? 24 : 0;
  const xTitle = axisTitle(xInfo?.title ?? '', theme, frame);
  const x: Json = isDate
    ? { ...dateAxis(prepared, padding, frame.isNarrow ? 4 : 10), title: xTitle }
    : { field: 'x', type: 'quantitative', title: xTitle, scale: { domain: [xDomain.min, xDomain.max], nice: false } };
  // A phone's chart is too short for a vertical title: it reads across, above the plot.
  const y: Json = {
    field: 'v',
    type: 'quantitative',
    title: frame.isNarrow ? null : prepared.value.title,
    scale: { type: chart.scale, domain: [yDomain.min, yDomain.max], nice: false },
  };
  const hasLegend = prepared.series.length > 1 || chart.color !== undefined;
  const color = colorEncoding(chart, prepared, theme, hasLegend ? legendTop(frame) : null);
  const encoding = { x, y, ...(color === undefined ? {} : { color }) };
  const font = { size: Math.min(theme.valueLabel.size, 18), weight: theme.valueLabel.weight };
  const layer: Json[] = [];
  if (chart.kind === 'line') {
    layer.push({ mark: { type: 'line', strokeWidth: 3, point: { filled: true, size: 90 }, invalid: 'break-paths-filter-domains' } });
    if (chart.labels) {
      layer.push({
        transform: [{ filter: "datum.t != ''" }],
        mark: { type: 'text', align: 'center', baseline: 'bottom', dy: -12, ...font, fontSize: font.size },
        encoding: { text: { field: 't' }, color: { value: theme.ink } },
      });
    }
    return { spec: { ...aboveTitle(prepared.value.title, theme, frame), encoding, layer }, values: prepared.marks };
  }
  layer.push({ mark: { type: 'point', filled: true, size: 220, opacity: 1 } });
  // The plot inside the chart: the axes' labels and titles, and a legend on top, take the rest.
  const plot = { width: frame.width - (frame.isNarrow ? 70 : 140), height: frame.height - 90 - (hasLegend ? 44 : 0), padding };
  const placed = chart.labels
    ? placePointLabels({ marks: prepared.marks, x: xOf, xDomain, yDomain, plot, font, measure: theme.measure })
    : prepared.marks;
  if (chart.labels) {
    layer.push({
      transform: [{ filter: "datum.t != ''" }],
      mark: {
        type: 'text',
        fontSize: font.size,
        fontWeight: font.weight,
        align: { expr: 'datum.la' },
        baseline: { expr: 'datum.lb' },
        dx: { expr: 'datum.ldx' },
        dy: { expr: 'datum.ldy' },
      },
      encoding: { text: { field: 't' }, color: { value: theme.ink } },
    });
  }
  return { spec: { ...aboveTitle(prepared.value.title, theme, frame), encoding, layer }, values: placed };
}

/** An axis title: as it is on a slide, on as many lines as it needs in a phone's column. */
function axisTitle(title: string, theme: Theme, frame: Frame): string | string[] | null {
  if (title === '') return null;
  if (!frame.isNarrow || theme.measure === undefined) return title;
  const { size, weight } = theme.axisTitle;
  return wrapText(title, { width: frame.width - 24, maxLines: 3, size, weight, measure: theme.measure });
}

/** In the narrow frame, the value axis' title as the chart's own title, across the top, left-aligned. */
function aboveTitle(title: string, theme: Theme, frame: Frame): Json {
  const text = frame.isNarrow ? axisTitle(title, theme, frame) : null;
  if (text === null) return {};
  const { size, weight } = theme.axisTitle;
  return { title: { text, anchor: 'start', frame: 'bounds', fontSize: size, fontWeight: weight, color: theme.muted, offset: 12 } };
}

function dateAxis(prepared: PreparedChart, padding: number, maxTicks: number): Json {
  const times = prepared.marks.map((mark) => Date.parse(String(mark.x))).filter(Number.isFinite);
  const first = new Date(Math.min(...times));
  const last = new Date(Math.max(...times));
  const years = last.getUTCFullYear() - first.getUTCFullYear() + 1;
  const months = (last.getUTCFullYear() - first.getUTCFullYear()) * 12 + last.getUTCMonth() - first.getUTCMonth() + 1;
  // Years when the data spans several, months (in the deck's language: "mar 2024") when it spans fewer.
  const axis: Json =
    prepared.x?.isYearOnly === true || years > 3
      ? { format: '%Y', tickCount: { interval: 'year', step: Math.max(1, Math.ceil(years / maxTicks)) } }
      : { format: '%b %Y', tickCount: { interval: 'month', step: Math.max(1, Math.ceil(months / Math.round(maxTicks * 0.8))) } };
  return { field: 'x', type: 'temporal', title: prepared.x?.title ?? null, axis, scale: { nice: false, padding } };
}
