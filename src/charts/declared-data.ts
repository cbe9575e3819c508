import type { Field } from '../data/fields.js';
import { numberOf, type Value } from '../data/values.js';
import { formatAggregate, formatCellText, formatMissing, formatShare, type FormatContext } from '../format/values.js';
import { convert, pickReadableUnit, type Unit } from '../format/units.js';
import type { DeckWords } from '../i18n/words.js';
import type { Cell, ChartTable, Deck, DeckRow } from '../model.js';
import type { DeclaredChart } from './declared.js';

/**
 * A declared chart's figures, ready to draw: one mark per bar, slice or point, in the order drawn, each with the
 * text the table shows for it. Everything a reader sees is decided here, by the deck's formatter; the spec only
 * places it.
 */
export interface PreparedChart {
  readonly marks: readonly Mark[];
  /** The categories in the order drawn (bars, slices): the axis labels. */
  readonly categories: readonly string[];
  /** The series in the order drawn (grouped, stacked, lines, colours): the legend. */
  readonly series: readonly string[];
  /** The value axis: its title (label, unit, which subset) and what its numbers are. */
  readonly value: AxisInfo;
  /** The x axis of a line, points or scatter. */
  readonly x: AxisInfo | undefined;
  /** The donut's total, as the deck writes it. */
  readonly total: string | undefined;
  /** The same figures as text, for readers who cannot see the chart. */
  readonly table: ChartTable;
  /** One phrase per category for the chart's summary sentence. */
  readonly items: readonly string[];
}

export interface Mark {
  /** Category: the bar, slice or point it belongs to. */
  readonly c: string;
  /** Series: the colour, group or line. */
  readonly s: string;
  /** The figure in the axis' unit; null for a missing one (labelled, never drawn as zero). */
  readonly v: number | null;
  /** A range's low end, in the axis' unit. */
  readonly v0?: number | null;
  /** The x position of a line's or scatter's point: a number in the x axis' unit or an ISO date. */
  readonly x?: number | string;
  /** The label the mark shows: the figure as the table writes it, or the missing text. */
  readonly t: string;
  /** True when the figure is missing: the label is drawn in italics at the axis' start. */
  readonly m: boolean;
  /** A slice's share of the total, as text. */
  readonly p?: string;
  /** Where a stacked bar's total label goes (the stack's end), on the stack's last segment only. */
  readonly e?: number;
}

export interface AxisInfo {
  readonly title: string;
  readonly isDate: boolean;
  /** Dates known only to the year: the axis shows years. */
  readonly isYearOnly: boolean;
}

export type ChartWords = DeckWords['chart'];

/** One row's value of a field, what its label says, and whether it was computed. */
interface Reading {
  readonly value: Value | undefined;
  readonly text: string;
}

/** The fields a declared chart reads: what its figures, labels and text alternative depend on. */
export function fieldsRead(chart: DeclaredChart): Field[] {
  return [chart.category, ...chart.values, chart.split, chart.color, chart.x].filter((field): field is Field => field !== undefined);
}

export function prepareChart(chart: DeclaredChart, deck: Deck, words: ChartWords): PreparedChart {
  switch (chart.kind) {
    case 'bars':
    case 'range-bars':
      return prepareBars(chart, deck, words);
    case 'grouped-bars':
    case 'stacked-bars':
      return prepareGroups(chart, deck, words);
    case 'donut':
    case 'pie':
      return prepareSlices(chart, deck, words);
    case 'line':
    case 'points':
    case 'scatter':
      return preparePoints(chart, deck, words);
  }
}

function read(row: DeckRow, field: Field, format: FormatContext): Reading {
  const cell: Cell | undefined = row.cells.get(field.name);
  return { value: cell?.value, text: formatCellText(field, cell, format) };
}

/** Rows grouped by the category's text, in data order; a category named by the first field has one row each. */
function groupRows(deck: Deck, category: Field): { name: string; rows: DeckRow[] }[] {
  const groups = new Map<string, DeckRow[]>();
  for (const row of deck.rows) {
    const name = read(row, category, deck.format).text;
    const rows = groups.get(name) ?? [];
    rows.push(row);
    groups.set(name, rows);
  }
  return [...groups].map(([name, rows]) => ({ name, rows }));
}

