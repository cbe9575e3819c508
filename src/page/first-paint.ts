import type { SlideGeometry } from './print-view.js';

/**
 * The deck's first frame, before reveal.js runs. reveal shows nothing until its initialize() has set the page up
 * (every slide is display:none until it marks one .present, and it scales the 1280×720 stage in JS), so the first
 * slide used to wait for reveal's ~200 kB of script to be compiled and run. Instead, a small script right after the
 * slides does the two things the first frame needs, exactly as reveal will: it marks the slide the URL names as
 * present and scales the stage with reveal's formula; reveal is started once that frame is on screen and takes over
 * the same classes and styles, so nothing moves. The embedded fonts are registered from their bytes in the same
 * script, so the first frame already has its text instead of waiting a frame for the font's data: URL to load.
 */

/** reveal's defaults for what the pre-layout must agree with (minScale, maxScale, scrollActivationWidth). */
export interface StageLayout extends SlideGeometry {
  readonly minScale?: number;
  readonly maxScale?: number;
  /** Below this presentation width reveal turns into its scroll view; the pre-layout then leaves the page to it. */
  readonly scrollActivationWidth?: number;
  /** The class on <html> of a page that shows no slides (the reading view): the pre-layout leaves it alone. */
  readonly readingClass?: string;
}

const REVEAL_DEFAULTS = { minScale: 0.2, maxScale: 2.0, scrollActivationWidth: 435 } as const;

/**
 * The pre-layout: placed after the slides and before reveal's scripts. It does what reveal's setViewport(),
 * layout() and readURL() will do for the first frame, and nothing when reveal will lay the page out another way
 * (the print view, ?view=scroll or print, a window narrow enough for reveal's scroll view, the reading view, or a
 * page whose earlier script set data-no-pre-layout on <html> because it will not show slides).
 */
export function createPreLayoutScript(stage: StageLayout): string {
  const { width, height, margin } = stage;
  const minScale = stage.minScale ?? REVEAL_DEFAULTS.minScale;
  const maxScale = stage.maxScale ?? REVEAL_DEFAULTS.maxScale;
  const scrollWidth = stage.scrollActivationWidth ?? REVEAL_DEFAULTS.scrollActivationWidth;
  // innerWidth/innerHeight are what reveal's body.offsetWidth/offsetHeight measure (html and body fill the
  // window and hide their overflow), read without forcing a layout of the half-parsed page.
  return [
    '(function(){',
    'var d=document,html=d.documentElement,stage=d.querySelector(".reveal > .slides");',
    `var w=innerWidth,h=innerHeight,pw=w-w*${margin},ph=h-h*${margin};`,
    `if(!stage||/print-pdf|[?&]view=(scroll|print)\\b/.test(location.search)||pw<=${scrollWidth}||html.hasAttribute("data-no-pre-layout")${
      stage.readingClass === undefined ? '' : `||html.classList.contains(${JSON.stringify(stage.readingClass)})`
    })return;`,
    'var slides=stage.querySelectorAll(":scope > section:not([data-visibility=hidden])");',
    'var slide=findSlide(slides);if(!slide)return;',
    `var k=Math.round(Math.max(${minScale},Math.min(${maxScale},pw/${width},ph/${height}))*100)/100;`,
    'html.classList.add("reveal-full-page");d.body.classList.add("reveal-viewport");',
    `var s=stage.style;s.width="${width}px";s.height="${height}px";`,
    'if(k!==1){s.left="50%";s.top="50%";s.bottom="auto";s.right="auto";s.transform="translate(-50%, -50%) scale("+k+")";}',
    'slide.classList.add("present");',
    // reveal's getIndicesFromHash: #/3 (0-based, clamped), #/name (an id or data-id inside a slide), else slide 0.
    'function findSlide(slides){',
    'var name=location.hash.replace(/^#\\/?/,""),first=name.split("/")[0];',
    'if(/^[0-9]*$/.test(first)||!name)return slides[Math.min(parseInt(first,10)||0,slides.length-1)];',
    'try{var id=decodeURIComponent(first),hit=d.getElementById(id)||d.querySelector("[data-id=\\""+id+"\\"]");',
    'var named=hit&&hit.closest(".slides > section");if(named)return named;}catch(e){}',
    'return slides[0];}',
    '})();',
  ].join('');
}

/**
 * reveal started after the first frame is on screen: the next animation frame, then a task, so that the frame the
 * pre-layout prepared is painted before reveal's work begins. A hidden page paints nothing, so it starts at once.
 */
