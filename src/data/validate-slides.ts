import type { ErrorCode } from '../errors/deck-error.js';
import { messages, suggestName, type Message } from '../errors/messages.js';
import { findChartFieldProblems } from '../charts/chart-fields.js';
import { isDeclaredChart, readDeclaredChart } from '../charts/declared.js';
import type { PathSegment, SlideInput } from '../model.js';
import { COLUMN_KEYS, ColumnSchema, readColumn, TABLE_KEYS } from '../slides/columns.js';
import { checkSlideKeys, type KeyProblem } from '../slides/layout-keys.js';
import type { LayoutInfo } from '../slides/layouts.js';
import type { Field } from './fields.js';
import { readSentence, type SentenceCache } from './sentence-cache.js';
import { checkSentence, hasFigures, type SentenceScope } from './sentences.js';
import type { Finding } from './validate.js';
import { valueAt } from './zod-issues.js';

export interface SlidesInput {
  readonly raw: object;
  readonly fields: readonly Field[];
  /** Declared fields whose declaration is wrong (and reported): naming them is not a second problem. */
  readonly broken: ReadonlySet<string>;
  /** undefined when the rows have no names to check (the first field's declaration is wrong). */
  readonly rowNames: readonly string[] | undefined;
  readonly layouts: ReadonlyMap<string, LayoutInfo>;
  readonly charts: ReadonlyMap<string, unknown>;
  readonly sentences: SentenceCache;
}

// Keys the build reads itself: every slide's layout and notes, a table's columns, a chart's spec.
const BUILD_KEYS = new Set(['layout', 'notes', 'chart', ...TABLE_KEYS]);

/** Each slide against its layout's template, its table's columns and chart against the fields, every sentence checked. */
export function checkSlides(input: SlidesInput): { slides: SlideInput[]; findings: Finding[] } {
  const list = valueAt(input.raw, ['slides']);
  const findings: Finding[] = [...checkMetaSentences(input)];
  const slides: SlideInput[] = [];
  if (!Array.isArray(list)) return { slides, findings };
  list.forEach((slide: unknown, index) => {
    const path = ['slides', index];
    if (typeof slide !== 'object' || slide === null || Array.isArray(slide)) {
      findings.push({ code: 'schema', ...messages.expectedMapping(slide), dataPath: path });
      return;
    }
    const layout = valueAt(slide, ['layout']);
    const notes = valueAt(slide, ['notes']);
    findings.push(...checkFrameText(layout, [...path, 'layout'], true), ...checkFrameText(notes, [...path, 'notes'], false));
    const info = typeof layout === 'string' ? input.layouts.get(layout) : undefined;
    if (typeof layout === 'string' && info === undefined) {
      findings.push({ code: 'layout', ...messages.unknownLayout(layout, [...input.layouts.keys()]), dataPath: [...path, 'layout'] });
    }
    if (info !== undefined) findings.push(...checkLayoutKeys(info, slide, path, input));
    findings.push(...checkTexts(slide, path, input));
    if (typeof layout === 'string')
      slides.push({ layout, notes: typeof notes === 'string' ? notes : undefined, sourceIndex: index, values: { ...slide } });
  });
  return { slides, findings };
}

function checkLayoutKeys(info: LayoutInfo, slide: object, path: readonly PathSegment[], input: SlidesInput): Finding[] {
  // The build's keys this layout takes: a table's only where it shows a table, a chart's where it shows a chart.
  const takes = (key: string) => (TABLE_KEYS.includes(key) ? info.showsTable : key === 'chart' ? info.showsChart : true);
  const problems = checkSlideKeys({ layout: info.keys, slide, path, skip: BUILD_KEYS }).map((problem) => ({
    ...problem,
    allowed: problem.allowed?.filter(takes),
  }));
  // A typo is one problem: "paragrahps" is reported as unknown, and paragraphs is not also reported missing.
  const meant = new Set(
    problems
      .filter((problem) => problem.kind === 'unknown-key')
      .map((problem) => `${problem.path.slice(0, -1).join('.')}|${suggestName(problem.key ?? '', problem.allowed ?? []) ?? ''}`),
  );
  const findings = problems
    .filter((problem) => problem.kind !== 'missing-key' || !meant.has(`${problem.path.slice(0, -1).join('.')}|${problem.key ?? ''}`))
    .map((problem) => describeKeyProblem(problem, info.keys.name, valueAt(input.raw, problem.path)));
  const hasColumns = Object.hasOwn(slide, 'columns');
  if (info.showsTable) findings.push(...checkTable(slide, path, input));
  else if (hasColumns)
    findings.push({
      code: 'layout',
      ...messages.keyNotShown('columns', info.keys.name, 'table'),
      dataPath: [...path, 'columns'],
      key: 'columns',
    });
  const chart = valueAt(slide, ['chart']);
  if (info.showsChart) findings.push(...checkChart(chart, [...path, 'chart'], input));
  else if (chart !== undefined)
    findings.push({
      code: 'layout',
      ...messages.keyNotShown('chart', info.keys.name, 'chart'),
      dataPath: [...path, 'chart'],
      key: 'chart',
    });
  return findings;
}