/** One figure of a group: a row's own value and text, or the sum of several rows, formatted as a total. */
function sumOf(rows: readonly DeckRow[], field: Field, format: FormatContext): { number: number | null; text: string; missing: boolean } {
  if (rows.length === 1 && rows[0] !== undefined) {
    const reading = read(rows[0], field, format);
    const number = numberOf(reading.value) ?? null;
    return { number, text: reading.text, missing: number === null };
  }
  const numbers = rows.map((row) => numberOf(row.cells.get(field.name)?.value)).filter((number): number is number => number !== undefined);
  if (numbers.length === 0) return { number: null, text: formatMissing(field, format), missing: true };
  const total = numbers.reduce((sum, number) => sum + number, 0);
  return { number: total, text: formatAggregate(field, total, format), missing: false };
}

/** The subset a long chart keeps: the largest `limit` (or the first, in data order), said in the axis title. */
function keepSubset<T>(
  items: readonly T[],
  limit: number,
  sort: DeclaredChart['sort'],
  size: (item: T) => number | null,
  words: ChartWords,
): { kept: T[]; note: string } {
  const ranked = sort === 'none' ? [...items] : [...items].sort((a, b) => (size(b) ?? -Infinity) - (size(a) ?? -Infinity));
  if (items.length <= limit) return { kept: order(items, sort, size), note: '' };
  const kept = new Set(ranked.slice(0, limit));
  const phrase = (sort === 'none' ? words.firstOf : words.largestOf)
    .replace('{shown}', String(limit))
    .replace('{total}', String(items.length));
  return {
    kept: order(
      items.filter((item) => kept.has(item)),
      sort,
      size,
    ),
    note: phrase,
  };
}

// Largest first, or smallest; a missing figure goes last either way. Ties keep the data's order.
function order<T>(items: readonly T[], sort: DeclaredChart['sort'], size: (item: T) => number | null): T[] {
  if (sort === 'none') return [...items];
  const sign = sort === 'descending' ? -1 : 1;
  return [...items].sort((a, b) => {
    const [x, y] = [size(a), size(b)];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (x - y);
  });
}

function prepareBars(chart: DeclaredChart, deck: Deck, words: ChartWords): PreparedChart {
  const [field] = chart.values;
  if (field === undefined) throw new Error('a bar chart has a value');
  const { format } = deck;
  const groups = groupRows(deck, chart.category).map((group) => {
    const color = chart.color === undefined ? '' : read(group.rows[0] as DeckRow, chart.color, format).text;
    if (field.type !== 'range') return { ...group, color, ...sumOf(group.rows, field, format), low: undefined };
    const ends = group.rows
      .map((row) => row.cells.get(field.name)?.value)
      .filter((value): value is Extract<Value, { kind: 'range' }> => value?.kind === 'range');
    const reading = group.rows.length === 1 && group.rows[0] !== undefined ? read(group.rows[0], field, format) : undefined;
    const high = ends.length === 0 ? null : Math.max(...ends.map((end) => end.max));
    const low = ends.length === 0 ? null : Math.min(...ends.map((end) => end.min));
    const text = reading?.text ?? (high === null ? formatMissing(field, format) : formatAggregate(field, high, format));
    return { ...group, color, number: high, text, missing: high === null, low };
  });
  const { kept, note } = keepSubset(groups, chart.limit, chart.sort, (group) => group.number, words);
  const axis = valueAxis(
    field,
    kept.flatMap((group) => (group.number === null ? [] : [group.number])),
    format,
    words,
    note,
  );
  const marks = kept.map(
    (group): Mark => ({
      c: group.name,
      s: group.color,
      v: group.number === null ? null : axis.scale(group.number),
      ...(group.low === undefined ? {} : { v0: group.low === null ? null : axis.scale(group.low) }),
      t: group.text,
      m: group.missing,
    }),
  );
  const series =
    chart.color === undefined
      ? []
      : seriesOrder(
          chart.color,
          marks.map((mark) => mark.s),
        );
  // The text alternative lists every row, not only the ones drawn.
  const rows = order(groups, chart.sort, (group) => group.number).map((group) => [group.name, group.text]);
  return {
    marks,
    categories: kept.map((group) => group.name),
    series,
    value: axis.info,
    x: undefined,
    total: undefined,
    ...describe([chart.category.label, field.label], rows),
  };
}

