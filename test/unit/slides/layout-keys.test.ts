import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDeckError } from '../../../src/errors/deck-error.js';
import {
  analyzeLayout,
  checkSlideKeys,
  layoutJsonSchema,
  type KeyShape,
  type KeyUse,
  type LayoutKeys,
} from '../../../src/slides/layout-keys.js';
import { ROOT } from '../../helpers.js';

const PROVIDED = new Set(['meta', 't', 'notes', 'slideNumber', 'page', 'table', 'chart']);
const SKIP = new Set(['layout', 'notes']);

// A URL is always an attribute's value; other texts are one when they sit inside a tag (aria-label="{{x}}").
const text = (isUrl = false, isAttribute = isUrl): KeyShape => ({ kind: 'text', isUrl, isAttribute });
const list = (item: KeyShape): KeyShape => ({ kind: 'list', item });
const map = (keys: Record<string, KeyUse>): KeyShape => ({ kind: 'map', keys: new Map(Object.entries(keys)) });
const required = (shape: KeyShape): KeyUse => ({ shape, isRequired: true });
const optional = (shape: KeyShape): KeyUse => ({ shape, isRequired: false });

function analyze(source: string, partials: Record<string, string> = {}): LayoutKeys {
  return analyzeLayout({ name: 'test', source, partials: new Map(Object.entries(partials)), provided: PROVIDED });
}

function readTemplates(folder: string): Map<string, string> {
  const dir = `${ROOT}templates/${folder}/`;
  const files = readdirSync(dir).filter((file) => file.endsWith('.hbs'));
  return new Map(files.map((file) => [file.slice(0, -'.hbs'.length), readFileSync(dir + file, 'utf8')]));
}

const layouts = readTemplates('layouts');
const partials = readTemplates('partials');

