import type { Field } from '../data/fields.js';
import { isNumericField } from '../data/fields.js';
import { messages, suggestName, type ChartFieldRole, type Message } from '../errors/messages.js';
import type { PathSegment } from '../model.js';

/**
 * The chart vocabulary: a chart declared in a few YAML lines (its kind, the fields it shows, options), checked
 * against the deck's fields and drawn by declared-spec.ts. A slide's chart with `kind:` is one of these; any other
 * mapping is a Vega-Lite spec.
 */
export const CHART_KINDS = ['bars', 'grouped-bars', 'stacked-bars', 'range-bars', 'line', 'points', 'scatter', 'donut', 'pie'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/** What a field must be to fill a role: shown in errors as the fields that fit. */
export type FieldRole = ChartFieldRole;

const ROLE_TYPES: Readonly<Record<FieldRole, (field: Field) => boolean>> = {
  number: isNumericField,
  range: (field) => field.type === 'range',
  label: (field) => field.type === 'text' || field.type === 'category' || field.type === 'date',
  group: (field) => field.type === 'category' || field.type === 'text',
  axis: (field) => isNumericField(field) || field.type === 'date',
};

type OptionSpec =
  | { readonly type: 'field'; readonly role: FieldRole }
  | { readonly type: 'fields'; readonly role: FieldRole }
  | { readonly type: 'choice'; readonly values: readonly string[] }
  | { readonly type: 'boolean' }
  | { readonly type: 'count' }
  | { readonly type: 'text' }
  | { readonly type: 'colors' };

const OPTIONS = {
  kind: { type: 'choice', values: CHART_KINDS },
  value: { type: 'field', role: 'number' },
  values: { type: 'fields', role: 'number' },
  category: { type: 'field', role: 'label' },
  split: { type: 'field', role: 'group' },
  color: { type: 'field', role: 'group' },
  series: { type: 'field', role: 'group' },
  label: { type: 'field', role: 'label' },
  x: { type: 'field', role: 'axis' },
  y: { type: 'fields', role: 'number' },
  orientation: { type: 'choice', values: ['horizontal', 'vertical'] },
  sort: { type: 'choice', values: ['descending', 'ascending', 'none'] },
  scale: { type: 'choice', values: ['linear', 'log'] },
  labels: { type: 'boolean' },
  limit: { type: 'count' },
  colors: { type: 'colors' },
  summary: { type: 'text' },
} as const satisfies Record<string, OptionSpec>;

type OptionName = keyof typeof OPTIONS;

const COMMON: readonly OptionName[] = ['kind', 'labels', 'colors', 'summary'];
const BARS: readonly OptionName[] = [...COMMON, 'category', 'orientation', 'sort', 'limit'];

/** The options each kind takes, and the ones it needs. */
const KINDS: Readonly<
  Record<
    ChartKind,
    {
      readonly takes: readonly OptionName[];
      readonly needs: readonly OptionName[];
      readonly example: string;
      readonly valueRole?: FieldRole;
    }
  >
> = {
  bars: { takes: [...BARS, 'value', 'color'], needs: ['value'], example: '{ kind: bars, value: <number field> }' },
  'grouped-bars': {
    takes: [...BARS, 'values', 'value', 'split'],
    needs: [],
    example: '{ kind: grouped-bars, values: [<field>, <field>] }',
  },
  'stacked-bars': {
    takes: [...BARS, 'values', 'value', 'split'],
    needs: [],
    example: '{ kind: stacked-bars, value: <number field>, split: <category field> }',
  },
  'range-bars': { takes: [...BARS, 'value'], needs: ['value'], example: '{ kind: range-bars, value: <range field> }', valueRole: 'range' },
  line: {
    takes: [...COMMON, 'x', 'y', 'series', 'scale'],
    needs: ['x', 'y'],
    example: '{ kind: line, x: <date field>, y: <number field> }',
  },
  points: {
    takes: [...COMMON, 'x', 'y', 'series', 'label', 'scale'],
    needs: ['x', 'y'],
    example: '{ kind: points, x: <date field>, y: <number field> }',
  },
  scatter: {
    takes: [...COMMON, 'x', 'y', 'label', 'color', 'scale', 'limit'],
    needs: ['x', 'y'],
    example: '{ kind: scatter, x: <number field>, y: <number field> }',
  },
  donut: {
    takes: [...COMMON, 'value', 'category', 'limit'],
    needs: ['value'],
    example: '{ kind: donut, value: <number field>, category: <category field> }',
  },
  pie: {
    takes: [...COMMON, 'value', 'category', 'limit'],
    needs: ['value'],
    example: '{ kind: pie, value: <number field>, category: <category field> }',
  },
};

/** A declared chart, checked: every field resolved, every default applied. */
export interface DeclaredChart {
  readonly kind: ChartKind;
  /** Names each bar, slice or point: the first field unless the chart says otherwise. */
  readonly category: Field;
  /** The figures drawn: one field, or several sharing one axis (grouped or stacked bars, several lines). */
  readonly values: readonly Field[];
  /** Splits one value by a category field: grouped and stacked bars, one line per series. */
  readonly split: Field | undefined;
  /** Colours bars or points by a category field. */
  readonly color: Field | undefined;
  /** The x axis of a line, points or scatter. */
  readonly x: Field | undefined;
  readonly orientation: 'horizontal' | 'vertical';
  readonly sort: 'descending' | 'ascending' | 'none';
  readonly scale: 'linear' | 'log';
  readonly labels: boolean;
  /** The most bars, slices or labelled points shown; the chart says which subset it shows. */
  readonly limit: number;
  readonly colors: readonly string[] | Readonly<Record<string, string>> | undefined;
  readonly summary: string | undefined;
}

export interface ChartProblem extends Message {
  readonly path: readonly PathSegment[];
  /** The problem is the key at the end of the path (an option the kind does not take), not its value. */
  readonly isKey?: boolean;
}

/** True when a slide's chart mapping uses the vocabulary (it has `kind:`) rather than Vega-Lite. */
export function isDeclaredChart(chart: unknown): chart is Record<string, unknown> {
  return typeof chart === 'object' && chart !== null && !Array.isArray(chart) && Object.hasOwn(chart, 'kind');
}

/** The chart checked against the deck's fields: the chart, or every problem with its path inside the chart. */
export function readDeclaredChart(
  raw: Record<string, unknown>,
  fields: readonly Field[],
): { chart: DeclaredChart } | { problems: ChartProblem[] } {
  const kind = raw.kind;
  if (typeof kind !== 'string' || !(CHART_KINDS as readonly string[]).includes(kind)) {
    const suggestion = typeof kind === 'string' ? suggestName(kind, CHART_KINDS) : undefined;
    return { problems: [{ ...messages.chartKindUnknown(kind, CHART_KINDS, suggestion), path: ['kind'] }] };
  }
  const spec = KINDS[kind as ChartKind];
  const problems: ChartProblem[] = [];
  const read = new Map<OptionName, unknown>();
  for (const [key, value] of Object.entries(raw)) {
    if (!(spec.takes as readonly string[]).includes(key)) {
      problems.push({ ...messages.chartOptionUnknown(key, kind, spec.takes, suggestName(key, spec.takes)), path: [key], isKey: true });
      continue;
    }
    const option = key as OptionName;
    const optionSpec: OptionSpec =
      option === 'value' && spec.valueRole !== undefined ? { type: 'field', role: spec.valueRole } : OPTIONS[option];
    const parsed = readOption(option, optionSpec, value, fields);
    if ('problems' in parsed) problems.push(...parsed.problems.map((problem) => ({ ...problem, path: [key, ...problem.path] })));
    else read.set(option, parsed.value);
  }
  for (const option of spec.needs)
    if (!Object.hasOwn(raw, option)) problems.push({ ...messages.chartOptionMissing(option, kind, spec.example), path: [] });
  problems.push(...checkCombination(kind as ChartKind, raw, read, spec.example));
  if (problems.length > 0) return { problems };
  return { chart: assemble(kind as ChartKind, read, fields) };
}

function readOption(
  name: OptionName,
  spec: OptionSpec,
  value: unknown,
  fields: readonly Field[],
): { value: unknown } | { problems: ChartProblem[] } {
  const bad = (message: Message, path: PathSegment[] = []) => ({ problems: [{ ...message, path }] });
  switch (spec.type) {
    case 'field':
      return readField(name, spec.role, value, fields, []);
    case 'fields': {
      if (!Array.isArray(value)) return readField(name, spec.role, value, fields, []);
      if (value.length === 0) return bad(messages.chartFieldsEmpty(name));
      const read = value.map((item, index) => readField(name, spec.role, item, fields, [index]));
      const problems = read.flatMap((item) => ('problems' in item ? item.problems : []));
      return problems.length > 0 ? { problems } : { value: read.map((item) => ('value' in item ? item.value : undefined)) };
    }
    case 'choice':
      return typeof value === 'string' && spec.values.includes(value)
        ? { value }
        : bad(messages.chartOptionChoice(name, value, spec.values));
    case 'boolean':
      return typeof value === 'boolean' ? { value } : bad(messages.chartOptionChoice(name, value, ['true', 'false']));
    case 'count':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 1000
        ? { value }
        : bad(messages.chartLimit(value));
    case 'text':
      return typeof value === 'string' && value.trim() !== '' ? { value: value.trim() } : bad(messages.expectedText(value));
    case 'colors':
      return readColors(value);
  }
}

function readField(
  option: string,
  role: FieldRole,
  value: unknown,
  fields: readonly Field[],
  path: PathSegment[],
): { value: Field } | { problems: ChartProblem[] } {
  const fitting = fields.filter(ROLE_TYPES[role]).map((field) => field.name);
  if (typeof value !== 'string') return { problems: [{ ...messages.chartFieldExpected(option, value, role, fitting), path }] };
  const field = fields.find((candidate) => candidate.name === value);
  if (field === undefined) {
    return {
      problems: [
        {
          ...messages.chartFieldUnknown(
            option,
            value,
            role,
            fitting,
            suggestName(
              value,
              fields.map((candidate) => candidate.name),
            ),
          ),
          path,
        },
      ],
    };
  }
  if (!ROLE_TYPES[role](field)) return { problems: [{ ...messages.chartFieldType(option, field.name, field.type, role, fitting), path }] };
  return { value: field };
}

// A CSS hex colour: what the theme's palette uses, and what vega draws the same in every browser.
const HEX = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

function readColors(value: unknown): { value: unknown } | { problems: ChartProblem[] } {
  const entries: [PathSegment, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : typeof value === 'object' && value !== null
      ? Object.entries(value)
      : [];
  if (entries.length === 0) return { problems: [{ ...messages.chartColors(value), path: [] }] };
  const problems = entries
    .filter(([, color]) => typeof color !== 'string' || !HEX.test(color))
    .map(([key, color]) => ({ ...messages.chartColor(color), path: [key] }));
  return problems.length > 0 ? { problems } : { value };
}

/** What each option alone cannot say: grouped bars need two figures, a log scale no bars, one unit per axis. */
function checkCombination(
  kind: ChartKind,
  raw: Record<string, unknown>,
  read: ReadonlyMap<OptionName, unknown>,
  example: string,
): ChartProblem[] {
  const problems: ChartProblem[] = [];
  if (kind === 'grouped-bars' || kind === 'stacked-bars') {
    const hasValues = Object.hasOwn(raw, 'values');
    const hasSplit = Object.hasOwn(raw, 'value') || Object.hasOwn(raw, 'split');
    if (hasValues === hasSplit) problems.push({ ...messages.chartGroups(kind, example), path: [] });
    else if (!hasValues && !(Object.hasOwn(raw, 'value') && Object.hasOwn(raw, 'split')))
      problems.push({ ...messages.chartOptionMissing(Object.hasOwn(raw, 'value') ? 'split' : 'value', kind, example), path: [] });
    const values = read.get('values');
    if (Array.isArray(values) && values.length < 2) problems.push({ ...messages.chartFieldsTooFew('values', kind), path: ['values'] });
  }
  for (const option of ['values', 'y'] as const) {
    const listed = read.get(option);
    if (Array.isArray(listed) && listed.length > 1) {
      const units = new Set(listed.map((field: Field) => axisUnitOf(field)));
      if (units.size > 1)
        problems.push({
          ...messages.chartMixedUnits(
            option,
            listed.map((field: Field) => `${field.name} (${axisUnitOf(field)})`),
          ),
          path: [option],
        });
    }
  }
  return problems;
}

/** Fields share an axis when their figures are in the same kind of unit. */
function axisUnitOf(field: Field): string {
  switch (field.type) {
    case 'money':
      return field.currency;
    case 'quantity':
      return field.unit.family;
    case 'range':
      return field.unit?.family ?? 'number';
    case 'percent':
      return '%';
    default:
      return 'number';
  }
}

function assemble(kind: ChartKind, read: ReadonlyMap<OptionName, unknown>, fields: readonly Field[]): DeclaredChart {
  const field = (name: OptionName) => read.get(name) as Field | undefined;
  const list = (name: OptionName): Field[] => {
    const value = read.get(name);
    return value === undefined ? [] : Array.isArray(value) ? (value as Field[]) : [value as Field];
  };
  const [first] = fields;
  if (first === undefined) throw new Error('a deck without fields has no chart');
  const isXY = kind === 'line' || kind === 'points' || kind === 'scatter';
  const values = isXY ? list('y') : list('values').length > 0 ? list('values') : list('value');
  return {
    kind,
    category: field(isXY ? 'label' : 'category') ?? first,
    values,
    split: field('split') ?? field('series'),
    color: field('color'),
    x: field('x'),
    orientation: (read.get('orientation') as DeclaredChart['orientation'] | undefined) ?? 'horizontal',
    sort: (read.get('sort') as DeclaredChart['sort'] | undefined) ?? (isXY ? 'none' : 'descending'),
    scale: (read.get('scale') as DeclaredChart['scale'] | undefined) ?? 'linear',
    labels: (read.get('labels') as boolean | undefined) ?? kind !== 'line',
    limit: (read.get('limit') as number | undefined) ?? (kind === 'donut' || kind === 'pie' ? 8 : 20),
    colors: read.get('colors') as DeclaredChart['colors'],
    summary: read.get('summary') as string | undefined,
  };
}

/** The options a kind takes (kind itself included); none for an unknown kind. */
export function chartOptionsOf(kind: string): readonly string[] {
  return (CHART_KINDS as readonly string[]).includes(kind) ? KINDS[kind as ChartKind].takes : [];
}

/**
 * For the editor's schema: each kind as a JSON Schema, its options and the deck's fields that fit each one, so an
 * editor completes `value:` with the number fields and flags a text field there.
 */
export function chartKindSchemas(fields: readonly Field[]): Record<string, unknown>[] {
  const fieldNames = (role: FieldRole) => ({ enum: fields.filter(ROLE_TYPES[role]).map((field) => field.name) });
  const optionSchema = (option: OptionName, spec: OptionSpec): Record<string, unknown> => {
    switch (spec.type) {
      case 'field':
        return fieldNames(spec.role);
      case 'fields':
        return option === 'y'
          ? { anyOf: [fieldNames(spec.role), { type: 'array', items: fieldNames(spec.role), minItems: 1 }] }
          : { type: 'array', items: fieldNames(spec.role), minItems: 2 };
      case 'choice':
        return { enum: [...spec.values] };
      case 'boolean':
        return { type: 'boolean' };
      case 'count':
        return { type: 'integer', minimum: 1, maximum: 1000 };
      case 'text':
        return { type: 'string' };
      case 'colors':
        return {
          anyOf: [
            { type: 'array', items: { type: 'string', pattern: HEX.source } },
            { type: 'object', additionalProperties: { type: 'string', pattern: HEX.source } },
          ],
        };
    }
  };
  return CHART_KINDS.map((kind) => {
    const { takes, needs, valueRole } = KINDS[kind];
    const properties = Object.fromEntries(
      takes.map((option) => [
        option,
        option === 'kind'
          ? { const: kind }
          : optionSchema(option, option === 'value' && valueRole !== undefined ? { type: 'field', role: valueRole } : OPTIONS[option]),
      ]),
    );
    return { type: 'object', properties, required: ['kind', ...needs], additionalProperties: false };
  });
}