function prepareGroups(chart: DeclaredChart, deck: Deck, words: ChartWords): PreparedChart {
  const { format } = deck;
  const [first] = chart.values;
  if (first === undefined) throw new Error('a grouped chart has a value');
  const split = chart.split;
  // Series: each listed field, or each value of the split field.
  const seriesNames =
    split === undefined
      ? chart.values.map((field) => field.label)
      : seriesOrder(
          split,
          deck.rows.map((row) => read(row, split, format).text),
        );
  const groups = groupRows(deck, chart.category).map((group) => {
    const parts = seriesNames.map((name, index) => {
      const field = split === undefined ? (chart.values[index] as Field) : first;
      const rows = split === undefined ? group.rows : group.rows.filter((row) => read(row, split, format).text === name);
      return { series: name, ...(rows.length === 0 ? { number: null, text: '', missing: false } : sumOf(rows, field, format)) };
    });
    const present = parts.flatMap((part) => (part.number === null ? [] : [part.number]));
    const total = present.length === 0 ? null : present.reduce((sum, number) => sum + number, 0);
    return { ...group, parts, total };
  });
  const isStacked = chart.kind === 'stacked-bars';
  const size = (group: (typeof groups)[number]) =>
    isStacked ? group.total : Math.max(...group.parts.map((part) => part.number ?? -Infinity));
  const { kept, note } = keepSubset(
    groups,
    chart.limit,
    chart.sort,
    (group) => (Number.isFinite(size(group) ?? NaN) ? size(group) : null),
    words,
  );
  const shown = kept.flatMap((group) => (isStacked ? [group.total ?? 0] : group.parts.map((part) => part.number ?? 0)));
  const axis = valueAxis(first, shown, format, words, note);
  // Several fields share the axis: the legend names them, the axis says only their unit.
  const value = split === undefined ? { ...axis.info, title: [axis.unit, note].filter((part) => part !== '').join(' · ') } : axis.info;
  const marks = kept.flatMap((group) => {
    let end = 0;
    const drawn = group.parts.filter((part) => !(isStacked && part.number === null) && (part.number !== null || part.text !== ''));
    return drawn.map((part, index): Mark => {
      end += part.number ?? 0;
      const isLast = index === drawn.length - 1;
      const totalText = group.total === null ? '' : group.parts.length === 1 ? part.text : formatAggregate(first, group.total, format);
      return {
        c: group.name,
        s: part.series,
        v: part.number === null ? null : axis.scale(part.number),
        t: isStacked ? (isLast ? totalText : '') : part.text,
        m: part.missing,
        ...(isStacked && isLast ? { e: axis.scale(end) } : {}),
      };
    });
  });
  const columns = [chart.category.label, ...seriesNames, ...(isStacked ? [words.total] : [])];
  const rows = order(groups, chart.sort, (group) => (Number.isFinite(size(group) ?? NaN) ? size(group) : null)).map((group) => [
    group.name,
    ...group.parts.map((part) => part.text || formatMissing(first, format)),
    ...(isStacked ? [group.total === null ? '' : formatAggregate(first, group.total, format)] : []),
  ]);
  return {
    marks,
    categories: kept.map((group) => group.name),
    series: seriesNames,
    value,
    x: undefined,
    total: undefined,
    ...describe(columns, rows),
  };
}

