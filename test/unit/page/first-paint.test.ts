import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createDeferredStartScript, createPreLayoutScript, moveEmbeddedFonts } from '../../../src/page/first-paint.js';

const WOFF2 = 'd09GMgABAAAAAD2oABYAAAAAeXAA';
const FACE = `@font-face{font-family:"Source Sans 3";font-style:normal;font-weight:200 900;font-display:block;src:url(data:font/woff2;base64,${WOFF2}) format("woff2");}`;

describe('moveEmbeddedFonts', () => {
  it('moves an embedded WOFF2 face into a script that adds the same face from its bytes', () => {
    const moved = moveEmbeddedFonts(`body{color:red}${FACE}h1{font-weight:700}`);
    expect(moved.css).toBe('body{color:red}h1{font-weight:700}');
    const added: unknown[][] = [];
    runInNewContext(moved.script, {
      atob: (text: string) => Buffer.from(text, 'base64').toString('latin1'),
      Uint8Array,
      FontFace: function FontFace(...args: unknown[]) {
        added.push(args);
      },
      document: { fonts: { add: () => undefined } },
    });
    expect(added).toHaveLength(1);
    const [family, bytes, descriptors] = added[0] ?? [];
    expect(family).toBe('Source Sans 3');
    expect(Buffer.from(bytes as Uint8Array).toString('base64')).toBe(WOFF2);
    expect(descriptors).toEqual({ style: 'normal', weight: '200 900', display: 'block' });
  });

  it('leaves in the CSS a face it does not fully understand: a file URL, two sources, an unknown descriptor', () => {
    const css = [
      '@font-face{font-family:A;src:url(a.woff2) format("woff2")}',
      `@font-face{font-family:B;src:url(data:font/woff2;base64,${WOFF2}),local(B)}`,
      `@font-face{font-family:C;size-adjust:90%;src:url(data:font/woff2;base64,${WOFF2})}`,
    ].join('');
    expect(moveEmbeddedFonts(css)).toEqual({ css, script: '' });
  });
});

describe('createPreLayoutScript', () => {
  const stage = { width: 1280, height: 720, margin: 0.04 };

  function runPreLayout(options: { width: number; height: number; hash?: string; search?: string; htmlClass?: string }) {
    const classes = (): Set<string> => new Set<string>();
    const slides = Array.from({ length: 5 }, (_, index) => ({ index, classList: classes() }));
    const named = { closest: () => slides[2] };
    const style: Record<string, string> = {};
    const stageElement = { style, querySelectorAll: () => slides };
    const html = { classList: classes(), hasAttribute: () => false };
    const body = { classList: classes() };
    for (const element of [html, body, ...slides])
      Object.assign(element.classList, { add: Set.prototype.add, contains: Set.prototype.has });
    if (options.htmlClass !== undefined) html.classList.add(options.htmlClass);
    runInNewContext(createPreLayoutScript({ ...stage, readingClass: 'reading' }), {
      innerWidth: options.width,
      innerHeight: options.height,
      location: { hash: options.hash ?? '', search: options.search ?? '' },
      document: {
        documentElement: html,
        body,
        querySelector: (selector: string) => (selector === '.reveal > .slides' ? stageElement : null),
        getElementById: (id: string) => (id === 'sources' ? named : null),
      },
    });
    return { present: slides.filter((slide) => slide.classList.has('present')).map((slide) => slide.index), style, html, body };
  }

  it("scales the stage as reveal's layout() does and marks the first slide present", () => {
    const { present, style, html, body } = runPreLayout({ width: 1280, height: 720 });
    expect(present).toEqual([0]);
    expect(style).toEqual({
      width: '1280px',
      height: '720px',
      left: '50%',
      top: '50%',
      bottom: 'auto',
      right: 'auto',
      transform: 'translate(-50%, -50%) scale(0.96)',
    });
    expect(html.classList.has('reveal-full-page')).toBe(true);
    expect(body.classList.has('reveal-viewport')).toBe(true);
    expect(runPreLayout({ width: 1920, height: 1080 }).style.transform).toBe('translate(-50%, -50%) scale(1.44)');
    // min(1366·0.96/1280, 768·0.96/720) = 1.0245 → reveal rounds to 1.02
    expect(runPreLayout({ width: 1366, height: 768 }).style.transform).toBe('translate(-50%, -50%) scale(1.02)');
  });

  it('shows the slide the URL names: #/3, #/3/0, a slide past the end, a named slide', () => {
    expect(runPreLayout({ width: 1280, height: 720, hash: '#/3' }).present).toEqual([3]);
    expect(runPreLayout({ width: 1280, height: 720, hash: '#/3/0' }).present).toEqual([3]);
    expect(runPreLayout({ width: 1280, height: 720, hash: '#/99' }).present).toEqual([4]);
    expect(runPreLayout({ width: 1280, height: 720, hash: '#/sources' }).present).toEqual([2]);
    expect(runPreLayout({ width: 1280, height: 720, hash: '#/nowhere' }).present).toEqual([0]);
  });

  it('leaves the page to reveal where reveal lays it out another way (print, ?view=scroll, its scroll view), and the reading view', () => {
    for (const options of [
      { width: 1280, height: 720, search: '?print-pdf' },
      { width: 1280, height: 720, search: '?view=scroll' },
      { width: 1280, height: 720, search: '?print-pdf&view=slides' },
      { width: 390, height: 844 },
      { width: 1280, height: 720, htmlClass: 'reading' },
    ]) {
      const { present, style } = runPreLayout(options);
      expect(present).toEqual([]);
      expect(style).toEqual({});
    }
  });
});

describe('createDeferredStartScript', () => {
  it('starts reveal after the next frame and a task, or at once in a hidden page', () => {
    const calls: string[] = [];
    const context = (visibilityState: string) => ({
      document: { visibilityState },
      requestAnimationFrame: (callback: () => void) => {
        calls.push('frame');
        callback();
      },
      setTimeout: (callback: () => void) => {
        calls.push('task');
        callback();
      },
      begin: () => calls.push('start'),
    });
    runInNewContext(createDeferredStartScript('begin();'), context('visible'));
    expect(calls).toEqual(['frame', 'task', 'start']);
    calls.length = 0;
    runInNewContext(createDeferredStartScript('begin();'), context('hidden'));
    expect(calls).toEqual(['start']);
  });
});
