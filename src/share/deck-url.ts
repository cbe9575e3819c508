/**
 * The deck's public address (--url, or meta.url): where link previews, the canonical link and the QR code point.
 * A crawler fetches what the tags name from the internet, so the address must be absolute http(s) and not this
 * computer's own.
 */

/** An absolute http(s) address with a host that is not localhost; checked again by normalizeDeckUrl. */
export const DECK_URL_PATTERN = /^https?:\/\/(?!(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\])(?:[:/?#]|$))[^\s/?#@]+(?:[/?#]\S*)?$/;

/**
 * The address as the tags write it, or undefined when it is not one: punycode host, percent-encoded path (so a QR
 * code holds ASCII only), and a folder's trailing slash (https://ana.github.io/clase → …/clase/, where GitHub
 * Pages serves index.html, and the preview image resolves next to it). An address naming a file keeps it.
 */
export function normalizeDeckUrl(text: string): string | undefined {
  const trimmed = text.trim();
  if (!DECK_URL_PATTERN.test(trimmed) || !URL.canParse(trimmed)) return undefined;
  const url = new URL(trimmed);
  if (url.username !== '' || url.password !== '') return undefined;
  const last = url.pathname.split('/').at(-1) ?? '';
  if (last !== '' && !last.includes('.')) url.pathname = `${url.pathname}/`;
  return url.href;
}

/** An address next to the deck's (the preview image): absolute, as a crawler needs it. */
export function resolveNextToDeck(deckUrl: string, file: string): string {
  return new URL(file, deckUrl).href;
}
