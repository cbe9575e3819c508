import type { ReadingWords } from '../i18n/words.js';
import { minifyCss } from './compact-css.js';

/**
 * The reading view: on a phone held upright (or anywhere with ?view=read) the deck is one page of readable
 * sections, not 1280×720 slides shrunk to a third of their size. Same file, same slides' HTML: a class on <html>,
 * set before the body is drawn, switches the styles below on and keeps reveal.js from starting.
 */
export const READING_CLASS = 'dd-read';

/** Below this width, a screen in portrait gets the reading view unless the address asks for ?view=slides. */
const PHONE_WIDTH = 600;

/**
 * Runs in <head>, before the slides are parsed, so the first paint is already the right view. The print view
 * (?print-pdf) and the speaker view's previews (?receiver) always get slides.
 */
export function readingViewHeadScript(): string {
  return `(${chooseView.toString()})(${JSON.stringify({ className: READING_CLASS, phoneWidth: PHONE_WIDTH })});`;
}

function chooseView(config: { className: string; phoneWidth: number }): void {
  const query = location.search;
  if (/[?&](print-pdf|receiver)\b/.test(query)) return;
  const asked = /[?&]view=(read|slides)\b/.exec(query)?.[1];
  const isPhone = matchMedia(`(max-width: ${config.phoneWidth}px) and (orientation: portrait)`).matches;
  if (asked === 'read' || (asked === undefined && isPhone)) document.documentElement.classList.add(config.className);
}

/**
 * Runs after reveal.js is loaded: starts reveal for slides, or lays the sections out for reading. `startSlides` is
 * the reveal.initialize() call, as code.
 */
export function startScript(startSlides: string, words: ReadingWords): string {
  const config = JSON.stringify({ className: READING_CLASS, readingKey: words.readingView }).replace(/</g, '\\u003c');
  return `if(document.documentElement.classList.contains(${JSON.stringify(READING_CLASS)})){(${setUpReading.toString()})();}else{(${keepSlideInScrollView.toString()})();${startSlides}(${addReadingKey.toString()})(${config});}`;
}

/**
 * reveal's scroll view (slides on a phone, ?view=slides) opens at the first slide whatever the address says and
 * drops the #/3: the slide the link named is scrolled to once reveal is ready.
 */
function keepSlideInScrollView(): void {
  const target = /^#\/(\d+)/.exec(location.hash)?.[1];
  const reveal = Reflect.get(window, 'Reveal') as {
    on(event: string, callback: () => void): void;
    isScrollView(): boolean;
    getSlides(): HTMLElement[];
  };
  if (target === undefined) return;
  reveal.on('ready', () => {
    if (reveal.isScrollView()) reveal.getSlides()[Number(target)]?.closest('.scroll-page')?.scrollIntoView();
  });
}

/** R in the slides goes to the reading view at the same slide; the help overlay (?) lists it. */
function addReadingKey(config: { readingKey: string }): void {
  const reveal = Reflect.get(window, 'Reveal') as {
    addKeyBinding(binding: { keyCode: number; key: string; description: string }, callback: () => void): void;
    getIndices(): { h: number };
  };
  reveal.addKeyBinding({ keyCode: 82, key: 'R', description: config.readingKey }, () => {
    location.href = `?view=read#/${reveal.getIndices().h}`;
  });
}

/**
 * Each slide becomes a section of the page: a table cut into pages for the slides is joined again, a wide table
 * scrolls sideways in a region the keyboard can reach, #/3 opens at the fourth slide, and the link back to the
 * slides opens the slide being read.
 */
