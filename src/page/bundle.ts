import type { Assets, Deck } from '../model.js';
import { compactCss, findFeatures } from './compact-css.js';
import { createDeckPolicy } from './csp.js';
import { planFirstPaint } from './first-paint.js';
import { localizeReveal } from './localize-reveal.js';
import { trimNotesPlugin } from './trim-notes-plugin.js';
import { READING_CLASS, READING_VIEW_CSS, readingViewHeadScript, startScript } from './reading-view.js';
import { findWords } from '../i18n/words.js';
import type { TemplateFunction } from '../slides/render.js';
import type { SocialMeta } from '../share/social-meta.js';

export interface BundleInput {
  readonly slides: readonly string[];
  readonly deck: Deck;
  readonly assets: Assets;
  readonly shell: TemplateFunction;
  readonly hasNotes: boolean;
  /** The title, description and author as plain text, their figures computed. */
  readonly pageMeta: { readonly title: string; readonly description: string; readonly author: string };
  /** The link-preview tags, for a deck with a public address (--url, meta.url). */
  readonly social?: SocialMeta | undefined;
}

/** The reveal.js configuration of every deck: a 16:9 stage that reveal scales to any screen. */
export const REVEAL_CONFIG = {
  width: 1280,
  height: 720,
  margin: 0.04,
  center: false,
  hash: true,
  controls: true,
  controlsTutorial: false,
  progress: true,
  slideNumber: 'c/t',
  transition: 'fade',
  backgroundTransition: 'none',
  pdfMaxPagesPerSlide: 1,
} as const;

/** One self-contained page: reveal's CSS and JS, the theme, the notes plugin and the slides, all inline. */
export function bundleDeck(input: BundleInput): string {
  const { deck } = input;
  // reveal's own screens (help, pause, controls, speaker view) in the deck's language.
  const words = findWords(deck.meta.locale);
  const localized = localizeReveal(input.assets, words, deck.meta.locale);
  const assets = { ...input.assets, ...localized, notesJs: trimNotesPlugin(localized.notesJs) };
  const plugins = input.hasNotes ? '[RevealNotes]' : '[]';
  const init = `Reveal.initialize(Object.assign(${JSON.stringify(REVEAL_CONFIG)}, { plugins: ${plugins} }));`;
  // The first slide is laid out before reveal runs, and reveal starts once it is painted (see first-paint.ts).
  const firstPaint = planFirstPaint({
    css:
      compactCss({ revealCss: assets.revealCss, themeCss: assets.themeCss, features: findFeatures(REVEAL_CONFIG, input.slides) }) +
      columnWidthCss(input.slides) +
      READING_VIEW_CSS,
    stage: { ...REVEAL_CONFIG, readingClass: READING_CLASS },
    // reveal with its R key after the first frame; the reading view's set-up at once (see reading-view.ts).
    initialize: startScript(init, words.reading),
  });
  const { css } = firstPaint;
  const headScript = inlineScript(readingViewHeadScript());
  const headScripts = firstPaint.headScripts.map(inlineScript);
  const scripts = [firstPaint.preLayout, assets.revealJs, ...(input.hasNotes ? [assets.notesJs] : []), firstPaint.start].map(inlineScript);
  const csp = createDeckPolicy({
    scripts: [headScript, ...headScripts, ...scripts],
    css,
    notesJs: input.hasNotes ? assets.notesJs : undefined,
    geometry: REVEAL_CONFIG,
  });
  return input.shell({
    lang: deck.meta.locale,
    ...input.pageMeta,
    social: input.social,
    css,
    csp,
    headScript,
    headScripts,
    reading: words.reading,
    slides: input.slides.join('\n'),
    scripts,
  });
}

// A literal "</script" inside inlined code would end the <script> element early; "<\/" means the same in JS.
function inlineScript(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1');
}

/** A col.dd-w<percent> rule per column width the slides' tables use: widths come from the data, styles stay in CSS. */
export function columnWidthCss(slides: readonly string[]): string {
  const widths = new Set<number>();
  for (const html of slides) for (const [, width = ''] of html.matchAll(/<col class="dd-w(\d+)">/g)) widths.add(Number(width));
  return [...widths]
    .sort((a, b) => a - b)
    .map((width) => `col.dd-w${width}{width:${width}%}`)
    .join('');
}