function prepareSlices(chart: DeclaredChart, deck: Deck, words: ChartWords): PreparedChart {
  const { format } = deck;
  const [field] = chart.values;
  if (field === undefined) throw new Error('a donut has a value');
  const groups = groupRows(deck, chart.category)
    .map((group) => ({ name: group.name, ...sumOf(group.rows, field, format) }))
    .filter((group) => group.number !== null && group.number > 0);
  const sorted = order(groups, chart.sort, (group) => group.number);
  // Past the limit, the smallest slices are one: "Otros".
  const kept = sorted.length <= chart.limit ? sorted : sorted.slice(0, chart.limit - 1);
  const rest = sorted.slice(kept.length);
  const slices =
    rest.length === 0
      ? kept
      : [
          ...kept,
          {
            name: words.other,
            ...sumOf(
              rest.flatMap((group) => deck.rows.filter((row) => read(row, chart.category, format).text === group.name)),
              field,
              format,
            ),
          },
        ];
  const total = slices.reduce((sum, slice) => sum + (slice.number ?? 0), 0);
  const marks = slices.map(
    (slice): Mark => ({
      c: slice.name,
      s: slice.name,
      v: slice.number,
      t: slice.text,
      m: false,
      p: formatShare((slice.number ?? 0) / total, format),
    }),
  );
  const rows = marks.map((mark) => [mark.c, mark.t, mark.p ?? '']);
  const totalText = formatAggregate(field, total, format);
  return {
    marks,
    categories: marks.map((mark) => mark.c),
    series: marks.map((mark) => mark.c),
    value: { title: field.label, isDate: false, isYearOnly: false },
    x: undefined,
    total: totalText,
    table: { columns: [chart.category.label, field.label, '%'], rows },
    items: marks.map((mark) => `${mark.c} (${mark.t}, ${mark.p ?? ''})`),
  };
}

function preparePoints(chart: DeclaredChart, deck: Deck, words: ChartWords): PreparedChart {
  const { format } = deck;
  const xField = chart.x;
  const [first] = chart.values;
  if (xField === undefined || first === undefined) throw new Error('a line chart has x and y');
  const split = chart.split;
  const isDate = xField.type === 'date';
  const xs = deck.rows.map((row) => numberOf(row.cells.get(xField.name)?.value) ?? null);
  const xAxis = isDate
    ? undefined
    : valueAxis(
        xField,
        xs.filter((x): x is number => x !== null),
        format,
        words,
        '',
      );
  const ys = deck.rows
    .flatMap((row) => chart.values.map((field) => numberOf(row.cells.get(field.name)?.value) ?? null))
    .filter((y): y is number => y !== null);
  const axis = valueAxis(first, ys, format, words, '');
  const isYearOnly =
    isDate &&
    deck.rows.every((row) => {
      const value = row.cells.get(xField.name)?.value;
      return value?.kind !== 'date' || value.precision === 'year';
    });
  const marks: Mark[] = [];
  const rows: string[][] = [];
  // Labelled points: all of them, or the `limit` highest when there are more.
  const labelled = new Set(
    [...deck.rows]
      .sort((a, b) => (numberOf(b.cells.get(first.name)?.value) ?? -Infinity) - (numberOf(a.cells.get(first.name)?.value) ?? -Infinity))
      .slice(0, chart.limit),
  );
  for (const row of deck.rows) {
    const xValue = row.cells.get(xField.name)?.value;
    const x = xValue === undefined ? undefined : xValue.kind === 'date' ? xValue.iso : xAxis?.scale(numberOf(xValue) ?? 0);
    const name = read(row, chart.category, format).text;
    const readings = chart.values.map((field) => read(row, field, format));
    rows.push([name, read(row, xField, format).text, ...readings.map((reading) => reading.text)]);
    if (x === undefined) continue;
    for (const [index, field] of chart.values.entries()) {
      const reading = readings[index] as Reading;
      const number = numberOf(reading.value) ?? null;
      if (number === null) continue;
      const series =
        split !== undefined
          ? read(row, split, format).text
          : chart.color !== undefined
            ? read(row, chart.color, format).text
            : chart.values.length > 1
              ? field.label
              : '';
      const label = chart.kind === 'line' ? reading.text : labelled.has(row) ? name : '';
      marks.push({ c: name, s: series, x, v: axis.scale(number), t: label, m: false });
    }
  }
  const seriesField = split ?? chart.color;
  const series =
    seriesField !== undefined
      ? seriesOrder(
          seriesField,
          marks.map((mark) => mark.s),
        )
      : chart.values.length > 1
        ? chart.values.map((field) => field.label)
        : [];
  const xInfo = xAxis?.info ?? { title: xField.label, isDate, isYearOnly };
  // Several lines share the axis: the legend names them, the axis says their unit (or, without one, all their names).
  const yTitle =
    chart.values.length > 1
      ? { ...axis.info, title: axis.unit === '' ? chart.values.map((field) => field.label).join(', ') : axis.unit }
      : axis.info;
  return {
    marks,
    categories: [],
    series,
    value: yTitle,
    x: xInfo,
    total: undefined,
    ...describe([chart.category.label, xField.label, ...chart.values.map((field) => field.label)], rows),
  };
}

