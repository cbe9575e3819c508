/**
 * Functions that run inside the page through page.evaluate(): each must be self-contained (Playwright sends its
 * source text, not its closure), so helpers are declared inside.
 */

export interface ChartBox {
  readonly chart: string;
  readonly width: number;
  readonly height: number;
  readonly isVisible: boolean;
  readonly isInsideSlide: boolean;
  readonly isInsideViewport: boolean;
  /** The smallest text of the chart, in px of the 1280×720 slide (reveal's scale to the window taken out). */
  readonly smallestText: number;
}

export interface SlideReport {
  readonly layout: string;
  /** The slide's laid-out height (its scrollHeight, in px of the slide) and the height reveal gives a slide. */
  readonly contentHeight: number;
  readonly slideHeight: number;
  /** Elements and text that stick out of the slide's 16:9 box, or are clipped by their own box. */
  readonly overflows: readonly string[];
  readonly charts: readonly ChartBox[];
}

/** What sticks out of the current slide, and where its charts are, in CSS pixels of the viewport. */
export function inspectCurrentSlide(): SlideReport {
  const slide = Reveal.getCurrentSlide();
  const box = slide.getBoundingClientRect();
  const tolerance = 1.5;
  const isOutside = (rect: DOMRect, outer: { left: number; top: number; right: number; bottom: number }) =>
    rect.left < outer.left - tolerance ||
    rect.top < outer.top - tolerance ||
    rect.right > outer.right + tolerance ||
    rect.bottom > outer.bottom + tolerance;
  // Notes and the screen-reader table are meant to be off the slide.
  const isOffSlide = (element: Element) => element.closest('aside.notes, .visually-hidden') !== null;
  const name = (element: Element) =>
    `${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.split(' ').join('.')}` : ''}`;
  const overflows: string[] = [];
  for (const element of Array.from(slide.querySelectorAll('*'))) {
    if (isOffSlide(element)) continue;
    const rect = element.getBoundingClientRect();
    if (rect.width > 0 && rect.height > 0 && isOutside(rect, box)) overflows.push(`${name(element)} sticks out of the slide`);
    if (element instanceof HTMLElement) {
      const style = getComputedStyle(element);
      const isClipping = style.overflowX !== 'visible' || style.overflowY !== 'visible';
      if (isClipping && (element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1)) {
        overflows.push(
          `${name(element)} clips its content (${element.scrollWidth}×${element.scrollHeight} in ${element.clientWidth}×${element.clientHeight})`,
        );
      }
    }
  }
  // A box can stay inside while its text runs out of it: measure the text itself.
  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent === null || isOffSlide(parent) || (node.textContent ?? '').trim() === '') continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rect = range.getBoundingClientRect();
    if (rect.width > 0 && isOutside(rect, box))
      overflows.push(`text "${(node.textContent ?? '').trim().slice(0, 40)}" runs out of the slide`);
  }
  const viewport = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
  // The slide's drawing of each chart: the second, for the reading view, is not shown in the slides.
  const charts = Array.from(slide.querySelectorAll('.chart-svg > svg:first-child')).map((svg): ChartBox => {
    const rect = svg.getBoundingClientRect();
    // The SVG's own px to the slide's px: its drawn width over its width attribute, reveal's scale divided out.
    const toSlide = rect.width / Number(svg.getAttribute('width') ?? rect.width) / (Reveal.isScrollView() ? 1 : Reveal.getScale());
    const sizes = Array.from(svg.querySelectorAll('text')).map((text) => Number.parseFloat(getComputedStyle(text).fontSize) * toSlide);
    return {
      chart: slide.getAttribute('data-chart') ?? '',
      width: rect.width,
      height: rect.height,
      isVisible: svg.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
      isInsideSlide: !isOutside(rect, box),
      isInsideViewport: !isOutside(rect, viewport),
      smallestText: sizes.length === 0 ? 0 : Math.min(...sizes),
    };
  });
  const config = Reveal.getConfig();
  const slideHeight = typeof config.height === 'number' ? config.height : 720;
  return { layout: slide.getAttribute('data-layout') ?? '', contentHeight: slide.scrollHeight, slideHeight, overflows, charts };
}

export interface TextContrast {
  readonly text: string;
  readonly ratio: number;
  readonly required: number;
}

/** WCAG contrast of every text of the current slide's charts against the slide background: axe does not check SVG text. */
export function measureChartTextContrast(): TextContrast[] {
  const channels = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = (rgb: readonly number[]) => {
    const [r = 0, g = 0, b = 0] = rgb.map((value) => value / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const background = channels(getComputedStyle(document.querySelector('.reveal-viewport') ?? document.body).backgroundColor);
  const slide = Reveal.getCurrentSlide();
  return Array.from(slide.querySelectorAll('.chart-svg > svg:first-child text')).map((text): TextContrast => {
    const style = getComputedStyle(text);
    const [r = 0, g = 0, b = 0] = channels(style.fill);
    const alpha = Number(style.fillOpacity) * Number(style.opacity);
    // A translucent fill is seen mixed with the background.
    const seen = [r, g, b].map((channel, index) => channel * alpha + (background[index] ?? 255) * (1 - alpha));
    const [lighter, darker] = [luminance(seen), luminance(background)].sort((a, b2) => b2 - a);
    const size = parseFloat(style.fontSize);
    const isLarge = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    return { text: text.textContent ?? '', ratio: ((lighter ?? 0) + 0.05) / ((darker ?? 0) + 0.05), required: isLarge ? 3 : 4.5 };
  });
}