function describeKeyProblem(problem: KeyProblem, layout: string, value: unknown): Finding {
  const at = (code: ErrorCode, message: Message, key?: string): Finding => ({
    code,
    ...message,
    dataPath: problem.path,
    ...(key !== undefined && { key }),
  });
  const allowed = problem.allowed ?? [];
  switch (problem.kind) {
    case 'unknown-key':
      return at(
        'unknown-key',
        messages.unknownSlideKey(problem.key ?? '', layout, suggestName(problem.key ?? '', allowed), allowed),
        problem.key,
      );
    case 'missing-key':
      return at('schema', messages.missingSlideKey(problem.key ?? '', layout));
    case 'expected-text':
      return at('schema', messages.expectedText(value));
    case 'expected-list':
      return at('schema', messages.expectedList(value));
    case 'expected-map':
      return at('schema', messages.expectedMapping(value));
    case 'empty-text':
      return at('schema', messages.emptyText());
    case 'empty-list':
      return at('schema', messages.emptyList());
    case 'not-http-url':
      return at('url', messages.badUrl(value));
  }
}

function checkTable(slide: object, path: readonly PathSegment[], input: SlidesInput): Finding[] {
  const columns = valueAt(slide, ['columns']);
  const rowsPerSlide = valueAt(slide, ['rowsPerSlide']);
  const findings: Finding[] = [];
  if (
    rowsPerSlide !== undefined &&
    (typeof rowsPerSlide !== 'number' || !Number.isInteger(rowsPerSlide) || rowsPerSlide < 1 || rowsPerSlide > 12)
  ) {
    findings.push({ code: 'schema', ...messages.badRowsPerSlide(rowsPerSlide), dataPath: [...path, 'rowsPerSlide'] });
  }
  if (columns === undefined) return [...findings, { code: 'schema', ...messages.missingColumns(), dataPath: [...path] }];
  if (!Array.isArray(columns)) return [...findings, { code: 'schema', ...messages.expectedList(columns), dataPath: [...path, 'columns'] }];
  if (columns.length === 0) return [...findings, { code: 'schema', ...messages.emptyList(), dataPath: [...path, 'columns'] }];
  // Each column on its own: one wrong column does not hide the others' problems.
  return [...findings, ...columns.flatMap((column: unknown, index) => checkColumn(column, [...path, 'columns', index], input))];
}

function checkColumn(column: unknown, at: readonly PathSegment[], input: SlidesInput): Finding[] {
  const data = readColumn(column);
  if (data === undefined) {
    // The object form's own issues name the key at fault (the union's would not).
    const [, objectForm] = ColumnSchema.options;
    const parsed =
      typeof column === 'object' && column !== null
        ? objectForm.safeParse(column, { jitless: true })
        : ColumnSchema.safeParse(column, { jitless: true });
    return describeColumnIssues(column, at, parsed.success ? [] : parsed.error.issues);
  }
  const names = input.fields.map((field) => field.name);
  const field = typeof data === 'string' ? data : data.field;
  const findings: Finding[] = [];
  if (field !== undefined && !names.includes(field) && !input.broken.has(field)) {
    findings.push({
      code: 'field',
      ...messages.unknownColumnField(field, suggestName(field, names), names),
      dataPath: typeof data === 'string' ? at : [...at, 'field'],
    });
  }
  if (typeof data === 'string') return findings;
  if (data.field === undefined && data.cell === undefined) findings.push({ code: 'schema', ...messages.columnNeedsField(), dataPath: at });
  if (data.field === undefined && data.label === undefined) findings.push({ code: 'schema', ...messages.missing('label'), dataPath: at });
  const cells = data.cell === undefined ? [] : typeof data.cell === 'string' ? [data.cell] : data.cell;
  for (const [part, cell] of cells.entries()) {
    findings.push(...checkText(cell, typeof data.cell === 'string' ? [...at, 'cell'] : [...at, 'cell', part], input, 'row'));
  }
  return findings;
}

