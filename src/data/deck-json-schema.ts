import { createHash } from 'node:crypto';
import { z } from 'zod';
import { chartKindSchemas } from '../charts/declared.js';
import { layoutJsonSchema } from '../slides/layout-keys.js';
import type { LayoutInfo } from '../slides/layouts.js';
import { TableKeysSchema } from '../slides/columns.js';
import { DatasetSchema } from './deck-schema.js';
import type { Field } from './fields.js';

/**
 * The JSON Schema an editor uses to complete and explain one deck's data file, in Spanish: the frame from the zod
 * schema, each row with the deck's own fields, each slide with the keys its layout's template shows.
 */
export function createDeckJsonSchema(input: {
  fields: readonly Field[];
  layouts: ReadonlyMap<string, LayoutInfo>;
}): Record<string, unknown> {
  const frame = z.toJSONSchema(DatasetSchema, { io: 'input', target: 'draft-7', unrepresentable: 'any' });
  const properties = isRecord(frame.properties) ? frame.properties : {};
  return {
    ...frame,
    title: 'datadeck: datos de la presentación',
    description: 'Metadatos, campos, filas y diapositivas de una presentación datadeck.',
    properties: {
      ...properties,
      rows: { ...(isRecord(properties.rows) ? properties.rows : {}), items: rowSchema(input.fields) },
      slides: { ...(isRecord(properties.slides) ? properties.slides : {}), items: slideSchema(input.layouts, input.fields) },
    },
  };
}

function rowSchema(fields: readonly Field[]): Record<string, unknown> {
  if (fields.length === 0) return { type: 'object' };
  const properties = Object.fromEntries(fields.map((field) => [field.name, { description: describeField(field), ...valueSchema(field) }]));
  const required = fields
    .filter((field) => field.isRequired && !('formula' in field && field.formula !== undefined))
    .map((field) => field.name);
  return { type: 'object', properties, required, additionalProperties: false };
}

function describeField(field: Field): string {
  const parts = [
    field.label,
    field.description,
    field.isRequired ? undefined : 'Opcional.',
    'formula' in field && field.formula !== undefined ? `Si falta, se calcula: ${field.formula.source}.` : undefined,
  ];
  return parts.filter((part): part is string => part !== undefined).join(' · ');
}

const NUMBER_TEXT = '^\\s*-?\\d+(\\.\\d+)?\\s*$';

function valueSchema(field: Field): Record<string, unknown> {
  switch (field.type) {
    case 'text':
      return { type: ['string', 'number', 'boolean'] };
    case 'url':
      return { type: 'string', format: 'uri', pattern: '^https?://' };
    case 'category':
      return { enum: field.values };
    case 'date':
      return { type: ['string', 'integer'], pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' };
    case 'number':
    case 'money':
      return { anyOf: [{ type: 'number' }, { type: 'string', pattern: NUMBER_TEXT }] };
    case 'integer':
      return { type: 'integer' };
    case 'percent':
      return { anyOf: [{ type: 'number' }, { type: 'string', pattern: '^\\s*-?\\d+(\\.\\d+)?\\s*%?\\s*$' }] };
    case 'quantity':
      return {
        anyOf: [{ type: 'number' }, { type: 'string', pattern: '^\\s*-?\\d+(\\.\\d+)?(e[+-]?\\d+)?\\s*\\S+.*$' }],
        examples: [`1.2 ${field.unit.symbol}`],
      };
    case 'range': {
      const end = field.unit === undefined ? { type: 'number' } : { anyOf: [{ type: 'number' }, { type: 'string' }] };
      return {
        anyOf: [end, { type: 'object', properties: { min: end, max: end }, required: ['min', 'max'], additionalProperties: false }],
      };
    }
  }
}

function slideSchema(layouts: ReadonlyMap<string, LayoutInfo>, fields: readonly Field[]): Record<string, unknown> {
  const names = [...layouts.keys()];
  const notes = { type: 'string', description: 'Notas del orador: se ven en la vista del presentador (tecla S), no en la diapositiva.' };
  const table = z.toJSONSchema(TableKeysSchema, { io: 'input', target: 'draft-7' });
  const tableProperties = isRecord(table.properties) ? table.properties : {};
  const chart = {
    description:
      'El gráfico: su tipo y sus campos ({ kind: bars, value: costo }), el nombre de un archivo charts/<nombre>.vl.json junto a los datos, o una especificación Vega-Lite.',
    anyOf: [{ type: 'string' }, ...chartKindSchemas(fields), { type: 'object', not: { required: ['kind'] } }],
  };
  return {
    type: 'object',
    required: ['layout'],
    properties: {
      layout: {
        enum: names,
        description: 'Diseño de la diapositiva: un archivo templates/layouts/<diseño>.hbs, o layouts/<diseño>.hbs junto a los datos.',
      },
    },
    allOf: [...layouts].map(([name, info]) => ({
      if: { properties: { layout: { const: name } } },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a promise.
      then: requireBuildKeys(
        layoutJsonSchema(info.keys, {
          layout: { const: name },
          notes,
          ...(info.showsTable ? tableProperties : {}),
          ...(info.showsChart ? { chart } : {}),
        }),
        [...(info.showsTable ? ['columns'] : []), ...(info.showsChart ? ['chart'] : [])],
      ),
    })),
  };
}

// A table needs its columns and a chart its chart, as validate says: the editor marks them missing too.
function requireBuildKeys(schema: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const required = Array.isArray(schema.required) ? schema.required.filter((key): key is string => typeof key === 'string') : [];
  return keys.length === 0 ? schema : { ...schema, required: [...required, ...keys] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schema file's text; its $comment carries a key of what it was made from, so an unchanged deck skips making it. */
export function renderDeckSchema(input: { fields: readonly Field[]; layouts: ReadonlyMap<string, LayoutInfo>; key: string }): string {
  const schema = createDeckJsonSchema(input);
  return `${JSON.stringify({ $comment: `datadeck ${input.key}`, ...schema }, null, 2)}\n`;
}

/** What a deck's schema depends on: its field declarations and its layouts' templates. */
export function deckSchemaKey(
  rawFields: unknown,
  layoutSources: ReadonlyMap<string, string>,
  partials: ReadonlyMap<string, string>,
): string {
  return createHash('sha256')
    .update(JSON.stringify([SCHEMA_VERSION, rawFields ?? null, [...layoutSources], [...partials]]))
    .digest('hex')
    .slice(0, 16);
}

// Bump when the schema's shape or its descriptions in src/ change, so files written by an older datadeck are made
// again (test/unit/data/json-schema.test.ts fails when data/deck.schema.json is not what a build writes).
const SCHEMA_VERSION = 7;

/** The key an existing schema file was made from, read from its $comment. */
export function readSchemaKey(text: string | undefined): string | undefined {
  return text === undefined ? undefined : /"\$comment":\s*"datadeck ([0-9a-f]+)"/.exec(text)?.[1];
}
