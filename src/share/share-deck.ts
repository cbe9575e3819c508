import { createHash } from 'node:crypto';
import { BROWSER_PATHS, locateBrowser } from '../browser/find-browser.js';
import type { SentenceCache } from '../data/sentence-cache.js';
import type { Problem } from '../errors/deck-error.js';
import { messages } from '../errors/messages.js';
import { findWords } from '../i18n/words.js';
import type { Deck, Project } from '../model.js';
import { renderPlain } from '../slides/slide-views.js';
import { normalizeDeckUrl, resolveNextToDeck } from './deck-url.js';
import { addQrCodes, encodeQrCode, renderQrFigure } from './qr-code.js';
import { viewSocialMeta, type PreviewImage, type SocialMeta } from './social-meta.js';

/** What a public address gives a deck: the QR code on its slides and the link-preview tags in its <head>. */
export interface DeckSharing {
  /** --url, or else meta.url, normalized; undefined: the deck has no public address. */
  readonly url: string | undefined;
  /** The slides with the QR code where meta.qr asks for it (unchanged without an address). */
  addQrCodes(slides: readonly string[]): string[];
  /** The preview tags; undefined without an address, so no tag names a relative or local one. */
  viewSocialMeta(slides: readonly string[], image?: PreviewImage): SocialMeta | undefined;
  /** meta.qr without an address to put in the code. */
  readonly warnings: readonly Problem[];
}

export interface SharingInput {
  readonly deck: Deck;
  readonly project: Project;
  /** --url, already checked by the CLI. */
  readonly url: string | undefined;
  readonly sentences: SentenceCache;
}

export async function planSharing(input: SharingInput): Promise<DeckSharing> {
  const { meta } = input.deck;
  const url = input.url ?? (meta.url === undefined ? undefined : normalizeDeckUrl(meta.url));
  const warnings: Problem[] = [];
  let figure: string | undefined;
  if (meta.qr !== false && url === undefined) {
    const position = input.project.data.locate(['meta', 'qr']);
    warnings.push({ code: 'url', ...messages.qrWithoutUrl(), dataPath: ['meta', 'qr'], file: input.project.dataFile, ...position });
  }
  if (meta.qr !== false && url !== undefined) {
    figure = renderQrFigure({ url, matrix: await encodeQrCode(url), words: findWords(meta.locale) });
  }
  const context = { fields: input.deck.fields, rows: input.deck.rows, format: input.deck.format };
  const plain = (text: string | undefined) => (text === undefined ? undefined : renderPlain(text, context, input.sentences));
  return {
    url,
    warnings,
    addQrCodes: (slides) => (figure === undefined ? [...slides] : addQrCodes(slides, figure, meta.qr)),
    viewSocialMeta: (slides, image) =>
      url === undefined
        ? undefined
        : viewSocialMeta({
            url,
            title: plain(meta.title) ?? '',
            subtitle: plain(meta.subtitle),
            institution: plain(meta.institution),
            locale: meta.locale,
            slides,
            image,
          }),
  };
}

/** The preview image as written next to index.html: named by its content, so a chat app's cache never shows an old one. */
export interface PreviewFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly meta: PreviewImage;
}

export interface PreviewInput {
  /** The page without og:image (the image shows the slides, not the head). */
  readonly html: string;
  readonly url: string;
  /** The image's description for whoever cannot see it: the deck's title. */
  readonly alt: string;
  /** Where CHROME_PATH and PATH are read from. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The image, or why there is none: a missing or failing browser skips it (a warning), never the build. */
export async function takePreviewImage(input: PreviewInput): Promise<{ image?: PreviewFile; warning?: Problem }> {
  const located = locateBrowser({ env: input.env, isForPrint: true });
  if ('problem' in located) {
    const chosen = input.env.CHROME_PATH?.trim();
    return { warning: { code: 'browser', ...(chosen ? messages.previewBrowserPath(chosen) : messages.previewNoBrowser(BROWSER_PATHS)) } };
  }
  // Imported here: playwright is loaded only by a build that takes the picture.
  const { PREVIEW_SIZE, shootPreviewImage } = await import('../browser/preview-image.js');
  try {
    const bytes = await shootPreviewImage({ html: input.html, executablePath: located.path });
    const name = `preview-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.jpg`;
    return { image: { name, bytes, meta: { url: resolveNextToDeck(input.url, name), ...PREVIEW_SIZE, alt: input.alt } } };
  } catch (error) {
    const detail = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    return { warning: { code: 'browser', ...messages.previewFailed(detail) } };
  }
}