function describeColumnIssues(
  column: unknown,
  at: readonly PathSegment[],
  issues: readonly { readonly code: string; readonly path: readonly PropertyKey[]; readonly keys?: readonly string[] }[],
): Finding[] {
  if (typeof column !== 'string' && (typeof column !== 'object' || column === null || Array.isArray(column))) {
    return [{ code: 'schema', ...messages.badColumn(), dataPath: at }];
  }
  if (typeof column === 'string') return [{ code: 'schema', ...messages.emptyText(), dataPath: at }];
  const unknown = Object.keys(column).filter((key) => !COLUMN_KEYS.includes(key));
  if (unknown.length > 0) {
    return unknown.map((key) => ({
      code: 'unknown-key',
      ...messages.unknownKey(key, suggestName(key, COLUMN_KEYS), COLUMN_KEYS),
      dataPath: [...at, key],
      key,
    }));
  }
  // Every wrong key of the column at once: align, lines and width each say what they take.
  const findings = issues.flatMap((issue): Finding[] => {
    const key = issue.path.find((segment): segment is string => typeof segment === 'string') ?? '';
    const value = valueAt(column, [key]);
    const message =
      key === 'width'
        ? messages.badWidth(value)
        : key === 'align'
          ? messages.invalidValue(value, ['left', 'right'])
          : key === 'lines'
            ? messages.expectedBoolean(value)
            : key === 'field' || key === 'label' || key === 'cell'
              ? messages.expectedText(value)
              : messages.badColumn();
    return [{ code: 'schema', ...message, dataPath: key === '' ? at : [...at, key] }];
  });
  return findings.length > 0 ? findings : [{ code: 'schema', ...messages.badColumn(), dataPath: at }];
}

// vega's SVG renderer fails on links, and a deck opened offline could not follow them anyway.
function findLinks(spec: unknown, path: readonly PathSegment[]): PathSegment[][] {
  if (Array.isArray(spec)) return spec.flatMap((item, index) => findLinks(item, [...path, index]));
  if (typeof spec !== 'object' || spec === null) return [];
  return Object.entries(spec).flatMap(([key, value]) => (key === 'href' ? [[...path, key]] : findLinks(value, [...path, key])));
}

function checkChart(chart: unknown, path: readonly PathSegment[], input: SlidesInput): Finding[] {
  const spec = typeof chart === 'string' ? input.charts.get(chart) : chart;
  const links = findLinks(spec, []).map(
    (at): Finding => ({ code: 'chart', ...messages.chartLink(), dataPath: typeof chart === 'string' ? path : [...path, ...at] }),
  );
  return [...links, ...checkChartFields(chart, path, input)];
}

