import type { Field } from '../data/fields.js';
import type { PathSegment } from '../model.js';

/**
 * The row fields a Vega-Lite spec names that the deck does not declare. A chart's rows carry each declared field
 * (ranges as field.min / field.max) and each one's formatted text as fmt.<field>; names a transform creates
 * ("as": "rank") are the spec's own.
 */
export function findChartFieldProblems(spec: unknown, fields: readonly Field[]): { name: string; path: PathSegment[] }[] {
  const declared = new Set(fields.map((field) => field.name));
  return findNamedFields(spec).filter((entry) => entry.name !== '' && !declared.has(entry.name));
}

// A chart file's spec keeps its identity while its text does (load.ts): its names are read once per dev session.
const namedBySpec = new WeakMap<object, { name: string; path: PathSegment[] }[]>();

function findNamedFields(spec: unknown): { name: string; path: PathSegment[] }[] {
  if (typeof spec !== 'object' || spec === null) return [];
  let named = namedBySpec.get(spec);
  if (named === undefined) {
    named = readNamedFields(spec);
    namedBySpec.set(spec, named);
  }
  return named;
}

/** The row fields a spec names, less the names its own transforms create ("as": "rank"). */
function readNamedFields(spec: object): { name: string; path: PathSegment[] }[] {
  const created = new Set<string>();
  const named: { name: string; path: PathSegment[] }[] = [];
  const visit = (value: unknown, path: PathSegment[]) => {
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) visit(item, [...path, index]);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [key, item] of Object.entries(value)) {
      if (key === 'as')
        for (const name of typeof item === 'string' ? [item] : Array.isArray(item) ? item : [])
          if (typeof name === 'string') created.add(name);
      if (key === 'field' && typeof item === 'string') named.push({ name: rootName(item), path: [...path, key] });
      else if (typeof item === 'string')
        for (const [, name = ''] of item.matchAll(/\bdatum\.([A-Za-z_]\w*)/g))
          named.push({ name: name === 'fmt' ? '' : name, path: [...path, key] });
      else if (key !== 'data' && key !== 'datasets') visit(item, [...path, key]);
    }
  };
  visit(spec, []);
  return named.filter((entry) => !created.has(entry.name));
}

/** The declared fields a spec draws, in the order it names them: the default columns of its text alternative. */
export function findChartFields(spec: unknown, fields: readonly Field[]): string[] {
  const declared = new Set(fields.map((field) => field.name));
  const text = JSON.stringify(spec) ?? '';
  const names = [...text.matchAll(/"field"\s*:\s*"([^"]+)"/g)].map(([, field = '']) => rootName(field));
  return [...new Set(names.filter((name) => declared.has(name)))];
}

// "fmt.units" names the formatted text of units; "duration.min" one end of a range.
function rootName(field: string): string {
  const parts = field.split('.');
  return (parts[0] === 'fmt' ? parts[1] : parts[0]) ?? field;
}