function setUpReading(): void {
  const sections = Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides > section'));
  sections.forEach((section, index) => {
    section.dataset.index = String(index);
  });
  let first: HTMLElement | undefined;
  for (const section of sections) {
    const isContinued = section.dataset.layout === 'table' && section.querySelector('.slide-header .continued') !== null;
    const body = first?.querySelector('tbody');
    if (!isContinued || first === undefined || body === null || body === undefined) {
      first = section.dataset.layout === 'table' ? section : undefined;
      continue;
    }
    body.append(...Array.from(section.querySelectorAll('tbody > tr')));
    first.querySelector('.continues')?.remove();
    first.querySelector('.slide-body')?.append(...Array.from(section.querySelectorAll('.slide-body > p')));
    section.remove();
  }
  for (const region of Array.from(document.querySelectorAll<HTMLElement>('.reveal .table-scroll'))) {
    const title = region.closest('section')?.querySelector('h2')?.textContent ?? '';
    region.setAttribute('role', 'region');
    region.setAttribute('aria-label', title.trim());
    region.tabIndex = 0;
  }
  const target = /^#\/(\d+)/.exec(location.hash)?.[1];
  if (target !== undefined) {
    // A reload would put back the old scroll position after this one.
    history.scrollRestoration = 'manual';
    const section = document.querySelector(`.reveal .slides > section[data-index="${target}"]`);
    // A joined table page opens at the table it was part of.
    const shown = section ?? sections.filter((item) => Number(item.dataset.index) <= Number(target) && item.isConnected).pop();
    shown?.scrollIntoView();
  }
  const toSlides = document.querySelector<HTMLAnchorElement>('.dd-reading-bar a');
  toSlides?.addEventListener('click', () => {
    const reading = sections.find((section) => section.isConnected && section.getBoundingClientRect().bottom > 80);
    toSlides.href = `?view=slides#/${reading?.dataset.index ?? '0'}`;
  });
}

/**
 * The reading view's styles, for every theme: the theme's colours and font through its --dd-* variables; sizes
 * in rem so the reader's own text size counts. Body text 17 px, tables and captions 16 px, headings by the width.
 * Minified once, when the module loads, not on every build.
 */
