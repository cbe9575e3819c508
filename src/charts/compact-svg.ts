/**
 * Makes vega's SVG smaller without changing what it draws: geometry rounded to 1/100 of a unit (a chart is
 * 1120 units wide on a slide 1280 px wide, so far below a pixel), the font every text repeats said once on the
 * root, and what draws or does nothing dropped: opacity="1" and translate(0,0) (defaults), empty elements with
 * display="none", zero-sized unstroked paths, pointer-events="none" (a static slide has no pointer handlers). Pure and deterministic: the same SVG in, the same bytes out.
 */
export function compactSvg(svg: string): string {
  const rounded = svg.replace(/<[^>]*>/g, (tag) =>
    tag.replace(GEOMETRY, (_match, lead: string, value: string) => `${lead}${roundNumbers(value)}"`),
  );
  const bare = rounded
    .replace(/<[a-z]+\b[^>]*\sdisplay="none"[^>]*\/>/g, '')
    // vega's axis groups carry a background of zero width and height: with no stroke, it paints nothing.
    .replace(/<path\b(?![^>]*\sstroke=)[^>]*\sd="M0,0h0v0h0Z"[^>]*\/>/g, '')
    .replace(/ opacity="1"(?=[\s/>])/g, '')
    // Only an interactive vega view listens to the pointer; on a slide nothing does.
    .replace(/ pointer-events="none"/g, '')
    .replace(/ transform="translate\(0,0\)"/g, '')
    // The one ARIA role vega keeps with aria: false: its root frame, "group mark container", which a screen reader
    // would announce in English inside a Spanish deck. It names nothing; the figure's caption describes the chart.
    .replace(/ role="graphics-object" aria-roledescription="group mark container"/g, '');
  return hoistTextFont(bare);
}

// Attributes that hold only coordinates and lengths; text, ids, colours and class names are never touched.
const GEOMETRY = /(\s(?:d|transform|x|y|x1|x2|y1|y2|dx|dy|cx|cy|r|rx|ry|width|height|points|stroke-width)=")([^"]*)"/g;

/** Every decimal number in an attribute value, rounded to two places, without trailing zeros: 48.89999 → 48.9. */
export function roundNumbers(value: string): string {
  return value.replace(/-?\d*\.\d{3,}(?:e-?\d+)?/g, (number) => {
    const rounded = Math.round(Number(number) * 100) / 100;
    return String(Object.is(rounded, -0) ? 0 : rounded);
  });
}

/** vega writes the same font-family on every <text>; said once on the root <svg>, the texts inherit it. */
function hoistTextFont(svg: string): string {
  const fonts = new Set([...svg.matchAll(/<text\b[^>]*?(\sfont-family="[^"]*")/g)].map((match) => match[1]));
  const texts = svg.match(/<text\b/g)?.length ?? 0;
  const withFont = [...svg.matchAll(/<text\b[^>]*?\sfont-family="/g)].length;
  const [font] = fonts;
  if (font === undefined || fonts.size !== 1 || withFont !== texts || !svg.startsWith('<svg ')) return svg;
  const stripped = svg.replace(/<text\b[^>]*>/g, (tag) => tag.replace(font, ''));
  return `<svg${font}${stripped.slice('<svg'.length)}`;
}