function describe(columns: readonly string[], rows: readonly (readonly string[])[]): { table: ChartTable; items: string[] } {
  return {
    table: { columns, rows },
    items: rows.map(([first = '', ...rest]) => (rest.length === 0 ? first : `${first} (${rest.filter((text) => text !== '').join(', ')})`)),
  };
}

// A category field's declared values give the order; otherwise the order the data first shows them.
function seriesOrder(field: Field, seen: readonly string[]): string[] {
  const unique = [...new Set(seen)];
  if (field.type !== 'category') return unique;
  return [...field.values.filter((value) => unique.includes(value)), ...unique.filter((value) => !field.values.includes(value))];
}

/** The value axis' unit, chosen for the largest figure shown: "GWh", "millones de US$", "%", "meses". */
function valueAxis(
  field: Field,
  numbers: readonly number[],
  format: FormatContext,
  words: ChartWords,
  note: string,
): { scale: (number: number) => number; unit: string; info: AxisInfo } {
  const largest = numbers.reduce((max, number) => Math.max(max, Math.abs(number)), 0);
  const { scale, unit } = pickAxisUnit(field, largest, format, words);
  const title = axisTitle(field.label, unit);
  return { scale, unit, info: { title: note === '' ? title : `${title} · ${note}`, isDate: false, isYearOnly: false } };
}

function axisTitle(label: string, unit: string): string {
  return unit === '' ? label : `${label} (${unit})`;
}

function pickAxisUnit(
  field: Field,
  largest: number,
  format: FormatContext,
  words: ChartWords,
): { scale: (number: number) => number; unit: string } {
  const same = (number: number) => number;
  const byPower = (unit: string, plain: boolean) => {
    if (largest >= 1e9)
      return { scale: (number: number) => number / 1e9, unit: plain ? words.billionPlain : words.billion.replace('{unit}', unit) };
    if (largest >= 1e6)
      return { scale: (number: number) => number / 1e6, unit: plain ? words.millionPlain : words.million.replace('{unit}', unit) };
    return { scale: same, unit };
  };
  switch (field.type) {
    case 'money':
      return byPower(currencySymbol(field.currency, format.locale), false);
    case 'number':
    case 'integer':
      return byPower('', true);
    case 'percent':
      return { scale: (number) => number * 100, unit: '%' };
    case 'quantity': {
      // A fixed display unit stays; figures written in one unit keep it until they reach five digits (2.023 m, not
      // 2,023 km; 12.000 MWh becomes 12 GWh); 'best' picks the readable unit as the table does.
      const unit =
        field.display.kind === 'unit'
          ? field.display.unit
          : field.display.kind === 'written' && largest < 10_000
            ? field.unit
            : pickReadableUnit(largest, field.unit);
      return { scale: (number) => convert(number, field.unit, unit), unit: unitName(unit, format.locale) };
    }
    case 'range':
      return { scale: same, unit: field.unit === undefined ? '' : unitName(field.unit, format.locale) };
    default:
      return { scale: same, unit: '' };
  }
}

/** "US$" in Spanish, "$" in English: the symbol the deck's money shows. */
function currencySymbol(currency: string, locale: string): string {
  const part = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(1).find((item) => item.type === 'currency');
  return part?.value ?? currency;
}

/** A unit as an axis names it: "GWh", or Intl's plural word for time ("meses", "months"). */
function unitName(unit: Unit, locale: string): string {
  if (unit.intlUnit === undefined) return unit.symbol;
  const parts = new Intl.NumberFormat(locale, { style: 'unit', unit: unit.intlUnit, unitDisplay: 'long' }).formatToParts(2);
  return parts.find((part) => part.type === 'unit')?.value ?? unit.symbol;
}