export const READING_VIEW_CSS = minifyCss(`
.dd-reading-bar { display: none; }
html.dd-read, html.dd-read body { height: auto; overflow: visible; }
html.dd-read body { margin: 0; background: var(--dd-bg, #fff); -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
html.dd-read .dd-reading-bar { display: flex; justify-content: flex-end; position: sticky; top: 0; z-index: 2; padding: 0 max(1rem, calc(50% - 20rem)); background: var(--dd-bg, #fff); border-bottom: 1px solid var(--dd-border, #d8dde6); font: 600 1rem/1.4 var(--dd-font, sans-serif); }
html.dd-read .dd-reading-bar a { color: var(--dd-primary, #0b5cad); padding: 0.625rem 0; }
html.dd-read .reveal .slides > section { scroll-margin-top: 3rem; }
html.dd-read .reveal { position: static; width: auto; height: auto; overflow: visible; font-size: 1.0625rem; line-height: 1.5; touch-action: auto; }
html.dd-read .reveal .slides { position: static; inset: auto; width: auto; height: auto; max-width: 42rem; margin: 0 auto; padding: 0 1rem 3rem; perspective: none; pointer-events: auto; text-align: left; }
html.dd-read .reveal .slides > section { display: block; position: static; box-sizing: border-box; width: auto; height: auto; min-height: 0; padding: 1.75rem 0; transform: none; opacity: 1; visibility: visible; pointer-events: auto; border-bottom: 1px solid var(--dd-border, #d8dde6); }
html.dd-read .reveal .slides > section:last-child { border-bottom: 0; }
html.dd-read .reveal .slides section * { max-width: 100%; }
html.dd-read .reveal .fragment { opacity: 1; visibility: visible; transform: none; }
html.dd-read .reveal aside.notes { display: none; }
html.dd-read .reveal .slides section :is(p, li, dd, dt, blockquote, figcaption) { font-size: 1.0625rem; line-height: 1.5; }
html.dd-read .reveal .slides section :is(figcaption, .caveat, .continues, .lead, small) { font-size: 1rem; }
html.dd-read .reveal .slides section h1 { font-size: clamp(1.75rem, 8vw, 2.5rem); line-height: 1.15; }
html.dd-read .reveal .slides section h2 { font-size: clamp(1.375rem, 6vw, 1.75rem); line-height: 1.2; padding-bottom: 0.5rem; }
html.dd-read .reveal .slides section h2::after { width: 3rem; height: 0.25rem; }
html.dd-read .reveal .slides section h3 { font-size: 1.1875rem; line-height: 1.25; }
html.dd-read .reveal .slide-header { margin-bottom: 1rem; }
html.dd-read .reveal :is(.cards, .split) { display: flex; flex-direction: column; gap: 1rem; }
html.dd-read .reveal .card, html.dd-read .reveal .figures-box { padding: 1rem 1.125rem; }
html.dd-read .reveal .slides section.layout-title { padding: 2.5rem 0 2rem 1.25rem; background: linear-gradient(90deg, var(--dd-heading, #0b3a66) 0 0.375rem, transparent 0.375rem); }
html.dd-read .reveal .title-card { position: static; padding: 0; }
html.dd-read .reveal .slides section .title-card .eyebrow { font-size: 1rem; margin-bottom: 0.75rem; }
html.dd-read .reveal .title-card .subtitle { font-size: 1.1875rem; margin-top: 0.75rem; }
html.dd-read .reveal .byline { flex-wrap: wrap; gap: 0.75rem 2rem; margin-top: 1.5rem; padding-top: 1rem; }
html.dd-read .reveal .slides section .byline dt { font-size: 1rem; }
html.dd-read .reveal .byline dd { font-size: 1.0625rem; margin-top: 0.125rem; }
html.dd-read .reveal ol.numbered li { padding: 0.625rem 0 0.625rem 3rem; }
html.dd-read .reveal ol.numbered li::before { width: 2.125rem; height: 2.125rem; font-size: 1.0625rem; }
html.dd-read .reveal ul.points li { padding: 0.375rem 0 0.375rem 1.75rem; }
html.dd-read .reveal ul.points li::before { left: 0.25rem; top: 0.9rem; width: 0.625rem; height: 0.625rem; }
html.dd-read .reveal :is(.figure-line, .takeaway) { padding: 0.75rem 1rem; }
html.dd-read .reveal .table-scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
html.dd-read .reveal .table-scroll:focus-visible { outline: 3px solid var(--dd-primary, #0b5cad); outline-offset: 2px; }
html.dd-read .reveal .slides section table { table-layout: auto; width: max-content; min-width: 100%; max-width: none; font-size: 1rem; }
html.dd-read .reveal .slides section table :is(th, td) { font-size: 1rem; max-width: 15rem; overflow-wrap: normal; padding: 0.5rem 0.625rem; }
html.dd-read .reveal .slides section table col { width: auto; }
html.dd-read .reveal .table-scroll :is(thead th:first-child, tbody th) { position: sticky; left: 0; z-index: 1; max-width: 10rem; }
html.dd-read .reveal .table-scroll tbody th { background: var(--dd-bg, #fff); }
html.dd-read .reveal .table-scroll tbody tr:nth-child(even) th { background: var(--dd-surface, #f3f6fa); }
html.dd-read .reveal .chart-svg { display: block; height: auto; }
html.dd-read .reveal .chart-svg svg { display: block; width: 100%; height: auto; max-height: none; }
html.dd-read .reveal .chart-svg.has-narrow > svg:first-child { display: none; }
.reveal .chart-svg.has-narrow > svg + svg { display: none; }
html.dd-read .reveal .chart-svg.has-narrow > svg + svg { display: block; max-width: 28rem; margin: 0 auto; }
html.dd-read .reveal .sources .source-url { font-size: 1rem; }
.reveal .table-sources-whole { display: none; }
html.dd-read .reveal .table-sources-whole { display: block; }
html.dd-read .reveal section:has(.table-sources-whole) .table-sources:not(.table-sources-whole) { display: none; }
`);
