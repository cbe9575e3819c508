/** The text a reader sees in a piece of our HTML: tags dropped, Handlebars' entities decoded, spaces collapsed. */
export function visibleText(html: string): string {
  return (
    html
      .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
      // Inline elements join the text around them ("(<span>≈ 7.800</span>" reads "(≈ 7.800"); the others break it.
      .replace(/<\/?(span|strong|em|b|i|a|time|abbr|sup|sub)\b[^>]*>/gi, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&(amp|lt|gt|quot|#x27|#x60|#x3D|#39|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '')
      .replace(/[\s\u00a0]+/g, ' ')
      .trim()
  );
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#x27': "'",
  '#39': "'",
  '#x60': '`',
  '#x3D': '=',
  nbsp: ' ',
};

/** The <section> elements of a built deck, in order. */
export function slideSections(html: string): string[] {
  return html.match(/<section\b[\s\S]*?<\/section>/g) ?? [];
}
