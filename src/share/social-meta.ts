/**
 * The link-preview tags a chat app (WhatsApp, Teams, Telegram) or a social site reads from the page's static <head>:
 * Open Graph and the Twitter card, with the canonical link. Their crawlers run no script and fetch the image by its
 * absolute address, so these are written only for a deck with a public address (--url or meta.url).
 */

export interface PreviewImage {
  /** Absolute: a crawler fetches it on its own. */
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
}

/** What templates/deck.hbs writes, every text plain (Handlebars escapes it into the attributes). */
export interface SocialMeta {
  readonly url: string;
  readonly title: string;
  readonly description: string;
  /** es_ES, en_US, es_EC: Open Graph's language_TERRITORY. */
  readonly locale: string;
  readonly siteName: string | undefined;
  /** summary_large_image with a picture, summary without. */
  readonly card: 'summary' | 'summary_large_image';
  readonly image: PreviewImage | undefined;
}

export interface SocialMetaInput {
  readonly url: string;
  /** The page's title and its subtitle as plain text, figures computed. */
  readonly title: string;
  readonly subtitle: string | undefined;
  readonly institution: string | undefined;
  readonly locale: string;
  /** The rendered slides: without a subtitle, the first paragraph describes the deck. */
  readonly slides: readonly string[];
  readonly image?: PreviewImage | undefined;
}

// Previews cut a description at about two lines; a sentence longer than this is shortened at a word.
const DESCRIPTION_LENGTH = 200;

export function viewSocialMeta(input: SocialMetaInput): SocialMeta {
  const description = input.subtitle ?? findFirstParagraph(input.slides) ?? input.title;
  return {
    url: input.url,
    title: input.title,
    description: shorten(description, DESCRIPTION_LENGTH),
    locale: toOpenGraphLocale(input.locale),
    siteName: input.institution,
    card: input.image === undefined ? 'summary' : 'summary_large_image',
    image: input.image,
  };
}

/** es → es_ES, en → en_US, es-EC → es_EC. */
export function toOpenGraphLocale(locale: string): string {
  const [language = 'es', region] = locale.split('-');
  return `${language}_${region ?? (language === 'en' ? 'US' : language.toUpperCase())}`;
}

/** The text of the first <p> of the slides after the title slide's, as a reader sees it. */
function findFirstParagraph(slides: readonly string[]): string | undefined {
  for (const html of slides) {
    if (/^\s*<section[^>]*data-layout="title"/.test(html)) continue;
    for (const [, inner = ''] of html.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g)) {
      const text = decodeEntities(inner.replace(/<[^>]*>/g, ''))
        .replace(/\s+/g, ' ')
        .trim();
      if (text !== '') return text;
    }
  }
  return undefined;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ' };

// Our own escaping writes these (render-sentence.ts's escapeHtml); Handlebars escapes the result again.
function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? entity;
  });
}

function shorten(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.·-]+$/, '')}…`;
}
