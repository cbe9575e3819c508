import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compactCss, findFeatures, minifyCss, type DeckFeatures } from '../../../src/page/compact-css.js';
import { ROOT } from '../../helpers.js';

const fade: DeckFeatures = { transitions: new Set(['fade', 'none']), hasFragments: false };

describe('minifyCss', () => {
  it('drops comments and spaces but never touches strings or descendant pseudo-classes', () => {
    const css = '/* a */ .a :hover , .b > .c {\n  content: "Notas  del  orador";\n  font: 600 18px/1 var(--x);\n}';
    expect(minifyCss(css)).toBe('.a :hover,.b > .c{content:"Notas  del  orador";font:600 18px/1 var(--x);}');
  });
});

describe('compactCss', () => {
  const prune = (revealCss: string, features = fade) => compactCss({ revealCss, themeCss: '', features }).trimEnd();

  it('drops selectors of transitions the deck does not use and keeps the used ones', () => {
    const css =
      '.reveal.zoom .slides section,.reveal.fade .slides section{opacity:0}.reveal .slides>section[data-transition~=convex-out].past{x:1}';
    expect(prune(css)).toBe('.reveal.fade .slides section{opacity:0}');
  });

  it('keeps every rule that names no transition, inside @media too, and commas inside :not()', () => {
    const css = '@media print{.a:not(.b,.c){x:1}.reveal.slide .d{x:2}}.reveal .slides section[data-transition-speed=fast]{x:3}';
    expect(prune(css)).toBe('@media print{.a:not(.b,.c){x:1}}.reveal .slides section[data-transition-speed=fast]{x:3}');
  });

  it('keeps a transition that a slide names in its own data-transition', () => {
    const features = findFeatures({ transition: 'fade', backgroundTransition: 'none' }, ['<section data-transition="zoom-in fade-out">']);
    expect([...features.transitions].sort()).toEqual(['fade', 'none', 'zoom']);
    expect(prune('.reveal .slides>section[data-transition=zoom]{x:1}', features)).toBe(
      '.reveal .slides>section[data-transition=zoom]{x:1}',
    );
  });

  it('drops fragment styles unless a slide has a fragment, and right-to-left styles always', () => {
    const css = '.reveal .slides section .fragment.grow{x:1}.reveal:not(.rtl) .a{x:2}.reveal.rtl .slides{x:3}';
    expect(prune(css)).toBe('.reveal:not(.rtl) .a{x:2}');
    const features = findFeatures({ transition: 'fade', backgroundTransition: 'none' }, [
      '<section><p class="big fragment">Uno</p></section>',
    ]);
    expect(features.hasFragments).toBe(true);
    expect(prune(css, features)).toBe('.reveal .slides section .fragment.grow{x:1}.reveal:not(.rtl) .a{x:2}');
    expect(findFeatures({ transition: 'fade', backgroundTransition: 'none' }, ['<p class="fragmented">x</p>']).hasFragments).toBe(false);
  });

  it('keeps reveal.css whole apart from transitions and fragments it never needs', () => {
    const reveal = readFileSync(`${ROOT}node_modules/reveal.js/dist/reveal.css`, 'utf8');
    const compact = prune(reveal);
    expect(compact.length).toBeLessThan(reveal.length - 10_000);
    for (const kept of ['.reveal .slides', '.print-pdf .reveal', '@media print', '.reveal .controls', '.reveal .progress', '.reveal.fade'])
      expect(compact).toContain(kept);
    expect(compact).not.toMatch(/\.reveal\.(zoom|convex|concave)\b|data-transition=(slide|zoom)\]/);
  });
});