export function createDeferredStartScript(initialize: string, readingClass?: string): string {
  // The reading view lays its page out in this script: it runs at once, before the first paint, as it always did.
  const isReading = readingClass === undefined ? '' : `||document.documentElement.classList.contains(${JSON.stringify(readingClass)})`;
  return [
    '(function(){',
    `function startReveal(){${initialize}}`,
    `if(document.visibilityState==="hidden"${isReading})startReveal();`,
    'else requestAnimationFrame(function(){setTimeout(startReveal);});',
    '})();',
  ].join('');
}

const FONT_FACE = /@font-face\s*\{([^}]*)\}/g;
const EMBEDDED_SRC = /^url\(\s*["']?data:font\/woff2;base64,([A-Za-z0-9+/=]+)["']?\s*\)(?:\s*format\(\s*["']?woff2["']?\s*\))?$/;
const DESCRIPTORS: Readonly<Record<string, string>> = {
  'font-style': 'style',
  'font-weight': 'weight',
  'font-stretch': 'stretch',
  'font-display': 'display',
  'unicode-range': 'unicodeRange',
};

export interface FirstPaint {
  /** The page's CSS, less the font faces the head script now adds. */
  readonly css: string;
  /** Scripts for <head>, after the <style>: the embedded fonts, when any could move. */
  readonly headScripts: readonly string[];
  /** The pre-layout, the first script after the slides. */
  readonly preLayout: string;
  /** Starts reveal once the first frame is painted: the last script. */
  readonly start: string;
}

/** Everything the first frame needs, from the page's CSS, the stage's geometry and the code that starts the page. */
export function planFirstPaint(input: { css: string; stage: StageLayout; initialize: string }): FirstPaint {
  const fonts = moveEmbeddedFonts(input.css);
  return {
    css: fonts.css,
    headScripts: fonts.script === '' ? [] : [fonts.script],
    preLayout: createPreLayoutScript(input.stage),
    start: createDeferredStartScript(input.initialize, input.stage.readingClass),
  };
}

export interface MovedFonts {
  /** The CSS without the @font-face rules that moved. */
  readonly css: string;
  /** The script that adds the same faces from their bytes, or '' when no rule could move. */
  readonly script: string;
}

/**
 * The @font-face rules whose only source is an embedded WOFF2 data: URL, moved from the CSS into a script that
 * adds the same faces with the FontFace API. A face made from bytes is decoded when it is made, so the first frame
 * lays its text out in the font; from a data: URL in CSS the font loads after the first layout and, with
 * font-display:block, the text waits for one more frame. Any rule this does not fully understand stays in the CSS.
 */
export function moveEmbeddedFonts(css: string): MovedFonts {
  const faces: string[] = [];
  const rest = css.replace(FONT_FACE, (rule, body: string) => {
    const face = readFontFace(body);
    if (face === undefined) return rule;
    faces.push(face);
    return '';
  });
  if (faces.length === 0) return { css, script: '' };
  return {
    css: rest,
    script: [
      '(function(){',
      'function bytes(b){var s=atob(b),a=new Uint8Array(s.length);for(var i=0;i<s.length;i+=1)a[i]=s.charCodeAt(i);return a;}',
      `[${faces.join(',')}].forEach(function(f){document.fonts.add(new FontFace(f[0],bytes(f[1]),f[2]));});`,
      '})();',
    ].join(''),
  };
}

/** One @font-face body as a JS array literal [family, base64, descriptors], or undefined when it must stay CSS. */
function readFontFace(body: string): string | undefined {
  let family: string | undefined;
  let base64: string | undefined;
  const descriptors: Record<string, string> = {};
  for (const declaration of splitDeclarations(body)) {
    const colon = declaration.indexOf(':');
    const name = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (name === 'font-family') family = value.replace(/^(["'])(.*)\1$/, '$2');
    else if (name === 'src') base64 = EMBEDDED_SRC.exec(value)?.[1];
    else {
      const key = DESCRIPTORS[name];
      if (key === undefined) return undefined;
      descriptors[key] = value;
    }
  }
  if (family === undefined || base64 === undefined) return undefined;
  return JSON.stringify([family, base64, descriptors]);
}

// Declarations end at ";" outside quotes and parentheses (a data: URL has none of either, a family name may).
function splitDeclarations(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index];
    if (quote !== '') {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (char === ';' && depth === 0) {
      parts.push(body.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(body.slice(start));
  return parts.filter((part) => part.includes(':'));
}
