import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import { DeckError } from '../errors/deck-error.js';
import { messages } from '../errors/messages.js';
import type { SentenceCache } from '../data/sentence-cache.js';
import type { Charts, Deck, TemplateSources } from '../model.js';
import type { LayoutInfo } from './layouts.js';
import { viewMeta, viewSlide } from './slide-views.js';
import { buildTable, pageSlideTable } from './table.js';

export type TemplateFunction = (context: unknown) => string;

/** Compiled templates: made once per template change, reused by every rebuild. */
export interface CompiledTemplates {
  readonly shell: TemplateFunction;
  readonly layouts: ReadonlyMap<string, TemplateFunction>;
}

// strict: a misspelt field fails the build instead of rendering blank; knownHelpersOnly: data cannot call helpers.
const COMPILE_OPTIONS = { strict: true, knownHelpersOnly: true, noEscape: false } as const;

/** specKey() of a template's source → Handlebars' precompiled JavaScript for it, kept by the build cache between runs. */
export type TemplateSpecs = Map<string, string>;

/** `specs` saves parsing and compiling each template again: that is most of a cold run's rendering time. */
export function compileTemplates(sources: TemplateSources, specs: TemplateSpecs = new Map()): CompiledTemplates {
  const handlebars = Handlebars.create();
  const load = (source: string) => loadTemplate(handlebars, source, specs);
  for (const [name, source] of sources.partials) handlebars.registerPartial(name, load(source));
  const compile = (file: string, source: string): TemplateFunction => {
    const template = load(source);
    return (context) => runTemplate(file, () => template(context));
  };
  const layouts = new Map([...sources.layouts].map(([name, source]) => [name, compile(`templates/layouts/${name}.hbs`, source)]));
  return { shell: compile('templates/deck.hbs', sources.shell), layouts };
}

export function specKey(source: string): string {
  return createHash('sha256')
    .update(JSON.stringify([COMPILE_OPTIONS, source]))
    .digest('hex');
}

function loadTemplate(handlebars: typeof Handlebars, source: string, specs: TemplateSpecs): Handlebars.TemplateDelegate {
  const key = specKey(source);
  let spec = specs.get(key);
  if (spec === undefined) {
    try {
      spec = String(handlebars.precompile(source, { ...COMPILE_OPTIONS }));
    } catch {
      // Compiled lazily instead: Handlebars then reports the syntax error when the template is used, as it always did.
      return handlebars.compile(source, COMPILE_OPTIONS);
    }
    specs.set(key, spec);
  }
  // The spec is JavaScript that Handlebars wrote (here, or in an earlier run into the build cache).
  const template: unknown = new Function(`return ${spec}`)();
  if (typeof template !== 'object' || template === null) throw new Error('a precompiled Handlebars template is not an object');
  return handlebars.template(template);
}

function runTemplate(file: string, render: () => string): string {
  try {
    return render();
  } catch (error) {
    const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new DeckError({ code: 'template', ...messages.template(file, detail), file }, { cause: error });
  }
}

export interface RenderInput {
  readonly deck: Deck;
  readonly charts: Charts;
  readonly templates: CompiledTemplates;
  readonly layouts: ReadonlyMap<string, LayoutInfo>;
  readonly sentences: SentenceCache;
  /** Leave speaker notes out (a deck for sharing). */
  readonly isPublic: boolean;
}

/** Each slide through its layout: one <section> per slide, in order; a table gives as many as its rows need. */
export function renderSlides(input: RenderInput): string[] {
  const sections: string[] = [];
  const meta = viewMeta(input.deck, input.sentences);
  for (const slide of input.deck.slides) {
    const template = input.templates.layouts.get(slide.layout);
    const layout = input.layouts.get(slide.layout);
    if (template === undefined || layout === undefined) throw new Error(`layout "${slide.layout}" was validated but has no template`);
    const base = { slide, deck: input.deck, meta, layout, charts: input.charts, sentences: input.sentences, isPublic: input.isPublic };
    if (!layout.showsTable) {
      sections.push(template(viewSlide({ ...base, slideNumber: sections.length + 1 })));
      continue;
    }
    const columns = slide.values.columns;
    const view = buildTable(Array.isArray(columns) ? columns : [], input.deck, input.sentences);
    for (const page of pageSlideTable(view.rows, slide.values.rowsPerSlide)) {
      sections.push(template(viewSlide({ ...base, slideNumber: sections.length + 1, table: { view, page } })));
    }
  }
  return sections;
}
