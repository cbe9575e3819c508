/** What of reveal.css a deck can use: its transitions, and whether any slide has fragments. */
export interface DeckFeatures {
  readonly transitions: ReadonlySet<string>;
  readonly hasFragments: boolean;
}

/**
 * The page's CSS, smaller, for the same page: the theme loses comments and spaces (reveal.css ships minified), and
 * reveal.css loses its rules for features the deck never uses (~13 kB). A selector naming another transition
 * (`.reveal.zoom`, `[data-transition=convex]`) cannot match: reveal puts the configured transition on .reveal, and a
 * slide has a data-transition only if its layout writes one, which `findFeatures` reads. Likewise `.fragment` styles
 * need an element with that class in a slide, and `.reveal.rtl` a right-to-left config, which the deck never sets.
 */
export function compactCss(options: { revealCss: string; themeCss: string; features: DeckFeatures }): string {
  // Every rebuild of a process passes the same CSS; pruning and minifying it again costs ~1.4 ms of a ~25 ms rebuild.
  const key = `${[...options.features.transitions].sort().join(' ')} ${options.features.hasFragments}`;
  if (lastCompacted?.revealCss === options.revealCss && lastCompacted.themeCss === options.themeCss && lastCompacted.key === key) {
    return lastCompacted.css;
  }
  const css = compactCssOnce(options);
  lastCompacted = { revealCss: options.revealCss, themeCss: options.themeCss, key, css };
  return css;
}

let lastCompacted: { readonly revealCss: string; readonly themeCss: string; readonly key: string; readonly css: string } | undefined;

function compactCssOnce(options: { revealCss: string; themeCss: string; features: DeckFeatures }): string {
  const unused = TRANSITIONS.filter((name) => !options.features.transitions.has(name)).join('|');
  const naming = [
    '\\.reveal\\.rtl(?![\\w-])',
    ...(options.features.hasFragments ? [] : ['\\.fragment(?![\\w-])']),
    ...(unused === ''
      ? []
      : [`\\.reveal\\.(?:${unused})(?![\\w-])|\\[data-(?:background-)?transition~?=["']?(?:${unused})(?:-in|-out)?["']?\\]`]),
  ];
  return `${pruneRules(options.revealCss, new RegExp(naming.join('|')))}\n${minifyCss(options.themeCss)}`;
}

// reveal.js 6's transition names (reveal.css styles each one; "default" is an alias of "slide").
const TRANSITIONS = ['none', 'fade', 'slide', 'convex', 'concave', 'zoom', 'linear', 'default'];

/** The configured transitions plus every data-transition / data-background-transition a slide carries; any fragment. */
export function findFeatures(
  config: { readonly transition: string; readonly backgroundTransition: string },
  slides: readonly string[],
): DeckFeatures {
  const transitions = new Set([config.transition, config.backgroundTransition]);
  for (const html of slides) {
    for (const [, value = ''] of html.matchAll(/\sdata-(?:background-)?transition="([^"]*)"/g)) {
      for (const word of value.split(/\s+/)) transitions.add(word.replace(/-(in|out)$/, ''));
    }
  }
  const hasFragments = slides.some((html) => /\sclass="(?:[^"]*\s)?fragment[\s"]/.test(html));
  return { transitions, hasFragments };
}

// Strings are copied as they are; everything else loses comments and the spaces CSS does not need.
const TOKENS = /("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|\/\*[\s\S]*?\*\/|\s+/g;

export function minifyCss(css: string): string {
  const spaced = css.replace(TOKENS, (match, string: string | undefined) => string ?? (match.startsWith('/*') ? '' : ' '));
  // Spaces next to { } ; , and after : never matter outside strings (before ":" they would: ".a :hover").
  return spaced
    .replace(TOKENS_OR_PUNCTUATION, (_match, string: string | undefined, punctuation: string | undefined) => string ?? punctuation ?? '')
    .trim();
}

const TOKENS_OR_PUNCTUATION = /("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')| ?([{};,]) ?|(?<=:) /g;

const STRING_OR_BRACE = /("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|([{}])/g;

/** Drops the selectors that `naming` matches from every style rule, inside @media and @supports too; a rule left with none goes. */
function pruneRules(css: string, naming: RegExp): string {
  let out = '';
  let start = 0;
  let open = -1;
  let depth = 0;
  for (const match of css.matchAll(STRING_OR_BRACE)) {
    if (match[2] === '{' && depth++ === 0) open = match.index;
    if (match[2] === '}' && --depth === 0) {
      out += pruneRule(css.slice(start, open), css.slice(open + 1, match.index), naming);
      start = match.index + 1;
    }
  }
  return out + css.slice(start);
}

function pruneRule(prelude: string, block: string, naming: RegExp): string {
  if (/^@(media|supports|layer|container)\b/.test(prelude)) {
    const inner = pruneRules(block, naming);
    return inner === '' ? '' : `${prelude}{${inner}}`;
  }
  // Most rules name no transition at all: only those are split into selectors.
  if (prelude.startsWith('@') || !naming.test(prelude)) return `${prelude}{${block}}`;
  const selectors = splitSelectors(prelude).filter((selector) => !naming.test(selector));
  return selectors.length === 0 ? '' : `${selectors.join(',')}{${block}}`;
}

/** "a,b:not(c,d)" → ["a", "b:not(c,d)"]: commas inside brackets, parentheses and strings do not split. */
function splitSelectors(prelude: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let depth = 0;
  for (let index = 0; index < prelude.length; index += 1) {
    const current = prelude[index];
    if (current === '"' || current === "'") index = skipString(prelude, index);
    else if (current === '(' || current === '[') depth += 1;
    else if (current === ')' || current === ']') depth -= 1;
    else if (current === ',' && depth === 0) {
      parts.push(prelude.slice(start, index));
      start = index + 1;
    }
  }
  return [...parts, prelude.slice(start)];
}

function skipString(css: string, start: number): number {
  const quote = css[start];
  let index = start + 1;
  while (index < css.length && css[index] !== quote) index += css[index] === '\\' ? 2 : 1;
  return index;
}
