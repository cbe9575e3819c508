import { messages } from '../errors/messages.js';
import type { PathSegment } from '../model.js';
import { DatasetSchema, MetaSchema, ModelSchema, SlideSchema, SourceSchema } from './deck-schema.js';
import type { Finding } from './validate.js';

/** Rules across entries, which the schema of a single entry cannot see. They run on the raw data so all problems show at once. */

export function checkModels(raw: object): Finding[] {
  const models = valueAt(raw, ['models']);
  if (!Array.isArray(models)) return [];
  const firstIndex = new Map<string, number>();
  return models.flatMap((model: unknown, index): Finding[] => {
    const findings: Finding[] = [];
    const name = valueAt(model, ['name']);
    if (typeof name === 'string') {
      const key = name.trim().toLocaleLowerCase();
      const first = firstIndex.get(key);
      if (first === undefined) firstIndex.set(key, index);
      else findings.push({ code: 'duplicate', ...messages.duplicateModel(name, first), dataPath: ['models', index, 'name'] });
    }
    const hasTotal = valueAt(model, ['hardwareCostUsd']) !== undefined;
    const hasParts = valueAt(model, ['unitPriceUsd']) !== undefined && valueAt(model, ['units']) !== undefined;
    if (typeof model === 'object' && model !== null && !hasTotal && !hasParts) {
      findings.push({ code: 'schema', ...messages.costMissing(), dataPath: ['models', index] });
    }
    return findings;
  });
}

export function checkSlides(raw: object, layouts: readonly string[], charts: readonly string[]): Finding[] {
  const slides = valueAt(raw, ['slides']);
  if (!Array.isArray(slides)) return [];
  return slides.flatMap((slide: unknown, index): Finding[] => {
    const layout = valueAt(slide, ['layout']);
    const chart = valueAt(slide, ['chart']);
    const findings: Finding[] = [];
    // The schema knows the layouts; the files must exist too, or the slide would have nothing to render with.
    if (typeof layout === 'string' && isKnownLayout(layout) && !layouts.includes(layout)) {
      findings.push({ code: 'layout', ...messages.unknownLayout(layout, layouts), dataPath: ['slides', index, 'layout'] });
    }
    if (layout === 'chart' && typeof chart === 'string' && !charts.includes(chart)) {
      findings.push({ code: 'chart', ...messages.unknownChart(chart, charts), dataPath: ['slides', index, 'chart'] });
    }
    return findings;
  });
}

function isKnownLayout(layout: string): boolean {
  return SlideSchema.options.some((option) => option.shape.layout.value === layout);
}

/** The fields a mapping at `path` may have, for "did you mean". */
export function allowedKeys(raw: object, path: readonly PathSegment[]): string[] {
  const [first, , third] = path;
  if (path.length === 0) return Object.keys(DatasetSchema.shape);
  if (first === 'meta') return Object.keys(MetaSchema.shape);
  if (first === 'models' && path.length === 2) return Object.keys(ModelSchema.shape);
  if (first === 'models' && third === 'sources') return Object.keys(SourceSchema.shape);
  if (first === 'models' && third === 'trainingMonths') return ['min', 'max'];
  if (first === 'slides') return slideKeys(valueAt(raw, path.slice(0, 2)), path.slice(2));
  return [];
}

function slideKeys(slide: unknown, rest: readonly PathSegment[]): string[] {
  const layout = valueAt(slide, ['layout']);
  const option = SlideSchema.options.find((candidate) => candidate.shape.layout.value === layout);
  if (option === undefined) return ['layout'];
  if (rest[0] === 'terms') return ['term', 'definition'];
  if (rest[0] === 'takeaway') return ['label', 'text'];
  return Object.keys(option.shape);
}

export function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    // Own properties only: a key such as "__proto__" or "constructor" must not reach the prototype.
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
    const next: unknown = Reflect.get(current, segment);
    current = next;
  }
  return current;
}