function checkChartFields(chart: unknown, path: readonly PathSegment[], input: SlidesInput): Finding[] {
  if (chart === undefined) return [{ code: 'schema', ...messages.missingSlideKey('chart', 'chart'), dataPath: path.slice(0, -1) }];
  if (typeof chart === 'string') {
    const spec = input.charts.get(chart);
    if (spec === undefined) return [{ code: 'chart', ...messages.unknownChart(chart, [...input.charts.keys()]), dataPath: path }];
    return findChartFieldProblems(spec, input.fields)
      .filter((problem) => !input.broken.has(problem.name))
      .map((problem) => ({
        code: 'field',
        ...messages.unknownChartField(
          problem.name,
          chart,
          suggestName(
            problem.name,
            input.fields.map((field) => field.name),
          ),
        ),
        dataPath: path,
      }));
  }
  if (typeof chart !== 'object' || chart === null || Array.isArray(chart))
    return [{ code: 'chart', ...messages.expectedChart(chart), dataPath: path }];
  if (isDeclaredChart(chart)) {
    const declared = readDeclaredChart(chart, input.fields);
    if (!('problems' in declared)) return [];
    // A field whose declaration is broken was reported there already.
    const isBroken = (at: readonly PathSegment[]) => {
      const value = valueAt(chart, at);
      return typeof value === 'string' && input.broken.has(value);
    };
    return declared.problems
      .filter((problem) => !isBroken(problem.path))
      .map(({ path: at, isKey, ...message }) => ({
        code: 'chart',
        ...message,
        dataPath: [...path, ...at],
        ...(isKey === true ? { key: String(at.at(-1)) } : {}),
      }));
  }
  return findChartFieldProblems(chart, input.fields)
    .filter((problem) => !input.broken.has(problem.name))
    .map((problem) => ({
      code: 'field',
      ...messages.unknownChartField(
        problem.name,
        undefined,
        suggestName(
          problem.name,
          input.fields.map((field) => field.name),
        ),
      ),
      dataPath: [...path, ...problem.path],
    }));
}

/** Every string of a slide that states figures, checked; a table's cells are checked with their row in scope. */
function checkTexts(slide: object, path: readonly PathSegment[], input: SlidesInput): Finding[] {
  const findings: Finding[] = [];
  const visit = (value: unknown, at: readonly PathSegment[]) => {
    if (typeof value === 'string') findings.push(...checkText(value, at, input, 'deck'));
    else if (Array.isArray(value)) for (const [index, item] of value.entries()) visit(item, [...at, index]);
    else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) visit(item, [...at, key]);
  };
  for (const [key, value] of Object.entries(slide))
    if (key !== 'layout' && key !== 'chart' && key !== 'columns') visit(value, [...path, key]);
  const columns = valueAt(slide, ['columns']);
  if (Array.isArray(columns)) {
    for (const [index, column] of columns.entries())
      findings.push(...checkLabel(valueAt(column, ['label']), [...path, 'columns', index, 'label']));
  }
  return findings;
}

/** A slide's layout (required) and notes (optional): text that is not empty. */
function checkFrameText(value: unknown, path: readonly PathSegment[], isRequired: boolean): Finding[] {
  if (value === undefined || value === null)
    return isRequired ? [{ code: 'schema', ...messages.missing(String(path.at(-1))), dataPath: path.slice(0, -1) }] : [];
  if (typeof value !== 'string') return [{ code: 'schema', ...messages.expectedText(value), dataPath: path }];
  return value.trim() === '' ? [{ code: 'schema', ...messages.emptyText(), dataPath: path }] : [];
}

/** Labels (a field's, a column's) name things on axes, headings and data tables: they are plain text. */
export function checkLabel(label: unknown, path: readonly PathSegment[]): Finding[] {
  return typeof label === 'string' && hasFigures(label) ? [{ code: 'sentence', ...messages.labelWithFigures(), dataPath: path }] : [];
}

function checkMetaSentences(input: SlidesInput): Finding[] {
  const meta = valueAt(input.raw, ['meta']);
  if (typeof meta !== 'object' || meta === null) return [];
  return Object.entries(meta).flatMap(([key, value]) => (typeof value === 'string' ? checkText(value, ['meta', key], input, 'deck') : []));
}

function checkText(text: string, path: readonly PathSegment[], input: SlidesInput, scope: SentenceScope): Finding[] {
  if (!hasFigures(text)) return [];
  const parsed = readSentence(input.sentences, text);
  const problems =
    'problem' in parsed
      ? [parsed.problem]
      : checkSentence(parsed.sentence, {
          fields: new Map(input.fields.map((field) => [field.name, field])),
          broken: input.broken,
          rowNames: input.rowNames,
          scope,
        });
  return problems.map((problem) => ({
    code: problem.code,
    message: problem.message,
    hint: problem.hint,
    entry: problem.entry,
    dataPath: path,
    within: { offset: problem.offset, length: problem.length },
  }));
}