function realLayout(name: string): LayoutKeys {
  return analyzeLayout({ name, source: layouts.get(name) ?? '', partials, provided: PROVIDED });
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('analyzeLayout on small templates', () => {
  it('makes a plain mustache a required text and a key used only under its own {{#if}} optional', () => {
    const layout = analyze('<h2>{{title}}</h2>{{#if intro}}<p>{{intro}}</p>{{/if}}{{#unless hidden}}x{{/unless}}');
    expect(layout.keys).toEqual(
      new Map([
        ['title', required(text())],
        ['intro', optional(text())],
        ['hidden', optional({ kind: 'any' })],
      ]),
    );
  });

  it('keeps keys in the order the template first uses them', () => {
    expect([...analyze('{{b}}{{a}}{{#if c}}{{/if}}{{b}}').keys.keys()]).toEqual(['b', 'a', 'c']);
  });

  it('reads each items from this (text) or from keys (a map), nested eaches alike', () => {
    const layout = analyze('{{#each points}}{{this}}{{/each}}{{#each terms}}<h3>{{term}}</h3>{{#each definition}}{{.}}{{/each}}{{/each}}');
    expect(layout.keys.get('points')).toEqual(required(list(text())));
    expect(layout.keys.get('terms')).toEqual(required(list(map({ term: required(text()), definition: required(list(text())) }))));
  });

  it('treats {{#if x.length}} as a test of x and a test of x.y as a use of x', () => {
    const layout = analyze('{{#if models.length}}{{#each models}}{{name}}{{/each}}{{/if}}{{#if facts.isRange}}{{/if}}');
    expect(layout.keys.get('models')).toEqual(optional(list(map({ name: required(text()) }))));
    // Strict mode throws on a missing parent even inside a helper's argument.
    expect(layout.keys.get('facts')).toEqual(required(map({ isRange: optional({ kind: 'any' }) })));
  });

  it('reads dotted paths and {{#with}} as maps, with a key guarded only by its own test', () => {
    const layout = analyze('{{#if takeaway}}{{takeaway.label}}: {{takeaway.text}}{{/if}}{{#with cite}}{{author}}{{/with}}');
    expect(layout.keys.get('takeaway')).toEqual(optional(map({ label: required(text()), text: required(text()) })));
    expect(layout.keys.get('cite')).toEqual(required(map({ author: required(text()) })));
  });

  it('sends ../ and @root back to the root and leaves @index, @first, @last and @key out', () => {
    const layout = analyze(
      '{{#each rows}}{{#if @first}}{{../unit}}{{/if}}{{@index}}{{@last}}{{@key}}{{@root.caption}}{{#if label}}{{../../x}}{{/if}}{{/each}}',
    );
    expect([...layout.keys.keys()]).toEqual(['rows', 'unit', 'caption', 'x']);
    expect(layout.keys.get('rows')).toEqual(required(list(map({ label: optional({ kind: 'any' }) }))));
    expect(layout.keys.get('unit')).toEqual(required(text()));
  });

  it('follows block params: as |item index|', () => {
    const layout = analyze('{{#each models as |model i|}}{{model.name}}{{i}}{{#each model.tags as |tag|}}{{tag}}{{/each}}{{/each}}');
    expect(layout.keys).toEqual(new Map([['models', required(list(map({ name: required(text()), tags: required(list(text())) })))]]));
  });

  it('marks a text that starts an href or src value as a URL, not one that merely sits in it (an attribute all the same)', () => {
    const layout = analyze('<a href="{{url}}">{{label}}</a><img src=\'{{image}}\'><a href="/docs/{{slug}}">x</a><a HREF={{home}}>y</a>');
    expect(layout.keys.get('url')).toEqual(required(text(true)));
    expect(layout.keys.get('image')).toEqual(required(text(true)));
    expect(layout.keys.get('home')).toEqual(required(text(true)));
    expect(layout.keys.get('label')).toEqual(required(text()));
    expect(layout.keys.get('slug')).toEqual(required(text(false, true)));
  });

  it('expands partials in the current context, including inside an each, and stops a partial that includes itself', () => {
    const layout = analyze('{{> header}}{{#each cards}}{{> card}}{{/each}}', {
      header: '<h2>{{title}}</h2>{{> header}}',
      card: '<h3>{{heading}}</h3>',
    });
    expect(layout.keys).toEqual(
      new Map([
        ['title', required(text())],
        ['cards', required(list(map({ heading: required(text()) })))],
      ]),
    );
  });

  it('reads an each over this as a list of lists, and a partial given this as the same context', () => {
    const layout = analyze('{{#each rows}}{{#each this}}{{this}}{{/each}}{{/each}}{{> header this}}', { header: '{{title}}' });
    expect(layout.keys).toEqual(
      new Map([
        ['rows', required(list(list(text())))],
        ['title', required(text())],
      ]),
    );
  });

  it('gives a partial its context argument and hash arguments', () => {
    const layout = analyze('{{> card takeaway}}{{> label text=caption size="big"}}', { card: '{{label}}', label: '{{text}}{{size}}' });
    expect(layout.keys).toEqual(
      new Map([
        ['takeaway', required(map({ label: required(text()) }))],
        ['caption', required(text())],
      ]),
    );
  });

  it('leaves out the keys the build provides to every layout', () => {
    const layout = analyze('{{title}}{{meta.author}}{{#if page.continues}}{{/if}}{{> notes}}', { notes: '{{#if notes}}{{notes}}{{/if}}' });
    expect([...layout.keys.keys()]).toEqual(['title']);
  });

  it('attaches the header comment to the layout and to nested keys', () => {
    const source = [
      '{{!--',
      '  Términos con sus definiciones',
      '',
      '  terms: Los términos',
      '  terms.term: El término',
      'takeaway.label: Etiqueta',
      '--}}',
      '{{#each terms}}{{term}}{{/each}}{{takeaway.label}}',
    ].join('\n');
    const layout = analyze(source);
    expect(layout.description).toBe('Términos con sus definiciones');
    expect(layout.keys.get('terms')).toEqual({
      ...required(list(map({ term: { ...required(text()), description: 'El término' } }))),
      description: 'Los términos',
    });
    expect(layout.keys.get('takeaway')).toEqual(required(map({ label: { ...required(text()), description: 'Etiqueta' } })));
  });

  it('has no description without a header comment', () => {
    expect(analyze('<p>{{!-- not a header --}}{{x}}</p>').description).toBeUndefined();
  });

  it('reports a template Handlebars cannot parse, or a missing partial, as a template error naming the file', () => {
    const broken = thrown(() => analyze('{{#if x}}unclosed'));
    expect(isDeckError(broken) && broken.problems[0]).toEqual(
      expect.objectContaining({ code: 'template', file: 'templates/layouts/test.hbs' }),
    );
    const brokenPartial = thrown(() => analyze('{{> bad}}', { bad: '{{#each x}}' }));
    expect(isDeckError(brokenPartial) && brokenPartial.problems[0]).toEqual(
      expect.objectContaining({ code: 'template', file: 'templates/partials/bad.hbs' }),
    );
    const missing = thrown(() => analyze('{{> nowhere}}'));
    expect(isDeckError(missing) && missing.problems[0]?.code).toBe('template');
  });
});

describe('analyzeLayout on the real templates', () => {
  const described = (use: KeyUse, description: string): KeyUse => ({ ...use, description });

  it('analyzes every layout in templates/layouts, each described by its header comment', () => {
    for (const name of layouts.keys()) expect(realLayout(name).description, name).toMatch(/\S/);
  });

  it('reads title.hbs: no keys of its own, everything comes from meta', () => {
    expect(realLayout('title').keys.size).toBe(0);
    expect(realLayout('title').description).toBe('Portada: institución, título, subtítulo, autor, curso y fecha, tomados de meta.');
  });

  it('reads text.hbs: title from the slide-header partial, paragraphs a list of text', () => {
    expect(realLayout('text').keys).toEqual(
      new Map([
        ['title', described(required(text()), 'Título de la diapositiva.')],
        ['paragraphs', described(required(list(text())), 'Los párrafos, uno por elemento de la lista.')],
      ]),
    );
  });

  it('reads definitions.hbs: optional intro and takeaway, terms of term and definition', () => {
    const term = described(required(text()), 'El término: «Entrenamiento».');
    const definition = described(required(list(text())), 'Los párrafos de la definición.');
    const label = described(required(text()), 'Rótulo: «En pocas palabras».');
    const idea = described(required(text()), 'La idea en una frase.');
    expect(realLayout('definitions').keys).toEqual(
      new Map([
        ['title', described(required(text()), 'Título de la diapositiva.')],
        ['intro', described(optional(text()), 'Frase de introducción.')],
        ['terms', described(required(list(map({ term, definition }))), 'Los términos, cada uno con su definición.')],
        ['takeaway', described(optional(map({ label, text: idea })), 'La idea final, con su rótulo.')],
      ]),
    );
  });

  it('reads sources.hbs: optional intro, and sources of a title and a URL', () => {
    const keys = realLayout('sources').keys;
    expect([...keys.keys()]).toEqual(['title', 'intro', 'sources']);
    expect(keys.get('intro')?.isRequired).toBe(false);
    const source = map({
      url: described(required(text(true)), 'Dirección https:// de la fuente.'),
      title: described(required(text()), 'Título de la fuente.'),
    });
    expect(keys.get('sources')).toEqual(described(required(list(source)), 'Las fuentes.'));
  });

  it('reads summary.hbs: points, and highlight optional under its {{#if}}', () => {
    const keys = realLayout('summary').keys;
    expect([...keys.keys()]).toEqual(['title', 'points', 'highlight']);
    expect(keys.get('points')).toMatchObject({ shape: list(text()), isRequired: true });
    expect(keys.get('highlight')).toMatchObject({ shape: text(), isRequired: false });
  });

  it('reads conclusions.hbs: paragraphs, and an optional box of a title and items', () => {
    const keys = realLayout('conclusions').keys;
    // {{#if box}} opens the slide body, before the paragraphs: keys keep the order of first use.
    expect([...keys.keys()]).toEqual(['title', 'box', 'paragraphs']);
    expect(keys.get('paragraphs')).toMatchObject({ shape: list(text()), isRequired: true });
    expect(keys.get('box')?.isRequired).toBe(false);
    const box = keys.get('box')?.shape;
    expect(box?.kind === 'map' ? [...box.keys] : []).toEqual([
      // The box's title is also its aria-label: an attribute, which gets plain text.
      ['title', described(required(text(false, true)), 'Título del recuadro: «En cifras».')],
      [
        'items',
        described(required(list(text())), 'Las frases del recuadro; pueden calcular cifras: «{{max costo nombre}} fue el más costoso».'),
      ],
    ]);
  });

  it('reads table.hbs and chart.hbs: the keys of their own, besides the table and the chart the build gives', () => {
    expect([...realLayout('table').keys.keys()]).toEqual(['title', 'caveat']);
    expect(realLayout('table').keys.get('caveat')?.isRequired).toBe(false);
    expect([...realLayout('chart').keys.keys()]).toEqual(['title', 'caption']);
  });
});

describe('checkSlideKeys', () => {
  const definitions = realLayout('definitions');
  const check = (slide: unknown, layout: LayoutKeys = definitions) => checkSlideKeys({ layout, slide, path: ['slides', 3], skip: SKIP });
  const valid = { layout: 'definitions', title: 'Conceptos', terms: [{ term: 'GPU', definition: ['Un procesador'] }], notes: 'x' };

  it('accepts a valid slide, numbers and booleans as text, and null for an optional key', () => {
    expect(check(valid)).toEqual([]);
    expect(check({ ...valid, title: 2024, intro: null, terms: [{ term: true, definition: [1.5] }] })).toEqual([]);
  });

  it('reports a misspelt key with the keys allowed there, and the key it lacks', () => {
    const problems = check({ layout: 'text', title: 'Hola', paragrahps: ['uno'] }, realLayout('text'));
    expect(problems).toEqual([
      {
        kind: 'unknown-key',
        path: ['slides', 3, 'paragrahps'],
        key: 'paragrahps',
        allowed: expect.arrayContaining(['paragraphs', 'title', 'notes']),
      },
      { kind: 'missing-key', path: ['slides', 3, 'paragraphs'], key: 'paragraphs' },
    ]);
  });

  it('reports every problem, in the order of the slide keys, then the missing ones', () => {
    const slide = { intro: '  ', takeaway: 'x', terms: [{ term: { a: 1 }, definition: [], extra: 1 }, 'GPU'], title: null };
    expect(check(slide).map((problem) => [problem.kind, problem.path.join('.')])).toEqual([
      ['empty-text', 'slides.3.intro'],
      ['expected-map', 'slides.3.takeaway'],
      ['expected-text', 'slides.3.terms.0.term'],
      ['empty-list', 'slides.3.terms.0.definition'],
      ['unknown-key', 'slides.3.terms.0.extra'],
      ['expected-map', 'slides.3.terms.1'],
      ['missing-key', 'slides.3.title'],
    ]);
  });

  it('allows only the map keys inside a nested map', () => {
    const problems = check({ ...valid, takeaway: { label: 'Clave', txt: 'x' } });
    expect(problems).toEqual([
      { kind: 'unknown-key', path: ['slides', 3, 'takeaway', 'txt'], key: 'txt', allowed: ['label', 'text'] },
      { kind: 'missing-key', path: ['slides', 3, 'takeaway', 'text'], key: 'text' },
    ]);
  });

  it('checks lists, empty list items and URLs', () => {
    const layout = analyze('{{#each links}}<a href="{{url}}">{{label}}</a>{{/each}}{{#each lines}}{{this}}{{/each}}');
    const problems = check(
      {
        links: [
          { url: 'ftp://x', label: 'a' },
          { url: ' https://ok.example ', label: 'b' },
        ],
        lines: 'one',
      },
      layout,
    );
    expect(problems).toEqual([
      { kind: 'not-http-url', path: ['slides', 3, 'links', 0, 'url'] },
      { kind: 'expected-list', path: ['slides', 3, 'lines'] },
    ]);
    expect(check({ links: [{ url: 'http://a.example', label: 'a' }], lines: ['uno', null] }, layout)).toEqual([
      { kind: 'empty-text', path: ['slides', 3, 'lines', 1] },
    ]);
  });

  it('reports a slide that is not a map', () => {
    expect(check(['title'])).toEqual([{ kind: 'expected-map', path: ['slides', 3] }]);
  });
});

describe('layoutJsonSchema', () => {
  it('describes a slide of definitions.hbs: required keys, no others, lists as arrays, maps as objects', () => {
    const schema = layoutJsonSchema(realLayout('definitions'), { layout: { const: 'definitions' } });
    const terms = expect.objectContaining({
      description: 'Los términos, cada uno con su definición.',
      type: 'array',
      minItems: 1,
      items: expect.objectContaining({ type: 'object', required: ['term', 'definition'], additionalProperties: false }),
    });
    expect(schema).toEqual(
      expect.objectContaining({ title: 'definitions', type: 'object', required: ['title', 'terms'], additionalProperties: false }),
    );
    expect(keysOf(schema.properties)).toEqual(['layout', 'title', 'intro', 'terms', 'takeaway']);
    expect(schema.properties).toEqual(expect.objectContaining({ layout: { const: 'definitions' }, terms }));
  });

  it('gives descriptions from the header comment and URLs a uri format with an http(s) pattern', () => {
    const layout = analyze(
      '{{!-- Enlaces\nlinks: Los enlaces\nlinks.url: Dirección --}}{{#each links}}<a href="{{url}}">{{label}}</a>{{/each}}',
    );
    const schema = layoutJsonSchema(layout, {});
    expect(schema.description).toBe('Enlaces');
    expect(schema.properties).toEqual({
      links: {
        description: 'Los enlaces',
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          properties: {
            url: { description: 'Dirección', type: 'string', format: 'uri', pattern: '^https?://' },
            label: { type: ['string', 'number', 'boolean'], pattern: '\\S' },
          },
          required: ['url', 'label'],
          additionalProperties: false,
        },
      },
    });
  });
});

function keysOf(value: unknown): string[] {
  return typeof value === 'object' && value !== null ? Object.keys(value) : [];
}
