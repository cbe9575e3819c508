/** What reveal.js's print view (?print-pdf) derives from the deck's config: the page size and the styles it injects. */

export interface SlideGeometry {
  readonly width: number;
  readonly height: number;
  /** Fraction of the slide size left empty around it, as in reveal's `margin`. */
  readonly margin: number;
}

export interface PageSize {
  readonly width: number;
  readonly height: number;
}

/** One PDF page per slide: the slide plus its margin, rounded down as reveal does (1280×720 at 0.04 → 1331×748 px). */
export function printPageSize(geometry: SlideGeometry): PageSize {
  return {
    width: Math.floor(geometry.width * (1 + geometry.margin)),
    height: Math.floor(geometry.height * (1 + geometry.margin)),
  };
}

/**
 * The two <style> elements reveal 6's print view appends to <head>, character for character (see setupPDF in
 * reveal's print controller). The deck's CSP lists their hashes, so printing needs no 'unsafe-inline';
 * test/e2e/pdf.test.ts fails on a CSP violation in the print view if a reveal upgrade changes them.
 */
export function revealPrintStyles(geometry: SlideGeometry): string[] {
  const page = printPageSize(geometry);
  return [
    `@page{size:${page.width}px ${page.height}px; margin: 0px;}`,
    `.reveal section>img, .reveal section>video, .reveal section>iframe{max-width: ${geometry.width}px; max-height:${geometry.height}px}`,
  ];
}
