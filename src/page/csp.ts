import { createHash } from 'node:crypto';
import { revealPrintStyles, type SlideGeometry } from './print-view.js';
import { readSpeakerViewCode, type InlineCode } from './speaker-view.js';

/** The Content-Security-Policy the deck carries in a <meta> tag. */

export interface PolicySources {
  /** The text of every inline <script> the page may run, exactly as between its tags. */
  readonly scripts: readonly string[];
  /** The text of every <style> element the page may apply. */
  readonly styles: readonly string[];
  /** style="" attribute values the page's own markup carries; each becomes a hash under 'unsafe-hashes'. */
  readonly styleAttributes?: readonly string[];
  /** The page frames itself: the speaker view previews the deck in two iframes. */
  readonly isFramingSelf?: boolean;
}

/**
 * Nothing runs, loads or connects unless listed: scripts and styles by the hash of their exact text (so no
 * 'unsafe-inline', no 'unsafe-eval', no origin at all), images and fonts only as data: URLs (an embedded font
 * subset, an inline icon). Even a text that escaped escaping could neither run nor fetch anything.
 * The dev server adds its live-reload script's text to `scripts`.
 */
export function buildContentSecurityPolicy(sources: PolicySources): string {
  const attributes = sources.styleAttributes ?? [];
  const styleSources = [
    ...sources.styles.map(hashSource),
    ...(attributes.length > 0 ? ["'unsafe-hashes'", ...attributes.map(hashSource)] : []),
  ];
  return [
    "default-src 'none'",
    `script-src ${listOrNone(unique(sources.scripts.map(hashSource)))}`,
    `style-src ${listOrNone(unique(styleSources))}`,
    'img-src data:',
    'font-src data:',
    `frame-src ${sources.isFramingSelf === true ? "'self'" : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** A CSP hash source for an inline script or style: 'sha256-<base64 of its UTF-8 text>'. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export interface DeckPolicyInput {
  /** The deck's inline scripts, as written into the page. */
  readonly scripts: readonly string[];
  /** The deck's one <style> element. */
  readonly css: string;
  /** The notes plugin's source when the deck has speaker notes; its speaker view is allowed too. */
  readonly notesJs?: string | undefined;
  /** The slide geometry of the reveal config, which fixes the styles the print view injects. */
  readonly geometry: SlideGeometry;
}

/** The policy of a built deck: its own code, reveal's print view and, when it has notes, the speaker view. */
export function createDeckPolicy(input: DeckPolicyInput): string {
  const speaker: InlineCode =
    input.notesJs === undefined ? { scripts: [], styles: [], styleAttributes: [] } : readSpeakerViewCode(input.notesJs);
  return buildContentSecurityPolicy({
    scripts: [...input.scripts, ...speaker.scripts],
    styles: [input.css, ...revealPrintStyles(input.geometry), ...speaker.styles],
    styleAttributes: speaker.styleAttributes,
    isFramingSelf: input.notesJs !== undefined,
  });
}

function listOrNone(sources: readonly string[]): string {
  return sources.length === 0 ? "'none'" : sources.join(' ');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
