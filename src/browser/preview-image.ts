import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { blockNetwork, launchBrowser } from './launch-browser.js';

/** The size link previews show large (Open Graph's recommended 1.91:1), in pixels. */
export const PREVIEW_SIZE = { width: 1200, height: 630 } as const;

// The 1280×720 slide drawn at 1200 px wide is 675 px high: 22.5 px of its top and bottom padding are cut, not the
// slide shrunk between two bars. A device scale of 0.9375 draws it at that width directly, text sharp.
const SLIDE = { width: 1280, height: 720 } as const;
const SCALE = PREVIEW_SIZE.width / SLIDE.width;
const CROP_TOP = (SLIDE.height - PREVIEW_SIZE.height / SCALE) / 2;

// A fixed quality: the title slide's flat colours and text stay well under WhatsApp's 300 kB; the same pixels give
// the same bytes.
const JPEG_QUALITY = 85;
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * The first slide as it shows at full screen, without reveal's controls, progress bar and slide number, and without
 * a QR code (a code in a chat's preview of its own link is noise): run in the page, which reveal has laid out.
 */
const PREPARE_SLIDE = `(async () => {
  Reveal.configure({ margin: 0, controls: false, progress: false, slideNumber: false, transition: 'none', backgroundTransition: 'none' });
  Reveal.slide(0, 0);
  Reveal.layout();
  for (const figure of document.querySelectorAll('.dd-qr')) {
    figure.closest('section')?.classList.remove('has-qr');
    figure.remove();
  }
  await document.fonts.ready;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
})()`;

export interface PreviewInput {
  /** The built page, as written to index.html. */
  readonly html: string;
  readonly executablePath: string;
  readonly timeoutMs?: number;
}

/** A JPEG of the deck's first slide, 1200×630, drawn by Chromium with the network cut off. */
export async function shootPreviewImage(input: PreviewInput): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'datadeck-preview-'));
  const file = join(dir, 'index.html');
  const [browser] = await Promise.all([launchBrowser(input.executablePath), writeFile(file, input.html)]);
  try {
    const context = await browser.newContext({
      viewport: SLIDE,
      deviceScaleFactor: SCALE,
      reducedMotion: 'reduce',
    });
    await blockNetwork(context);
    const page = await context.newPage();
    const timeout = input.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // From a file, as the deck is opened: reveal keeps the slide in the address, which about:blank refuses.
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout });
    await page.waitForFunction('typeof Reveal !== "undefined" && Reveal.isReady()', undefined, { timeout });
    await page.evaluate(PREPARE_SLIDE);
    return await page.screenshot({
      type: 'jpeg',
      quality: JPEG_QUALITY,
      clip: { x: 0, y: CROP_TOP, width: SLIDE.width, height: PREVIEW_SIZE.height / SCALE },
      animations: 'disabled',
      caret: 'hide',
      timeout,
    });
  } finally {
    await Promise.all([browser.close(), rm(dir, { recursive: true, force: true })]);
  }
}
