import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../../src/build.js';
import { isDeckError } from '../../../src/errors/deck-error.js';
import { es } from '../../../src/i18n/es.js';
import { createTestOptions, readDefaultText } from '../../helpers.js';
import { slideSections } from '../../text.js';

const URL = 'https://ana-lema.github.io/costos-modelos/';

/** The default deck with lines added under meta: (and its title replaced, when given). */
function writeDeck(metaLines: readonly string[], title?: string): { dataFile: string; outDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'datadeck-share-'));
  let text = readDefaultText().replace(/^ {2}theme: aula$/m, ['  theme: aula', ...metaLines.map((line) => `  ${line}`)].join('\n'));
  if (title !== undefined) text = text.replace(/^ {2}title: .*$/m, `  title: ${JSON.stringify(title)}`);
  writeFileSync(join(dir, 'deck.yaml'), text);
  return { dataFile: join(dir, 'deck.yaml'), outDir: join(dir, 'out') };
}

const head = (html: string) => html.slice(0, html.indexOf('<style>'));
/** Each <meta property|name="key" content="..."> of the head, its content as the browser reads it. */
function readTags(html: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const [, key = '', content = ''] of head(html).matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g))
    tags.set(key, decode(content));
  const canonical = /<link rel="canonical" href="([^"]*)">/.exec(head(html))?.[1];
  if (canonical !== undefined) tags.set('canonical', decode(canonical));
  return tags;
}
const decode = (text: string) =>
  text.replace(/&(?:#x([0-9a-f]+)|(amp|lt|gt|quot));/gi, (_, hex: string | undefined, name: string | undefined) =>
    hex !== undefined ? String.fromCodePoint(Number.parseInt(hex, 16)) : ({ amp: '&', lt: '<', gt: '>', quot: '"' }[name ?? ''] ?? ''),
  );

describe('a deck without a public address', () => {
  it('has no preview tag, no canonical link and no address that a crawler could not open', async () => {
    const files = writeDeck([]);
    // As `datadeck build` runs it: a browser that does not exist is never looked for, since there is no picture to take.
    const result = await buildDeck(createTestOptions({ ...files, previewEnv: { CHROME_PATH: '/nonexistent/chrome' } }));
    expect(result.warnings).toEqual([]);
    const html = readFileSync(join(files.outDir, 'index.html'), 'utf8');
    expect(head(html)).not.toMatch(/og:|twitter:|canonical/);
    expect(readdirSync(files.outDir)).toEqual(['index.html']);
  });
});

describe('a deck with --url (or meta.url)', () => {
  it('writes the Open Graph and Twitter tags with the absolute address, the subtitle and the locale', async () => {
    const files = writeDeck([]);
    await buildDeck(createTestOptions({ ...files, url: URL }));
    const tags = readTags(readFileSync(join(files.outDir, 'index.html'), 'utf8'));
    expect(tags.get('og:url')).toBe(URL);
    expect(tags.get('canonical')).toBe(URL);
    expect(tags.get('og:type')).toBe('website');
    expect(tags.get('og:title')).toBe('Costos relacionados a los modelos de lenguaje');
    expect(tags.get('og:description')).toBe('Actividad extracurricular 04');
    expect(tags.get('og:locale')).toBe('es_ES');
    expect(tags.get('og:site_name')).toBe('Escuela Politécnica Nacional');
    expect(tags.get('twitter:title')).toBe(tags.get('og:title'));
    expect(tags.get('twitter:description')).toBe(tags.get('og:description'));
    // No picture was taken (a test build starts no browser): no og:image, and the small card.
    expect(tags.has('og:image')).toBe(false);
    expect(tags.get('twitter:card')).toBe('summary');
  });

  it('reads meta.url, and --url wins over it', async () => {
    const files = writeDeck(['url: https://ana.github.io/viejo']);
    await buildDeck(createTestOptions(files));
    expect(readTags(readFileSync(join(files.outDir, 'index.html'), 'utf8')).get('og:url')).toBe('https://ana.github.io/viejo/');
    await buildDeck(createTestOptions({ ...files, url: URL }));
    expect(readTags(readFileSync(join(files.outDir, 'index.html'), 'utf8')).get('og:url')).toBe(URL);
  });

  it('escapes the data in every attribute, and describes a deck without subtitle by its first paragraph', async () => {
    const title = 'Costos "><script>alert(1)</script> & más';
    const files = writeDeck([], title);
    const text = readFileSync(files.dataFile, 'utf8').replace(/^ {2}subtitle: .*\n/m, '');
    writeFileSync(files.dataFile, text);
    await buildDeck(createTestOptions({ ...files, url: URL }));
    const html = readFileSync(join(files.outDir, 'index.html'), 'utf8');
    expect(head(html)).not.toContain('<script>alert');
    const tags = readTags(html);
    expect(tags.get('og:title')).toBe(title);
    const description = tags.get('og:description') ?? '';
    expect(description.length).toBeGreaterThan(20);
    expect(description.length).toBeLessThanOrEqual(201);
    expect(description).not.toMatch(/[<>]|\{\{/);
  });

  it('says the locale as Open Graph does for an English deck with a region', async () => {
    const files = writeDeck([]);
    writeFileSync(files.dataFile, readFileSync(files.dataFile, 'utf8').replace(/^ {2}locale: es$/m, '  locale: en-GB'));
    await buildDeck(createTestOptions({ ...files, url: URL }));
    expect(readTags(readFileSync(join(files.outDir, 'index.html'), 'utf8')).get('og:locale')).toBe('en_GB');
  });

  it('refuses a meta.url a crawler could not open, at its line', async () => {
    for (const bad of ['http://localhost:8000/', 'dist/index.html']) {
      const files = writeDeck([`url: ${bad}`]);
      const error = await buildDeck(createTestOptions(files)).catch((caught: unknown) => caught);
      expect(isDeckError(error)).toBe(true);
      if (!isDeckError(error)) continue;
      expect(error.problems.map((problem) => [problem.entry?.name, problem.dataPath])).toEqual([['badDeckUrl', ['meta', 'url']]]);
      expect(error.problems[0]?.line).toBe(readFileSync(files.dataFile, 'utf8').split('\n').indexOf(`  url: ${bad}`) + 1);
    }
  });
});

describe('the link-preview image', () => {
  it('is skipped with a warning when there is no browser: the deck builds, without og:image', async () => {
    const files = writeDeck([]);
    const result = await buildDeck(createTestOptions({ ...files, url: URL, previewEnv: { CHROME_PATH: '/nonexistent/chrome' } }));
    expect(result.warnings.map((warning) => warning.entry?.name)).toContain('previewBrowserPath');
    expect(result.preview).toBeUndefined();
    expect(head(readFileSync(join(files.outDir, 'index.html'), 'utf8'))).not.toContain('og:image');
  });

  it('of an earlier build is removed by the next one, and no other file of the folder is', async () => {
    const files = writeDeck([]);
    mkdirSync(files.outDir, { recursive: true });
    writeFileSync(join(files.outDir, 'preview-0123456789ab.jpg'), 'an old preview');
    writeFileSync(join(files.outDir, 'preview.jpg'), 'a file of the user');
    await buildDeck(createTestOptions(files));
    expect(existsSync(join(files.outDir, 'preview-0123456789ab.jpg'))).toBe(false);
    expect(readFileSync(join(files.outDir, 'preview.jpg'), 'utf8')).toBe('a file of the user');
  });
});

describe('meta.qr', () => {
  it('puts a QR code of the address on the first and last slides, named for screen readers, the address under it', async () => {
    const files = writeDeck(['qr: true']);
    await buildDeck(createTestOptions({ ...files, url: URL }));
    const sections = slideSections(readFileSync(join(files.outDir, 'index.html'), 'utf8'));
    const withQr = sections.flatMap((section, index) => (section.includes('class="dd-qr"') ? [index] : []));
    expect(withQr).toEqual([0, sections.length - 1]);
    const figure = /<figure class="dd-qr">[\s\S]*?<\/figure>/.exec(sections[0] ?? '')?.[0] ?? '';
    expect(figure).toContain(`role="img" aria-label="${es.qr.label}: ${URL}"`);
    expect(figure).toContain(es.qr.scan);
    expect(figure).toContain('ana-lema.github.io/costos-modelos/</span>');
  });

  it.each(['first', 'last'])('qr: %s shows it on that slide only', async (placement) => {
    const files = writeDeck([`qr: ${placement}`]);
    await buildDeck(createTestOptions({ ...files, url: URL }));
    const sections = slideSections(readFileSync(join(files.outDir, 'index.html'), 'utf8'));
    const withQr = sections.flatMap((section, index) => (section.includes('class="dd-qr"') ? [index] : []));
    expect(withQr).toEqual([placement === 'first' ? 0 : sections.length - 1]);
  });

  it('without an address shows no code and says why, at meta.qr', async () => {
    const files = writeDeck(['qr: true']);
    const result = await buildDeck(createTestOptions(files));
    const warning = result.warnings.find((problem) => problem.entry?.name === 'qrWithoutUrl');
    expect(warning?.dataPath).toEqual(['meta', 'qr']);
    expect(warning?.line).toBeGreaterThan(1);
    expect(readFileSync(join(files.outDir, 'index.html'), 'utf8').includes('<figure class="dd-qr">')).toBe(false);
  });
});
