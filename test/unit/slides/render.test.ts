import { describe, expect, it } from 'vitest';
import { isDeckError } from '../../../src/errors/deck-error.js';
import { compileTemplates, specKey, type TemplateSpecs } from '../../../src/slides/render.js';

const sources = (layout: string) => ({
  shell: '<main>{{{body}}}</main>',
  layouts: new Map([['text', layout]]),
  partials: new Map([['title', '<h2>{{title}}</h2>']]),
});

describe('compileTemplates', () => {
  it('renders the same from precompiled specs as from source, escaping data', () => {
    const layout = '{{> title}}<p>{{text}}</p>';
    const specs: TemplateSpecs = new Map();
    const first = compileTemplates(sources(layout), specs);
    expect(specs.has(specKey(layout))).toBe(true);
    const again = compileTemplates(sources(layout), new Map(specs));
    const context = { title: 'Costos', text: '<script>x</script>' };
    expect(again.layouts.get('text')?.(context)).toBe(first.layouts.get('text')?.(context));
    expect(first.layouts.get('text')?.(context)).toBe('<h2>Costos</h2><p>&lt;script&gt;x&lt;/script&gt;</p>');
  });

  it('still fails a misspelt field (strict) from a precompiled spec', () => {
    const templates = compileTemplates(sources('<p>{{missing}}</p>'), new Map());
    const error: unknown = (() => {
      try {
        return templates.layouts.get('text')?.({});
      } catch (caught) {
        return caught;
      }
    })();
    expect(isDeckError(error) && error.problems[0]?.code).toBe('template');
  });

  it('reports a template Handlebars cannot parse when it is used, naming its file', () => {
    const templates = compileTemplates(sources('<p>{{#if x}}unclosed</p>'), new Map());
    expect(() => templates.layouts.get('text')?.({ x: true })).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ code: 'template', file: 'templates/layouts/text.hbs' })] }),
    );
  });
});
