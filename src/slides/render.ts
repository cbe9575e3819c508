import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import { DeckError } from '../errors/deck-error.js';
import { messages } from '../errors/messages.js';
import type { Charts, Deck, Slide, TemplateSources } from '../model.js';
import { viewSlide } from './slide-views.js';

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
  return createHash('sha256').update(JSON.stringify([COMPILE_OPTIONS, source])).digest('hex');
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
    const detail = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
    throw new DeckError({ code: 'template', ...messages.template(file, detail), file }, { cause: error });
  }
}

export interface RenderInput {
  readonly deck: Deck;
  readonly charts: Charts;
  readonly templates: CompiledTemplates;
  /** Leave speaker notes out (a deck for sharing). */
  readonly isPublic: boolean;
}

/** Each slide through its layout: one <section> per slide, in order. */
export function renderSlides(input: RenderInput): string[] {
  return input.deck.slides.map((slide, index) => renderSlide(slide, index, input));
}

function renderSlide(slide: Slide, index: number, input: RenderInput): string {
  const layout = input.templates.layouts.get(slide.layout);
  if (layout === undefined) throw new Error(`layout "${slide.layout}" was validated but has no template`);
  const notes = input.isPublic ? undefined : slide.notes;
  return layout({ ...viewSlide(slide, input.deck, input.charts), notes, slideNumber: index + 1 });
}
