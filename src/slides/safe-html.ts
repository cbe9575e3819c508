/**
 * HTML our own code made from escaped text (a sentence with its figures, a table cell). Handlebars prints an object
 * with toHTML() as it is, so a layout writes {{paragraph}} and gets the text escaped exactly once.
 */
export class SafeHtml {
  constructor(readonly html: string) {}

  toHTML(): string {
    return this.html;
  }

  toString(): string {
    return this.html;
  }
}

/** The text a reader sees, for estimating sizes and for attributes such as aria-label. */
export function visibleLength(html: string): number {
  return html.replace(/<[^>]*>/g, '').replace(/&[#\w]+;/g, ' ').length;
}
