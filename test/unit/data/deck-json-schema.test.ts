import { describe, expect, it } from 'vitest';
import { createDeckJsonSchema, deckSchemaKey, readSchemaKey, renderDeckSchema } from '../../../src/data/deck-json-schema.js';
import { readDefaultText } from '../../helpers.js';
import { LAYOUTS, TEMPLATES, validateText, yamlDeck } from '../support/inline-deck.js';

/** A property of a JSON Schema object, by path of keys. */
function at(schema: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined), schema);
}

function schemaOf(text: string): Record<string, unknown> {
  return createDeckJsonSchema({ fields: validateText(text).fields, layouts: LAYOUTS });
}

/** The `then` of a slide's if/then for one layout. */
function slideSchema(schema: unknown, layout: string): unknown {
  const all = at(schema, 'properties', 'slides', 'items', 'allOf');
  const entry = Array.isArray(all)
    ? all.find((candidate: unknown) => at(candidate, 'if', 'properties', 'layout', 'const') === layout)
    : undefined;
  return at(entry, 'then');
}

describe('createDeckJsonSchema: rows', () => {
  const schema = schemaOf(readDefaultText());
  const rows = at(schema, 'properties', 'rows', 'items');

  it("gives rows the deck's own fields, in order, and no others but what a row cites and its estimates", () => {
    expect(Object.keys(at(rows, 'properties') ?? {})).toEqual([
      'name',
      'product',
      'organization',
      'accelerator',
      'units',
      'unitPrice',
      'hardwareCost',
      'trainingTime',
      'trainingEnergy',
      'inferenceEnergy',
      'comment',
      'cite',
      'estimate',
    ]);
    expect(at(rows, 'additionalProperties')).toBe(false);
  });

  it('explains each field in Spanish: its label, "Opcional." and the formula that computes it', () => {
    expect(at(rows, 'properties', 'hardwareCost', 'description')).toBe('Costo del hardware');
    expect(at(rows, 'properties', 'units', 'description')).toBe('Unidades · Opcional.');
    expect(at(rows, 'properties', 'unitPrice', 'description')).toBe(
      'Precio por unidad · Opcional. · Si falta, se calcula: hardwareCost / units.',
    );
  });

  it('requires the fields every row needs, not the optional ones nor those a formula computes', () => {
    expect(at(rows, 'required')).toEqual([
      'name',
      'organization',
      'accelerator',
      'hardwareCost',
      'trainingTime',
      'trainingEnergy',
      'inferenceEnergy',
      'comment',
    ]);
  });

  it("describes each type's values: a quantity with an example in its unit, a range as one figure or min and max", () => {
    expect(at(rows, 'properties', 'trainingEnergy', 'examples')).toEqual(['1.2 MWh']);
    expect(at(rows, 'properties', 'trainingTime', 'anyOf', '1', 'required')).toEqual(['min', 'max']);
    expect(at(rows, 'properties', 'units', 'type')).toBe('integer');
  });

  it("takes a field's description, a category's values, a url's scheme and a date's precisions", () => {
    const own = at(
      schemaOf(
        yamlDeck({
          fields:
            'name: { type: text, label: Misión, description: El nombre oficial. }\nkind: { type: category, values: [Orbital, Lunar] }\nsite: { type: url, optional: true }\nlaunched: date',
          rows: '- { name: A, kind: Lunar, launched: 1969 }',
        }),
      ),
      'properties',
      'rows',
      'items',
      'properties',
    );
    expect(at(own, 'name', 'description')).toBe('Misión · El nombre oficial.');
    expect(at(own, 'kind', 'enum')).toEqual(['Orbital', 'Lunar']);
    expect(at(own, 'site')).toMatchObject({ type: 'string', format: 'uri', pattern: '^https?://' });
    const date = new RegExp(String(at(own, 'launched', 'pattern')));
    expect(['2023', '2023-03', '2023-03-14'].every((text) => date.test(text))).toBe(true);
    expect(date.test('14/03/2023')).toBe(false);
  });
});

describe('createDeckJsonSchema: slides', () => {
  const schema = schemaOf(readDefaultText());

  it('lists every layout of templates/layouts', () => {
    expect(at(schema, 'properties', 'slides', 'items', 'properties', 'layout', 'enum')).toEqual([...LAYOUTS.keys()]);
  });

  it('gives each layout the keys its template shows, described by its header comment', () => {
    const text = slideSchema(schema, 'text');
    expect(Object.keys(at(text, 'properties') ?? {})).toEqual(['layout', 'notes', 'title', 'paragraphs']);
    expect(at(text, 'description')).toBe('Título y párrafos de texto.');
    expect(at(text, 'properties', 'paragraphs', 'description')).toBe('Los párrafos, uno por elemento de la lista.');
    expect(at(text, 'required')).toEqual(['title', 'paragraphs']);
    expect(at(text, 'additionalProperties')).toBe(false);
    expect(Object.keys(at(slideSchema(schema, 'title'), 'properties') ?? {})).toEqual(['layout', 'notes']);
  });

  it('gives a table its columns and rowsPerSlide, and a chart its chart', () => {
    expect(Object.keys(at(slideSchema(schema, 'table'), 'properties') ?? {})).toEqual([
      'layout',
      'notes',
      'columns',
      'rowsPerSlide',
      'title',
      'caveat',
    ]);
    expect(Object.keys(at(slideSchema(schema, 'chart'), 'properties') ?? {})).toEqual(['layout', 'notes', 'chart', 'title', 'caption']);
    expect(at(slideSchema(schema, 'text'), 'properties', 'columns')).toBeUndefined();
  });

  it("requires what the build requires: a table's columns, a chart's chart", () => {
    expect(at(slideSchema(schema, 'table'), 'required')).toEqual(expect.arrayContaining(['columns']));
    expect(at(slideSchema(schema, 'chart'), 'required')).toEqual(expect.arrayContaining(['chart']));
  });
});

describe('renderDeckSchema and its key', () => {
  const fields = validateText(readDefaultText()).fields;

  it('writes the key it was made from in $comment, where the build reads it back', () => {
    const text = renderDeckSchema({ fields, layouts: LAYOUTS, key: 'abc123' });
    expect(text.startsWith('{\n  "$comment": "datadeck abc123",')).toBe(true);
    expect(readSchemaKey(text)).toBe('abc123');
    expect(readSchemaKey(undefined)).toBeUndefined();
  });

  it('keys on the field declarations and the templates: a change to either makes a new key', () => {
    const key = deckSchemaKey({ name: 'text' }, TEMPLATES.layouts, TEMPLATES.partials);
    expect(deckSchemaKey({ name: 'text' }, TEMPLATES.layouts, TEMPLATES.partials)).toBe(key);
    expect(deckSchemaKey({ name: 'text', units: 'integer' }, TEMPLATES.layouts, TEMPLATES.partials)).not.toBe(key);
    expect(deckSchemaKey({ name: 'text' }, new Map([...TEMPLATES.layouts, ['quote', '{{quote}}']]), TEMPLATES.partials)).not.toBe(key);
  });
});
